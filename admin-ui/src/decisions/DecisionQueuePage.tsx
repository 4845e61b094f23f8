import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, Link, Stack, TextField, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { AssignmentActions } from '../actions/AssignmentActions.tsx';
import { graphql, type Enum } from '../graphql.ts';
import { useApiMutation, useApiQuery } from '../shared/api.ts';
import { EmptyState } from '../shared/EmptyState.tsx';
import { FormDialog } from '../shared/FormDialog.tsx';
import { Pager } from '../shared/Pager.tsx';
import { formatDay, formatMinute } from '../shared/dates.ts';
import { useDubanPaths } from '../shared/links.ts';
import { ObjectionCaseDecision, RepairCaseDecision } from './CaseDecision.tsx';
import { CatalogueRows, Files, Said } from './Evidence.tsx';
import { DecisionQueueQuery, type DecisionRecord } from './queue.ts';

const FilingDecision = graphql(`
  mutation FilingDecision($i: FilingActionInput!) { filingAction(input: $i) { __typename ... on Error { message } } }
`);
const ReportDecision = graphql(`
  mutation ReportDecision($i: ReportActionInput!) { reportAction(input: $i) { __typename ... on Error { message } } }
`);

const size = 10;

/** A round unit's accept and return, as its availableActions allow; a return asks for the reasons. */
function UnitDecision({ kind, id, actions, onDone }: { kind: 'catalogue' | 'report'; id: string; actions: Array<Enum<'RoundUnitActionType'>>; onDone: () => void }) {
  const translate = useTranslate();
  const filingAction = useApiMutation(FilingDecision);
  const reportAction = useApiMutation(ReportDecision);
  const [open, setOpen] = useState<'accept' | 'return' | null>(null);
  const [reason, setReason] = useState('');
  const send = (type: 'accept' | 'return') =>
    kind === 'catalogue'
      ? filingAction.mutateAsync({ i: { filingId: id, type, comment: reason } })
      : reportAction.mutateAsync({ i: { reportId: id, type, comment: reason } });
  return (
    <Stack direction="row" spacing={1}>
      {(['accept', 'return'] as const).filter((t) => actions.includes(t)).map((type) => (
        <Button key={type} size="small" variant={type === 'accept' ? 'contained' : 'outlined'} data-action={type} onClick={() => setOpen(type)}>
          {translate(`duban.decisions.unit.${type}`)}
        </Button>
      ))}
      {open && (
        <FormDialog
          title={translate(`duban.decisions.unit.${open}`)}
          onClose={() => setOpen(null)}
          ready={open === 'accept' || reason.trim() !== ''}
          onConfirm={async () => {
            await send(open);
            setOpen(null);
            onDone();
          }}
        >
          <TextField label={translate(open === 'return' ? 'duban.action.field.reason' : 'duban.action.field.comment')} value={reason} onChange={(e) => setReason(e.target.value)} required={open === 'return'} multiline minRows={2} autoFocus />
        </FormDialog>
      )}
    </Stack>
  );
}

