/** The console's languages; Chinese is the default and the official one. */
export type Locale = 'zh' | 'en';

/**
 * The viewer's language from an Accept-Language header (the console sends its
 * own): the most preferred of zh and en by q-value, else Chinese.
 */
export function viewerLocale(header: string | null | undefined): Locale {
  const ranges = (header ?? '')
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2) ?? 1);
      return { language: tag.trim().split('-')[0], q: Number.isFinite(q) ? q : 0, order };
    })
    .filter((r) => (r.language === 'zh' || r.language === 'en') && r.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return (ranges[0]?.language as Locale | undefined) ?? 'zh';
}
