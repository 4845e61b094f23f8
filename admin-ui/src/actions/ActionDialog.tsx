import { useState } from 'react';
import {
  Alert,
  Button,
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
import type { ActionType } from '../dataProvider/actions.ts';
import type { AssignmentRecord } from '../dataProvider/records.ts';
import { endOfShanghaiDay, formatDay, shanghaiDay } from '../shared/dates.ts';
import { DesignateInput, type Designated } from './DesignateInput.tsx';
import { commentRequired } from '../../../domain/supervision/actions.ts';
import { AttachmentsInput, type Uploaded } from '../shared/AttachmentsInput.tsx';
import { withFiles } from './emphasis.ts';
import { useAct } from './useAct.ts';
import { MutationError } from '../graphql.ts';
import { textLimits } from '../../../domain/limits.ts';

export interface ActionTarget {
  task: { id: string; ref: string };
  assignment: AssignmentRecord;
}

const dayMs = 86_400_000;

/**
 * Asks for what one action needs (a message, reasons, a new deadline, a
 * decision, bodies) and sends it; a refusal from the workflow stays in the
 * dialog in the API's own words.
 */
export function ActionDialog({ type, target, onClose, onDone }: { type: ActionType; target: ActionTarget; onClose: () => void; onDone?: () => void }) {
  const translate = useTranslate();
  const { task, assignment } = target;
  const [comment, setComment] = useState(type === 'urge' ? translate('duban.action.defaultUrge') : '');
  const [until, setUntil] = useState('');
  const [percent, setPercent] = useState(assignment.progressPercent == null ? '' : String(assignment.progressPercent));
  const [approve, setApprove] = useState(true);
  const [bodies, setBodies] = useState<Designated[]>([]);
  const [files, setFiles] = useState<Uploaded[]>([]);
  const [uploading, setUploading] = useState(false);
  const act = useAct(() => {
    onDone?.();
    onClose();
  });

  // A new deadline must be later than the current one and in the future.
  const earliest = shanghaiDay(Math.max(Date.now(), assignment.due ? Date.parse(assignment.due) : 0) + dayMs);
  // A designated body's deadline starts at the group's; any later day than today will do.
  const groupDue = assignment.due ? shanghaiDay(Date.parse(assignment.due)) : '';
  const tomorrow = shanghaiDay(Date.now() + dayMs);
  const ready =
    (!commentRequired.has(type) || comment.trim() !== '') &&
    (type !== 'requestExtension' || until >= earliest) &&
    (type !== 'designate' || (bodies.length > 0 && bodies.every((d) => d.due === groupDue || d.due >= tomorrow))) &&
    !uploading;

  // The API refuses a second urge within its interval until the user confirms it.
  const urgedRecently = act.error instanceof MutationError && act.error.type === 'RecentlyUrgedError';
  const send = () =>
    act.mutate({
      ...(urgedRecently ? { force: true } : {}),
      taskId: task.id,
      bodyName: assignment.bodyName,
      type,
      ...(type === 'setBlocking' ? { blocking: !assignment.blocking } : { comment }),
      ...(type === 'requestExtension' ? { until: endOfShanghaiDay(until) } : {}),
      ...(type === 'progress' && percent !== '' ? { percent: Number(percent) } : {}),
      ...(type === 'decideExtension' ? { approve } : {}),
      ...(type === 'designate' ? { bodies: bodies.map((d) => ({ id: d.body.id, ...(d.due && d.due !== groupDue ? { due: endOfShanghaiDay(d.due) } : {}) })) } : {}),
      ...(withFiles.has(type) ? { attachments: files.map((f) => ({ id: f.id })) } : {}),
    });

  const label = translate(type === 'setBlocking' && assignment.blocking ? 'duban.action.unsetBlocking' : `duban.action.${type}`);
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="action-dialog-title">
      <DialogTitle id="action-dialog-title">
        {label} · {assignment.bodyName} · {translate('duban.task.refLabel', { ref: task.ref })}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 0.5 }}>
          <DialogContentText>{translate(`duban.action.hint.${type}`)}</DialogContentText>
          {type === 'decideExtension' && assignment.extensionRequestedUntil && (
            <>
              <Alert severity="info">
                {translate('duban.action.extensionAsked', {
                  until: formatDay(assignment.extensionRequestedUntil),
                  due: formatDay(assignment.due) || '—',
                })}
                {assignment.extensionReason && <div>{translate('duban.action.extensionReason', { reason: assignment.extensionReason })}</div>}
              </Alert>
              <RadioGroup row value={approve ? 'yes' : 'no'} onChange={(e) => setApprove(e.target.value === 'yes')}>
                <FormControlLabel value="yes" control={<Radio />} label={translate('duban.action.field.approve')} />
                <FormControlLabel value="no" control={<Radio />} label={translate('duban.action.field.refuse')} />
              </RadioGroup>
            </>
          )}
          {type === 'requestExtension' && (
            <TextField
              type="date"
              label={translate('duban.action.field.until')}
              value={until}
              onChange={(e) => setUntil(e.target.value)}
              required
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: earliest, 'data-testid': 'extension-until' } }}
              helperText={translate('duban.action.untilHint', { due: formatDay(assignment.due) || '—' })}
            />
          )}
          {type === 'designate' && <DesignateInput value={bodies} onChange={setBodies} defaultDue={groupDue} min={tomorrow} />}
          {type === 'progress' && (
            <TextField
              type="number"
              label={translate('duban.action.field.percent')}
              value={percent}
              onChange={(e) => setPercent(e.target.value)}
              helperText={translate('duban.action.percentHint')}
              slotProps={{ htmlInput: { min: 0, max: 100, step: 1, 'data-testid': 'progress-percent' } }}
            />
          )}
          {type !== 'setBlocking' && (
            <TextField
              label={translate(`duban.action.field.${type === 'urge' ? 'message' : type === 'return' || type === 'withdraw' || type === 'requestExtension' || type === 'returnDraft' ? 'reason' : 'comment'}`)}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              required={commentRequired.has(type)}
              multiline
              minRows={3}
              autoFocus
              slotProps={{ htmlInput: { maxLength: textLimits.comment } }}
            />
          )}
          {withFiles.has(type) && <AttachmentsInput onChange={setFiles} onBusy={setUploading} />}
          {act.error && (
            <Alert severity={urgedRecently ? 'warning' : 'error'} role="alert">
              {urgedRecently && <strong>{translate('duban.action.urgedRecently')} </strong>}
              {act.error.message}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" onClick={send} disabled={!ready || act.isPending} data-testid="confirm-action">
          {urgedRecently ? translate('duban.action.urgeAnyway') : label}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
