import { Alert, Box, Button, Card, CardContent, Chip, Collapse, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { Fragment, useState } from 'react';
import { Loading, Title, useTranslate } from 'react-admin';
import { useAccount } from '../auth/account.ts';
import { downloadFile } from '../shared/download.ts';
import { formatMinute } from '../shared/dates.ts';
import { FormDialog } from '../shared/FormDialog.tsx';
import { ScrollX } from '../shared/ScrollX.tsx';
import { graphql, type Enum } from '../graphql.ts';
import { useApiMutation, useApiQuery } from '../shared/api.ts';
import { AppealDaysField, AppealsPanel } from './AppealsPanel.tsx';
import { RubricDialog } from './RubricDialog.tsx';

const ScoreSheetsQuery = graphql(`
  query ScoreSheets($year: Int) {
    scoreSheets(year: $year) {
      id year version status availableActions rubricVersion computedAt publishedAt exportUrl
      scores { bodyId bodyName score rank reproduces breakdown { criterion label points capped deductions { source detail points withdrawn events { at type actorName comment } } } }
    }
  }
`);
const ScoreSheetYears = graphql(`query ScoreSheetYears { scoreSheets { year } }`);
const RubricVersions = graphql(`query RubricVersions { rubricVersions { version } }`);
const ComputeScores = graphql(`
  mutation ComputeScores($y: Int!, $r: String) { computeScores(year: $y, rubricVersion: $r) { __typename ... on Error { message } } }
`);
const ReviewScoreSheet = graphql(`mutation ReviewScoreSheet($id: ID!) { reviewScoreSheet(id: $id) { __typename ... on Error { message } } }`);
const AnnounceScoreSheet = graphql(`
  mutation AnnounceScoreSheet($id: ID!, $days: Int) { announceScoreSheet(id: $id, appealWorkingDays: $days) { __typename ... on Error { message } } }
`);
const PublishScoreSheet = graphql(`mutation PublishScoreSheet($id: ID!) { publishScoreSheet(id: $id) { __typename ... on Error { message } } }`);
type SheetAction = Enum<'ScoreSheetActionType'>;

/** The latest year that has a sheet the viewer may see, or last year when there is none. */
function useLatestYear(): [number | null, (year: number) => void] {
  const years = useApiQuery(ScoreSheetYears);
  const [chosen, setChosen] = useState<number | null>(null);
  const latest = years.data ? (years.data.scoreSheets[0]?.year ?? new Date().getFullYear() - 1) : years.error ? new Date().getFullYear() - 1 : null;
  return [chosen ?? latest, setChosen];
}

/** The performance office computes, reviews and publishes a year's scores; everyone may read each deduction's reasons. */
export function ScoresPage() {
  const translate = useTranslate();
  const performance = useAccount()?.role === 'performance';
  const [year, setYear] = useLatestYear();
  const { data, error: loadError } = useApiQuery(ScoreSheetsQuery, { variables: { year: year ?? 0 } });
  const error = loadError?.message;
  const computeScores = useApiMutation(ComputeScores);
  const review = useApiMutation(ReviewScoreSheet);
  const announce = useApiMutation(AnnounceScoreSheet);
  const publish = useApiMutation(PublishScoreSheet);
  const [version, setVersion] = useState<number | null>(null);
  const [confirming, setConfirming] = useState<SheetAction | null>(null);
  const [appealDays, setAppealDays] = useState('');
  const rubrics = useApiQuery(RubricVersions);
  const [rubric, setRubric] = useState('');
  const [editingRubric, setEditingRubric] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  // The latest version unless another is picked; a published version stays viewable after a recomputation.
  const sheets = data?.scoreSheets.filter((s) => s.year === year) ?? [];
  const sheet = sheets.find((s) => s.version === version) ?? sheets[0];
  const compute = () =>
    computeScores.mutateAsync({ y: year!, r: rubric || null })
      .then(() => (setFailure(null), setVersion(null)), (e: Error) => setFailure(e.message));
  const act = async (action: SheetAction) => {
    if (action === 'announce') await announce.mutateAsync({ id: sheet!.id, days: appealDays === '' ? null : Number(appealDays) });
    else await (action === 'review' ? review : publish).mutateAsync({ id: sheet!.id });
    setConfirming(null);
  };
  const download = (url: string) => downloadFile(url).catch((e: Error) => setFailure(e.message));
  if (year === null) return <Loading />;
  return (
    <Box sx={{ py: 2 }} data-testid="scores-page">
      <Title title={translate('duban.scores.title')} />
      <Stack direction="row" useFlexGap spacing={2} sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField label={translate('duban.rounds.year')} type="number" size="small" value={year} onChange={(e) => (setYear(Number(e.target.value)), setVersion(null))} sx={{ width: 120 }} />
        {sheets.length > 1 && (
          <TextField select size="small" label={translate('duban.scores.version')} value={sheet?.version ?? ''} onChange={(e) => setVersion(Number(e.target.value))} sx={{ minWidth: 200 }} data-testid="sheet-version">
            {sheets.map((s) => (
              <MenuItem key={s.id} value={s.version}>
                {translate('duban.scores.versionOption', { version: s.version, status: translate(`duban.scores.status.${s.status}`) })}
              </MenuItem>
            ))}
          </TextField>
        )}
        {performance && (
          <>
            <TextField select size="small" label={translate('duban.scores.rubric')} value={rubric} onChange={(e) => setRubric(e.target.value)} sx={{ minWidth: 200 }}>
              <MenuItem value="">{translate('duban.scores.latestRubric')}</MenuItem>
              {rubrics.data?.rubricVersions.map((r) => <MenuItem key={r.version} value={r.version}>{r.version}</MenuItem>)}
            </TextField>
            <Button variant="contained" data-action="compute" onClick={compute}>
              {translate('duban.scores.compute')}
            </Button>
            <Button data-action="new-rubric" onClick={() => setEditingRubric(true)}>{translate('duban.rubric.create')}</Button>
            {editingRubric && <RubricDialog onClose={() => setEditingRubric(false)} onCreated={(v) => (setEditingRubric(false), setRubric(v))} />}
          </>
        )}
      </Stack>
      {(failure || error) && <Alert severity="error" sx={{ mb: 2 }}>{failure ?? error}</Alert>}
      {!sheet && <Typography color="text.secondary">{translate('duban.scores.none')}</Typography>}
      {sheet && (
        <Card variant="outlined">
          <CardContent>
            <Stack direction="row" useFlexGap spacing={1} sx={{ mb: 1, alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography variant="h6" component="h1">{translate('duban.scores.sheet', { year: sheet.year, version: sheet.version })}</Typography>
              <Chip size="small" label={translate(`duban.scores.status.${sheet.status}`)} data-testid="sheet-status" color={sheet.status === 'published' ? 'success' : 'default'} />
              <Typography variant="body2" color="text.secondary">{sheet.rubricVersion} · {formatMinute(sheet.computedAt)}</Typography>
              {sheet.availableActions.map((action) => (
                <Button key={action} size="small" data-action={action} onClick={() => setConfirming(action)}>{translate(`duban.scores.${action}`)}</Button>
              ))}
              <Button size="small" data-action="export-scores" onClick={() => download(sheet.exportUrl)}>{translate('duban.scores.export')}</Button>
            </Stack>
            {confirming && (
              <FormDialog title={translate(`duban.scores.${confirming}`)} onClose={() => setConfirming(null)} onConfirm={() => act(confirming)}>
                <Typography>{translate(`duban.scores.confirm.${confirming}`, { year: sheet.year, version: sheet.version })}</Typography>
                {confirming === 'announce' && <AppealDaysField value={appealDays} onChange={setAppealDays} />}
              </FormDialog>
            )}
            <ScrollX>
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('duban.scores.rank')}</TableCell>
                    <TableCell>{translate('duban.rounds.body')}</TableCell>
                    <TableCell align="right">{translate('duban.scores.score')}</TableCell>
                    {sheet.scores[0]?.breakdown.map((c) => <TableCell key={c.criterion} align="right">{c.label}</TableCell>)}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {sheet.scores.map((s) => (
                    <Fragment key={s.bodyId}>
                      <TableRow hover onClick={() => setOpen(open === s.bodyId ? null : s.bodyId)} sx={{ cursor: 'pointer' }} data-testid={`score-${s.bodyId}`}>
                        <TableCell data-testid="rank">{s.rank}</TableCell>
                        <TableCell>{s.bodyName}</TableCell>
                        <TableCell align="right"><strong>{s.score}</strong></TableCell>
                        {s.breakdown.map((c) => <TableCell key={c.criterion} align="right">{c.points || ''}{c.capped ? ' *' : ''}</TableCell>)}
                      </TableRow>
                      <TableRow>
                        <TableCell colSpan={3 + s.breakdown.length} sx={{ py: 0, borderBottom: open === s.bodyId ? undefined : 'none' }}>
                          <Collapse in={open === s.bodyId} unmountOnExit>
                            {s.breakdown.flatMap((c) => c.deductions.map((d) => (
                              <Box key={`${c.criterion}-${d.source}`} sx={{ py: 1 }} data-testid="deduction">
                                <Typography variant="body2" sx={d.withdrawn ? { textDecoration: 'line-through' } : undefined}>−{d.points} {c.label}：{d.detail}</Typography>
                                {d.events.map((e) => (
                                  <Typography key={`${e.at}-${e.type}`} variant="caption" color="text.secondary" component="div" sx={{ pl: 2 }}>
                                    {formatMinute(e.at)} {translate(`duban.event.${e.type}`, { _: translate(`duban.rounds.event.${e.type}`, { _: e.type }) })} {e.actorName}{e.comment ? `：${e.comment}` : ''}
                                  </Typography>
                                ))}
                              </Box>
                            )))}
                          </Collapse>
                        </TableCell>
                      </TableRow>
                    </Fragment>
                  ))}
                </TableBody>
              </Table>
            </ScrollX>
            <AppealsPanel key={`${sheet.id}-${sheet.status}`} sheetId={sheet.id} />
          </CardContent>
        </Card>
      )}
    </Box>
  );
}
