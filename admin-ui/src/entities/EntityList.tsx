import { DataTable, List, SearchInput, SelectInput, useTranslate } from 'react-admin';
import type { EntityRecord } from '../dataProvider/credit.ts';
import { compactTable } from '../shared/tables.ts';
import { ClassChip } from './ClassChip.tsx';

const classes = ['good', 'warning', 'dishonest', 'seriouslyDishonest'] as const;

function ClassInput(props: { alwaysOn?: boolean }) {
  const translate = useTranslate();
  return <SelectInput source="creditClass" choices={classes.map((id) => ({ id, name: translate(`duban.credit.class.${id}`) }))} {...props} />;
}

const filters = [<SearchInput key="q" source="q" alwaysOn />, <ClassInput key="creditClass" alwaysOn />];
const Column = DataTable.Col<EntityRecord>;
// At phone width the code, name and class fit; district and industry show on the entity's page.
const wideOnly = { display: { xs: 'none', sm: 'table-cell' } };

/** Market entities with their class, by the colours of the seed notice; a record under objection is flagged. */
export const EntityList = () => {
  const translate = useTranslate();
  return (
    <List filters={filters} perPage={25} exporter={false}>
      <DataTable<EntityRecord> rowClick="show" bulkActionButtons={false} sx={compactTable}>
        <Column source="code" disableSort sx={{ fontFamily: 'monospace' }} />
        <Column source="name" disableSort />
        <Column source="district" disableSort sx={wideOnly} />
        <Column source="industry" disableSort sx={wideOnly} />
        <Column
          source="creditClass"
          disableSort
          render={(e) => (
            <>
              <ClassChip creditClass={e.creditClass} colour={e.colour} />
              {e.records.some((r) => r.underObjection) ? ` ${translate('duban.credit.underObjection')}` : ''}
            </>
          )}
        />
      </DataTable>
    </List>
  );
};
