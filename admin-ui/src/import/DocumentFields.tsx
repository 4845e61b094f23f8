import { Alert, Box, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { NoticeDraft } from '../dataProvider/imports.ts';
import { Panel } from '../shared/Panel.tsx';
import { PlanWarningText } from '../shared/PlanWarningText.tsx';
import { defaultPaceMarginPoints } from '../../../domain/supervision/pace.ts';

type Fields = Pick<NoticeDraft, 'title' | 'issuer' | 'issuedOn' | 'basis' | 'paceMarginPoints'>;

/** The notice's particulars as parsed (title, issuer, date, the document it implements), editable, and the parser's warnings. */
export function DocumentFields({ draft, onChange }: { draft: NoticeDraft; onChange: (change: Partial<Fields>) => void }) {
  const translate = useTranslate();
  const field = (name: Exclude<keyof Fields, 'paceMarginPoints'>) => (name === 'title' ? draft.title : (draft[name] ?? ''));
  const margin = draft.paceMarginPoints;
  return (
    <Panel title={translate('duban.import.document')} testId="draft-document">
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
        <TextField
          label={translate('resources.plans.fields.title')}
          value={draft.title}
          onChange={(e) => onChange({ title: e.target.value })}
          required
          error={!draft.title.trim()}
          sx={{ gridColumn: '1 / -1' }}
        />
        <TextField label={translate('resources.plans.fields.issuer')} value={field('issuer')} onChange={(e) => onChange({ issuer: e.target.value || null })} />
        <TextField
          type="date"
          label={translate('resources.plans.fields.issuedOn')}
          value={field('issuedOn')}
          onChange={(e) => onChange({ issuedOn: e.target.value || null })}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          label={translate('resources.plans.fields.basis')}
          value={field('basis')}
          onChange={(e) => onChange({ basis: e.target.value || null })}
          sx={{ gridColumn: '1 / -1' }}
        />
        <TextField
          type="number"
          label={translate('duban.import.paceMargin')}
          value={margin ?? ''}
          placeholder={String(defaultPaceMarginPoints)}
          onChange={(e) => onChange({ paceMarginPoints: e.target.value === '' ? null : Number(e.target.value) })}
          error={margin != null && !(Number.isInteger(margin) && margin >= 0 && margin <= 100)}
          helperText={translate('duban.import.paceMarginHint', { points: defaultPaceMarginPoints })}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: 0, max: 100, step: 1, 'data-testid': 'pace-margin' } }}
        />
      </Box>
      {draft.warnings.length > 0 && (
        <Alert severity="warning" sx={{ mt: 2 }} data-testid="draft-warnings">
          {draft.warnings.map((w, i) => (
            <div key={i} data-code={w.code}>
              <PlanWarningText warning={w} />
            </div>
          ))}
        </Alert>
      )}
    </Panel>
  );
}
