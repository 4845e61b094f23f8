import { Autocomplete, Box, Button, MenuItem, TextField, ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { DraftBody, DraftBodyResolution } from '../dataProvider/imports.ts';
import type { BodyKind, BodyRecord } from '../dataProvider/records.ts';

const registrable: BodyKind[] = ['department', 'district', 'regulator', 'external'];

/** One click settles a name the registry does not know: register it (kind preselected from its words), map it, or keep it to designate. */
export function SettleBody({ body, registry, value, onChange, onRegisterNow }: {
  body: DraftBody;
  registry: BodyRecord[];
  value: DraftBodyResolution | undefined;
  onChange: (resolution: DraftBodyResolution) => void;
  /** Registers it now, with its department account, rather than at commit. */
  onRegisterNow: (kind: BodyKind) => void;
}) {
  const translate = useTranslate();
  const suggested = registrable.includes(body.suggestedKind) ? body.suggestedKind : 'department';
  const choose = (action: DraftBodyResolution['action'] | null) => {
    if (action === 'register') onChange({ name: body.name, action, kind: suggested });
    if (action === 'placeholder') onChange({ name: body.name, action });
    if (action === 'map') onChange({ name: body.name, action, bodyId: '' });
  };
  return (
    <Box sx={{ display: 'grid', gap: 1, minWidth: 240 }} data-testid="settle-body">
      <ToggleButtonGroup size="small" exclusive value={value?.action ?? null} onChange={(_e, action) => choose(action)} aria-label={translate('duban.import.settle')}>
        <ToggleButton value="register" data-testid="settle-register">{translate('duban.import.settleRegister')}</ToggleButton>
        <ToggleButton value="map" data-testid="settle-map">{translate('duban.import.settleMap')}</ToggleButton>
        <ToggleButton value="placeholder" data-testid="settle-placeholder">{translate('duban.import.settlePlaceholder')}</ToggleButton>
      </ToggleButtonGroup>
      {value?.action === 'register' && (
        <TextField select size="small" label={translate('duban.import.settleKind')} value={value.kind} onChange={(e) => onChange({ ...value, kind: e.target.value as BodyKind })}>
          {registrable.map((kind) => (
            <MenuItem key={kind} value={kind}>{translate(`duban.kind.${kind}`)}</MenuItem>
          ))}
        </TextField>
      )}
      {value?.action === 'register' && (
        <Button size="small" variant="text" sx={{ justifySelf: 'start' }} onClick={() => onRegisterNow(value.kind)} data-testid="settle-register-account">
          {translate('duban.import.registerWithAccount')}
        </Button>
      )}
      {value?.action === 'map' && (
        <Autocomplete
          size="small"
          options={registry.filter((b) => b.kind !== 'group')}
          value={registry.find((b) => b.id === value.bodyId) ?? null}
          onChange={(_e, chosen) => onChange({ ...value, bodyId: chosen?.id ?? '' })}
          getOptionLabel={(b) => b.shortName}
          isOptionEqualToValue={(a, b) => a.id === b.id}
          renderInput={(params) => <TextField {...params} label={translate('duban.import.settleMapTo')} />}
          data-testid="settle-map-to"
        />
      )}
    </Box>
  );
}
