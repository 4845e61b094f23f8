import { Alert, Box, Button, Card, CardContent, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useDataProvider, useTranslate } from 'react-admin';
import { useAccount } from '../auth/account.ts';
import { graphql, storeAttachment, type Enum } from '../graphql.ts';
import { downloadFile as download } from '../shared/download.ts';
import { endOfShanghaiDay, formatDay, formatMinute, shanghaiDay } from '../shared/dates.ts';
import { ScrollX } from '../shared/ScrollX.tsx';
import { useApiMutation, useApiQuery } from '../shared/api.ts';
import { useLatestOutcome } from '../shared/latest-outcome.ts';
import type { DubanDataProvider } from '../dataProvider/index.ts';
import { CatalogueRowsEditor } from './CatalogueRowsEditor.tsx';
import { RoundEventFields, RoundTimeline } from './RoundTimeline.tsx';
import { OwnPart, UnitStanding } from './UnitStanding.tsx';

const FilingRoundsQuery = graphql(`
  query FilingRounds {
    filingRounds {
      id title deadline status availableActions timeline { ...RoundEventFields }
      filings { id bodyId bodyName status light due submittedAt returnCount lastReason rows { item } history { ...RoundEventFields } availableActions }
      record { filedOn filingNumber overdueBodyIds exportUrl rows { bodyName item disposition object method } }
    }
  }
`, [RoundEventFields]);

const FilingAction = graphql(`
  mutation FilingAction($i: FilingActionInput!) { filingAction(input: $i) { __typename ... on Error { message } } }
`);
const UploadCatalogue = graphql(`
  mutation UploadCatalogue($f: ID!, $m: String!, $file: File!) {
    uploadCatalogue(filingId: $f, measuresAttachmentId: $m, file: $file) { __typename ... on Error { message } ... on CatalogueRowsError { rows { row message } } }
  }
`);
const OpenFilingRound = graphql(`
  mutation OpenFilingRound($i: OpenFilingRoundInput!) { openFilingRound(input: $i) { __typename ... on Error { message } } }
`);
const ConsolidateFilingRound = graphql(`
  mutation ConsolidateFilingRound($r: ID!) { consolidateFilingRound(roundId: $r) { __typename ... on Error { message } } }
`);
const RecordFiling = graphql(`
  mutation RecordFiling($r: ID!, $d: String!, $n: String!) { recordFiling(roundId: $r, filedOn: $d, filingNumber: $n) { __typename ... on Error { message } } }
`);

