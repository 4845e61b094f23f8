import { Alert, Box, Collapse, Button, List, ListItemButton, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Show, useRecordContext, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import type { PlanWarning } from '../dataProvider/imports.ts';
import type { PlanRecord } from '../dataProvider/records.ts';
import { LightChip } from '../lights/LightChip.tsx';
import { formatDay } from '../shared/dates.ts';
import { Panel } from '../shared/Panel.tsx';
import { useDubanPaths } from '../shared/links.ts';
import { chineseNumeral } from '../../../domain/dates/numerals.ts';
import { describeRecurrence } from '../shared/recurrence.ts';
import { PlanWarningText } from '../shared/PlanWarningText.tsx';
import { LadderEditor } from '../supervision/Slips.tsx';
import { PaceMarginPanel } from './PaceMargin.tsx';

function PlanTitle() {
  const plan = useRecordContext<PlanRecord>();
  return <>{plan?.title ?? ''}</>;
}

/** The notice's particulars and its cross-cutting requirements with their deadlines. */
function PlanFacts({ plan }: { plan: PlanRecord & { parseWarnings?: PlanWarning[] } }) {
  const translate = useTranslate();
  const facts: Array<[string, string | null]> = [
    ['issuer', plan.issuer],
    ['issuedOn', plan.issuedOn?.replaceAll('-', '/') ?? null],
    ['basis', plan.basis],
    ['timeline', translate(`duban.import.${plan.timeline}`)],
    ['registry', plan.registry?.name ?? null],
  ];
  return (
    <Panel title={plan.title}>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}>
        {facts.map(([field, value]) => (
          <Box key={field} sx={{ display: 'contents' }}>
            <Typography component="dt" variant="body2" color="text.secondary">
              {translate(`resources.plans.fields.${field}`)}
            </Typography>
            <Typography component="dd" variant="body2" sx={{ m: 0 }}>
              {value || '—'}
            </Typography>
          </Box>
        ))}
      </Box>
      {plan.warnings.length > 0 && (
        <Alert severity="warning" sx={{ mt: 2 }} data-testid="plan-warnings">
          {plan.parseWarnings?.length
            ? plan.parseWarnings.map((w, i) => <div key={i} data-code={w.code}><PlanWarningText warning={w} /></div>)
            : plan.warnings.map((w) => <div key={w}>{w}</div>)}
        </Alert>
      )}
      <Typography variant="subtitle2" sx={{ mt: 2, mb: 1 }}>
        {translate('duban.import.requirements')}
      </Typography>
      <Stack spacing={1}>
        {(plan.requirements ?? []).map((r) => (
          <Box key={r.id} sx={{ borderLeft: 3, borderColor: 'divider', pl: 1.5 }}>
            <Typography variant="body2">{r.text}</Typography>
            <Typography variant="caption" color="text.secondary">
              {r.due ? translate('duban.task.dueBy', { date: formatDay(r.due) }) : r.recurrence ? describeRecurrence(r.recurrence, translate) : translate('duban.common.noDeadline')}
              {r.appliesTo.length > 0 && ` · ${r.appliesTo.join('、')}`}
            </Typography>
          </Box>
        ))}
      </Stack>
    </Panel>
  );
}

/** The sections and their tasks, each with its light, leading to the task's page. */
function PlanSections({ plan }: { plan: PlanRecord }) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const paths = useDubanPaths();
  return (
    <Panel title={translate('duban.plan.sections')}>
      {plan.sections.map((section) => (
        <Box key={section.id} sx={{ mb: 2 }}>
          <Typography variant="subtitle2">
            {translate('duban.sectionTitle', { ordinal: section.ordinal, numeral: chineseNumeral(section.ordinal), title: section.title })}
          </Typography>
          <List dense disablePadding>
            {(section.tasks ?? []).map((task) => (
              <ListItemButton key={task.id} onClick={() => navigate(paths.task(task.id))} sx={{ gap: 1.5, alignItems: 'flex-start' }}>
                <Typography variant="body2" sx={{ fontWeight: 600, minWidth: 28 }}>
                  {task.ref}
                </Typography>
                <Typography variant="body2" sx={{ flex: 1 }} noWrap title={task.text}>
                  {task.text}
                </Typography>
                <LightChip light={task.light} size="small" />
              </ListItemButton>
            ))}
          </List>
        </Box>
      ))}
    </Panel>
  );
}

function SourceText({ text }: { text: string }) {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  return (
    <Panel title={translate('duban.import.source')} action={<Button onClick={() => setOpen(!open)}>{translate(open ? 'duban.common.hide' : 'duban.common.show')}</Button>}>
      <Collapse in={open}>
        <Typography component="pre" variant="body2" sx={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', m: 0 }}>
          {text}
        </Typography>
      </Collapse>
    </Panel>
  );
}

function PlanPage() {
  const plan = useRecordContext<PlanRecord>();
  if (!plan) return null;
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '2fr 3fr' }, alignItems: 'start' }}>
      <PlanFacts plan={plan} />
      <PlanSections plan={plan} />
      <Box sx={{ gridColumn: '1 / -1', minWidth: 0 }}>
        <LadderEditor planId={plan.id} />
      </Box>
      <Box sx={{ gridColumn: '1 / -1', minWidth: 0 }}>
        <PaceMarginPanel planId={plan.id} />
      </Box>
      {plan.sourceText && (
        <Box sx={{ gridColumn: '1 / -1' }}>
          <SourceText text={plan.sourceText} />
        </Box>
      )}
    </Box>
  );
}

/** One imported plan: what the notice says, its requirements, and its tasks by section. */
export function PlanShow() {
  return (
    <Show title={<PlanTitle />} actions={false} component="div" sx={{ mt: 2 }}>
      <PlanPage />
    </Show>
  );
}
