import { Box, Button, IconButton, Stack, TextField, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { useTranslate } from 'react-admin';
import type { BodyMatch, DraftTask } from '../dataProvider/imports.ts';
import { endOfShanghaiDay, shanghaiDay } from '../shared/dates.ts';
import { Panel } from '../shared/Panel.tsx';
import { BodyNamesInput } from './BodyNamesInput.tsx';

interface Props {
  tasks: DraftTask[];
  options: string[];
  matchOf: (name: string) => BodyMatch;
  selected: string | null;
  onSelect: (ref: string) => void;
  onChange: (ref: string, change: Partial<DraftTask>) => void;
  onAdd: (section: string) => void;
  onRemove: (ref: string) => void;
}

/** The parsed tasks by section, each to correct where the parser erred: its text, bodies, own deadline and recurrence; tasks can be added and removed. */
export function DraftTasks({ tasks, options, matchOf, selected, onSelect, onChange, onAdd, onRemove }: Props) {
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
                  <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', mb: 1 }}>
                    <Typography variant="body2" sx={{ fontWeight: 700, pt: 1 }}>{task.ref}</Typography>
                    <TextField
                      multiline
                      fullWidth
                      size="small"
                      value={task.text}
                      onChange={(e) => onChange(task.ref, { text: e.target.value })}
                      slotProps={{ htmlInput: { 'aria-label': translate('duban.import.taskText'), 'data-testid': 'draft-task-text' } }}
                    />
                    <IconButton size="small" aria-label={translate('duban.import.removeTask')} onClick={(e) => { e.stopPropagation(); onRemove(task.ref); }}>
                      <DeleteIcon fontSize="small" />
                    </IconButton>
                  </Box>
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
                    <TextField
                      type="date"
                      size="small"
                      label={translate('duban.import.taskDue')}
                      value={task.due ? shanghaiDay(task.due) : ''}
                      onChange={(e) => onChange(task.ref, { due: e.target.value ? endOfShanghaiDay(e.target.value) : null })}
                      slotProps={{ inputLabel: { shrink: true } }}
                    />
                    <TextField
                      size="small"
                      label={translate('duban.import.taskRecurrence')}
                      value={task.recurrence ?? ''}
                      placeholder={translate('duban.import.taskRecurrenceHint')}
                      onChange={(e) => onChange(task.ref, { recurrence: e.target.value || null })}
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
          <Button size="small" startIcon={<AddIcon />} sx={{ mt: 1 }} onClick={() => onAdd(section)} data-testid="add-task">
            {translate('duban.import.addTask')}
          </Button>
        </Box>
      ))}
    </Panel>
  );
}
