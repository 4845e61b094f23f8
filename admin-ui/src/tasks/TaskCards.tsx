import { Box, Card, CardActionArea, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, useTranslate } from 'react-admin';
import type { TaskRecord } from '../dataProvider/records.ts';
import { LightChip } from '../lights/LightChip.tsx';
import { CardList } from '../shared/CardList.tsx';
import { Deadline } from '../shared/Deadline.tsx';
import { useDubanPaths } from '../shared/links.ts';
import { TaskBodies } from './TaskBodies.tsx';
import { TaskPlace } from './TaskPlace.tsx';

/** One task on a phone: ref, light and status, its text, plan and section, its bodies and deadline; a tap opens it. */
function TaskCard({ task }: { task: TaskRecord }) {
  const translate = useTranslate();
  const paths = useDubanPaths();
  return (
    <Card variant="outlined" data-testid="task-card" data-ref={task.ref}>
      <CardActionArea component={Link} to={paths.task(task.id)}>
        <CardContent>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', mb: 0.5 }}>
            <Typography variant="subtitle2" sx={{ fontWeight: 700 }}>{task.ref}</Typography>
            <LightChip light={task.light} size="small" />
            <Typography variant="body2" color="text.secondary">{translate(`duban.taskStatus.${task.status}`)}</Typography>
          </Box>
          <Typography variant="body2" sx={{ display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}>
            {task.text}
          </Typography>
          <TaskPlace task={task} sx={{ mb: 1 }} />
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
            <TaskBodies assignments={task.assignments} />
            <Deadline record={task} />
          </Box>
        </CardContent>
      </CardActionArea>
    </Card>
  );
}

/** The task list's page as cards: a phone has no room for its columns. */
export function TaskCards({ empty }: { empty: ReactNode }) {
  return <CardList<TaskRecord> empty={empty} card={(task) => <TaskCard task={task} />} />;
}
