import { Stack, Typography } from '@mui/material';
import { Show, useRecordContext, useTranslate } from 'react-admin';
import type { RepairRecord } from '../dataProvider/credit.ts';
import { ClassChip } from '../entities/ClassChip.tsx';
import { useRecordSummary } from '../entities/RecordSummary.tsx';
import { CaseTimeline } from '../shared/CaseTimeline.tsx';
import { formatDay } from '../shared/dates.ts';
import { Panel } from '../shared/Panel.tsx';
import { ProvisionalDeadline } from '../shared/ProvisionalDeadline.tsx';
import { AttachmentLink } from '../shared/AttachmentLink.tsx';
import { RepairDecision } from './RepairDecision.tsx';

/** The evidence and the signed commitment, each a link to its file under the name it was uploaded with. */
function Attachments({ application }: { application: RepairRecord }) {
  const translate = useTranslate();
  const { evidence, commitment } = application;
  return (
    <Stack spacing={0.5} data-testid="repair-attachments">
      <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'center' }} data-testid="repair-evidence">
        <Typography variant="body2">{translate('duban.credit.evidence')}：</Typography>
        {evidence.length === 0 && <Typography variant="body2">—</Typography>}
        {evidence.map((file) => <AttachmentLink key={file.id} file={file} />)}
      </Stack>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} data-testid="repair-commitment">
        <Typography variant="body2">{translate('duban.credit.commitment')}：</Typography>
        {commitment ? <AttachmentLink file={commitment} /> : <Typography variant="body2">—</Typography>}
      </Stack>
    </Stack>
  );
}

function RepairDetail() {
  const translate = useTranslate();
  const a = useRecordContext<RepairRecord>();
  const summary = useRecordSummary();
  if (!a) return null;
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Panel
        title={<Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}><span>{a.entity.name}</span><ClassChip creditClass={a.entity.creditClass} colour={a.entity.colour} /><span data-testid="repair-status">{translate(`duban.credit.repairStatus.${a.status}`)}</span></Stack>}
        action={<RepairDecision application={a} />}
      >
        <Typography variant="body2">{a.statement}</Typography>
        <Typography variant="body2" color="text.secondary">{summary(a.record)}</Typography>
        {a.reviewBy && <Typography variant="body2" color="text.secondary">{translate('duban.credit.reviewBy')} {formatDay(a.reviewBy)}</Typography>}
        <ProvisionalDeadline provisional={a.deadlineProvisional} />
        <Attachments application={a} />
        {a.reasons && <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>{a.reasons}</Typography>}
      </Panel>
      <Panel title={translate('duban.credit.timeline')}>
        <CaseTimeline events={a.timeline} caseKind="repair" />
      </Panel>
    </Stack>
  );
}

function RepairTitle() {
  const translate = useTranslate();
  const a = useRecordContext<RepairRecord>();
  return <>{a ? `${translate('resources.repairs.name', { smart_count: 1 })}：${a.entity.name}（${a.record.date}）` : ''}</>;
}

/** One repair application: the record, the rule's verdict, the review and its timeline. */
export const RepairShow = () => (
  <Show title={<RepairTitle />}>
    <RepairDetail />
  </Show>
);
