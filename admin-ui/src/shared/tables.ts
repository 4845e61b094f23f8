/** Table headers on one line, cells aligned to the top: Chinese headers otherwise wrap a character per line. */
export const compactTable = {
  '& .RaDataTable-headerCell': { whiteSpace: 'nowrap' },
  '& .RaDataTable-rowCell': { verticalAlign: 'top' },
};
