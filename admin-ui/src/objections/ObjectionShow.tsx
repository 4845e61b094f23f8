import { Stack, Typography } from '@mui/material';
import { Show, useRecordContext, useTranslate } from 'react-admin';
import type { ObjectionRecord } from '../dataProvider/credit.ts';
import { ClassChip } from '../entities/ClassChip.tsx';
import { useRecordSummary } from '../entities/RecordSummary.tsx';
import { CaseTimeline } from '../shared/CaseTimeline.tsx';
import { AttachmentLink } from '../shared/AttachmentLink.tsx';
import { formatDay } from '../shared/dates.ts';
import { Panel } from '../shared/Panel.tsx';
import { ProvisionalDeadline } from '../shared/ProvisionalDeadline.tsx';
import { ObjectionActions } from './ObjectionActions.tsx';

function ObjectionDetail() {
  const translate = useTranslate();
  const o = useRecordContext<ObjectionRecord>();
  const summary = useRecordSummary();
  if (!o) return null;
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Panel
        title={<Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}><span>{o.entity.name}</span><ClassChip creditClass={o.entity.creditClass} colour={o.entity.colour} /><span data-testid="objection-status">{translate(`duban.credit.status.${o.status}`)}</span></Stack>}
        action={<ObjectionActions objection={o} />}
      >
        <Typography variant="body2">{o.reasons}</Typography>
        {o.record && <Typography variant="body2" color="text.secondary">{summary(o.record)}</Typography>}
        <Typography variant="body2" color="text.secondary">
          {translate('resources.objections.fields.acceptBy')} {formatDay(o.acceptBy)}
          {o.verifyBy ? ` · ${translate('resources.objections.fields.verifyBy')} ${formatDay(o.verifyBy)}` : ''}
          {o.overdue.length ? ` · ${translate('duban.credit.overdue', { limits: o.overdue.map((limit) => translate(`duban.credit.timeLimit.${limit}`)).join('、') })}` : ''}
        </Typography>
        <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'center' }} data-testid="objection-evidence">
          <Typography variant="body2">{translate('duban.credit.evidence')}：</Typography>
          {o.evidence.length === 0 && <Typography variant="body2">—</Typography>}
          {o.evidence.map((file) => <AttachmentLink key={file.id} file={file} />)}
        </Stack>
        <ProvisionalDeadline provisional={o.deadlineProvisional} />
      </Panel>
      <Panel title={translate('duban.credit.timeline')} testId="objection-timeline">
        <CaseTimeline events={o.timeline} caseKind="objection" />
      </Panel>
    </Stack>
  );
}

function ObjectionTitle() {
  const translate = useTranslate();
  const o = useRecordContext<ObjectionRecord>();
  return <>{o ? `${translate('resources.objections.name', { smart_count: 1 })}：${o.entity.name}` : ''}</>;
}

/** One objection case: its record, time limits, timeline, and the steps the signed-in role may take. */
export const ObjectionShow = () => (
  <Show title={<ObjectionTitle />}>
    <ObjectionDetail />
  </Show>
);