/** Supervision catalogue filing rounds: the coordinator opens, reviews, consolidates and files; a body submits its catalogue. */
export function FilingRoundsPage() {
  const translate = useTranslate();
  const account = useAccount();
  const supervisor = account?.role === 'supervisor';
  const dataProvider = useDataProvider<DubanDataProvider>();
  const { data, error: loadError, refetch } = useApiQuery(FilingRoundsQuery, { refetchInterval: 3000 });
  const error = loadError?.message;
  const filingAction = useApiMutation(FilingAction);
  const openRound = useApiMutation(OpenFilingRound);
  const consolidate = useApiMutation(ConsolidateFilingRound);
  const recordFiling = useApiMutation(RecordFiling);
  const reload = () => void refetch();
  const { failure, setFailure, run } = useLatestOutcome(reload);
  const [selected, setSelected] = useState<string | null>(null);
  const [text, setText] = useState({ title: '', deadline: '', reason: '', filedOn: shanghaiDay(Date.now()), number: '' });
  const [files, setFiles] = useState<{ measures: File | null; catalogue: File | null }>({ measures: null, catalogue: null });
  const [editing, setEditing] = useState<string | null>(null);
  const round = data?.filingRounds.find((r) => r.id === selected) ?? data?.filingRounds[0];
  const own = round?.filings.find((f) => f.availableActions.includes('submit'));
  const unitAction = (filingId: string, type: Enum<'RoundUnitActionType'>) =>
    run(filingAction.mutateAsync({ i: { filingId, type, comment: text.reason } }));
  const submit = (filingId: string) =>
    run((async () => {
      if (!files.measures || !files.catalogue) throw new Error(translate('duban.filing.chooseFiles'));
      const stored = await storeAttachment(files.measures);
      const result = await dataProvider.requestUpload(UploadCatalogue, { f: filingId, m: stored.id }, files.catalogue);
      const answer = result.uploadCatalogue;
      if (!answer.__typename.endsWith('Success')) throw new Error(['message' in answer ? answer.message : answer.__typename, ...('rows' in answer ? answer.rows : []).map((r) => `${r.row}: ${r.message}`)].join('\n'));
    })());
  return (
    <Box sx={{ py: 2 }} data-testid="filing-page">
      <Title title={translate('duban.filing.title')} />
      {(failure || error) && <Alert severity="error" sx={{ mb: 2, whiteSpace: 'pre-line' }} data-testid="filing-error">{failure ?? error}</Alert>}
      {supervisor && (
        <Stack direction="row" useFlexGap spacing={1} sx={{ mb: 2, flexWrap: 'wrap' }}>
          <TextField size="small" label={translate('duban.filing.roundTitle')} value={text.title} onChange={(e) => setText({ ...text, title: e.target.value })} />
          <TextField size="small" type="date" label={translate('duban.rounds.deadline')} slotProps={{ inputLabel: { shrink: true } }} value={text.deadline} onChange={(e) => setText({ ...text, deadline: e.target.value })} />
          <Button variant="contained" data-action="open-filing" onClick={() => run(openRound.mutateAsync(
            { i: { title: text.title, deadline: text.deadline ? endOfShanghaiDay(text.deadline) : '' } },
          ))}>{translate('duban.filing.open')}</Button>
        </Stack>
      )}
      <Stack direction="row" useFlexGap spacing={1} sx={{ mb: 2, flexWrap: 'wrap' }}>
        {data?.filingRounds.map((r) => (
          <Chip key={r.id} label={`${r.title}（${formatDay(r.deadline)}）`} color={r.id === round?.id ? 'primary' : 'default'} onClick={() => setSelected(r.id)} />
        ))}
        <Button size="small" onClick={() => download('/exports/catalogue-template.xlsx', '监管目录模板.xlsx')}>{translate('duban.filing.template')}</Button>
      </Stack>
      {round && (
        <Card variant="outlined">
          <CardContent>
            <Stack direction="row" useFlexGap spacing={1} sx={{ mb: 1, alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography variant="h6" component="h1">{round.title}</Typography>
              <Chip size="small" data-testid="round-status" label={translate(`duban.filing.status.${round.status}`)} />
              <Typography variant="body2" color="text.secondary">{translate('duban.rounds.deadline')} {formatMinute(round.deadline)}</Typography>
            </Stack>
            {(round.availableActions.length > 0 || round.filings.some((f) => f.availableActions.includes('return'))) && (
              <Stack direction="row" useFlexGap spacing={1} sx={{ mb: 2, flexWrap: 'wrap' }}>
                <TextField size="small" label={translate('duban.rounds.reason')} value={text.reason} onChange={(e) => setText({ ...text, reason: e.target.value })} />
                {round.availableActions.includes('consolidate') && <Button data-action="consolidate" onClick={() => run(consolidate.mutateAsync({ r: round.id }))}>{translate('duban.filing.consolidate')}</Button>}
                {round.availableActions.includes('recordFiling') && (
                  <>
                    <TextField size="small" type="date" label={translate('duban.filing.filedOn')} slotProps={{ inputLabel: { shrink: true } }} value={text.filedOn} onChange={(e) => setText({ ...text, filedOn: e.target.value })} />
                    <TextField size="small" label={translate('duban.filing.number')} value={text.number} onChange={(e) => setText({ ...text, number: e.target.value })} />
                    <Button data-action="record-filing" onClick={() => run(recordFiling.mutateAsync({ r: round.id, d: text.filedOn, n: text.number }))}>{translate('duban.filing.record')}</Button>
                  </>
                )}
              </Stack>
            )}
            {own && (
              <OwnPart testId="own-filing" title={translate('duban.filing.ownFiling')} unit={own}>
                <Stack direction={{ xs: 'column', sm: 'row' }} useFlexGap spacing={1} sx={{ flexWrap: 'wrap', alignItems: { xs: 'stretch', sm: 'center' } }}>
                  <Button size="small" variant="outlined" component="label">{files.measures?.name ?? translate('duban.filing.measures')}<input hidden type="file" data-testid="measures-file" onChange={(e) => setFiles({ ...files, measures: e.target.files?.[0] ?? null })} /></Button>
                  <Button size="small" variant="outlined" component="label">{files.catalogue?.name ?? translate('duban.filing.catalogue')}<input hidden type="file" accept=".xlsx" data-testid="catalogue-file" onChange={(e) => setFiles({ ...files, catalogue: e.target.files?.[0] ?? null })} /></Button>
                  <Button size="small" variant="contained" data-action="submit" onClick={() => submit(own.id)}>{translate('duban.rounds.submit')}</Button>
                  <Button size="small" data-action="edit-rows" onClick={() => setEditing(own.id)}>{translate('duban.filing.editRows')}</Button>
                </Stack>
              </OwnPart>
            )}
            <ScrollX>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('duban.rounds.body')}</TableCell>
                  <TableCell>{translate('duban.rounds.status')}</TableCell>
                  <TableCell>{translate('duban.rounds.submittedAt')}</TableCell>
                  <TableCell>{translate('duban.filing.rows')}</TableCell>
                  <TableCell>{translate('duban.rounds.history')}</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {round.filings.map((f) => (
                  <TableRow key={f.id} data-testid={`filing-${f.bodyId}`}>
                    <TableCell>{f.bodyName}</TableCell>
                    <TableCell><UnitStanding unit={f} /></TableCell>
                    <TableCell>{formatMinute(f.submittedAt)}</TableCell>
                    <TableCell>{f.rows.length || ''}</TableCell>
                    <TableCell><RoundTimeline events={f.history} dense /></TableCell>
                    <TableCell>
                      {(['accept', 'return', 'urge'] as const).filter((type) => f.availableActions.includes(type)).map((type) => (
                        <Button key={type} size="small" data-action={type} onClick={() => unitAction(f.id, type)}>{translate(`duban.rounds.${type}`)}</Button>
                      ))}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            </ScrollX>
            {round.record && (
              <Box sx={{ mt: 2 }} data-testid="consolidated">
                <Typography variant="subtitle1">
                  {translate('duban.filing.consolidated', { count: round.record.rows.length })}
                  {round.record.filingNumber ? ` · ${translate('duban.filing.filed', { number: round.record.filingNumber, date: round.record.filedOn })}` : ''}
                </Typography>
                {round.record.overdueBodyIds.length > 0 && (
                  <Alert severity="warning" sx={{ my: 1 }} data-testid="consolidated-overdue">{translate('duban.filing.overdue')}：{round.filings.filter((f) => round.record!.overdueBodyIds.includes(f.bodyId)).map((f) => f.bodyName).join('、')}</Alert>
                )}
                <Table size="small" sx={{ my: 1 }}>
                  <TableHead>
                    <TableRow>
                      <TableCell>{translate('duban.rounds.body')}</TableCell>
                      {(['item', 'disposition', 'object', 'method'] as const).map((key) => <TableCell key={key}>{translate(`duban.filing.column.${key}`)}</TableCell>)}
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {round.record.rows.map((r) => (
                      <TableRow key={`${r.bodyName}/${r.item}`} data-testid="consolidated-row">
                        <TableCell>{r.bodyName}</TableCell>
                        <TableCell>{r.item}</TableCell>
                        <TableCell>{translate(`duban.filing.disposition.${r.disposition}`)}</TableCell>
                        <TableCell>{r.object}</TableCell>
                        <TableCell>{r.method}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
                <Button size="small" onClick={() => download(round.record!.exportUrl)}>{translate('duban.scores.export')}</Button>
              </Box>
            )}
            <Typography variant="subtitle2" sx={{ mt: 2 }}>{translate('duban.rounds.timeline')}</Typography>
            <RoundTimeline events={round.timeline} />
          </CardContent>
        </Card>
      )}
      {editing && <CatalogueRowsEditor filingId={editing} onClose={() => setEditing(null)} onSubmitted={() => (setEditing(null), setFailure(null), reload())} />}
    </Box>
  );
}
