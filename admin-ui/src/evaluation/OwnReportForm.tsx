import { Box, Button, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { AttachmentsInput, type Uploaded } from '../shared/AttachmentsInput.tsx';
import { OwnPart, type Standing } from '../filing/UnitStanding.tsx';

const sectionKeys = ['followUp', 'benefits', 'marketVitality', 'supervisionEfficiency'] as const;
type SectionKey = (typeof sectionKeys)[number];

interface OwnReport extends Standing {
  id: string;
  sections: Array<{ key: string; title: string; text: string }>;
}

export interface ReportSubmission extends Record<SectionKey, string> {
  attachmentIds: string[];
}

/** The unit's own report: its four sections, its files, and submit. */
export function OwnReportForm({ report, onSubmit }: { report: OwnReport; onSubmit: (submission: ReportSubmission) => void }) {
  const translate = useTranslate();
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [files, setFiles] = useState<Uploaded[]>([]);
  const [uploading, setUploading] = useState(false);
  const text = (key: string) => draft[key] ?? report.sections.find((s) => s.key === key)?.text ?? '';
  const submit = () => onSubmit({ ...(Object.fromEntries(sectionKeys.map((k) => [k, text(k)])) as Record<SectionKey, string>), attachmentIds: files.map((f) => f.id) });
  return (
    <OwnPart testId="own-report" title={translate('duban.evaluation.ownReport')} unit={report}>
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
    </OwnPart>
  );
}
