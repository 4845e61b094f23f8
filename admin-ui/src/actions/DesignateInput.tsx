import { Autocomplete, TextField } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { concreteBodies } from '../dataProvider/bodies.ts';
import type { BodyRecord } from '../dataProvider/records.ts';

/** Picks the concrete registered bodies that replace a placeholder group (待指定). */
export function DesignateInput({ value, onChange }: { value: BodyRecord[]; onChange: (bodies: BodyRecord[]) => void }) {
  const translate = useTranslate();
  const { data = [], isPending } = useQuery({ queryKey: ['bodies', 'concrete'], queryFn: concreteBodies, staleTime: 60_000 });
  return (
    <Autocomplete
      multiple
      loading={isPending}
      options={data}
      value={value}
      onChange={(_event, bodies) => onChange(bodies)}
      getOptionLabel={(body) => body.shortName}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      renderInput={(params) => <TextField {...params} label={translate('duban.action.field.bodies')} required />}
    />
  );
}
