import { DataTable, List, TopToolbar, useTranslate } from 'react-admin';
import type { RoundRecord } from '../dataProvider/credit.ts';
import { compactTable } from '../shared/tables.ts';
import { AnnounceRound } from './AnnounceRound.tsx';

const Column = DataTable.Col<RoundRecord>;

/** Inspection rounds, newest first; the supervising office announces new ones here. */
export const InspectionList = () => {
  const translate = useTranslate();
  return (
    <List perPage={25} exporter={false} actions={<TopToolbar><AnnounceRound /></TopToolbar>}>
      <DataTable<RoundRecord> rowClick="show" bulkActionButtons={false} sx={{ ...compactTable, '& .RaDataTable-tableWrapper': { overflowX: 'auto', width: 0, minWidth: '100%' } }}>
        <Column source="roundId" disableSort />
        <Column source="title" disableSort />
        <Column source="date" disableSort />
        <Column source="status" disableSort render={(r) => translate(`duban.draw.status.${r.status}`)} />
        <Column source="populationSize" disableSort />
      </DataTable>
    </List>
  );
};
