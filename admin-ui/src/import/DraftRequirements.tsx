import { Box, Chip, Stack, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { DraftRequirement } from '../dataProvider/imports.ts';
import { endOfShanghaiDay, shanghaiDay } from '../shared/dates.ts';
import { EmptyState } from '../shared/EmptyState.tsx';
import { Panel } from '../shared/Panel.tsx';
import { describeRecurrence } from '../shared/recurrence.ts';

/** The notice's requirements: their text and deadlines (which set the tasks' deadlines) can be corrected here. */
export function DraftRequirements({ requirements, onChange }: { requirements: DraftRequirement[]; onChange: (index: number, change: Partial<DraftRequirement>) => void }) {
  const translate = useTranslate();
  return (
    <Panel title={translate('duban.import.requirements')} testId="draft-requirements">
      {requirements.length === 0 ? (
        <EmptyState title={translate('duban.import.noRequirements')} hint={translate('duban.import.noRequirementsHint')} />
      ) : (
        <Stack spacing={2}>
          {requirements.map((r, index) => (
            <Box key={index} data-testid="draft-requirement" sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 180px' }, gap: 1.5 }}>
              <Box>
                <TextField
                  multiline
                  fullWidth
                  size="small"
                  value={r.text}
                  onChange={(e) => onChange(index, { text: e.target.value })}
                  slotProps={{ htmlInput: { 'aria-label': translate('duban.import.requirementText'), 'data-testid': 'draft-requirement-text' } }}
                />
                <Stack direction="row" spacing={0.5} sx={{ mt: 0.5, flexWrap: 'wrap', gap: 0.5 }}>
                  {r.recurrence && <Chip size="small" color="info" variant="outlined" label={describeRecurrence(r.recurrence, translate)} />}
                  {r.appliesTo.map((name) => (
                    <Chip key={name} size="small" label={name} />
                  ))}
                </Stack>
              </Box>
              <TextField
                type="date"
                size="small"
                label={translate('duban.import.due')}
                value={r.due ? shanghaiDay(r.due) : ''}
                onChange={(e) => onChange(index, { due: e.target.value ? endOfShanghaiDay(e.target.value) : null })}
                helperText={r.due ? translate('duban.import.dueHint') : translate('duban.common.noDeadline')}
                slotProps={{ inputLabel: { shrink: true } }}
              />
            </Box>
          ))}
        </Stack>
      )}
    </Panel>
  );
}
