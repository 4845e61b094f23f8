import { Box, Typography } from '@mui/material';
import { BooleanInput, DataTable, List, SearchInput, SelectInput, useTranslate } from 'react-admin';
import type { TaskRecord } from '../dataProvider/records.ts';
import { LightChip } from '../lights/LightChip.tsx';
import { Deadline } from '../shared/Deadline.tsx';
import { EmptyState } from '../shared/EmptyState.tsx';
import { compactTable } from '../shared/tables.ts';
import { BodyInput, LightInput, PlanInput, SectionInput } from '../shared/filters.tsx';
import { usePhone } from '../shared/usePhone.ts';
import { TaskBodies } from './TaskBodies.tsx';
import { TaskCards } from './TaskCards.tsx';
import { TaskPlace } from './TaskPlace.tsx';

function StatusInput(props: { source?: string; alwaysOn?: boolean }) {
  const translate = useTranslate();
  const choices = ['open', 'closed'].map((id) => ({ id, name: translate(`duban.taskStatus.${id}`) }));
  return <SelectInput source="status" choices={choices} {...props} />;
}

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SectionInput key="sectionOrdinal" alwaysOn />,
  <BodyInput key="bodyId" alwaysOn />,
  <LightInput key="light" alwaysOn />,
  <StatusInput key="status" source="status" />,
  <BooleanInput key="overdue" source="overdue" />,
  <PlanInput key="planId" source="planId" />,
];

const Column = DataTable.Col<TaskRecord>;

/** Only on wide screens: a tablet keeps ref, light, text, bodies and deadline. */
const wideOnly = { display: { xs: 'none', lg: 'table-cell' } };

function NoTasks() {
  const translate = useTranslate();
  return <EmptyState title={translate('duban.task.none')} hint={translate('duban.task.noneHint')} />;
}

/** The task list's page as a table, for a desk or a tablet. */
function TaskTable() {
  const translate = useTranslate();
  return (
    <DataTable<TaskRecord> rowClick="show" bulkActionButtons={false} empty={<NoTasks />} sx={compactTable}>
      <Column source="ref" sx={{ width: 56 }} />
      <Column source="light" render={(task) => <LightChip light={task.light} size="small" />} />
      <Column
        source="text"
        disableSort
        render={(task) => (
          <Box>
            <Typography
              variant="body2"
              sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}
            >
              {task.text}
            </Typography>
            <TaskPlace task={task} />
          </Box>
        )}
      />
      <Column source="assignments" disableSort render={(task) => <TaskBodies assignments={task.assignments} />} />
      <Column source="due" render={(task) => <Deadline record={task} />} />
      <Column source="status" disableSort sx={{ ...wideOnly, whiteSpace: 'nowrap' }} render={(task) => translate(`duban.taskStatus.${task.status}`)} />
    </DataTable>
  );
}

/** Every task of the visible plans with its light, bodies and deadline; filtered, sorted and searched; on a phone, as cards. */
export function TaskList() {
  const phone = usePhone();
  return (
    <List filters={filters} sort={{ field: 'ref', order: 'ASC' }} perPage={25} empty={<NoTasks />} exporter={false}>
      {phone ? <TaskCards empty={<NoTasks />} /> : <TaskTable />}
    </List>
  );
}
