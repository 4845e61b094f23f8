import { useEffect, useState } from 'react';
import { Alert, Button, MenuItem, Stack, TextField } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { createRegistry, registries, type RegistryRecord } from '../dataProvider/imports.ts';

/**
 * The registry (issuing government) a notice's names are matched in and new
 * bodies are registered in: the first registry (the reference one) until the
 * office picks another or opens one for a new issuing government.
 */
export function RegistryPicker({ value, onChange }: { value: RegistryRecord | null; onChange: (registry: RegistryRecord) => void }) {
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const { data = [] } = useQuery({ queryKey: ['registries'], queryFn: registries, staleTime: 60_000 });
  const [name, setName] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => createRegistry(name!.trim()),
    onSuccess: async (made) => {
      await queryClient.invalidateQueries({ queryKey: ['registries'] });
      setName(null);
      onChange(made);
    },
  });
  useEffect(() => {
    if (!value && data[0]) onChange(data[0]);
  }, [value, data, onChange]);
  return (
    <Stack spacing={1}>
      <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <TextField
          select
          size="small"
          label={translate('duban.import.registry')}
          helperText={translate('duban.import.registryHint')}
          value={data.some((r) => r.id === value?.id) ? value!.id : ''}
          onChange={(e) => onChange(data.find((r) => r.id === e.target.value)!)}
          sx={{ minWidth: 240, maxWidth: '100%' }}
          slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'registry-picker' } as object } }}
        >
          {data.map((r) => (
            <MenuItem key={r.id} value={r.id}>
              {r.name}
            </MenuItem>
          ))}
        </TextField>
        {name === null ? (
          <Button size="small" startIcon={<AddIcon />} sx={{ mt: 0.5 }} onClick={() => setName('')} data-testid="new-registry">
            {translate('duban.import.newRegistry')}
          </Button>
        ) : (
          <>
            <TextField
              size="small"
              label={translate('duban.import.newRegistryName')}
              placeholder={translate('duban.import.newRegistryHint')}
              value={name}
              onChange={(e) => setName(e.target.value)}
              slotProps={{ htmlInput: { 'data-testid': 'new-registry-name' } }}
            />
            <Button variant="outlined" sx={{ mt: 0.25 }} disabled={!name.trim() || create.isPending} onClick={() => create.mutate()} data-testid="create-registry">
              {translate('duban.import.createRegistry')}
            </Button>
            <Button sx={{ mt: 0.25 }} onClick={() => setName(null)}>
              {translate('ra.action.cancel')}
            </Button>
          </>
        )}
      </Stack>
      {create.error && (
        <Alert severity="error" role="alert">
          {create.error.message}
        </Alert>
      )}
    </Stack>
  );
}
