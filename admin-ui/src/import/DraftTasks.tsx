import { Box, Button, Stack, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { useTranslate } from 'react-admin';
import type { BodyMatch, DraftTask } from '../dataProvider/imports.ts';
import { Panel } from '../shared/Panel.tsx';
import { DraftTaskCard, type DraftTaskActions } from './DraftTaskCard.tsx';

interface Props extends DraftTaskActions {
  tasks: DraftTask[];
  options: string[];
  matchOf: (name: string) => BodyMatch;
  selected: string | null;
  onAdd: (section: string) => void;
}

/** The parsed tasks by section, each to correct where the parser erred; tasks can be added, removed, split and merged. */
export function DraftTasks({ tasks, options, matchOf, selected, onAdd, ...actions }: Props) {
  const translate = useTranslate();
  const sections = [...new Set(tasks.map((t) => t.section))];
  return (
    <Panel title={translate('duban.import.tasks', { smart_count: tasks.length })} testId="draft-tasks">
      {sections.map((section) => {
        const inSection = tasks.filter((t) => t.section === section);
        return (
          <Box key={section} sx={{ mb: 2 }}>
            <Typography variant="subtitle2" sx={{ mb: 1 }}>
              {section}
            </Typography>
            <Stack spacing={1}>
              {inSection.map((task, index) => (
                <DraftTaskCard
                  key={task.ref}
                  task={task}
                  hasNext={index < inSection.length - 1}
                  selected={selected === task.ref}
                  options={options}
                  matchOf={matchOf}
                  {...actions}
                />
              ))}
            </Stack>
            <Button size="small" startIcon={<AddIcon />} sx={{ mt: 1 }} onClick={() => onAdd(section)} data-testid="add-task">
              {translate('duban.import.addTask')}
            </Button>
          </Box>
        );
      })}
    </Panel>
  );
}
