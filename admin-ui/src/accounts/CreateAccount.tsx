import { useEffect, useState } from 'react';
import { MenuItem, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Role } from '../auth/account.ts';
import { createAccount, type AccountPassword } from '../dataProvider/accounts.ts';
import { concreteBodies } from '../dataProvider/bodies.ts';
import type { BodyRecord } from '../dataProvider/records.ts';
import { FormDialog } from '../shared/FormDialog.tsx';

const roles: Role[] = ['department', 'supervisor', 'performance', 'admin'];

/**
 * A new account: login, name, role and body. The administrator creates any
 * role; the supervising office creates department accounts for bodies.
 */
export function CreateAccount({ anyRole, onClose, onCreated }: { anyRole: boolean; onClose: () => void; onCreated: (issued: AccountPassword) => void }) {
  const translate = useTranslate();
  const [bodies, setBodies] = useState<BodyRecord[]>([]);
  const [form, setForm] = useState({ login: '', displayName: '', role: 'department' as Role, bodyId: '', duty: 'responsible' as 'drafter' | 'responsible' });
  useEffect(() => void concreteBodies().then(setBodies), []);
  const needsBody = form.role === 'department';
  return (
    <FormDialog
      title={translate('duban.accounts.create')}
      onClose={onClose}
      ready={Boolean(form.login.trim() && form.displayName.trim() && (!needsBody || form.bodyId))}
      onConfirm={async () => onCreated(await createAccount({ ...form, bodyId: form.role === 'admin' ? null : form.bodyId || null, duty: needsBody ? form.duty : undefined }))}
    >
      <TextField label={translate('duban.accounts.login')} name="login" value={form.login} onChange={(e) => setForm({ ...form, login: e.target.value })} helperText={translate('duban.accounts.loginHint')} required autoComplete="off" />
      <TextField label={translate('duban.accounts.displayName')} name="displayName" value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} required />
      <TextField select label={translate('duban.accounts.role')} value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })} disabled={!anyRole} data-testid="account-role">
        {(anyRole ? roles : (['department'] as Role[])).map((role) => <MenuItem key={role} value={role}>{translate(`duban.accountRole.${role}`)}</MenuItem>)}
      </TextField>
      {form.role !== 'admin' && (
        <TextField select label={translate('duban.accounts.body')} value={form.bodyId} onChange={(e) => setForm({ ...form, bodyId: e.target.value })} required={needsBody} data-testid="account-body">
          {bodies.map((b) => <MenuItem key={b.id} value={b.id}>{b.shortName}</MenuItem>)}
        </TextField>
      )}
      {needsBody && (
        <TextField select label={translate('duban.signOff.dutyLabel')} value={form.duty} onChange={(e) => setForm({ ...form, duty: e.target.value as 'drafter' | 'responsible' })} helperText={translate('duban.signOff.dutyHint')} data-testid="account-duty">
          {(['responsible', 'drafter'] as const).map((duty) => <MenuItem key={duty} value={duty}>{translate(`duban.signOff.duty.${duty}`)}</MenuItem>)}
        </TextField>
      )}
    </FormDialog>
  );
}
