import { Alert, Box, Button, Card, CardContent, Chip, Link, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Loading, Title, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { AssignmentActions } from '../actions/AssignmentActions.tsx';
import { AssignmentFields } from '../dataProvider/fields.ts';
import { graphql, type ResultOf } from '../graphql.ts';
import { useApiMutation, useApiQuery } from '../shared/api.ts';
import { endOfShanghaiDay, formatDay, formatMinute, shanghaiDay } from '../shared/dates.ts';
import { FormDialog } from '../shared/FormDialog.tsx';
import { useDubanPaths } from '../shared/links.ts';
import { Panel } from '../shared/Panel.tsx';
import { AttachmentChip } from '../tasks/AttachmentChip.tsx';

const Desk = graphql(`
  query SignOffDesk {
    signOffDesk {
      duty onBehalfOfName mayDelegate
      drafts { ...AssignmentFields task { id ref text } signOffDraft { kind comment until draftedBy draftedAt attachedFiles { id name } } }
      colleagues { id displayName duty }
      delegations { id principalName delegateName from until revokedAt inForce mayRevoke }
    }
  }
`, [AssignmentFields]);
const Delegate = graphql(`
  mutation DelegateSignOff($a: ID!, $f: DateTime!, $u: DateTime!) { delegateSignOff(accountId: $a, from: $f, until: $u) { __typename ... on Error { message } ... on MutationDelegateSignOffSuccess { data { id } } } }
`);
const Revoke = graphql(`
  mutation RevokeSignOffDelegation($id: ID!) { revokeSignOffDelegation(id: $id) { __typename ... on Error { message } ... on MutationRevokeSignOffDelegationSuccess { data { id } } } }
`);
type DeskData = ResultOf<typeof Desk>['signOffDesk'];
type Delegation = DeskData['delegations'][number];

const statusOf = (d: Delegation) => (d.revokedAt ? 'revoked' : d.inForce ? 'inForce' : Date.parse(d.from) > Date.now() ? 'waiting' : 'over');
/** The period as days, the last one inclusive (the delegation ends at the end of it). */
const periodOf = (d: Delegation) => ({ from: formatDay(d.from), until: formatDay(new Date(Date.parse(d.until) - 1).toISOString()) });

/**
 * A department's sign-off desk: the drafts its 承办人 wrote, awaiting the 负责人's (or acting
 * delegate's) sign-off, with the buttons the API offers; and the 负责人's delegations (职务代理).
 */
export function SignOffPage() {
  const translate = useTranslate();
  const paths = useDubanPaths();
  const { data, error, refetch } = useApiQuery(Desk);
  const revoke = useApiMutation(Revoke);
  const [delegating, setDelegating] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (!data && !error) return <Loading />;
  const desk = data?.signOffDesk;
  return (
    <Box sx={{ py: 2 }} data-testid="sign-off-page">
      <Title title={translate('duban.signOff.title')} />
      {error && <Alert severity="error" role="alert">{error.message}</Alert>}
      {desk && (
        <Stack spacing={2}>
          <Alert severity="info" data-testid="sign-off-duty">
            {translate(`duban.signOff.you.${desk.duty ?? 'none'}`)}
            {desk.onBehalfOfName && <div>{translate('duban.signOff.acting', { principal: desk.onBehalfOfName })}</div>}
          </Alert>
          <Panel title={translate('duban.signOff.drafts')} testId="sign-off-drafts">
            {desk.drafts.length === 0 ? (
              <Typography color="text.secondary">{translate('duban.signOff.noDrafts')}</Typography>
            ) : (
              <Stack spacing={1}>
                {desk.drafts.map((a) => (
                  <Card key={a.id} variant="outlined" data-testid="sign-off-draft" data-body={a.bodyName}>
                    <CardContent>
                      <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 1 }}>
                        <Chip size="small" color="warning" label={translate(`duban.signOff.draftOf.${a.signOffDraft!.kind === 'requestExtension' ? 'requestExtension' : 'submit'}`)} />
                        <Link component={RouterLink} to={paths.task(a.task.id)}>{translate('duban.signOff.openTask', { ref: a.task.ref })}</Link>
                        <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>{a.task.text}</Typography>
                      </Stack>
                      <Typography variant="caption" color="text.secondary">
                        {translate('duban.signOff.draftedBy', { name: a.signOffDraft!.draftedBy, at: formatMinute(a.signOffDraft!.draftedAt) })}
                      </Typography>
                      {a.signOffDraft!.until && <Typography variant="body2">{translate('duban.signOff.until', { date: formatDay(a.signOffDraft!.until) })}</Typography>}
                      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', my: 1 }} data-testid="draft-comment">{a.signOffDraft!.comment}</Typography>
                      {a.signOffDraft!.attachedFiles.length > 0 && (
                        <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', mb: 1 }}>
                          {a.signOffDraft!.attachedFiles.map((f) => <AttachmentChip key={f.id} file={f} />)}
                        </Stack>
                      )}
                      <AssignmentActions target={{ task: a.task, assignment: a }} only={['signOff', 'returnDraft']} onDone={() => void refetch()} />
                    </CardContent>
                  </Card>
                ))}
              </Stack>
            )}
          </Panel>
          <Panel
            title={translate('duban.signOff.delegations')}
            testId="sign-off-delegations"
            action={desk.mayDelegate ? <Button size="small" variant="contained" onClick={() => setDelegating(true)} data-action="delegate">{translate('duban.signOff.delegate')}</Button> : undefined}
          >
            {failure && <Alert severity="error" role="alert" sx={{ mb: 1 }}>{failure}</Alert>}
            {desk.delegations.length === 0 ? (
              <Typography color="text.secondary">{translate('duban.signOff.noDelegations')}</Typography>
            ) : (
              <Stack spacing={1}>
                {desk.delegations.map((d) => (
                  <Stack key={d.id} direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'center' }} data-testid="delegation">
                    <Typography variant="body2">{translate('duban.signOff.actingFor', { actor: d.delegateName, principal: d.principalName })}</Typography>
                    <Typography variant="body2" color="text.secondary">{translate('duban.signOff.period', periodOf(d))}</Typography>
                    <Chip size="small" color={d.inForce ? 'success' : 'default'} label={translate(`duban.signOff.status.${statusOf(d)}`)} />
                    {d.mayRevoke && (
                      <Button size="small" color="error" data-action="revoke" onClick={() => revoke.mutateAsync({ id: d.id }).then(() => setFailure(null), (e: Error) => setFailure(e.message))}>
                        {translate('duban.signOff.revoke')}
                      </Button>
                    )}
                  </Stack>
                ))}
              </Stack>
            )}
          </Panel>
          {delegating && <DelegateDialog colleagues={desk.colleagues} onClose={() => setDelegating(false)} />}
        </Stack>
      )}
    </Box>
  );
}

