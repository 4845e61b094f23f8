import { Alert, Chip } from '@mui/material';
import { useTranslate } from 'react-admin';

/**
 * The mark of a deadline counted over weekends only because its year's holiday
 * arrangement is not entered yet (the API's deadlineProvisional): a banner on a
 * record, or a small chip beside a date.
 */
export function ProvisionalDeadline({ provisional, compact = false }: { provisional: boolean; compact?: boolean }) {
  const translate = useTranslate();
  if (!provisional) return null;
  if (compact) return <Chip size="small" color="warning" variant="outlined" label={translate('duban.provisional.short')} title={translate('duban.provisional.deadline')} data-testid="provisional-deadline" />;
  return <Alert severity="warning" data-testid="provisional-deadline">{translate('duban.provisional.deadline')}</Alert>;
}
