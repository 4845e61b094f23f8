import { useEffect, useState } from 'react';
import { Autocomplete, Button, FormControlLabel, Radio, RadioGroup, Stack, TextField, Typography } from '@mui/material';
import { useRedirect, useTranslate } from 'react-admin';
import { useAccount } from '../auth/account.ts';
import { concreteBodies } from '../dataProvider/bodies.ts';
import { bodyRegistryId } from '../dataProvider/credit.ts';
import { announceInspectionRound } from '../dataProvider/draws.ts';
import { FormDialog } from '../shared/FormDialog.tsx';

const list = (text: string) => text.split(/[,，、;；\s]+/).map((s) => s.trim()).filter(Boolean);
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

function AnnounceDialog({ onClose }: { onClose: () => void }) {
  const translate = useTranslate();
  const redirect = useRedirect();
  const [bodies, setBodies] = useState<Array<{ id: string; name: string }>>([]);
  const [form, setForm] = useState({
    roundId: '', title: '', date: today(), by: 'size', size: '10', ratio: '3', districts: '', industries: '', perBody: '2', checklist: '', beaconSource: '',
  });
  const [joining, setJoining] = useState<Array<{ id: string; name: string; remit: string }>>([]);
  useEffect(() => {
    void concreteBodies().then((all) => setBodies(all.map((b) => ({ id: bodyRegistryId(b.id), name: b.shortName }))));
  }, []);
  const field = (key: keyof typeof form) => ({ value: form[key], onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }) });
  const send = async () => {
    const { id } = await announceInspectionRound({
      roundId: form.roundId.trim(), title: form.title.trim(), date: form.date, beaconSource: form.beaconSource.trim(),
      districts: list(form.districts), industries: list(form.industries),
      ...(form.by === 'size' ? { size: Number(form.size) } : { ratio: Number(form.ratio) / 100 }),
      checklist: form.checklist.split('\n').map((t) => t.trim()).filter(Boolean).map((text, i) => ({ id: String(i + 1), text })),
      bodies: joining.map((b) => ({ bodyId: b.id, industries: list(b.remit) })),
      inspectorsPerBody: Number(form.perBody),
    });
    redirect('show', 'inspections', id);
  };
  return (
    <FormDialog title={translate('duban.draw.announceTitle')} onClose={onClose} onConfirm={send} maxWidth="md" ready={!!form.roundId.trim() && joining.length > 0}>
      <Typography variant="body2" color="text.secondary">{translate('duban.draw.announceHelp')}</Typography>
      <TextField size="small" required label={translate('duban.draw.roundId')} {...field('roundId')} slotProps={{ htmlInput: { 'data-field': 'roundId' } }} />
      <TextField size="small" required label={translate('duban.draw.title')} {...field('title')} slotProps={{ htmlInput: { 'data-field': 'title' } }} />
      <TextField size="small" type="date" label={translate('duban.draw.date')} {...field('date')} slotProps={{ inputLabel: { shrink: true } }} />
      <RadioGroup row value={form.by} onChange={(e) => setForm({ ...form, by: e.target.value })}>
        <FormControlLabel value="size" control={<Radio size="small" />} label={translate('duban.draw.bySize')} />
        <FormControlLabel value="ratio" control={<Radio size="small" />} label={translate('duban.draw.byRatio')} />
      </RadioGroup>
      {form.by === 'size'
        ? <TextField size="small" type="number" label={translate('duban.draw.size')} {...field('size')} slotProps={{ htmlInput: { min: 1, 'data-field': 'size' } }} />
        : <TextField size="small" type="number" label={translate('duban.draw.ratio')} {...field('ratio')} slotProps={{ htmlInput: { min: 0.1, max: 100, step: 0.1 } }} />}
      <TextField size="small" label={translate('duban.draw.districts')} {...field('districts')} />
      <TextField size="small" label={translate('duban.draw.industries')} {...field('industries')} />
      <Autocomplete
        multiple
        size="small"
        options={bodies}
        getOptionLabel={(b) => b.name}
        isOptionEqualToValue={(a, b) => a.id === b.id}
        value={bodies.filter((b) => joining.some((j) => j.id === b.id))}
        onChange={(_e, chosen) => setJoining(chosen.map((b) => joining.find((j) => j.id === b.id) ?? { ...b, remit: '' }))}
        renderInput={(params) => <TextField {...params} label={translate('duban.draw.bodies')} />}
      />
      {joining.map((b) => (
        <TextField key={b.id} size="small" label={translate('duban.draw.remit', { body: b.name })} value={b.remit} onChange={(e) => setJoining(joining.map((j) => (j.id === b.id ? { ...j, remit: e.target.value } : j)))} />
      ))}
      <TextField size="small" type="number" label={translate('duban.draw.perBody')} {...field('perBody')} slotProps={{ htmlInput: { min: 2 } }} />
      <TextField size="small" multiline minRows={2} label={translate('duban.draw.checklist')} {...field('checklist')} slotProps={{ htmlInput: { 'data-field': 'checklist' } }} />
      <TextField size="small" required label={translate('duban.draw.beaconSource')} helperText={translate('duban.draw.beaconSourceHelp')} {...field('beaconSource')} slotProps={{ htmlInput: { 'data-field': 'beaconSource' } }} />
    </FormDialog>
  );
}

/** The supervising office announces a round; the console opens it once its population is frozen. */
export function AnnounceRound() {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  if (useAccount()?.role !== 'supervisor') return null;
  return (
    <Stack direction="row" sx={{ py: 1 }}>
      <Button variant="contained" size="small" data-action="announceRound" onClick={() => setOpen(true)}>{translate('duban.draw.announce')}</Button>
      {open && <AnnounceDialog onClose={() => setOpen(false)} />}
    </Stack>
  );
}
