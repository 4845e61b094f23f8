import { Box, Stack, Typography } from '@mui/material';
import { Show, useRecordContext, useTranslate } from 'react-admin';
import type { EntityRecord } from '../dataProvider/credit.ts';
import { formatMinute } from '../shared/dates.ts';
import { Panel } from '../shared/Panel.tsx';
import { ClassChip } from './ClassChip.tsx';
import { useRecordSummary } from './RecordSummary.tsx';
import { ApplyForRepair } from './ApplyForRepair.tsx';
import { FileObjection } from './FileObjection.tsx';

function EntityDetail() {
  const translate = useTranslate();
  const entity = useRecordContext<EntityRecord>();
  const summary = useRecordSummary();
  if (!entity) return null;
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Panel title={<Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}><span>{entity.name}</span><ClassChip creditClass={entity.creditClass} colour={entity.colour} /></Stack>}>
        <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>{entity.code}</Typography>
        <Typography variant="body2">{entity.district} · {entity.industry}</Typography>
        {entity.classReasons.map((reason) => <Typography key={reason} variant="body2" color="text.secondary">{reason}</Typography>)}
      </Panel>
      <Panel title={translate('duban.credit.records')} testId="entity-records">
        {entity.records.map((r) => (
          <Stack key={r.id} direction="row" spacing={1} sx={{ alignItems: 'center' }} data-testid="entity-record">
            <Typography variant="body2">
              {summary(r)}
              {r.underObjection ? ` · ${translate('duban.credit.underObjection')}` : ''}
            </Typography>
            {r.availableActions.includes('fileObjection') && <FileObjection entityCode={entity.code} recordId={r.id} />}
            {r.availableActions.includes('applyForRepair') && <ApplyForRepair recordId={r.id} />}
          </Stack>
        ))}
      </Panel>
      <Panel title={translate('duban.credit.history')} testId="class-history">
        <Box component="ol" sx={{ m: 0, pl: 3 }}>
          {entity.classHistory.map((c) => (
            <li key={`${c.at}${c.cause}`}>
              <Typography variant="body2">
                {formatMinute(c.at)} {c.from ? translate(`duban.credit.class.${c.from}`) : '—'} → {translate(`duban.credit.class.${c.to}`)} · {translate(`duban.credit.cause.${c.cause.split(':')[0]}`, { _: c.cause })}
              </Typography>
            </li>
          ))}
        </Box>
      </Panel>
    </Stack>
  );
}

function EntityTitle() {
  const entity = useRecordContext<EntityRecord>();
  return <>{entity ? `${entity.name}（${entity.code}）` : ''}</>;
}

/** One entity: its class and the reasons, its records, and every change of class. */
export const EntityShow = () => (
  <Show title={<EntityTitle />}>
    <EntityDetail />
  </Show>
);
