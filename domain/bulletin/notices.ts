import { chineseDate } from '../dates/chinese-dates.ts';
import type { Notice } from '../supervision/notices.ts';

export interface IssuedBulletinText {
  id: string;
  number: number;
  periodEnd: string;
  planTitle: string;
}

/**
 * A bulletin is an addressed document every unit of the plan receives whole
 * (the one exception to a department seeing only its own work), and the
 * supervising office with them. Keyed by bulletin and addressee: a bulletin
 * is delivered once however often its firing runs.
 */
export function bulletinNotices(bulletin: IssuedBulletinText, unitBodyIds: readonly string[]): Notice[] {
  const base = {
    kind: 'bulletin' as const,
    taskId: bulletin.id,
    zh: {
      title: `【督查通报】《${bulletin.planTitle}》第${bulletin.number}期`,
      text: `《${bulletin.planTitle}》第${bulletin.number}期督查通报（截至${chineseDate(bulletin.periodEnd)}）已印发，请在"督查通报"页查阅下载。`,
    },
    en: {
      title: `Bulletin no. ${bulletin.number}: “${bulletin.planTitle}”`,
      text: `Supervision bulletin no. ${bulletin.number} of “${bulletin.planTitle}”, as of ${bulletin.periodEnd}, is issued: read and download it on the Bulletins page.`,
    },
  };
  return [
    { ...base, key: `bulletin:${bulletin.id}/office`, audience: { kind: 'supervisors' } },
    ...[...new Set(unitBodyIds)].sort().map((bodyId): Notice => ({ ...base, key: `bulletin:${bulletin.id}/${bodyId}`, audience: { kind: 'body', bodyId } })),
  ];
}
