import { useState } from 'react';
import { Button, Checkbox, FormControlLabel, FormGroup, MenuItem, Radio, RadioGroup, Stack, TextField, Typography } from '@mui/material';
import { useRefresh, useTranslate } from 'react-admin';
import { recordInspectionResult, type InspectionOutcome, type RoundRecord, type SampledRecord } from '../dataProvider/credit.ts';
import { FormDialog } from '../shared/FormDialog.tsx';

const outcomes: InspectionOutcome[] = ['pass', 'fail', 'notApplicable'];
const findingKinds = ['penalty', 'abnormal', 'seriousViolation', 'refusedInspection'] as const;
type FindingKind = (typeof findingKinds)[number];

function ResultDialog({ round, sampled, onClose }: { round: RoundRecord; sampled: SampledRecord; onClose: () => void }) {
  const translate = useTranslate();
  const refresh = useRefresh();
  const checklist = round.checklistItems;
  const [signers, setSigners] = useState<string[]>(sampled.inspectors.map((i) => i.officer.id));
  const [answers, setAnswers] = useState<Record<string, { outcome: InspectionOutcome; note: string }>>(Object.fromEntries(checklist.map((i) => [i.id, { outcome: 'pass', note: '' }])));
  const [withFinding, setWithFinding] = useState(false);
  const [finding, setFinding] = useState<{ kind: FindingKind; amount: string; description: string }>({ kind: 'penalty', amount: '', description: '' });
  const answer = (itemId: string, change: Partial<{ outcome: InspectionOutcome; note: string }>) => setAnswers((a) => ({ ...a, [itemId]: { ...a[itemId]!, ...change } }));
  const send = async () => {
    await recordInspectionResult({
      roundId: round.id,
      entityCode: sampled.entity.code,
      inspectorIds: signers,
      answers: checklist.map((i) => ({ itemId: i.id, ...answers[i.id]! })),
      finding: withFinding ? { kind: finding.kind, description: finding.description, ...(finding.amount.trim() ? { amountYuan: Number(finding.amount) } : {}) } : null,
    });
    refresh();
    onClose();
  };
  return (
    <FormDialog title={`${translate('duban.credit.recordResult')}：${sampled.entity.name}`} onClose={onClose} onConfirm={send} maxWidth="md">
      <Typography variant="subtitle2">{translate('duban.credit.signers')}</Typography>
      <FormGroup row>
        {sampled.inspectors.map(({ officer }) => (
          <FormControlLabel
            key={officer.id}
            label={`${officer.name}（${officer.id}）`}
            control={<Checkbox checked={signers.includes(officer.id)} onChange={(e) => setSigners((s) => (e.target.checked ? [...s, officer.id] : s.filter((id) => id !== officer.id)))} />}
          />
        ))}
      </FormGroup>
      <Typography variant="subtitle2">{translate('duban.credit.checklist')}</Typography>
      {checklist.map((item) => (
        <Stack key={item.id} spacing={0.5} data-testid="checklist-item" data-item={item.id}>
          <Typography variant="body2">{item.text}（{item.id}）</Typography>
          <RadioGroup row value={answers[item.id]!.outcome} onChange={(e) => answer(item.id, { outcome: e.target.value as InspectionOutcome })}>
            {outcomes.map((o) => <FormControlLabel key={o} value={o} control={<Radio size="small" />} label={translate(`duban.credit.outcome.${o}`)} />)}
          </RadioGroup>
          <TextField size="small" label={translate('duban.credit.note')} value={answers[item.id]!.note} onChange={(e) => answer(item.id, { note: e.target.value })} />
        </Stack>
      ))}
      <FormControlLabel control={<Checkbox checked={withFinding} onChange={(e) => setWithFinding(e.target.checked)} />} label={translate('duban.credit.withFinding')} />
      {withFinding && (
        <Stack spacing={2}>
          <TextField select size="small" label={translate('duban.credit.findingKind')} value={finding.kind} onChange={(e) => setFinding({ ...finding, kind: e.target.value as FindingKind })}>
            {findingKinds.map((k) => <MenuItem key={k} value={k}>{translate(`duban.credit.kind.${k}`)}</MenuItem>)}
          </TextField>
          <TextField size="small" label={translate('duban.credit.findingAmount')} value={finding.amount} onChange={(e) => setFinding({ ...finding, amount: e.target.value })} inputMode="decimal" />
          <TextField size="small" label={translate('duban.credit.findingDescription')} value={finding.description} onChange={(e) => setFinding({ ...finding, description: e.target.value })} />
        </Stack>
      )}
    </FormDialog>
  );
}

/**
 * Records a sampled entity's result against the shared checklist: the
 * supervising office, or a body one of whose inspectors was drawn for it; the
 * round workflow checks the signers and every item again.
 */
export function RecordResult({ round, sampled }: { round: RoundRecord; sampled: SampledRecord }) {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  if (!sampled.availableActions.includes('record')) return null;
  return (
    <>
      <Button size="small" variant="outlined" data-action="recordResult" onClick={() => setOpen(true)}>{translate('duban.credit.recordResult')}</Button>
      {open && <ResultDialog round={round} sampled={sampled} onClose={() => setOpen(false)} />}
    </>
  );
}
