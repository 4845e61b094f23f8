import { DataTable, List } from 'react-admin';
import type { RoundRecord } from '../dataProvider/credit.ts';
import { compactTable } from '../shared/tables.ts';

const Column = DataTable.Col<RoundRecord>;

/** Inspection rounds, newest first. */
export const InspectionList = () => (
  <List perPage={25} exporter={false}>
    <DataTable<RoundRecord> rowClick="show" bulkActionButtons={false} sx={compactTable}>
      <Column source="roundId" disableSort />
      <Column source="title" disableSort />
      <Column source="date" disableSort />
      <Column source="status" disableSort />
      <Column source="populationSize" disableSort />
    </DataTable>
  </List>
);