/** A 负责人 names a colleague as acting for a period of days (the last one inclusive). */
function DelegateDialog({ colleagues, onClose }: { colleagues: DeskData['colleagues']; onClose: () => void }) {
  const translate = useTranslate();
  const delegate = useApiMutation(Delegate);
  const today = shanghaiDay(Date.now());
  const [form, setForm] = useState({ accountId: colleagues[0]?.id ?? '', from: today, until: today });
  return (
    <FormDialog
      title={translate('duban.signOff.delegate')}
      onClose={onClose}
      ready={Boolean(form.accountId && form.from && form.until && form.until >= form.from)}
      onConfirm={async () => {
        await delegate.mutateAsync({ a: form.accountId, f: new Date(`${form.from}T00:00:00+08:00`).toISOString(), u: new Date(Date.parse(endOfShanghaiDay(form.until)) + 1000).toISOString() });
        onClose();
      }}
    >
      <Typography variant="body2" color="text.secondary">{translate('duban.signOff.delegateHint')}</Typography>
      {colleagues.length === 0 ? (
        <Alert severity="warning">{translate('duban.signOff.noColleague')}</Alert>
      ) : (
        <TextField select label={translate('duban.signOff.colleague')} value={form.accountId} onChange={(e) => setForm({ ...form, accountId: e.target.value })} data-testid="delegate-colleague">
          {colleagues.map((c) => <MenuItem key={c.id} value={c.id}>{c.displayName} · {translate(`duban.signOff.duty.${c.duty}`)}</MenuItem>)}
        </TextField>
      )}
      <TextField type="date" label={translate('duban.signOff.from')} value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'delegate-from' } }} />
      <TextField type="date" label={translate('duban.signOff.until_')} value={form.until} onChange={(e) => setForm({ ...form, until: e.target.value })} slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: form.from, 'data-testid': 'delegate-until' } }} />
    </FormDialog>
  );
}
