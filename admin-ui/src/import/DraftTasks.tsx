import { Box, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { BodyMatch, DraftTask } from '../dataProvider/imports.ts';
import { Panel } from '../shared/Panel.tsx';
import { BodyNamesInput } from './BodyNamesInput.tsx';

interface Props {
  tasks: DraftTask[];
  options: string[];
  matchOf: (name: string) => BodyMatch;
  selected: string | null;
  onSelect: (ref: string) => void;
  onChange: (ref: string, change: Pick<DraftTask, 'leads' | 'supports'>) => void;
}

/** The parsed tasks by section, each with its lead and support bodies to check and correct. */
export function DraftTasks({ tasks, options, matchOf, selected, onSelect, onChange }: Props) {
  const translate = useTranslate();
  const sections = [...new Set(tasks.map((t) => t.section))];
  return (
    <Panel title={translate('duban.import.tasks', { smart_count: tasks.length })} testId="draft-tasks">
      {sections.map((section) => (
        <Box key={section} sx={{ mb: 2 }}>
          <Typography variant="subtitle2" sx={{ mb: 1 }}>
            {section}
          </Typography>
          <Stack spacing={1}>
            {tasks
              .filter((t) => t.section === section)
              .map((task) => (
                <Box
                  key={task.ref}
                  data-testid="draft-task"
                  data-ref={task.ref}
                  onClick={() => onSelect(task.ref)}
                  sx={{ p: 1.5, border: 1, borderRadius: 1, borderColor: selected === task.ref ? 'primary.main' : 'divider', cursor: 'pointer' }}
                >
                  <Typography variant="body2" sx={{ mb: 1 }}>
                    <b>{task.ref}</b> {task.text}
                  </Typography>
                  <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 1 }}>
                    <BodyNamesInput
                      label={translate('duban.import.leads')}
                      value={task.leads}
                      options={options}
                      matchOf={matchOf}
                      onChange={(leads) => onChange(task.ref, { leads, supports: task.supports })}
                    />
                    <BodyNamesInput
                      label={translate('duban.import.supports')}
                      value={task.supports}
                      options={options}
                      matchOf={matchOf}
                      onChange={(supports) => onChange(task.ref, { leads: task.leads, supports })}
                    />
                  </Box>
                  {task.leads.length === 0 && (
                    <Typography variant="caption" color="error">
                      {translate('duban.import.noLead')}
                    </Typography>
                  )}
                </Box>
              ))}
          </Stack>
        </Box>
      ))}
    </Panel>
  );
}
