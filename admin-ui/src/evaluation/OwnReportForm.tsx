import { Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { LightChip } from '../lights/LightChip.tsx';
import type { ComponentProps } from 'react';
import { AttachmentsInput, type Uploaded } from '../shared/AttachmentsInput.tsx';

const sectionKeys = ['followUp', 'benefits', 'marketVitality', 'supervisionEfficiency'] as const;
type SectionKey = (typeof sectionKeys)[number];

interface OwnReport {
  id: string;
  status: string;
  light: ComponentProps<typeof LightChip>['light'];
  lastReason: string | null;
  sections: Array<{ key: string; title: string; text: string }>;
}

export interface ReportSubmission extends Record<SectionKey, string> {
  attachmentIds: string[];
}

/**
 * The unit's own report, written in full width above the round's table (in a
 * table cell it was a sliver on a phone): its four sections, its files, and submit.
 */
export function OwnReportForm({ report, onSubmit }: { report: OwnReport; onSubmit: (submission: ReportSubmission) => void }) {
  const translate = useTranslate();
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [files, setFiles] = useState<Uploaded[]>([]);
  const [uploading, setUploading] = useState(false);
  const text = (key: string) => draft[key] ?? report.sections.find((s) => s.key === key)?.text ?? '';
  const submit = () => onSubmit({ ...(Object.fromEntries(sectionKeys.map((k) => [k, text(k)])) as Record<SectionKey, string>), attachmentIds: files.map((f) => f.id) });
  return (
    <Box data-testid="own-report" sx={{ mb: 2, p: 2, border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <Stack direction="row" useFlexGap spacing={1} sx={{ mb: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700 }}>{translate('duban.evaluation.ownReport')}</Typography>
        <LightChip light={report.light} />
        <Typography variant="body2">
          {translate(`duban.rounds.unit.${report.status}`)}
          {report.lastReason && report.status === 'returned' ? `：${report.lastReason}` : ''}
        </Typography>
      </Stack>
      <Stack spacing={1.5}>
        {report.sections.map((s) => (
          <TextField key={s.key} size="small" fullWidth multiline minRows={3} label={s.title.split(' ')[0]} value={text(s.key)} onChange={(e) => setDraft({ ...draft, [s.key]: e.target.value })} />
        ))}
        <AttachmentsInput onChange={setFiles} onBusy={setUploading} />
        <Box>
          <Button variant="contained" data-action="submit" disabled={uploading} onClick={submit}>
            {translate('duban.rounds.submit')}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
