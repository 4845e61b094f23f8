import { Alert, Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { MyAssignmentRecord } from '../dataProvider/records.ts';
import { formatDay, formatMinute } from '../shared/dates.ts';
import { owing } from '../../../domain/supervision/lights.ts';


/** What the supervising office last said about this assignment: why it was returned, an urge, an extension pending or decided. */
export function AssignmentNotes({ record }: { record: MyAssignmentRecord }) {
  const translate = useTranslate();
  const { lastReturn, lastUrge, lastExtensionDecision } = record;
  const notes = [
    record.status === 'returned' && lastReturn && (
      <Alert key="return" severity="warning" data-testid="return-reason">
        <b>{translate('duban.my.returnReason')}</b>
        {lastReturn.comment || translate('duban.my.noReason')}
        <span style={{ opacity: 0.7 }}> · {formatMinute(lastReturn.at)}</span>
      </Alert>
    ),
    owing(record) && lastUrge && (
      <Alert key="urge" severity="error" icon={false} variant="outlined" data-testid="urge-note">
        <b>{translate('duban.my.urged')}</b>
        {lastUrge.comment}
        <span style={{ opacity: 0.7 }}> · {formatMinute(lastUrge.at)}</span>
      </Alert>
    ),
    record.extensionRequestedUntil && (
      <Alert key="extension" severity="info">
        {translate('duban.my.extensionPending', { date: formatDay(record.extensionRequestedUntil) })}
      </Alert>
    ),
    !record.extensionRequestedUntil && lastExtensionDecision && (
      <Alert key="decision" severity="info" icon={false}>
        <b>{translate('duban.my.extensionDecided')}</b>
        {lastExtensionDecision.comment || translate('duban.my.seeDeadline')}
        <span style={{ opacity: 0.7 }}> · {formatMinute(lastExtensionDecision.at)}</span>
      </Alert>
    ),
  ].filter(Boolean);
  return notes.length ? <Stack spacing={1}>{notes}</Stack> : null;
}
