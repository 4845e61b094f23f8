import DownloadIcon from '@mui/icons-material/FileDownloadOutlined';
import { Button, FilterButton, TopToolbar, useListContext, useNotify, useTranslate } from 'react-admin';
import { downloadFile } from '../shared/download.ts';

/** The ledger's filter names the export understands: the API's AssignmentFilter and the order. */
const exportedFilters = ['planId', 'sectionOrdinal', 'bodyId', 'light', 'status', 'role', 'dueWithinDays', 'overdue', 'unacknowledged', 'behindPace', 'orderBy'] as const;

/** The current filters as the export's query string (empty and unticked inputs dropped). */
export function ledgerExportQuery(filterValues: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const name of exportedFilters) {
    const value = filterValues[name];
    if (value === undefined || value === null || value === '' || value === false) continue;
    params.set(name, String(value));
  }
  return params.toString();
}

/** Downloads the ledger as it is filtered on screen, as .xlsx, under the server's file name. */
function ExportLedgerButton() {
  const translate = useTranslate();
  const notify = useNotify();
  const { filterValues } = useListContext();
  const query = ledgerExportQuery(filterValues);
  return (
    <Button
      label={translate('duban.ledger.export')}
      data-testid="export-ledger"
      onClick={() => downloadFile(`/exports/ledger.xlsx${query ? `?${query}` : ''}`).catch((error: Error) => notify(error.message, { type: 'error' }))}
    >
      <DownloadIcon />
    </Button>
  );
}

export const LedgerActions = () => (
  <TopToolbar>
    <FilterButton />
    <ExportLedgerButton />
  </TopToolbar>
);
