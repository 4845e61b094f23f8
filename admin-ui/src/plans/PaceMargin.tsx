import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { graphql } from '../graphql.ts';
import { useApiMutation, useApiQuery } from '../shared/api.ts';
import { Panel } from '../shared/Panel.tsx';

const PaceMarginQuery = graphql(`query PlanPaceMargin($id: ID!) { node(id: $id) { ... on Plan { id paceMarginPoints mayChangePaceMargin } } }`);
const SetPaceMargin = graphql(`
  mutation SetPaceMargin($p: ID!, $n: Int!) {
    setPaceMargin(planId: $p, points: $n) { __typename ... on Error { message } ... on MutationSetPaceMarginSuccess { data { id paceMarginPoints } } }
  }
`);

/** The plan's 序时进度 margin: shown to every viewer, changed by whoever the API says may (the supervising office). */
export function PaceMarginPanel({ planId }: { planId: string }) {
  const translate = useTranslate();
  const { data, error } = useApiQuery(PaceMarginQuery, { variables: { id: planId } });
  const save = useApiMutation(SetPaceMargin);
  const plan = data?.node && 'paceMarginPoints' in data.node ? data.node : null;
  const [value, setValue] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const stored = plan?.paceMarginPoints;
  useEffect(() => {
    if (stored !== undefined) setValue(String(stored));
  }, [stored]);
  if (!plan) return error ? <Alert severity="error">{error.message}</Alert> : null;
  const points = Number(value);
  const valid = value !== '' && Number.isInteger(points) && points >= 0 && points <= 100;
  const submit = () =>
    save.mutateAsync({ p: planId, n: points }).then(() => { setFailure(null); setSaved(true); }, (e: Error) => { setSaved(false); setFailure(e.message); });
  return (
    <Panel title={translate('duban.paceMargin.title')} testId="pace-margin">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{translate('duban.paceMargin.hint', { points: plan.paceMarginPoints })}</Typography>
      {failure && <Alert severity="error" role="alert" sx={{ mb: 1 }}>{failure}</Alert>}
      {saved && <Alert severity="success" sx={{ mb: 1 }}>{translate('duban.paceMargin.saved', { points: plan.paceMarginPoints })}</Alert>}
      {plan.mayChangePaceMargin ? (
        <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
          <TextField
            type="number"
            size="small"
            label={translate('duban.paceMargin.label')}
            value={value}
            onChange={(e) => { setSaved(false); setValue(e.target.value); }}
            error={!valid}
            sx={{ width: 160 }}
            slotProps={{ htmlInput: { min: 0, max: 100, step: 1, 'data-testid': 'pace-margin-input' } }}
          />
          <Button variant="contained" data-action="save-pace-margin" disabled={!valid || save.isPending || points === plan.paceMarginPoints} onClick={() => void submit()}>
            {translate('duban.paceMargin.save')}
          </Button>
        </Stack>
      ) : (
        <Typography data-testid="pace-margin-value">{translate('duban.paceMargin.value', { points: plan.paceMarginPoints })}</Typography>
      )}
    </Panel>
  );
}
