import { Autocomplete, Chip, TextField } from '@mui/material';
import type { BodyMatch } from '../dataProvider/imports.ts';

export const matchColours: Record<BodyMatch, 'default' | 'info' | 'warning' | 'error'> = {
  known: 'default',
  group: 'info',
  placeholder: 'warning',
  unknown: 'error',
};

/**
 * Lead or support bodies of one task: registered names to pick, or any name
 * typed as the notice writes it (kept, and flagged as unregistered).
 */
export function BodyNamesInput({
  label,
  value,
  options,
  matchOf,
  onChange,
}: {
  label: string;
  value: string[];
  options: string[];
  matchOf: (name: string) => BodyMatch;
  onChange: (names: string[]) => void;
}) {
  return (
    <Autocomplete
      multiple
      freeSolo
      size="small"
      options={options}
      value={value}
      onChange={(_event, names) => onChange([...new Set(names.map((n) => n.trim()).filter(Boolean))])}
      renderValue={(names, getItemProps) =>
        names.map((name, index) => {
          const { key, ...props } = getItemProps({ index });
          const match = matchOf(name);
          return <Chip key={key} {...props} size="small" label={name} color={matchColours[match]} variant={match === 'known' ? 'filled' : 'outlined'} />;
        })
      }
      renderInput={(params) => <TextField {...params} label={label} />}
    />
  );
}
