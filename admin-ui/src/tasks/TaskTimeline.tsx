import { Box, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { TaskEvent } from '../dataProvider/records.ts';
import { formatDay, formatMinute } from '../shared/dates.ts';
import { EmptyState } from '../shared/EmptyState.tsx';
import { Panel } from '../shared/Panel.tsx';
import { AttachmentChip } from './AttachmentChip.tsx';

/** Who spoke in an event: the system's reminders, the supervising office, or the body itself. */
const voice: Record<string, string> = {
  reminder: '#9e9e9e',
  overdue: '#c62828',
  weekly: '#c62828',
  urge: '#ef6c00',
  accept: '#1565c0',
  return: '#ef6c00',
  decideExtension: '#6a1b9a',
  designate: '#6a1b9a',
  withdraw: '#616161',
  setBlocking: '#616161',
};

/** What an extension event decided, from its details: the deadline asked for, granted or refused. */
function extensionOf(event: TaskEvent): { key: string; date: string } | null {
  if (event.type !== 'requestExtension' && event.type !== 'decideExtension') return null;
  const { until, approve } = event.details;
  if (!until) return null;
  const key = event.type === 'requestExtension' ? 'extensionAsked' : approve ? 'extensionGranted' : 'extensionRefused';
  return { key: `duban.common.${key}`, date: formatDay(until) };
}

/** Every event of the task, oldest first, in China Standard Time. */
export function TaskTimeline({ events }: { events: TaskEvent[] }) {
  const translate = useTranslate();
  return (
    <Panel title={translate('duban.task.timeline')} testId="task-timeline">
      {events.length === 0 ? (
        <EmptyState title={translate('duban.task.noEvents')} />
      ) : (
        <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {events.map((event) => (
            <Box
              component="li"
              key={event.seq}
              data-testid="timeline-event"
              data-type={event.type}
              sx={{ position: 'relative', pl: 3, pb: 2, borderLeft: 2, borderColor: 'divider', ml: 1, '&:last-child': { pb: 0 } }}
            >
              <Box
                sx={{ position: 'absolute', left: -7, top: 4, width: 12, height: 12, borderRadius: '50%', bgcolor: voice[event.type] ?? '#2e7d32' }}
              />
              <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'baseline' }}>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {translate(`duban.event.${event.type}`, { _: event.type })}
                </Typography>
                {event.bodyName && <Typography variant="body2">{event.bodyName}</Typography>}
                <Typography variant="caption" color="text.secondary">
                  {formatMinute(event.at)} · {event.onBehalfOfName ? translate('duban.signOff.actingFor', { actor: event.actorName, principal: event.onBehalfOfName }) : event.actorName}
                </Typography>
              </Box>
              {extensionOf(event) && (
                <Typography variant="body2" data-testid="event-extension" sx={{ mt: 0.5 }}>
                  {translate(extensionOf(event)!.key, { date: extensionOf(event)!.date })}
                </Typography>
              )}
              {event.comment && (
                <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: 'pre-wrap' }}>
                  {event.comment}
                </Typography>
              )}
              {event.attachedFiles.length > 0 && (
                <Stack direction="row" useFlexGap spacing={1} sx={{ mt: 0.5, flexWrap: 'wrap' }}>
                  {event.attachedFiles.map((file) => (
                    <AttachmentChip key={file.id} file={file} />
                  ))}
                </Stack>
              )}
            </Box>
          ))}
        </Box>
      )}
    </Panel>
  );
}
