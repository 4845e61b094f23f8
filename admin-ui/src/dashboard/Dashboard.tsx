import { Alert, Box, Button, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, Loading, Title, useDataProvider, useGetList, useStore, useTranslate } from 'react-admin';
import { Navigate } from 'react-router-dom';
import { useAccount } from '../auth/account.ts';
import type { DubanDataProvider } from '../dataProvider/index.ts';
import type { PlanRecord } from '../dataProvider/records.ts';
import { EmptyState } from '../shared/EmptyState.tsx';
import { BodyLoadChart } from './BodyLoadChart.tsx';
import { LightTotals } from './LightTotals.tsx';
import { OverdueList } from './OverdueList.tsx';
import { PlanPicker } from './PlanPicker.tsx';
import { SectionLights } from './SectionLights.tsx';
import { UpcomingDeadlines } from './UpcomingDeadlines.tsx';

/** The overview of one plan: lights, what is overdue, who carries the load, what falls due next. */
function PlanOverview({ planId }: { planId: string }) {
  const dataProvider = useDataProvider<DubanDataProvider>();
  const { data, error, isPending } = useQuery({ queryKey: ['dashboard', planId], queryFn: () => dataProvider.dashboard(planId) });
  if (isPending) return <Loading />;
  if (error) return <Alert severity="error">{error.message}</Alert>;
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <LightTotals tasks={data.tasks} assignments={data.assignments} unacknowledged={data.unacknowledged} planId={planId} />
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '7fr 5fr' }, gap: 2, alignItems: 'start' }}>
        <OverdueList rows={data.overdue.rows} total={data.overdue.total} planId={planId} />
        <BodyLoadChart bodies={data.bodies} planId={planId} />
        <SectionLights sections={data.sections} planId={planId} />
        <UpcomingDeadlines rows={data.upcoming.rows} total={data.upcoming.total} />
      </Box>
    </Box>
  );
}

/** Home page: the supervision overview for the offices; a department goes straight to its own assignments. */
export function Dashboard() {
  const translate = useTranslate();
  const account = useAccount();
  const { data: plans, isPending } = useGetList<PlanRecord>('plans', { pagination: { page: 1, perPage: 100 } });
  // Remembered across visits (react-admin's store, in this browser), as long as the plan is still there.
  const [chosen, setChosen] = useStore<string | undefined>('dashboard.planId');
  if (account?.role === 'department') return <Navigate to="/my-assignments" replace />;
  if (isPending || !account) return <Loading />;
  const planId = plans?.find((p) => p.id === chosen)?.id ?? plans?.[0]?.id;
  return (
    <Box sx={{ py: 2 }}>
      <Title title={translate('duban.dashboard.title')} />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 2, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ flex: 1 }}>
          {translate('duban.dashboard.title')}
        </Typography>
        <PlanPicker plans={plans ?? []} value={planId ?? ''} onChange={setChosen} />
      </Box>
      {planId ? (
        <PlanOverview planId={planId} />
      ) : (
        <EmptyState
          title={translate('duban.dashboard.noPlan')}
          hint={translate('duban.dashboard.noPlanHint')}
          action={
            account.role === 'supervisor' && (
              <Button variant="contained" component={Link} to="/import">
                {translate('duban.import.title')}
              </Button>
            )
          }
        />
      )}
    </Box>
  );
}
