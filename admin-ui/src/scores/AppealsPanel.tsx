import { Alert, Box, Button, Chip, Divider, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { textLimits } from '../../../domain/limits.ts';
import { AttachmentsInput, type Uploaded } from '../shared/AttachmentsInput.tsx';
import { formatMinute } from '../shared/dates.ts';
import { FormDialog } from '../shared/FormDialog.tsx';
import { AttachmentChip } from '../tasks/AttachmentChip.tsx';
import { graphql, type ResultOf } from '../graphql.ts';
import { useApiMutation, useApiQuery } from '../shared/api.ts';

const ScoreSheetAppeals = graphql(`
  query ScoreSheetAppeals($id: ID!) {
    node(id: $id) {
      __typename
      ... on ScoreSheet {
        id
        appealWindow {
          windowId status closesAt closesAtProvisional appealWorkingDays availableActions
          appeals { id appealId bodyName criterion source detail points reason filedAt filedByName status decision decidedBy decidedAt correctedSheetId availableActions evidence { id name } }
        }
        scores { bodyId bodyName breakdown { criterion label deductions { source detail points withdrawn } } }
      }
    }
  }
`);
const AppealScoreLine = graphql(`
  mutation AppealScoreLine($input: AppealScoreLineInput!) { appealScoreLine(input: $input) { __typename ... on Error { message } } }
`);
const DecideScoreAppeal = graphql(`
  mutation DecideScoreAppeal($input: DecideScoreAppealInput!) { decideScoreAppeal(input: $input) { __typename ... on Error { message } } }
`);

type SheetView = Extract<NonNullable<ResultOf<typeof ScoreSheetAppeals>['node']>, { __typename: 'ScoreSheet' }>;
type Appeal = NonNullable<SheetView['appealWindow']>['appeals'][number];
type Decision = Appeal['availableActions'][number];
interface Line { bodyId: string; bodyName: string; criterion: string; label: string; source: string; detail: string; points: number }

const statusColor = { pending: 'warning', upheld: 'default', corrected: 'success' } as const;

/**
 * 公示与申诉 of an announced sheet: the window and its end; a unit appeals
 * each of its own lines (reason and files); the performance office reads each
 * appeal with its evidence and upholds or corrects it. What anyone may do comes
 * from the API's availableActions.
 */
export function AppealsPanel({ sheetId }: { sheetId: string }) {
  const translate = useTranslate();
  const { data, error: loadError } = useApiQuery(ScoreSheetAppeals, { variables: { id: sheetId } });
  const error = loadError?.message;
  const sheet = data?.node?.__typename === 'ScoreSheet' ? (data.node as SheetView) : null;
  const [appealing, setAppealing] = useState<Line | null>(null);
  const [deciding, setDeciding] = useState<{ appeal: Appeal; decision: Decision } | null>(null);
  const window = sheet?.appealWindow;
  if (error) return <Alert severity="error" sx={{ mt: 2 }}>{error}</Alert>;
  if (!window) return null;
  const done = () => (setAppealing(null), setDeciding(null));
  const mayAppeal = window.availableActions.includes('appeal');
  const appealed = (l: Line) => window.appeals.some((a) => a.criterion === l.criterion && a.source === l.source);
  const lines: Line[] = mayAppeal
    ? sheet!.scores.flatMap((s) => s.breakdown.flatMap((c) => c.deductions.filter((d) => !d.withdrawn && d.points > 0)
      .map((d) => ({ bodyId: s.bodyId, bodyName: s.bodyName, criterion: c.criterion, label: c.label, ...d }))))
    : [];

  return (
    <Box sx={{ mt: 3 }} data-testid="appeals-panel">
      <Divider sx={{ mb: 2 }} />
      <Stack direction="row" useFlexGap spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <Typography variant="h6" component="h2">{translate('duban.appeals.title')}</Typography>
        <Chip size="small" data-testid="window-status" label={translate(`duban.appeals.window.${window.status}`)} color={window.status === 'open' ? 'warning' : 'default'} />
        <Typography variant="body2" color="text.secondary">
          {translate('duban.appeals.closesAt', { at: formatMinute(window.closesAt), days: window.appealWorkingDays })}
        </Typography>
      </Stack>
      {window.closesAtProvisional && <Alert severity="warning" sx={{ mb: 1 }}>{translate('duban.appeals.provisional')}</Alert>}

      {mayAppeal && (
        <Box sx={{ mb: 2 }} data-testid="own-lines">
          <Typography variant="subtitle2">{translate('duban.appeals.ownLines')}</Typography>
          {lines.length === 0 && <Typography variant="body2" color="text.secondary">{translate('duban.appeals.noLines')}</Typography>}
          {lines.map((l) => (
            <Stack key={`${l.criterion}-${l.source}`} direction="row" useFlexGap spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', py: 0.5 }} data-testid="own-line">
              <Typography variant="body2">−{l.points} {l.label}：{l.detail}</Typography>
              {appealed(l)
                ? <Chip size="small" label={translate('duban.appeals.appealed')} />
                : <Button size="small" variant="outlined" data-action="appeal" onClick={() => setAppealing(l)}>{translate('duban.appeals.appeal')}</Button>}
            </Stack>
          ))}
        </Box>
      )}

      {window.appeals.length === 0 && <Typography variant="body2" color="text.secondary">{translate('duban.appeals.none')}</Typography>}
      {window.appeals.map((a) => (
        <Box key={a.id} sx={{ py: 1, borderTop: 1, borderColor: 'divider' }} data-testid="appeal">
          <Stack direction="row" useFlexGap spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="body2"><strong>{a.bodyName}</strong> −{a.points}：{a.detail}</Typography>
            <Chip size="small" data-testid="appeal-status" label={translate(`duban.appeals.status.${a.status}`)} color={statusColor[a.status]} />
          </Stack>
          <Typography variant="body2" sx={{ mt: 0.5 }}>{translate('duban.appeals.reason')}：{a.reason}</Typography>
          <Typography variant="caption" color="text.secondary" component="div">{a.filedByName} · {formatMinute(a.filedAt)}</Typography>
          {a.evidence.length > 0 && (
            <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', mt: 0.5 }} data-testid="appeal-evidence">
              {a.evidence.map((f) => <AttachmentChip key={f.id} file={f} />)}
            </Stack>
          )}
          {a.decision && (
            <Typography variant="body2" sx={{ mt: 0.5 }} data-testid="appeal-decision">
              {translate('duban.appeals.decision')}：{a.decision}（{a.decidedBy} · {formatMinute(a.decidedAt)}）
            </Typography>
          )}
          {a.availableActions.length > 0 && (
            <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', mt: 0.5 }}>
              {a.availableActions.map((decision) => (
                <Button key={decision} size="small" variant="outlined" data-action={decision} onClick={() => setDeciding({ appeal: a, decision })}>
                  {translate(`duban.appeals.${decision}`)}
                </Button>
              ))}
            </Stack>
          )}
        </Box>
      ))}

      {appealing && <AppealDialog sheetId={sheetId} line={appealing} onClose={() => setAppealing(null)} onDone={done} />}
      {deciding && <DecisionDialog {...deciding} onClose={() => setDeciding(null)} onDone={done} />}
    </Box>
  );
}

function AppealDialog({ sheetId, line, onClose, onDone }: { sheetId: string; line: Line; onClose: () => void; onDone: () => void }) {
  const translate = useTranslate();
  const [reason, setReason] = useState('');
  const [files, setFiles] = useState<Uploaded[]>([]);
  const [uploading, setUploading] = useState(false);
  const appeal = useApiMutation(AppealScoreLine);
  const send = async () => {
    await appeal.mutateAsync({ input: { sheetId, bodyId: line.bodyId, criterion: line.criterion, source: line.source, reason, evidence: files.map((f) => f.id) } });
    onDone();
  };
  return (
    <FormDialog title={translate('duban.appeals.appeal')} onClose={onClose} onConfirm={send} ready={reason.trim().length > 0 && !uploading}>
      <Typography variant="body2">−{line.points} {line.label}：{line.detail}</Typography>
      <TextField label={translate('duban.appeals.reason')} value={reason} onChange={(e) => setReason(e.target.value)} multiline minRows={3} required slotProps={{ htmlInput: { 'data-testid': 'appeal-reason', maxLength: textLimits.comment } }} />
      <AttachmentsInput onChange={setFiles} onBusy={setUploading} />
    </FormDialog>
  );
}

function DecisionDialog({ appeal, decision, onClose, onDone }: { appeal: Appeal; decision: Decision; onClose: () => void; onDone: () => void }) {
  const translate = useTranslate();
  const [reason, setReason] = useState('');
  const decide = useApiMutation(DecideScoreAppeal);
  const send = async () => {
    await decide.mutateAsync({ input: { appealId: appeal.id, decision, reason } });
    onDone();
  };
  return (
    <FormDialog title={translate(`duban.appeals.${decision}`)} onClose={onClose} onConfirm={send} ready={reason.trim().length > 0}>
      <Typography variant="body2">{appeal.bodyName} −{appeal.points}：{appeal.detail}</Typography>
      <Typography variant="body2" color="text.secondary">{translate(`duban.appeals.explain.${decision}`)}</Typography>
      <TextField label={translate('duban.appeals.decision')} value={reason} onChange={(e) => setReason(e.target.value)} multiline minRows={2} required slotProps={{ htmlInput: { 'data-testid': 'decision-reason', maxLength: textLimits.comment } }} />
    </FormDialog>
  );
}

/** The appeal period of an announcement, in working days; left empty, the configured default (5). */
export function AppealDaysField({ value, onChange }: { value: string; onChange: (days: string) => void }) {
  const translate = useTranslate();
  return (
    <TextField
      type="number" size="small" label={translate('duban.appeals.days')} helperText={translate('duban.appeals.daysHelp')} value={value}
      onChange={(e) => onChange(e.target.value)} slotProps={{ htmlInput: { min: 0, max: 20, 'data-testid': 'appeal-days' } }}
    />
  );
}
