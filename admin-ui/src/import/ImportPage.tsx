import { useState } from 'react';
import { Box, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import type { NoticeDraft, RegistryRecord } from '../dataProvider/imports.ts';
import { DraftEditor } from './DraftEditor.tsx';
import { NoticeSource } from './NoticeSource.tsx';

/** Import of a task-division notice: upload or paste, check and correct the parsed plan, commit. */
export function ImportPage() {
  const translate = useTranslate();
  const [draft, setDraft] = useState<{ draft: NoticeDraft; registry: RegistryRecord } | null>(null);
  return (
    <Box sx={{ py: 2 }}>
      <Title title={translate('duban.import.title')} />
      <Typography variant="h5" component="h1" sx={{ mb: 0.5 }}>
        {translate('duban.import.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate(draft ? 'duban.import.reviewHint' : 'duban.import.intro')}
      </Typography>
      {draft ? (
        <DraftEditor initial={draft.draft} registry={draft.registry} onStartOver={() => setDraft(null)} />
      ) : (
        <NoticeSource onParsed={(parsed, registry) => setDraft({ draft: parsed, registry })} />
      )}
    </Box>
  );
}
