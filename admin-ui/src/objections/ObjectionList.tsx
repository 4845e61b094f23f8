import { DataTable, List, useTranslate } from 'react-admin';
import type { ObjectionRecord } from '../dataProvider/credit.ts';
import { formatDay } from '../shared/dates.ts';
import { ProvisionalDeadline } from '../shared/ProvisionalDeadline.tsx';
import { compactTable } from '../shared/tables.ts';

const Column = DataTable.Col<ObjectionRecord>;

/** Objection cases, newest first, with their time limits. */
export const ObjectionList = () => {
  const translate = useTranslate();
  return (
    <List perPage={25} exporter={false}>
      <DataTable<ObjectionRecord> rowClick="show" bulkActionButtons={false} sx={compactTable}>
        <Column source="entity" disableSort render={(o) => `${o.entity.name} (${o.entity.code})`} />
        <Column source="status" disableSort render={(o) => (
          <>
            {translate(`duban.credit.status.${o.status}`) + (o.overdue.length ? ` · ${translate('duban.credit.overdue', { limits: o.overdue.join(', ') })}` : '')}{' '}
            <ProvisionalDeadline compact provisional={o.deadlineProvisional} />
          </>
        )} />
        <Column source="filedByName" disableSort />
        <Column source="filedAt" disableSort render={(o) => formatDay(o.filedAt)} />
        <Column source="acceptBy" disableSort render={(o) => formatDay(o.acceptBy)} />
        <Column source="verifyBy" disableSort render={(o) => formatDay(o.verifyBy)} />
      </DataTable>
    </List>
  );
};
