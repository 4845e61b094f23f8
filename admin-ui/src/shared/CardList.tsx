import { Stack } from '@mui/material';
import { Fragment, type ReactNode } from 'react';
import { Loading, useListContext, type RaRecord } from 'react-admin';

/** A list's page as a column of cards (a phone has no room for a table's columns), or `empty` when it has none. */
export function CardList<T extends RaRecord>({ empty, card }: { empty: ReactNode; card: (record: T) => ReactNode }) {
  const { data, isPending } = useListContext<T>();
  if (isPending) return <Loading />;
  if (!data?.length) return <>{empty}</>;
  return (
    <Stack spacing={1.5} sx={{ p: { xs: 1, sm: 2 } }}>
      {data.map((record) => (
        <Fragment key={record.id}>{card(record)}</Fragment>
      ))}
    </Stack>
  );
}
