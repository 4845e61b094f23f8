import { TablePagination } from '@mui/material';
import { useTranslate } from 'react-admin';

/** Pages of a fixed size under a table or a stack of cards: "1–25 of 40" and the arrows. */
export function Pager({ total, page, size, onPage }: { total: number; page: number; size: number; onPage: (page: number) => void }) {
  const translate = useTranslate();
  return (
    <TablePagination
      component="div"
      count={total}
      page={page}
      rowsPerPage={size}
      rowsPerPageOptions={[size]}
      onPageChange={(_e, next) => onPage(next)}
      labelDisplayedRows={({ from, to, count }) => translate('duban.pages.rows', { from, to, count })}
    />
  );
}
