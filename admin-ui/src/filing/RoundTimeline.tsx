import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { graphql, type ResultOf } from '../graphql.ts';
import { formatMinute } from '../shared/dates.ts';

/** What a round's (or one unit's) timeline shows of each event: spread `...RoundEventFields` into a query. */
export const RoundEventFields = graphql(`fragment RoundEventFields on RoundEvent @_unmask { seq type at actorName comment }`);
export type TimelineEvent = ResultOf<typeof RoundEventFields>;

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
