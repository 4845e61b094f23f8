import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatMinute } from './dates.ts';

interface CaseEventLine {
  seq: number;
  type: string;
  at: string;
  actorName: string;
  comment: string | null;
}

/** A credit case's events, oldest first, each named in the console's language (objection and repair name some steps differently). */
export function CaseTimeline({ events, caseKind }: { events: CaseEventLine[]; caseKind: 'objection' | 'repair' }) {
  const translate = useTranslate();
  return (
    <Box component="ol" sx={{ m: 0, pl: 3 }}>
      {events.map((e) => (
        <li key={e.seq}>
          <Typography variant="body2">
            {formatMinute(e.at)} · {translate(`duban.credit.event.${caseKind}.${e.type}`, { _: e.type })} · {e.actorName}
            {e.comment ? `：${e.comment}` : ''}
          </Typography>
        </li>
      ))}
    </Box>
  );
}
