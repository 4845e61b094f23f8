import { Autocomplete, Stack, TextField } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { concreteBodies } from '../dataProvider/bodies.ts';
import type { BodyRecord } from '../dataProvider/records.ts';

/** A body chosen for a placeholder group, with its own deadline (a Shanghai day, yyyy-mm-dd; empty: none). */
export interface Designated {
  body: BodyRecord;
  due: string;
}

/**
 * Picks the concrete registered bodies that replace a placeholder group (待指定), and each one's
 * deadline, which starts at the group's (`defaultDue`).
 */
export function DesignateInput({ value, onChange, defaultDue, min }: { value: Designated[]; onChange: (designated: Designated[]) => void; defaultDue: string; min: string }) {
  const translate = useTranslate();
  const { data = [], isPending } = useQuery({ queryKey: ['bodies', 'concrete'], queryFn: concreteBodies, staleTime: 60_000 });
  const setDue = (id: string, due: string) => onChange(value.map((d) => (d.body.id === id ? { ...d, due } : d)));
  return (
    <Stack spacing={2}>
      <Autocomplete
        multiple
        loading={isPending}
        options={data}
        value={value.map((d) => d.body)}
        onChange={(_event, bodies) => onChange(bodies.map((body) => value.find((d) => d.body.id === body.id) ?? { body, due: defaultDue }))}
        getOptionLabel={(body) => body.shortName}
        isOptionEqualToValue={(a, b) => a.id === b.id}
        renderInput={(params) => <TextField {...params} label={translate('duban.action.field.bodies')} required />}
      />
      {value.map(({ body, due }) => (
        <TextField
          key={body.id}
          type="date"
          size="small"
          label={translate('duban.action.field.bodyDue', { body: body.shortName })}
          value={due}
          onChange={(e) => setDue(body.id, e.target.value)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { min, 'data-testid': 'designate-due', 'data-body': body.shortName } }}
        />
      ))}
    </Stack>
  );
}
