import { useState } from 'react';
import { Box, Button, IconButton, Stack, TextField, Tooltip, Typography } from '@mui/material';
import CallSplitIcon from '@mui/icons-material/CallSplit';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import MergeIcon from '@mui/icons-material/MergeType';
import { useTranslate } from 'react-admin';
import { splitPoint, splittable } from '../../../domain/plan/draft-edits.ts';
import type { BodyMatch, DraftTask } from '../dataProvider/imports.ts';
import { endOfShanghaiDay, shanghaiDay } from '../shared/dates.ts';
import { BodyNamesInput } from './BodyNamesInput.tsx';

export interface DraftTaskActions {
  onSelect: (ref: string) => void;
  onChange: (ref: string, change: Partial<DraftTask>) => void;
  onRemove: (ref: string) => void;
  /** Splits the task's text at a character offset. */
  onSplit: (ref: string, at: number) => void;
  /** Merges the next task of the section into this one. */
  onMergeNext: (ref: string) => void;
}

interface Props extends DraftTaskActions {
  task: DraftTask;
  /** Whether a task follows it in its section (so it can be merged with it). */
  hasNext: boolean;
  selected: boolean;
  options: string[];
  matchOf: (name: string) => BodyMatch;
}

/** One task of the draft, to correct where the parser erred: text, bodies, own deadline and recurrence; split, merged with the next or removed. */
export function DraftTaskCard({ task, hasNext, selected, options, matchOf, onSelect, onChange, onRemove, onSplit, onMergeNext }: Props) {
  const translate = useTranslate();
  const [caret, setCaret] = useState(0);
  // At the cursor when it sits inside the text, else at the sentence end nearest the middle.
  const splitAt = splittable(task.text, caret) ? caret : splitPoint(task.text);
  return (
    <Box
      data-testid="draft-task"
      data-ref={task.ref}
      onClick={() => onSelect(task.ref)}
      sx={{ p: 1.5, border: 1, borderRadius: 1, borderColor: selected ? 'primary.main' : 'divider', cursor: 'pointer' }}
    >
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', mb: 1 }}>
        <Typography variant="body2" sx={{ fontWeight: 700, pt: 1 }}>{task.ref}</Typography>
        <TextField
          multiline
          fullWidth
          size="small"
          value={task.text}
          onSelect={(e) => setCaret((e.target as HTMLTextAreaElement).selectionStart)}
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
      <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', mt: 1 }}>
        <Tooltip title={translate('duban.import.splitTaskHint')}>
          <span>
            <Button
              size="small"
              startIcon={<CallSplitIcon />}
              data-testid="split-task"
              disabled={splitAt === null}
              onClick={(e) => {
                e.stopPropagation();
                if (splitAt !== null) onSplit(task.ref, splitAt);
              }}
            >
              {translate('duban.import.splitTask')}
            </Button>
          </span>
        </Tooltip>
        {hasNext && (
          <Button size="small" startIcon={<MergeIcon />} data-testid="merge-next" onClick={(e) => { e.stopPropagation(); onMergeNext(task.ref); }}>
            {translate('duban.import.mergeNext')}
          </Button>
        )}
      </Stack>
    </Box>
  );
}
