import { Alert, Box, Button, Card, CardContent, Chip, Collapse, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { Fragment, useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { useAccount } from '../auth/account.ts';
import { downloadFile } from '../shared/download.ts';
import { formatMinute } from '../shared/dates.ts';
import { mutate, useGraphql } from './useGraphql.ts';

interface Deduction { source: string; detail: string; points: number; events: Array<{ at: string; type: string; actorName: string; comment: string | null }> }
interface Criterion { criterion: string; label: string; points: number; capped: boolean; deductions: Deduction[] }
interface Sheet {
  id: string; year: number; version: number; status: string; rubricVersion: string; computedAt: string; publishedAt: string | null; exportUrl: string;
  scores: Array<{ bodyId: string; bodyName: string; score: number; reproduces: boolean; breakdown: Criterion[] }>;
}

const sheetsQuery = `query ($year: Int) { scoreSheets(year: $year) { id year version status rubricVersion computedAt publishedAt exportUrl
  scores { bodyId bodyName score reproduces breakdown { criterion label points capped deductions { source detail points events { at type actorName comment } } } } } }`;

/** The performance office computes, reviews and publishes a year's scores; everyone may read each deduction's reasons. */
export function ScoresPage() {
  const translate = useTranslate();
  const performance = useAccount()?.role === 'performance';
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const { data, error, reload } = useGraphql<{ scoreSheets: Sheet[] }>(sheetsQuery, { year });
  const rubrics = useGraphql<{ rubricVersions: Array<{ version: string }> }>('{ rubricVersions { version } }');
  const [rubric, setRubric] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const sheet = data?.scoreSheets[0];
  const run = (query: string, variables: Record<string, unknown>) =>
    mutate(query, variables).then(() => (setFailure(null), reload()), (e: Error) => setFailure(e.message));
  const download = (url: string) => downloadFile(url, `scores-${sheet?.id}.xlsx`).catch((e: Error) => setFailure(e.message));
  return (
    <Box sx={{ py: 2 }} data-testid="scores-page">
      <Title title={translate('duban.scores.title')} />
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField label={translate('duban.rounds.year')} type="number" size="small" value={year} onChange={(e) => setYear(Number(e.target.value))} sx={{ width: 120 }} />
        {performance && (
          <>
            <TextField select size="small" label={translate('duban.scores.rubric')} value={rubric} onChange={(e) => setRubric(e.target.value)} sx={{ minWidth: 200 }}>
              <MenuItem value="">{translate('duban.scores.latestRubric')}</MenuItem>
              {rubrics.data?.rubricVersions.map((r) => <MenuItem key={r.version} value={r.version}>{r.version}</MenuItem>)}
            </TextField>
            <Button variant="contained" data-action="compute" onClick={() => run(`mutation ($y: Int!, $r: String) { computeScores(year: $y, rubricVersion: $r) { __typename ... on Error { message } } }`, { y: year, r: rubric || null })}>
              {translate('duban.scores.compute')}
            </Button>
          </>
        )}
      </Stack>
      {(failure || error) && <Alert severity="error" sx={{ mb: 2 }}>{failure ?? error}</Alert>}
      {!sheet && <Typography color="text.secondary">{translate('duban.scores.none')}</Typography>}
      {sheet && (
        <Card variant="outlined">
          <CardContent>
            <Stack direction="row" spacing={1} sx={{ mb: 1, alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography variant="h6" component="h1">{translate('duban.scores.sheet', { year: sheet.year, version: sheet.version })}</Typography>
              <Chip size="small" label={translate(`duban.scores.status.${sheet.status}`)} data-testid="sheet-status" color={sheet.status === 'published' ? 'success' : 'default'} />
              <Typography variant="body2" color="text.secondary">{sheet.rubricVersion} · {formatMinute(sheet.computedAt)}</Typography>
              {performance && sheet.status === 'draft' && <Button size="small" data-action="review" onClick={() => run('mutation ($id: ID!) { reviewScoreSheet(id: $id) { __typename ... on Error { message } } }', { id: sheet.id })}>{translate('duban.scores.review')}</Button>}
              {performance && sheet.status === 'reviewed' && <Button size="small" data-action="publish" onClick={() => run('mutation ($id: ID!) { publishScoreSheet(id: $id) { __typename ... on Error { message } } }', { id: sheet.id })}>{translate('duban.scores.publish')}</Button>}
              <Button size="small" onClick={() => download(sheet.exportUrl)}>{translate('duban.scores.export')}</Button>
            </Stack>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('duban.rounds.body')}</TableCell>
                  <TableCell align="right">{translate('duban.scores.score')}</TableCell>
                  {sheet.scores[0]?.breakdown.map((c) => <TableCell key={c.criterion} align="right">{c.label}</TableCell>)}
                </TableRow>
              </TableHead>
              <TableBody>
                {sheet.scores.map((s) => (
                  <Fragment key={s.bodyId}>
                    <TableRow hover onClick={() => setOpen(open === s.bodyId ? null : s.bodyId)} sx={{ cursor: 'pointer' }} data-testid={`score-${s.bodyId}`}>
                      <TableCell>{s.bodyName}</TableCell>
                      <TableCell align="right"><strong>{s.score}</strong></TableCell>
                      {s.breakdown.map((c) => <TableCell key={c.criterion} align="right">{c.points || ''}{c.capped ? ' *' : ''}</TableCell>)}
                    </TableRow>
                    <TableRow>
                      <TableCell colSpan={2 + s.breakdown.length} sx={{ py: 0, borderBottom: open === s.bodyId ? undefined : 'none' }}>
                        <Collapse in={open === s.bodyId} unmountOnExit>
                          {s.breakdown.flatMap((c) => c.deductions.map((d) => (
                            <Box key={`${c.criterion}-${d.source}`} sx={{ py: 1 }} data-testid="deduction">
                              <Typography variant="body2">−{d.points} {c.label}：{d.detail}</Typography>
                              {d.events.map((e) => (
                                <Typography key={`${e.at}-${e.type}`} variant="caption" color="text.secondary" component="div" sx={{ pl: 2 }}>
                                  {formatMinute(e.at)} {e.type} {e.actorName}{e.comment ? `：${e.comment}` : ''}
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
          </CardContent>
        </Card>
      )}
    </Box>
  );
}
