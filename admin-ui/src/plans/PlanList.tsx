import { Button } from '@mui/material';
import { DataTable, Link, List, TopToolbar, useTranslate } from 'react-admin';
import { useAccount } from '../auth/account.ts';
import type { PlanRecord } from '../dataProvider/records.ts';
import { formatMinute } from '../shared/dates.ts';
import { EmptyState } from '../shared/EmptyState.tsx';
import { compactTable } from '../shared/tables.ts';

const Column = DataTable.Col<PlanRecord>;
// At phone width the title, date and sections fit; the rest shows on the plan's page.
const wideOnly = { display: { xs: 'none', md: 'table-cell' } };

function ImportButton() {
  const translate = useTranslate();
  const account = useAccount();
  if (account?.role !== 'supervisor') return null;
  return (
    <Button component={Link} to="/import" variant="contained" size="small">
      {translate('duban.import.title')}
    </Button>
  );
}

function NoPlans() {
  const translate = useTranslate();
  return <EmptyState title={translate('duban.dashboard.noPlan')} hint={translate('duban.dashboard.noPlanHint')} action={<ImportButton />} />;
}

/** The imported task-division notices. */
export function PlanList() {
  const translate = useTranslate();
  return (
    <List
      empty={<NoPlans />}
      actions={
        <TopToolbar>
          <ImportButton />
        </TopToolbar>
      }
      pagination={false}
      exporter={false}
    >
      <DataTable<PlanRecord> rowClick="show" bulkActionButtons={false} sx={compactTable} empty={<NoPlans />}>
        <Column source="title" disableSort />
        <Column source="issuer" disableSort sx={wideOnly} />
        <Column source="issuedOn" disableSort render={(plan) => plan.issuedOn?.replaceAll('-', '/') ?? ''} />
        <Column source="basis" disableSort sx={wideOnly} />
        <Column source="sections" disableSort render={(plan) => translate('duban.plan.sectionCount', { smart_count: plan.sections.length })} />
        <Column source="timeline" disableSort sx={wideOnly} render={(plan) => translate(`duban.import.${plan.timeline}`)} />
        <Column source="createdAt" disableSort sx={wideOnly} render={(plan) => formatMinute(plan.createdAt)} />
      </DataTable>
    </List>
  );
}

