import { Alert, Box, Button, Card, CardContent, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { useAccount } from '../auth/account.ts';
import { RoundEventFields, RoundTimeline } from '../filing/RoundTimeline.tsx';
import { graphql, type VariablesOf } from '../graphql.ts';
import { UnitStanding } from '../filing/UnitStanding.tsx';
import { formatMinute, shanghaiDay } from '../shared/dates.ts';
import { ScrollX } from '../shared/ScrollX.tsx';
import { Files } from '../decisions/Evidence.tsx';
import { useApiMutation, useApiQuery } from '../shared/api.ts';
import { useLatestOutcome } from '../shared/latest-outcome.ts';
import { OwnReportForm } from './OwnReportForm.tsx';

const EvaluationRoundsQuery = graphql(`
  query EvaluationRounds {
    evaluationRounds {
      id year deadline status availableActions openedBySchedule summaryDate lateBodyIds missingBodyIds timeline { ...RoundEventFields }
      reports { id bodyId bodyName status light submittedAt lastReason sections { key title text } history { ...RoundEventFields } attachedFiles { id name } availableActions }
    }
  }
`, [RoundEventFields]);

const ReportAction = graphql(`
  mutation ReportAction($i: ReportActionInput!) { reportAction(input: $i) { __typename ... on Error { message } } }
`);
const OpenEvaluationRound = graphql(`
  mutation OpenEvaluationRound($y: Int!) { openEvaluationRound(year: $y) { __typename ... on Error { message } } }
`);
const ConsolidateEvaluationRound = graphql(`
  mutation ConsolidateEvaluationRound($r: ID!, $d: String!) { consolidateEvaluationRound(roundId: $r, submittedOn: $d) { __typename ... on Error { message } } }
`);
type ReportActionInput = VariablesOf<typeof ReportAction>['i'];

/** Yearly evaluation rounds: opened by the schedule or by hand; units report, the coordinator reviews and consolidates. */
export function EvaluationRoundsPage() {
  const translate = useTranslate();
  const account = useAccount();
  const supervisor = account?.role === 'supervisor';
  const { data, error: loadError, refetch } = useApiQuery(EvaluationRoundsQuery, { refetchInterval: 3000 });
  const error = loadError?.message;
  const reportAction = useApiMutation(ReportAction);
  const openRound = useApiMutation(OpenEvaluationRound);
  const consolidate = useApiMutation(ConsolidateEvaluationRound);
  const reload = () => void refetch();
  const { failure, run } = useLatestOutcome(reload);
  const [selected, setSelected] = useState<string | null>(null);
  const [year, setYear] = useState(new Date().getFullYear());
  const [reason, setReason] = useState('');
  const [summaryDate, setSummaryDate] = useState(shanghaiDay(Date.now()));
  const round = data?.evaluationRounds.find((r) => r.id === selected) ?? data?.evaluationRounds[0];
  const act = (reportId: string, type: ReportActionInput['type'], extra: Partial<ReportActionInput> = {}) =>
    run(reportAction.mutateAsync({ i: { reportId, type, comment: reason, ...extra } }));
  const names = (ids: string[]) => round?.reports.filter((r) => ids.includes(r.bodyId)).map((r) => r.bodyName).join('、');
  const own = round?.reports.find((r) => r.availableActions.includes('submit'));
  return (
    <Box sx={{ py: 2 }} data-testid="evaluation-page">
      <Title title={translate('duban.evaluation.title')} />
      {(failure || error) && <Alert severity="error" sx={{ mb: 2 }} data-testid="evaluation-error">{failure ?? error}</Alert>}
      <Stack direction="row" useFlexGap spacing={1} sx={{ mb: 2, flexWrap: 'wrap', alignItems: 'center' }}>
        {data?.evaluationRounds.map((r) => <Chip key={r.id} label={r.year} color={r.id === round?.id ? 'primary' : 'default'} onClick={() => setSelected(r.id)} />)}
        {supervisor && (
          <>
            <TextField size="small" type="number" label={translate('duban.rounds.year')} value={year} onChange={(e) => setYear(Number(e.target.value))} sx={{ width: 110 }} />
            <Button variant="contained" data-action="open-evaluation" onClick={() => run(openRound.mutateAsync({ y: year }))}>
              {translate('duban.evaluation.open')}
            </Button>
          </>
        )}
      </Stack>
      {round && (
        <Card variant="outlined">
          <CardContent>
            <Stack direction="row" useFlexGap spacing={1} sx={{ mb: 1, alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography variant="h6" component="h1">{translate('duban.evaluation.round', { year: round.year })}</Typography>
              <Chip size="small" data-testid="round-status" label={translate(`duban.evaluation.status.${round.status}`)} />
              <Typography variant="body2" color="text.secondary">
                {translate('duban.rounds.deadline')} {formatMinute(round.deadline)} · {translate(round.openedBySchedule ? 'duban.evaluation.bySchedule' : 'duban.evaluation.byHand')}
              </Typography>
            </Stack>
            {round.summaryDate && (
              <Alert severity="info" sx={{ mb: 2 }} data-testid="evaluation-summary">
                {translate('duban.evaluation.summary', { date: round.summaryDate })}
                {round.lateBodyIds.length > 0 && <div>{translate('duban.evaluation.late')}：{names(round.lateBodyIds)}</div>}
                {round.missingBodyIds.length > 0 && <div>{translate('duban.evaluation.missing')}：{names(round.missingBodyIds)}</div>}
              </Alert>
            )}
            {(round.availableActions.includes('consolidate') || round.reports.some((r) => r.availableActions.includes('return'))) && (
              <Stack direction="row" useFlexGap spacing={1} sx={{ mb: 2, flexWrap: 'wrap' }}>
                <TextField size="small" label={translate('duban.rounds.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
                {round.availableActions.includes('consolidate') && (
                  <>
                    <TextField size="small" type="date" label={translate('duban.evaluation.summaryDate')} slotProps={{ inputLabel: { shrink: true } }} value={summaryDate} onChange={(e) => setSummaryDate(e.target.value)} />
                    <Button data-action="consolidate" onClick={() => run(consolidate.mutateAsync({ r: round.id, d: summaryDate }))}>
                      {translate('duban.evaluation.consolidate')}
                    </Button>
                  </>
                )}
              </Stack>
            )}
            {own && <OwnReportForm key={own.id} report={own} onSubmit={(submission) => act(own.id, 'submit', submission)} />}
            <ScrollX>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('duban.rounds.body')}</TableCell>
                  <TableCell>{translate('duban.rounds.status')}</TableCell>
                  <TableCell>{translate('duban.rounds.submittedAt')}</TableCell>
                  <TableCell>{translate('duban.rounds.history')}</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {round.reports.map((r) => (
                  <TableRow key={r.id} data-testid={`report-${r.bodyId}`}>
                    <TableCell>{r.bodyName}</TableCell>
                    <TableCell><UnitStanding unit={r} /></TableCell>
                    <TableCell>{formatMinute(r.submittedAt)}</TableCell>
                    <TableCell><RoundTimeline events={r.history} dense /></TableCell>
                    <TableCell>
                      {r.attachedFiles.length > 0 && <Files files={r.attachedFiles} />}
                      {(['accept', 'return'] as const).filter((type) => r.availableActions.includes(type)).map((type) => (
                        <Button key={type} size="small" data-action={type} onClick={() => act(r.id, type)}>{translate(`duban.rounds.${type}`)}</Button>
                      ))}
                      {r.availableActions.includes('urge') && (
                        <Button size="small" data-action="urge" onClick={() => act(r.id, 'urge', { comment: reason.trim() || translate('duban.action.defaultUrge') })}>
                          {translate('duban.rounds.urge')}
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            </ScrollX>
            <Typography variant="subtitle2" sx={{ mt: 2 }}>{translate('duban.rounds.timeline')}</Typography>
            <RoundTimeline events={round.timeline} />
          </CardContent>
        </Card>
      )}
    </Box>
  );
}
