import { useState, type MouseEvent } from 'react';
import { Button, IconButton, Menu, MenuItem, Stack } from '@mui/material';
import MoreVertIcon from '@mui/icons-material/MoreVert';
import { useTranslate } from 'react-admin';
import type { ActionType } from '../dataProvider/actions.ts';
import { ActionDialog, type ActionTarget } from './ActionDialog.tsx';
import { everydayActions, mainActions } from './emphasis.ts';
import { EscalateDialog } from '../supervision/EscalateDialog.tsx';


/**
 * The buttons for what the viewer may do to one assignment now, as the API
 * answers it (availableActions, by the workflow's own rule): everyday ones
 * inline, rare ones (withdraw, require a support) in a menu. Nothing when none apply.
 */
export function AssignmentActions({ target, only, onDone }: { target: ActionTarget; only?: ActionType[]; onDone?: () => void }) {
  const translate = useTranslate();
  const [open, setOpen] = useState<ActionType | null>(null);
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  // A slip is acknowledged from the 督办单 panel, where the slip itself is named.
  const allowed = target.assignment.availableActions.filter((type) => (!only || only.includes(type)) && type !== 'acknowledgeSlip');
  if (allowed.length === 0) return null;
  const inline = allowed.filter((type) => everydayActions.has(type));
  const more = allowed.filter((type) => !everydayActions.has(type));
  const label = (type: ActionType) =>
    translate(type === 'setBlocking' && target.assignment.blocking ? 'duban.action.unsetBlocking' : `duban.action.${type}`);
  // Rows are often clickable: an action must not also open the row.
  const stop = (event: MouseEvent) => event.stopPropagation();

  return (
    <Stack direction="row" spacing={1} onClick={stop} sx={{ flexWrap: 'wrap', alignItems: 'center', rowGap: 1 }}>
      {inline.map((type) => (
        <Button
          key={type}
          size="small"
          variant={mainActions.has(type) ? 'contained' : 'outlined'}
          onClick={() => setOpen(type)}
          data-action={type}
          sx={{ whiteSpace: 'nowrap' }}
        >
          {label(type)}
        </Button>
      ))}
      {more.length > 0 && (
        <>
          <IconButton size="small" aria-label={translate('duban.action.more')} onClick={(e) => setMenu(e.currentTarget)}>
            <MoreVertIcon fontSize="small" />
          </IconButton>
          <Menu anchorEl={menu} open={menu !== null} onClose={() => setMenu(null)}>
            {more.map((type) => (
              <MenuItem
                key={type}
                data-action={type}
                onClick={() => {
                  setMenu(null);
                  setOpen(type);
                }}
              >
                {label(type)}
              </MenuItem>
            ))}
          </Menu>
        </>
      )}
      {open === 'escalate' && <EscalateDialog target={target} onClose={() => setOpen(null)} onDone={onDone} />}
      {open && open !== 'escalate' && <ActionDialog type={open} target={target} onClose={() => setOpen(null)} onDone={onDone} />}
    </Stack>
  );
}
