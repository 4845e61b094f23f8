import { Box, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { AttachmentChip } from '../tasks/AttachmentChip.tsx';
import { ScrollX } from '../shared/ScrollX.tsx';
import type { DecisionRecord } from './queue.ts';

/** Files as chips, each downloaded on a click under the name its uploader gave. */
export function Files({ files }: { files: Array<{ id: string; name: string }> }) {
  const translate = useTranslate();
  if (files.length === 0) return <Typography variant="body2" color="text.secondary">{translate('duban.decisions.noFiles')}</Typography>;
  return (
    <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }} data-testid="evidence-files">
      {files.map((f) => <AttachmentChip key={f.id} file={f} />)}
    </Stack>
  );
}

/** A labelled block of what was submitted: the decider reads it before the buttons. */
export function Said({ label, text }: { label: string; text: string | null }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary">{label}</Typography>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }} data-testid="evidence-text">{text?.trim() || '—'}</Typography>
    </Box>
  );
}

const columns = ['item', 'disposition', 'object', 'content', 'method', 'standard', 'measures', 'procedure'] as const;

/** The catalogue's rows as filed, every column. */
export function CatalogueRows({ rows }: { rows: NonNullable<DecisionRecord['filing']>['rows'] }) {
  const translate = useTranslate();
  return (
    <ScrollX>
      <Table size="small" data-testid="catalogue-rows">
        <TableHead>
          <TableRow>
            <TableCell>#</TableCell>
            {columns.map((c) => <TableCell key={c}>{translate(`duban.filing.column.${c}`)}</TableCell>)}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.ordinal}>
              <TableCell>{r.ordinal}</TableCell>
              {columns.map((c) => <TableCell key={c}>{c === 'disposition' ? translate(`duban.filing.disposition.${r.disposition}`) : r[c]}</TableCell>)}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollX>
  );
}
