import { MenuItem, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { PlanRecord } from '../dataProvider/records.ts';

/** Which plan the overview is about, when there is more than one. */
export function PlanPicker({ plans, value, onChange }: { plans: PlanRecord[]; value: string; onChange: (id: string) => void }) {
  const translate = useTranslate();
  if (plans.length < 2) return null;
  return (
    <TextField
      select
      size="small"
      label={translate('resources.plans.name', { smart_count: 1 })}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      sx={{ minWidth: 280, maxWidth: '100%' }}
    >
      {plans.map((plan) => (
        <MenuItem key={plan.id} value={plan.id}>
          {plan.title}
        </MenuItem>
      ))}
    </TextField>
  );
}