/** One item awaiting a decision: what it is, what was submitted (text and files), then the buttons. */
function DecisionCard({ item, reload }: { item: DecisionRecord; reload: () => void }) {
  const translate = useTranslate();
  const paths = useDubanPaths();
  const { assignment: a, filing, report, objection, repair } = item;
  const header = (title: string, to?: string) => (
    <Stack direction="row" useFlexGap spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
      <Chip size="small" color="primary" variant="outlined" label={translate(`duban.decisions.kind.${item.kind}`)} />
      {to ? <Link component={RouterLink} to={to} sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>{title}</Link> : <Typography sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>{title}</Typography>}
      <Typography variant="caption" color="text.secondary">{translate(item.kind === 'submission' || item.kind === 'catalogue' || item.kind === 'report' ? 'duban.decisions.since' : 'duban.decisions.asked', { at: formatMinute(item.waitingSince) })}</Typography>
    </Stack>
  );
  return (
    <Card variant="outlined" data-testid="decision-item" data-kind={item.kind}>
      <CardContent>
        <Stack spacing={1.5}>
          {a && (
            <>
              {header(`${translate('duban.task.refLabel', { ref: a.task.ref })} · ${a.bodyName}`, paths.task(a.task.id))}
              <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>{a.task.text}</Typography>
              {a.urgeCount > 0 && <Alert severity="warning" sx={{ py: 0 }}>{translate('duban.decisions.urged', { count: a.urgeCount, at: formatMinute(a.lastUrgedAt) })}</Alert>}
              {item.kind === 'submission' && (
                <>
                  <Said label={translate('duban.decisions.submissionText')} text={a.lastSubmission?.comment ?? null} />
                  <Files files={a.lastSubmission?.attachedFiles ?? []} />
                </>
              )}
              {item.kind === 'extension' && (
                <>
                  <Said label={translate('duban.decisions.extensionAsked', { until: formatDay(a.extensionRequestedUntil), due: formatDay(a.due) || '—' })} text={a.extensionRequest?.comment ?? a.extensionReason} />
                  <Files files={a.extensionRequest?.attachedFiles ?? []} />
                </>
              )}
              <AssignmentActions target={{ task: a.task, assignment: a }} only={item.kind === 'submission' ? ['accept', 'return'] : ['decideExtension']} onDone={reload} />
            </>
          )}
          {filing && (
            <>
              {header(`${filing.round.title} · ${filing.bodyName}`, '/filing')}
              <Typography variant="caption" color="text.secondary">{translate('duban.filing.measures')}</Typography>
              <Files files={filing.measuresId ? [{ id: filing.measuresId, name: filing.measuresName ?? filing.measuresId }] : []} />
              <CatalogueRows rows={filing.rows} />
              <UnitDecision kind="catalogue" id={filing.id} actions={filing.availableActions} onDone={reload} />
            </>
          )}
          {report && (
            <>
              {header(`${translate('duban.decisions.reportTitle', { year: report.round.year })} · ${report.bodyName}`, '/evaluation')}
              {report.sections.map((s) => <Said key={s.key} label={s.title} text={s.text} />)}
              <Files files={report.attachedFiles} />
              <UnitDecision kind="report" id={report.id} actions={report.availableActions} onDone={reload} />
            </>
          )}
          {objection && (
            <>
              {header(`${objection.entity.name} · ${objection.filedByName}`, paths.show('objections', objection.id))}
              <Said label={translate('duban.decisions.objectionReasons')} text={objection.reasons} />
              <Files files={objection.evidence} />
              <ObjectionCaseDecision objection={objection} onDone={reload} />
            </>
          )}
          {repair && (
            <>
              {header(`${repair.entity.name} · ${repair.filedByName}`, paths.show('repairs', repair.id))}
              <Said label={translate('duban.decisions.repairStatement')} text={repair.statement} />
              <Files files={repair.evidence} />
              <RepairCaseDecision repair={repair} onDone={reload} />
            </>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}

/** Everything awaiting the supervising office's decision, oldest first, each with its evidence and its buttons. */
export function DecisionQueuePage() {
  const translate = useTranslate();
  const [page, setPage] = useState(0);
  const { data, error: loadError, refetch } = useApiQuery(DecisionQueueQuery, { variables: { first: size, offset: page * size }, refetchInterval: 30_000 });
  const error = loadError?.message;
  const reload = () => void refetch();
  const items = data?.decisionQueue.edges.map((e) => e.node) ?? [];
  return (
    <Box sx={{ mt: 1 }}>
      <Title title={translate('duban.decisions.title')} />
      {error && <Alert severity="error">{error}</Alert>}
      {data && items.length === 0 && <EmptyState title={translate('duban.decisions.none')} />}
      <Stack spacing={2}>
        {items.map((item) => <DecisionCard key={item.id} item={item} reload={reload} />)}
      </Stack>
      {items.length > 0 && <Pager total={data?.decisionQueue.totalCount ?? 0} page={page} size={size} onPage={setPage} />}
    </Box>
  );
}
