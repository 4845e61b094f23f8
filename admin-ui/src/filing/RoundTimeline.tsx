import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatMinute } from '../shared/dates.ts';

export interface TimelineEvent {
  seq: number;
  type: string;
  at: string;
  actorName: string;
  comment: string | null;
}

/** What happened in a round or to one unit, oldest first, in China Standard Time. */
export function RoundTimeline({ events, dense = false }: { events: TimelineEvent[]; dense?: boolean }) {
  const translate = useTranslate();
  return (
    <>
      {events.map((e) => (
        <Typography key={e.seq} variant={dense ? 'caption' : 'body2'} component="div" color={dense ? 'text.secondary' : undefined}>
          {formatMinute(e.at)} {translate(`duban.rounds.event.${e.type}`, { _: e.type })} · {e.actorName}{e.comment ? `：${e.comment}` : ''}
        </Typography>
      ))}
    </>
  );
}
