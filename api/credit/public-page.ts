import { fileURLToPath } from 'node:url';
import { Eta } from 'eta';
import { creditClassNames, type CreditClass } from '../../domain/credit/classes.ts';

interface Listing {
  total: number;
  entities: Array<{ code: string; name: string; district: string; industry: string; creditClass: string; records: Array<{ kind: string; date: string; amountYuan: number | null; underObjection: boolean }> }>;
}

const colours: Record<string, string> = { green: '#2e7d32', yellow: '#f9a825', red: '#c62828', black: '#212121' };
const kinds: Record<string, string> = { penalty: '行政处罚', abnormal: '经营异常名录', seriousViolation: '严重违法失信名单', refusedInspection: '拒绝检查' };

/** Eta escapes every `<%= %>` value: nothing from the query string or the data reaches the page as markup. */
const eta = new Eta({ views: fileURLToPath(new URL('.', import.meta.url)), autoEscape: true, cache: true });

/** The public listing as a page anyone can open (no sign-in), each class in the colour of the seed notice. */
export function publicCreditPage(listing: Listing, query: { search: string; creditClass: string; district?: string; offset: number; limit: number }): string {
  const link = (offset: number) => `?${new URLSearchParams({ search: query.search, class: query.creditClass, ...(query.district ? { district: query.district } : {}), offset: String(offset) })}`;
  const options = (Object.entries(creditClassNames) as Array<[CreditClass, { zh: string; colour: string }]>)
    .map(([value, c]) => ({ value, label: c.zh, selected: query.creditClass === value }));
  const rows = listing.entities.map((e) => {
    const c = creditClassNames[e.creditClass as CreditClass] ?? creditClassNames.good;
    return {
      ...e,
      colour: colours[c.colour],
      classLabel: `${c.zh} ${c.colour}`,
      objected: e.records.some((r) => r.underObjection),
      records: e.records.map((r) => ({
        text: `${kinds[r.kind] ?? r.kind} ${r.date}${r.amountYuan !== null ? ` ¥${r.amountYuan.toLocaleString('en-US')}` : ''}`,
        underObjection: r.underObjection,
      })),
    };
  });
  return eta.render('./public-page', {
    search: query.search,
    options,
    total: listing.total,
    rows,
    previous: query.offset > 0 ? link(Math.max(0, query.offset - query.limit)) : null,
    next: query.offset + query.limit < listing.total ? link(query.offset + query.limit) : null,
  });
}
