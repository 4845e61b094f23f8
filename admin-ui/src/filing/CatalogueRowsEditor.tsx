import DeleteIcon from '@mui/icons-material/Delete';
import {
  Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import { Fragment, useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import { catalogueColumns, catalogueErrors, type CatalogueRow, type RowError } from '../../../domain/filing/catalogue.ts';
import { graphql, storeAttachment, type Enum } from '../graphql.ts';
import type { DubanDataProvider } from '../dataProvider/index.ts';

type Row = Record<keyof CatalogueRow, string>;

const emptyRow = (): Row => ({ item: '', disposition: 'kept', object: '', content: '', method: '', standard: '', measures: '', procedure: '' });
const dispositions = ['kept', 'cancelled', 'delegated'] as const satisfies readonly Disposition[];
type Disposition = Enum<'ItemDisposition'>;

const SubmitCatalogueRows = graphql(`
  mutation SubmitCatalogueRows($i: FilingActionInput!) {
    filingAction(input: $i) { __typename ... on Error { message } ... on CatalogueRowsError { rows { row message } } }
  }
`);

/**
 * A body types its supervision catalogue row by row instead of uploading a
 * spreadsheet. The rows are checked by the API's own rule (required fields, no
 * item twice) before anything is sent, and the API's row errors land on the same rows.
 */
export function CatalogueRowsEditor({ filingId, onSubmitted, onClose }: { filingId: string; onSubmitted: () => void; onClose: () => void }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<DubanDataProvider>();
  const [rows, setRows] = useState<Row[]>([emptyRow()]);
  const [measures, setMeasures] = useState<File | null>(null);
  const [errors, setErrors] = useState<RowError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const label = (key: keyof CatalogueRow) => translate(`duban.filing.column.${key}`);
  const change = (index: number, key: keyof CatalogueRow, value: string) => setRows(rows.map((r, i) => (i === index ? { ...r, [key]: value } : r)));
  const errorsAt = (row: number) => errors.filter((e) => e.row === row);

  async function submit() {
    const found = catalogueErrors(rows);
    setErrors(found);
    setFailure(null);
    if (found.length) return;
    if (!measures) return setFailure(translate('duban.filing.chooseMeasures'));
    setSending(true);
    try {
      const stored = await storeAttachment(measures);
      const { filingAction: answer } = await dataProvider.request(SubmitCatalogueRows, {
        i: { filingId, type: 'submit', measuresAttachmentId: stored.id, rows: rows.map((r) => ({ ...r, disposition: r.disposition as Disposition })) },
      });
      if (answer.__typename.endsWith('Success')) return onSubmitted();
      setErrors('rows' in answer ? answer.rows : []);
      setFailure('message' in answer ? answer.message : answer.__typename);
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setSending(false);
    }
  }

  return (
    <Dialog open onClose={onClose} maxWidth="xl" fullWidth data-testid="catalogue-editor">
      <DialogTitle>{translate('duban.filing.editRows')}</DialogTitle>
      <DialogContent>
        {failure && <Alert severity="error" sx={{ mb: 1, whiteSpace: 'pre-line' }} data-testid="catalogue-editor-error">{failure}</Alert>}
        <Table size="small" sx={{ '& td, & th': { px: 0.5, verticalAlign: 'top' } }}>
          <TableHead>
            <TableRow>
              <TableCell>#</TableCell>
              {catalogueColumns.map(({ key }) => <TableCell key={key}>{label(key)}</TableCell>)}
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row, index) => (
              <Fragment key={index}>
                <TableRow data-testid={`catalogue-row-${index + 1}`}>
                  <TableCell>{index + 1}</TableCell>
                  {catalogueColumns.map(({ key }) => (
                    <TableCell key={key} sx={{ minWidth: key === 'disposition' ? 96 : 120 }}>
                      <TextField
                        size="small" fullWidth multiline={key !== 'disposition'} select={key === 'disposition'} value={row[key]}
                        error={errorsAt(index + 1).length > 0 && (key === 'item' || !row[key].trim())}
                        onChange={(e) => change(index, key, e.target.value)}
                        slotProps={{ htmlInput: { 'aria-label': `${label(key)} ${index + 1}` } }}
                      >
                        {key === 'disposition' && dispositions.map((d) => <MenuItem key={d} value={d}>{translate(`duban.filing.disposition.${d}`)}</MenuItem>)}
                      </TextField>
                    </TableCell>
                  ))}
                  <TableCell>
                    <IconButton size="small" aria-label={translate('duban.filing.removeRow')} disabled={rows.length === 1} onClick={() => setRows(rows.filter((_, i) => i !== index))}>
                      <DeleteIcon fontSize="small" />
                    </IconButton>
                  </TableCell>
                </TableRow>
                {errorsAt(index + 1).length > 0 && (
                  <TableRow>
                    <TableCell colSpan={catalogueColumns.length + 2} data-testid={`row-error-${index + 1}`}>
                      {errorsAt(index + 1).map((e) => <Typography key={e.message} variant="body2" color="error">{e.message}</Typography>)}
                    </TableCell>
                  </TableRow>
                )}
              </Fragment>
            ))}
          </TableBody>
        </Table>
        <Stack direction="row" useFlexGap spacing={1} sx={{ mt: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <Button size="small" data-action="add-row" onClick={() => setRows([...rows, emptyRow()])}>{translate('duban.filing.addRow')}</Button>
          <Button size="small" component="label">
            {measures?.name ?? translate('duban.filing.measures')}
            <input hidden type="file" data-testid="rows-measures-file" onChange={(e) => setMeasures(e.target.files?.[0] ?? null)} />
          </Button>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" data-action="submit-rows" disabled={sending} onClick={submit}>{translate('duban.rounds.submit')}</Button>
      </DialogActions>
    </Dialog>
  );
}
