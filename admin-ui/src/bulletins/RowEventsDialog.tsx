import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Link, List, ListItem, ListItemText, Typography } from '@mui/material';
import { Loading, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { graphql } from '../graphql.ts';
import { useApiQuery } from '../shared/api.ts';
import { formatMinute } from '../shared/dates.ts';
import { useDubanPaths } from '../shared/links.ts';
import { usePhone } from '../shared/usePhone.ts';

const RowEvents = graphql(`
  query BulletinRowEvents($id: ID!) {
    node(id: $id) {
      ... on Bulletin {
        ranking { unitName events { id at type bodyName actorName task { id ref text } } }
        overdue { items { assignmentId events { id at type bodyName actorName task { id ref text } } } }
      }
    }
  }
`);

/** A row of the bulletin: a unit's line in the ranking, or one overdue assignment. */
export type TracedRow = { kind: 'ranking'; unitName: string; title: string } | { kind: 'overdue'; assignmentId: string; title: string };

/**
 * The recorded events behind one row of a bulletin (the supervising office
 * only): when, what in words, which unit, which task, oldest first. Read when
 * opened; full screen on a phone.
 */
export function RowEventsDialog({ bulletinId, row, onClose }: { bulletinId: string; row: TracedRow | null; onClose: () => void }) {
  const translate = useTranslate();
  const paths = useDubanPaths();
  const phone = usePhone();
  const { data, error } = useApiQuery(RowEvents, { variables: { id: bulletinId }, enabled: row !== null });
  const bulletin = data?.node && 'ranking' in data.node ? data.node : null;
  const events = !row || !bulletin
    ? null
    : row.kind === 'ranking'
      ? bulletin.ranking.find((r) => r.unitName === row.unitName)?.events ?? []
      : bulletin.overdue.flatMap((g) => g.items).find((i) => i.assignmentId === row.assignmentId)?.events ?? [];
  return (
    <Dialog open={row !== null} onClose={onClose} fullScreen={phone} fullWidth maxWidth="sm" data-testid="bulletin-row-events">
      <DialogTitle sx={{ overflowWrap: 'anywhere' }}>{translate('duban.bulletins.trace.title', { row: row?.title ?? '' })}</DialogTitle>
      <DialogContent dividers>
        {error && <Alert severity="error">{error.message}</Alert>}
        {!error && !events && <Loading />}
        {events?.length === 0 && <Typography color="text.secondary">{translate('duban.bulletins.trace.none')}</Typography>}
        {events && events.length > 0 && (
          <List dense disablePadding>
            {events.map((e) => (
              <ListItem key={e.id} divider disableGutters data-testid="traced-event" data-type={e.type}>
                <ListItemText
                  primary={`${translate(`duban.event.${e.type}`, { _: translate('duban.bulletins.trace.otherEvent') })} · ${e.bodyName ?? e.actorName}`}
                  secondary={
                    <>
                      <Typography component="span" variant="body2" sx={{ display: 'block' }}>{formatMinute(e.at)}</Typography>
                      <Link component={RouterLink} to={paths.task(e.task.id)} variant="body2" sx={{ overflowWrap: 'anywhere' }} onClick={onClose}>
                        {e.task.ref} {e.task.text}
                      </Link>
                    </>
                  }
                  slotProps={{ primary: { sx: { overflowWrap: 'anywhere' } } }}
                />
              </ListItem>
            ))}
          </List>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} data-action="close-row-events">{translate('duban.bulletins.trace.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
