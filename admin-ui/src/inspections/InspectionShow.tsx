import { useState } from 'react';
import { Alert, Button, Link, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Show, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { publishResults, type RoundRecord, type SampledRecord } from '../dataProvider/credit.ts';
import { formatDay, formatMinute } from '../shared/dates.ts';
import { Panel } from '../shared/Panel.tsx';
import { ProvisionalDeadline } from '../shared/ProvisionalDeadline.tsx';
import { ScrollX } from '../shared/ScrollX.tsx';
import { CancelRound } from './CancelRound.tsx';
import { DrawRound } from './DrawRound.tsx';
import { RecordResult } from './RecordResult.tsx';

/** The supervising office publishes every recorded, unpublished result at once. */
function Publish({ round }: { round: RoundRecord }) {
  const translate = useTranslate();
  const refresh = useRefresh();
  const [error, setError] = useState<string | null>(null);
  const ready = round.sampled.filter((s) => s.result && !s.result.publishedAt).map((s) => s.entity.code);
  if (!round.availableActions.includes('publish') || ready.length === 0) return null;
  return (
    <Stack spacing={1}>
      <Button variant="contained" size="small" data-action="publish" onClick={() => publishResults(round.id, ready).then(refresh, (e: Error) => setError(e.message))}>
        {translate('duban.credit.publish', { count: ready.length })}
      </Button>
      {error && <Alert severity="error">{error}</Alert>}
    </Stack>
  );
}

/** A recorded result: each checklist answer, the finding, and the record it created once published. */
function ResultCell({ round, sampled }: { round: RoundRecord; sampled: SampledRecord }) {
  const translate = useTranslate();
  const result = sampled.result;
  if (!result) return <RecordResult round={round} sampled={sampled} />;
  const items = new Map(round.checklistItems.map((i) => [i.id, i.text]));
  const { checklistAnswers: answers, recordedFinding: finding } = result;
  return (
    <Stack spacing={0.25} data-testid="inspection-result">
      <Typography variant="body2">
        {result.publishedAt ? translate('duban.credit.published') : `${translate('duban.credit.publishBy')} ${formatDay(result.publishBy)}`} · {result.recordedBy}{' '}
        <ProvisionalDeadline compact provisional={result.publishByProvisional} />
      </Typography>
      {answers.map((a) => (
        <Typography key={a.itemId} variant="body2" color="text.secondary">{items.get(a.itemId) ?? a.itemId}：{translate(`duban.credit.outcome.${a.outcome}`)}{a.note ? `（${a.note}）` : ''}</Typography>
      ))}
      {finding && (
        <Typography variant="body2" data-testid="inspection-finding">
          {translate('duban.credit.finding')}：{translate(`duban.credit.kind.${finding.kind}`)}{finding.amountYuan != null ? ` ¥${finding.amountYuan.toLocaleString('en-US')}` : ''} · {finding.description}
          {' · '}{result.recordId ? <Link href={`#/entities/${sampled.entity.id}/show`}>{translate('duban.credit.recordCreated')}</Link> : translate('duban.credit.recordOnPublish')}
        </Typography>
      )}
    </Stack>
  );
}

function RoundDetail() {
  const translate = useTranslate();
  const round = useRecordContext<RoundRecord>();
  if (!round) return null;
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Panel title={`${round.title}（${round.roundId}）`} action={<Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap' }}><DrawRound round={round} /><Publish round={round} /><CancelRound round={round} /></Stack>}>
        <Stack spacing={0.5} sx={{ overflowWrap: 'anywhere' }}>
          <Typography variant="body2" data-testid="round-status">{translate(`duban.draw.status.${round.status}`)}</Typography>
          {round.status === 'announced' && <Alert severity="info">{translate('duban.draw.awaitingBeacon')}</Alert>}
          {round.beaconSource === null && round.seed && <Typography variant="body2" color="text.secondary">{translate('duban.draw.legacy')}</Typography>}
          <Typography variant="body2">{translate('duban.credit.drawData', { date: round.date, size: round.populationSize ?? 0 })}</Typography>
          <Typography variant="body2">{translate('duban.draw.announcedAt')}：{formatMinute(round.announcedAt) || '—'}</Typography>
          <Typography variant="body2">{translate('duban.draw.beaconSource')}：{round.beaconSource ?? '—'}</Typography>
          <Typography variant="body2" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }} data-testid="round-beacon">{translate('duban.draw.beacon')}：{round.beacon ?? '—'}</Typography>
          <Typography variant="body2" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{translate('duban.draw.populationHash')}：{round.populationHash ?? '—'}</Typography>
          <Typography variant="body2" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }} data-testid="round-seed">{translate('duban.draw.seed')}：{round.seed ?? translate('duban.draw.notDrawn')}</Typography>
          <Link href={round.publicPath} target="_blank" rel="noopener" data-testid="round-public-page">{translate('duban.draw.publicPage')}</Link>
        </Stack>
      </Panel>
      <Panel title={translate('duban.credit.sample')}>
        <ScrollX>
          <Table size="small">
            <TableHead>
              <TableRow><TableCell>#</TableCell><TableCell>{translate('resources.entities.fields.name')}</TableCell><TableCell>{translate('duban.credit.inspectors')}</TableCell><TableCell>{translate('duban.credit.result')}</TableCell></TableRow>
            </TableHead>
            <TableBody>
              {round.sampled.map((s) => (
                <TableRow key={s.entity.code} data-testid="sampled-row">
                  <TableCell>{s.ordinal}</TableCell>
                  <TableCell>{s.entity.name}<br /><code>{s.entity.code}</code></TableCell>
                  <TableCell>{s.inspectors.map((i) => (i.body ? `${i.officer.name}（${i.body.shortName}）` : i.officer.name)).join('、')}</TableCell>
                  <TableCell><ResultCell round={round} sampled={s} /></TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollX>
      </Panel>
    </Stack>
  );
}

function RoundTitle() {
  const round = useRecordContext<RoundRecord>();
  return <>{round ? `${round.title}（${round.date}）` : ''}</>;
}

/** One round: the data its draw can be re-run from, the sample with its inspectors, and the results. */
export const InspectionShow = () => (
  <Show title={<RoundTitle />}>
    <RoundDetail />
  </Show>
);
