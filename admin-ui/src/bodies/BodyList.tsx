import { Chip, Stack } from '@mui/material';
import { DataTable, List, SearchInput, SelectInput, useTranslate } from 'react-admin';
import type { BodyRecord } from '../dataProvider/records.ts';
import { EmptyState } from '../shared/EmptyState.tsx';
import { compactTable } from '../shared/tables.ts';

const kinds = ['department', 'district', 'regulator', 'group', 'placeholder'] as const;

function KindInput(props: { alwaysOn?: boolean }) {
  const translate = useTranslate();
  return <SelectInput source="kind" choices={kinds.map((id) => ({ id, name: translate(`duban.kind.${id}`) }))} {...props} />;
}

const filters = [<SearchInput key="q" source="q" alwaysOn />, <KindInput key="kind" alwaysOn />];
const Column = DataTable.Col<BodyRecord>;

function NoBodies() {
  const translate = useTranslate();
  return <EmptyState title={translate('duban.common.nothing')} />;
}

/** The registry of bodies that notices name: short and full names, kinds, aliases, and what a group stands for. */
export const BodyList = () => {
  const translate = useTranslate();
  return (
    <List filters={filters} perPage={50} empty={<NoBodies />} exporter={false}>
      <DataTable<BodyRecord> rowClick={false} bulkActionButtons={false} sx={compactTable} empty={<NoBodies />}>
        <Column source="shortName" disableSort sx={{ minWidth: '9em' }} />
        <Column source="fullName" disableSort sx={{ minWidth: '14em', display: { xs: 'none', md: 'table-cell' } }} />
        <Column source="kind" disableSort sx={{ whiteSpace: 'nowrap' }} render={(body) => translate(`duban.kind.${body.kind}`)} />
        <Column source="aliases" disableSort sx={{ display: { xs: 'none', lg: 'table-cell' } }} render={(body) => body.aliases.join('、')} />
        <Column
          source="members"
          disableSort
          render={(body) => (
            <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
              {body.members.map((m) => (
                <Chip key={m.id} size="small" label={m.shortName} />
              ))}
            </Stack>
          )}
        />
      </DataTable>
    </List>
  );
};
