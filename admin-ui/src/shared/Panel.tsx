import type { ReactNode } from 'react';
import { Card, CardContent, CardHeader } from '@mui/material';

/** A titled card: every block of every page looks the same. */
export function Panel({ title, action, children, testId }: { title: ReactNode; action?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Card variant="outlined" data-testid={testId}>
      <CardHeader title={title} action={action} slotProps={{ title: { variant: 'subtitle1', fontWeight: 600 } }} sx={{ pb: 0 }} />
      <CardContent>{children}</CardContent>
    </Card>
  );
}
