import { Datagrid, List, SelectInput, TextField } from 'react-admin';

const kinds = [
  { id: 'department', name: '部门 Department' },
  { id: 'district', name: '区县政府 District' },
  { id: 'regulator', name: '驻津机构 Regulator' },
  { id: 'group', name: '群组 Group' },
  { id: 'placeholder', name: '待指定 To be designated' },
];

export const BodyList = () => (
  <List filters={[<SelectInput key="kind" source="kind" choices={kinds} alwaysOn />]} sort={{ field: 'id', order: 'ASC' }}>
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <TextField source="shortName" />
      <TextField source="fullName" />
      <TextField source="kind" />
    </Datagrid>
  </List>
);
