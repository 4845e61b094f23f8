import { useState } from 'react';
import { Box, Button, MenuItem, Stack, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { NoticeDraft } from '../dataProvider/imports.ts';
import { shanghaiDay } from '../shared/dates.ts';

const sources = ['instruction', 'meeting', 'other'] as const;

/**
 * 立项: work that comes without a notice (a leader's written instruction, a
 * meeting's decisions) starts as a draft of one task, completed in the same
 * editor (leads, supports, deadline, recurrence, more tasks) and committed like
 * an imported notice, with the same lifecycle.
 */
export function ManualPlan({ onDraft }: { onDraft: (draft: NoticeDraft) => void }) {
  const translate = useTranslate();
  const [form, setForm] = useState({ title: '', source: 'instruction' as (typeof sources)[number], text: '' });
  const start = () => {
    const basis = translate(`duban.import.manualSource.${form.source}`);
    const text = form.text.trim() || form.title.trim();
    onDraft({
      title: form.title.trim(),
      issuer: null,
      issuedOn: shanghaiDay(new Date().toISOString()),
      basis,
      sourceText: `${form.title.trim()}\n${basis}\n\n${text}`,
      warnings: [],
      tasks: [{ ref: '1.1', section: basis, text, leads: [], supports: [], due: null, recurrence: null }],
      requirements: [],
      bodies: [],
    });
  };
  return (
    <Stack spacing={2}>
      <TextField label={translate('duban.import.manualTitle')} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} required slotProps={{ htmlInput: { 'data-testid': 'manual-title' } }} />
      <TextField select label={translate('duban.import.manualSourceLabel')} value={form.source} onChange={(e) => setForm({ ...form, source: e.target.value as typeof form.source })}>
        {sources.map((s) => <MenuItem key={s} value={s}>{translate(`duban.import.manualSource.${s}`)}</MenuItem>)}
      </TextField>
      <TextField label={translate('duban.import.manualText')} multiline minRows={4} value={form.text} onChange={(e) => setForm({ ...form, text: e.target.value })} slotProps={{ htmlInput: { 'data-testid': 'manual-text' } }} />
      <Box>
        <Button variant="contained" disabled={!form.title.trim()} onClick={start} data-testid="manual-start">{translate('duban.import.manualStart')}</Button>
      </Box>
    </Stack>
  );
}
