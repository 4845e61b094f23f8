import { Box, Typography } from '@mui/material';
import { BooleanInput, DataTable, List, useTranslate } from 'react-admin';
import { AssignmentActions } from '../actions/AssignmentActions.tsx';
import type { LedgerRecord } from '../dataProvider/records.ts';
import { LightChip } from '../lights/LightChip.tsx';
import { AssignmentRoleChips, AssignmentStatusText } from '../shared/AssignmentLabels.tsx';
import { Deadline } from '../shared/Deadline.tsx';
import { EmptyState } from '../shared/EmptyState.tsx';
import { compactTable } from '../shared/tables.ts';
import { BodyInput, LightInput, PlanInput, SectionInput } from '../shared/filters.tsx';
import { useDubanPaths } from '../shared/links.ts';
import { usePhone } from '../shared/usePhone.ts';
import { LedgerActions } from './ExportLedger.tsx';
import { LedgerCards } from './LedgerCards.tsx';
import { DueWithinInput, OrderInput, RoleInput, StatusInput } from './inputs.tsx';

// The filter menu tells its items apart by each element's own `source` prop: without it every item is the same, and one click adds them all.
const filters = [
  <OrderInput key="orderBy" alwaysOn />,
  <BooleanInput key="overdue" source="overdue" alwaysOn />,
  <BodyInput key="bodyId" alwaysOn />,
  <LightInput key="light" source="light" />,
  <StatusInput key="status" source="status" />,
  <DueWithinInput key="dueWithinDays" source="dueWithinDays" />,
  <BooleanInput key="unacknowledged" source="unacknowledged" />,
  <BooleanInput key="behindPace" source="behindPace" />,
  <SectionInput key="sectionOrdinal" source="sectionOrdinal" />,
  <RoleInput key="role" source="role" />,
  <PlanInput key="planId" source="planId" />,
];

const Column = DataTable.Col<LedgerRecord>;
const wideOnly = { display: { xs: 'none', lg: 'table-cell' } };

function NoRows() {
  const translate = useTranslate();
  return <EmptyState title={translate('duban.ledger.none')} />;
}

/** The ledger's page as a table, for a desk or a tablet. */
function LedgerTable() {
  const translate = useTranslate();
  const paths = useDubanPaths();
  return (
    <DataTable<LedgerRecord> rowClick={(_id, _resource, row) => paths.task(row.task.id)} bulkActionButtons={false} empty={<NoRows />} sx={compactTable}>
      <Column source="light" disableSort render={(a) => <LightChip light={a.light} size="small" />} />
      <Column
        source="bodyName"
        disableSort
        render={(a) => (
          <Box>
            <Typography variant="body2" sx={{ fontWeight: 600, mb: 0.5, minWidth: '7em' }}>
              {a.bodyName}
            </Typography>
            <AssignmentRoleChips assignment={a} />
          </Box>
        )}
      />
      <Column
        source="task"
        disableSort
        render={(a) => (
          <Typography variant="body2" sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}>
            <b>{a.task.ref}</b> {a.task.text}
          </Typography>
        )}
      />
      <Column source="due" disableSort render={(a) => <Deadline record={a} />} />
      <Column
        source="status"
        disableSort
        sx={{ ...wideOnly, whiteSpace: 'nowrap' }}
        render={(a) => (
          <>
            <AssignmentStatusText status={a.status} />
            {a.returnCount > 0 && (
              <Typography variant="caption" color="warning.dark" component="div">
                {translate('duban.task.returned', { smart_count: a.returnCount })}
              </Typography>
            )}
          </>
        )}
      />
      <Column
        label="duban.task.actions"
        disableSort
        render={(a) => <AssignmentActions target={{ task: a.task, assignment: a }} only={['urge', 'designate']} />}
      />
    </DataTable>
  );
}

/** The supervision ledger (督办台账): every body's part of every task, most urgent first; on a phone, as cards. */
export function AssignmentList() {
  const translate = useTranslate();
  const phone = usePhone();
  return (
    <List filters={filters} filterDefaultValues={{ orderBy: 'urgency' }} perPage={25} empty={<NoRows />} title={translate('duban.ledger.title')} exporter={false} actions={<LedgerActions />}>
      {phone ? <LedgerCards empty={<NoRows />} /> : <LedgerTable />}
    </List>
  );
}
