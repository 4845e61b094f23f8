import { useState } from 'react';
import { Button, Chip, Stack } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { DataTable, List, SearchInput, SelectInput, TopToolbar, useRefresh, useTranslate } from 'react-admin';
import { useAccount } from '../auth/account.ts';
import type { AccountPassword } from '../dataProvider/accounts.ts';
import type { BodyRecord } from '../dataProvider/records.ts';
import { OneTimePassword } from '../accounts/OneTimePassword.tsx';
import { EmptyState } from '../shared/EmptyState.tsx';
import { compactTable } from '../shared/tables.ts';
import { BodyForm } from './BodyForm.tsx';
import { MergeBody } from './MergeBody.tsx';

const kinds = ['department', 'district', 'regulator', 'external', 'group', 'placeholder'] as const;

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

type Dialog = { kind: 'create' } | { kind: 'edit'; body: BodyRecord } | { kind: 'merge'; body: BodyRecord } | { kind: 'password'; issued: AccountPassword } | null;

/**
 * The registry of bodies that notices name: short and full names, kinds,
 * aliases, and what a group stands for. The supervising office and the
 * administrator register, edit and merge bodies here.
 */
export const BodyList = () => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const me = useAccount();
  const keeps = me?.role === 'supervisor' || me?.role === 'admin';
  const [dialog, setDialog] = useState<Dialog>(null);
  const saved = (issued: AccountPassword | null) => {
    refresh();
    setDialog(issued ? { kind: 'password', issued } : null);
  };
  const actions = keeps ? (
    <TopToolbar>
      <Button startIcon={<AddIcon />} onClick={() => setDialog({ kind: 'create' })} data-testid="create-body">{translate('duban.bodies.create')}</Button>
    </TopToolbar>
  ) : false;
  return (
    <>
      <List filters={filters} perPage={50} empty={<NoBodies />} exporter={false} actions={actions}>
        <DataTable<BodyRecord> rowClick={false} bulkActionButtons={false} sx={compactTable} empty={<NoBodies />}>
          <Column source="shortName" disableSort sx={{ minWidth: { xs: '6em', sm: '9em' } }} />
          <Column source="fullName" disableSort sx={{ minWidth: '14em', display: { xs: 'none', md: 'table-cell' } }} />
          <Column source="kind" disableSort sx={{ whiteSpace: { xs: 'normal', sm: 'nowrap' } }} render={(body) => translate(`duban.kind.${body.kind}`)} />
          <Column source="aliases" disableSort sx={{ display: { xs: 'none', lg: 'table-cell' } }} render={(body) => body.aliases.join('、')} />
          <Column
            source="members"
            disableSort
            sx={{ display: { xs: 'none', md: 'table-cell' } }}
            render={(body) => (
              <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
                {body.members.map((m) => (
                  <Chip key={m.id} size="small" label={m.shortName} />
                ))}
              </Stack>
            )}
          />
          {keeps && (
            <Column
              label={translate('duban.bodies.actions')}
              disableSort
              render={(body) => (
                <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 0.5 }}>
                  <Button size="small" onClick={() => setDialog({ kind: 'edit', body })} data-testid="edit-body">{translate('duban.bodies.edit')}</Button>
                  <Button size="small" onClick={() => setDialog({ kind: 'merge', body })} data-testid="merge-body">{translate('duban.bodies.merge')}</Button>
                </Stack>
              )}
            />
          )}
        </DataTable>
      </List>
      {dialog?.kind === 'create' && <BodyForm onClose={() => setDialog(null)} onSaved={saved} />}
      {dialog?.kind === 'edit' && <BodyForm body={dialog.body} onClose={() => setDialog(null)} onSaved={saved} />}
      {dialog?.kind === 'merge' && <MergeBody body={dialog.body} onClose={() => setDialog(null)} onMerged={() => saved(null)} />}
      {dialog?.kind === 'password' && <OneTimePassword issued={dialog.issued} onClose={() => setDialog(null)} />}
    </>
  );
};
