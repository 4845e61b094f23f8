import { DataTable, List, useTranslate } from 'react-admin';
import type { RepairRecord } from '../dataProvider/credit.ts';
import { useRecordSummary } from '../entities/RecordSummary.tsx';
import { formatDay } from '../shared/dates.ts';
import { ProvisionalDeadline } from '../shared/ProvisionalDeadline.tsx';
import { compactTable } from '../shared/tables.ts';

const Column = DataTable.Col<RepairRecord>;

/** Repair applications, newest first, with their review time limits. */
export const RepairList = () => {
  const translate = useTranslate();
  const summary = useRecordSummary();
  return (
    <List perPage={25} exporter={false}>
      <DataTable<RepairRecord> rowClick="show" bulkActionButtons={false} sx={compactTable}>
        <Column source="entity" disableSort render={(a) => `${a.entity.name} (${a.entity.code})`} />
        <Column source="record" disableSort render={(a) => summary(a.record)} />
        <Column source="status" disableSort render={(a) => translate(`duban.credit.repairStatus.${a.status}`) + (a.overdue ? ` · ${translate('duban.credit.overdue', { limits: '' })}` : '')} />
        <Column source="filedAt" disableSort render={(a) => formatDay(a.filedAt)} />
        <Column source="reviewBy" disableSort render={(a) => <>{formatDay(a.reviewBy)} <ProvisionalDeadline compact provisional={a.deadlineProvisional} /></>} />
      </DataTable>
    </List>
  );
};
