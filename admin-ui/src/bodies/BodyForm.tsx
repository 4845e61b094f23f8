import { useState } from 'react';
import { MenuItem, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { AccountPassword } from '../dataProvider/accounts.ts';
import { createBody, setBodyWebhook, updateBody, type BodyInput } from '../dataProvider/bodies.ts';
import type { BodyKind, BodyRecord } from '../dataProvider/records.ts';
import { FormDialog } from '../shared/FormDialog.tsx';

export const editableKinds: BodyKind[] = ['department', 'district', 'regulator', 'external', 'placeholder'];

/** Aliases as typed: one per line, or separated by 、 or commas. */
const splitAliases = (text: string) => text.split(/[\n、,，;；]/).map((a) => a.trim()).filter(Boolean);

/**
 * Registers a body (and, if a login is given, its department account, whose
 * one-time password is shown once) or edits one: names, kind, aliases, and
 * the group-robot webhook its notices are also posted to.
 */
export function BodyForm({ body, initial, registryId, onClose, onSaved }: {
  body?: BodyRecord;
  /** For a new body: the name and kind to start from (a name a notice wrote, the kind its words suggest). */
  initial?: { shortName: string; kind: BodyKind };
  /** For a new body: the registry it joins (default: the reference one). */
  registryId?: string;
  onClose: () => void;
  onSaved: (issued: AccountPassword | null) => void;
}) {
  const translate = useTranslate();
  const [form, setForm] = useState({
    shortName: body?.shortName ?? initial?.shortName ?? '',
    fullName: body?.fullName ?? '',
    kind: body?.kind ?? initial?.kind ?? ('department' as BodyKind),
    aliases: body?.aliases.join('、') ?? '',
    login: '',
    displayName: '',
    webhookUrl: body?.webhookUrl ?? '',
  });
  const input = (): BodyInput => ({ shortName: form.shortName, fullName: form.fullName || form.shortName, kind: form.kind, aliases: splitAliases(form.aliases) });
  const save = async () => {
    if (body) {
      await updateBody(body.id, input());
      if (form.webhookUrl.trim() !== (body.webhookUrl ?? '')) await setBodyWebhook(body.id, form.webhookUrl);
      return onSaved(null);
    }
    const account = form.login.trim() ? { login: form.login.trim(), displayName: form.displayName.trim() || `${form.shortName} 承办人` } : undefined;
    const made = await createBody({ ...input(), account, registryId });
    onSaved(made.account);
  };
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value });
  return (
    <FormDialog title={translate(body ? 'duban.bodies.edit' : 'duban.bodies.create')} onClose={onClose} ready={Boolean(form.shortName.trim())} onConfirm={save}>
      <TextField label={translate('resources.bodies.fields.shortName')} name="shortName" value={form.shortName} onChange={set('shortName')} required />
      <TextField label={translate('resources.bodies.fields.fullName')} name="fullName" value={form.fullName} onChange={set('fullName')} />
      <TextField select label={translate('resources.bodies.fields.kind')} value={form.kind} onChange={set('kind')} disabled={body?.kind === 'group'} data-testid="body-kind">
        {(body?.kind === 'group' ? ['group' as BodyKind] : editableKinds).map((kind) => <MenuItem key={kind} value={kind}>{translate(`duban.kind.${kind}`)}</MenuItem>)}
      </TextField>
      <TextField label={translate('resources.bodies.fields.aliases')} name="aliases" value={form.aliases} onChange={set('aliases')} helperText={translate('duban.bodies.aliasesHint')} multiline />
      {body && (
        <TextField
          label={translate('duban.bodies.webhook')} name="webhookUrl" value={form.webhookUrl} onChange={set('webhookUrl')}
          helperText={translate('duban.bodies.webhookHint')} autoComplete="off" slotProps={{ htmlInput: { inputMode: 'url', 'data-testid': 'body-webhook' } }}
        />
      )}
      {!body && form.kind !== 'placeholder' && (
        <>
          <Typography variant="subtitle2">{translate('duban.bodies.accountTitle')}</Typography>
          <TextField label={translate('duban.accounts.login')} name="login" value={form.login} onChange={set('login')} helperText={translate('duban.bodies.accountHint')} autoComplete="off" />
          {form.login.trim() && <TextField label={translate('duban.accounts.displayName')} name="displayName" value={form.displayName} onChange={set('displayName')} placeholder={`${form.shortName} 承办人`} />}
        </>
      )}
    </FormDialog>
  );
}
