import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Stack, Tab, Tabs, TextField, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFileOutlined';
import { useMutation } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import type { DubanDataProvider } from '../dataProvider/index.ts';
import type { NoticeDraft, RegistryRecord } from '../dataProvider/imports.ts';
import { ManualPlan } from './ManualPlan.tsx';
import { RegistryPicker } from './RegistryPicker.tsx';

/** Step one: a notice as a file (text, HTML, .docx) or pasted text, parsed into a draft, or work without a notice (立项); nothing is stored yet. */
export function NoticeSource({ onParsed }: { onParsed: (draft: NoticeDraft, registry: RegistryRecord) => void }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<DubanDataProvider>();
  const [mode, setMode] = useState<'file' | 'text' | 'manual'>('file');
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [registry, setRegistry] = useState<RegistryRecord | null>(null);
  const parse = useMutation({
    mutationFn: () => dataProvider.parseNotice(mode === 'file' ? { file: file! } : { text }, registry!.id),
    onSuccess: (draft) => onParsed(draft, registry!),
  });
  const ready = registry !== null && (mode === 'file' ? file !== null : text.trim() !== '');

  return (
    <Card variant="outlined" sx={{ maxWidth: 880 }}>
      <Tabs value={mode} onChange={(_e, value) => setMode(value)} sx={{ borderBottom: 1, borderColor: 'divider', px: 2 }}>
        <Tab value="file" label={translate('duban.import.upload')} />
        <Tab value="text" label={translate('duban.import.paste')} />
        <Tab value="manual" label={translate('duban.import.manual')} data-testid="manual-tab" />
      </Tabs>
      <CardContent>
        <Box sx={{ mb: 2 }}>
          <RegistryPicker value={registry} onChange={setRegistry} />
        </Box>
        {mode === 'manual' ? <ManualPlan onDraft={(draft) => registry && onParsed(draft, registry)} /> : <Stack spacing={2}>
          {mode === 'file' ? (
            <Box
              component="label"
              sx={{ border: 2, borderStyle: 'dashed', borderColor: 'divider', borderRadius: 2, p: 4, textAlign: 'center', cursor: 'pointer' }}
            >
              <input
                type="file"
                hidden
                accept=".txt,.text,.html,.htm,.docx,.doc,.xlsx,.pdf,text/plain,text/html,application/pdf,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                data-testid="notice-file"
              />
              <UploadFileIcon color="action" sx={{ fontSize: 40 }} />
              <Typography>{file ? file.name : translate('duban.import.choose')}</Typography>
              <Typography variant="caption" color="text.secondary">
                {translate('duban.import.formats')}
              </Typography>
            </Box>
          ) : (
            <TextField
              multiline
              minRows={12}
              maxRows={24}
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={translate('duban.import.pasteHint')}
              slotProps={{ htmlInput: { 'data-testid': 'notice-text' } }}
            />
          )}
          {parse.error && (
            <Alert severity="error" role="alert" sx={{ whiteSpace: 'pre-line' }}>
              {parse.error.message}
            </Alert>
          )}
          <Box>
            <Button variant="contained" disabled={!ready || parse.isPending} onClick={() => parse.mutate()} data-testid="parse-notice">
              {translate(parse.isPending ? 'duban.import.parsing' : 'duban.import.parse')}
            </Button>
          </Box>
        </Stack>}
      </CardContent>
    </Card>
  );
}
