import { useState } from 'react';
import {
  Alert,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  Radio,
  RadioGroup,
  Stack,
  TextField,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { graphql } from '../graphql.ts';
import { useApiQuery } from '../shared/api.ts';
import { useAct } from '../actions/useAct.ts';
import type { ActionTarget } from '../actions/ActionDialog.tsx';
import { textLimits } from '../../../domain/limits.ts';

const EscalateChoices = graphql(`
  query EscalateChoices($id: ID!) {
    node(id: $id) {
      ... on Task {
        id
        plan { id escalationLadder { id triggerKind triggerCount action } }
        timeline { seq type bodyName details { rungId slipNumber } }
      }
    }
  }
`);

/**
 * 督办升级 by hand: the office picks a rung of the plan's ladder (those already
 * issued to this unit are marked and cannot be picked), confirms, and sees what
 * was issued (the 督办单's number, which also appears in the task's slip panel).
 * Whether the rung may go now is the workflow's rule: a refusal shows in its words.
 */
export function EscalateDialog({ target, onClose, onDone }: { target: ActionTarget; onClose: () => void; onDone?: () => void }) {
  const translate = useTranslate();
  const { task, assignment } = target;
  const [rungId, setRungId] = useState('');
  const [comment, setComment] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [sent, setSent] = useState(false);
  const act = useAct(() => {
    setSent(true);
    onDone?.();
  });
  // Once sent, ask again until the read model shows the new event.
  const { data, error } = useApiQuery(EscalateChoices, { variables: { id: task.id }, refetchInterval: sent ? 1000 : false });
  const node = data?.node && 'plan' in data.node ? data.node : null;
  const rungs = node?.plan.escalationLadder ?? [];
  const issued = new Map(
    (node?.timeline ?? [])
      .filter((e) => e.type === 'escalated' && e.bodyName === assignment.bodyName && e.details.rungId)
      .map((e) => [e.details.rungId!, e.details.slipNumber] as const),
  );
  const chosen = rungs.find((r) => r.id === rungId);
  const action = (r: { action: string }) => translate(`duban.ladder.actions.${r.action}`);
  const done = sent && issued.has(rungId);
  const send = () => act.mutate({ taskId: task.id, bodyName: assignment.bodyName, type: 'escalate', rungId, ...(comment.trim() ? { comment } : {}) });

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="escalate-dialog-title">
      <DialogTitle id="escalate-dialog-title">
        {translate('duban.action.escalate')} · {assignment.bodyName} · {translate('duban.task.refLabel', { ref: task.ref })}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 0.5 }} data-testid="escalate-dialog">
          {error && <Alert severity="error">{error.message}</Alert>}
          {sent ? (
            <Alert severity="success" role="status" data-testid="escalate-result">
              {done
                ? issued.get(rungId)
                  ? translate('duban.escalate.issuedSlip', { action: action(chosen!), number: issued.get(rungId)! })
                  : translate('duban.escalate.issued', { action: action(chosen!) })
                : translate('duban.escalate.sending')}
            </Alert>
          ) : confirming && chosen ? (
            <DialogContentText data-testid="escalate-confirm">
              {translate('duban.escalate.confirm', { action: action(chosen), body: assignment.bodyName, ref: task.ref })}
            </DialogContentText>
          ) : (
            <>
              <DialogContentText>{translate('duban.action.hint.escalate')}</DialogContentText>
              {node && rungs.length === 0 && <Alert severity="info">{translate('duban.ladder.empty')}</Alert>}
              <RadioGroup value={rungId} onChange={(e) => setRungId(e.target.value)}>
                {rungs.map((r) => (
                  <FormControlLabel
                    key={r.id}
                    value={r.id}
                    disabled={issued.has(r.id)}
                    control={<Radio slotProps={{ input: { 'data-rung': r.action } as object }} />}
                    label={
                      <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
                        <span>{action(r)}</span>
                        <span>{translate(`duban.escalate.trigger.${r.triggerKind}`, { count: r.triggerCount })}</span>
                        {issued.has(r.id) && <Chip size="small" label={translate('duban.escalate.alreadyIssued')} />}
                      </Stack>
                    }
                  />
                ))}
              </RadioGroup>
              <TextField
                label={translate('duban.action.field.comment')}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
                multiline
                minRows={2}
                slotProps={{ htmlInput: { maxLength: textLimits.comment } }}
              />
            </>
          )}
          {act.error && <Alert severity="error" role="alert">{act.error.message}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        {sent ? (
          <Button onClick={onClose} data-testid="close-escalate">{translate('duban.escalate.close')}</Button>
        ) : (
          <>
            <Button onClick={confirming ? () => setConfirming(false) : onClose}>{confirming ? translate('duban.escalate.back') : translate('ra.action.cancel')}</Button>
            {confirming ? (
              <Button variant="contained" color="warning" onClick={send} disabled={act.isPending} data-testid="confirm-action">
                {translate('duban.escalate.send')}
              </Button>
            ) : (
              <Button variant="contained" onClick={() => setConfirming(true)} disabled={!chosen || issued.has(rungId)} data-testid="escalate-next">
                {translate('duban.escalate.next')}
              </Button>
            )}
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
