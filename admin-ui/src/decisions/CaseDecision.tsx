import { Button, Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import type { ObjectionActionType } from '../dataProvider/credit.ts';
import { ObjectionActions } from '../objections/ObjectionActions.tsx';
import { RepairDecision } from '../repairs/RepairDecision.tsx';
import { useDubanPaths } from '../shared/links.ts';
import type { DecisionRecord } from './queue.ts';

/** The case's own page, for its timeline and record: beside the buttons, not instead of them. */
function OpenCase({ to }: { to: string }) {
  const translate = useTranslate();
  return <Button component={RouterLink} to={to} size="small">{translate('duban.decisions.openCase')}</Button>;
}

/** An objection decided from the queue: the steps its availableActions allow (same dialogs and mutation as its page). */
export function ObjectionCaseDecision({ objection, onDone }: { objection: NonNullable<DecisionRecord['objection']>; onDone: () => void }) {
  const paths = useDubanPaths();
  return (
    <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'center' }} data-testid="case-decision">
      <ObjectionActions objection={{ id: objection.id, availableActions: objection.availableActions as ObjectionActionType[] }} onDone={onDone} />
      <OpenCase to={paths.show('objections', objection.id)} />
    </Stack>
  );
}

/** A repair application decided from the queue: approve, or refuse with reasons (same mutation as its page). */
export function RepairCaseDecision({ repair, onDone }: { repair: NonNullable<DecisionRecord['repair']>; onDone: () => void }) {
  const paths = useDubanPaths();
  return (
    <Stack spacing={1} sx={{ alignItems: 'flex-start' }} data-testid="case-decision">
      <RepairDecision application={{ id: repair.id, availableActions: repair.availableActions as Array<'approve' | 'refuse'> }} onDone={onDone} />
      <OpenCase to={paths.show('repairs', repair.id)} />
    </Stack>
  );
}
