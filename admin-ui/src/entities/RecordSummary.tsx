import { useTranslate } from 'react-admin';

interface RecordFacts {
  date: string;
  kind: string;
  amountYuan: number | null;
  status?: string;
  publication?: string;
}

/** One credit record in a line, in the console's language: date · kind · fine · status (· publication). */
export function useRecordSummary() {
  const translate = useTranslate();
  return (r: RecordFacts) =>
    [
      r.date,
      translate(`duban.credit.kind.${r.kind}`),
      r.amountYuan !== null ? `¥${r.amountYuan.toLocaleString('en-US')}` : null,
      r.status ? translate(`duban.credit.recordStatus.${r.status}`) : null,
      r.publication ? translate(`duban.credit.publication.${r.publication}`) : null,
    ]
      .filter(Boolean)
      .join(' · ');
}
