import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatDay } from './dates.ts';

interface Dated {
  due: string | null;
  status?: string;
  light?: string;
  originalDue?: string | null;
  overdueDays?: number;
  extensionRequestedUntil?: string | null;
}

/** Statuses after submission: their overdue days are how late the submission came. */
const late = new Set(['submitted', 'accepted']);

/** A deadline in China Standard Time, with what changed it: an extension granted, one asked for, days overdue. */
export function Deadline({ record }: { record: Dated }) {
  const translate = useTranslate();
  if (!record.due) return <Typography variant="body2" color="text.secondary">{translate('duban.common.noDeadline')}</Typography>;
  const extended = record.originalDue && record.originalDue !== record.due;
  return (
    <Box sx={{ whiteSpace: 'nowrap' }}>
      <Typography variant="body2" component="div">
        {formatDay(record.due)}
      </Typography>
      {extended && (
        <Typography variant="caption" color="text.secondary" component="div">
          {translate('duban.common.originally', { date: formatDay(record.originalDue) })}
        </Typography>
      )}
      {record.extensionRequestedUntil && (
        <Typography variant="caption" color="warning.dark" component="div">
          {translate('duban.common.extensionAsked', { date: formatDay(record.extensionRequestedUntil) })}
        </Typography>
      )}
      {!!record.overdueDays && record.overdueDays > 0 && record.light !== 'none' && (
        <Typography variant="caption" sx={{ color: 'error.main', fontWeight: 600 }} component="div">
          {translate(late.has(record.status ?? '') ? 'duban.common.submittedLate' : 'duban.common.overdueDays', { smart_count: record.overdueDays })}
        </Typography>
      )}
    </Box>
  );
}
