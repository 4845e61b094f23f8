import { useState } from 'react';
import { Alert, Box, Button, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { importCreditData, type CreditImportReport } from '../dataProvider/credit.ts';
import { Panel } from '../shared/Panel.tsx';

/**
 * Import of market entities or credit records from CSV or .xlsx, all or
 * nothing: with any row in error the rows are listed and nothing is stored.
 */
export function CreditImportPage() {
  const translate = useTranslate();
  const [kind, setKind] = useState<'entities' | 'records'>('entities');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<CreditImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      setReport(await importCreditData(kind, file));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box sx={{ py: 2 }}>
      <Title title={translate('duban.creditImport.title')} />
      <Stack spacing={2}>
        <Panel title={translate('duban.creditImport.title')}>
          <Stack spacing={2}>
            <Typography variant="body2" color="text.secondary">{translate(`duban.creditImport.columns.${kind}`)}</Typography>
            <Stack direction="row" useFlexGap spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <TextField select size="small" label={translate('duban.creditImport.kind')} value={kind} onChange={(e) => setKind(e.target.value as 'entities' | 'records')} sx={{ minWidth: 180 }}>
                <MenuItem value="entities">{translate('duban.creditImport.entities')}</MenuItem>
                <MenuItem value="records">{translate('duban.creditImport.records')}</MenuItem>
              </TextField>
              <input type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" data-testid="credit-import-file" aria-label={translate('duban.creditImport.file')} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
              <Button variant="contained" size="small" disabled={!file || busy} data-action="importCredit" onClick={send}>{translate('duban.creditImport.import')}</Button>
            </Stack>
            {error && <Alert severity="error" role="alert">{error}</Alert>}
          </Stack>
        </Panel>
        {report && report.errors.length > 0 && (
          <Panel title={translate('duban.creditImport.failed', { count: report.errors.length })} testId="credit-import-errors">
            <Alert severity="error" sx={{ mb: 1 }}>{translate('duban.creditImport.nothingImported')}</Alert>
            <Table size="small">
              <TableHead><TableRow><TableCell>{translate('duban.creditImport.row')}</TableCell><TableCell>{translate('duban.creditImport.message')}</TableCell></TableRow></TableHead>
              <TableBody>
                {report.errors.map((e) => <TableRow key={`${e.row}${e.message}`} data-testid="import-row-error"><TableCell>{e.row || translate('duban.creditImport.wholeFile')}</TableCell><TableCell>{e.message}</TableCell></TableRow>)}
              </TableBody>
            </Table>
          </Panel>
        )}
        {report && report.errors.length === 0 && (
          <Alert severity="success" data-testid="credit-import-success">
            {translate('duban.creditImport.succeeded', { imported: report.imported, skipped: report.skipped, reclassified: report.reclassified })}
          </Alert>
        )}
      </Stack>
    </Box>
  );
}
