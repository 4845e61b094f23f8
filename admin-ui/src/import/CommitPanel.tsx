import { useState } from 'react';
import { Alert, Box, Button, FormControlLabel, Radio, RadioGroup, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import type { DubanDataProvider } from '../dataProvider/index.ts';
import type { DraftBodyResolution, NoticeDraft, RegistryRecord, Timeline } from '../dataProvider/imports.ts';
import { Panel } from '../shared/Panel.tsx';
import { useDubanPaths } from '../shared/links.ts';

/** Chooses the plan's timeline and commits the draft; the API's ValidationError lists every problem, one per line. */
export function CommitPanel({ draft, registry, resolutions, onStartOver }: { draft: NoticeDraft; registry: RegistryRecord; resolutions: DraftBodyResolution[]; onStartOver: () => void }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<DubanDataProvider>();
  const notify = useNotify();
  const navigate = useNavigate();
  const paths = useDubanPaths();
  const [timeline, setTimeline] = useState<Timeline>('historic');
  const commit = useMutation({
    mutationFn: () => dataProvider.commitPlan(draft, timeline, resolutions, registry.id),
    onSuccess: (plan) => {
      notify('duban.import.committed', { type: 'success', messageArgs: { title: plan.title } });
      navigate(paths.show('plans', plan.id));
    },
  });
  return (
    <Panel title={translate('duban.import.commitTitle')} testId="commit-panel">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="commit-registry">
        {translate('duban.import.committedAgainst', { name: registry.name })}
      </Typography>
      <RadioGroup value={timeline} onChange={(e) => setTimeline(e.target.value as Timeline)}>
        {(['historic', 'rebased'] as const).map((value) => (
          <FormControlLabel
            key={value}
            value={value}
            control={<Radio />}
            label={
              <Box sx={{ py: 0.5 }}>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {translate(`duban.import.${value}`)}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {translate(`duban.import.${value}Hint`)}
                </Typography>
              </Box>
            }
          />
        ))}
      </RadioGroup>
      {commit.error && (
        <Alert severity="error" role="alert" sx={{ mt: 2, whiteSpace: 'pre-line' }}>
          {commit.error.message}
        </Alert>
      )}
      <Box sx={{ display: 'flex', gap: 1, mt: 2, flexWrap: 'wrap' }}>
        <Button variant="contained" disabled={commit.isPending || !draft.title.trim()} onClick={() => commit.mutate()} data-testid="commit-plan">
          {translate(commit.isPending ? 'duban.import.committing' : 'duban.import.commit')}
        </Button>
        <Button onClick={onStartOver}>{translate('duban.import.startOver')}</Button>
      </Box>
    </Panel>
  );
}
