/** Credit risk classes of the seed notice (task 2.1), each with its colour. */
export type CreditClass = 'good' | 'warning' | 'dishonest' | 'seriouslyDishonest';

export const creditClassNames: Record<CreditClass, { zh: string; colour: string }> = {
  good: { zh: '良好', colour: 'green' },
  warning: { zh: '警示', colour: 'yellow' },
  dishonest: { zh: '失信', colour: 'red' },
  seriouslyDishonest: { zh: '严重失信', colour: 'black' },
};

export type RecordKind = 'penalty' | 'abnormal' | 'seriousViolation' | 'refusedInspection';

export interface CreditRecord {
  id: string;
  kind: RecordKind;
  /** Administrative penalties: the fine in yuan. */
  amountYuan?: number;
  date: string;
  /** Corrected and repaired records no longer count; one under objection still does until decided. */
  status: 'active' | 'underObjection' | 'corrected' | 'repaired';
}

/** The thresholds are configuration; every class keeps the rule version that produced it. */
export interface ClassRule {
  version: string;
  /** Up to this many penalties and this total is a warning… */
  warningMaxPenalties: number;
  warningMaxYuan: number;
  /** …up to these is dishonest; above either, seriously dishonest. */
  dishonestMaxPenalties: number;
  dishonestMaxYuan: number;
}

export const defaultClassRule: ClassRule = {
  version: 'default-2026.1',
  warningMaxPenalties: 5,
  warningMaxYuan: 100_000,
  dishonestMaxPenalties: 10,
  dishonestMaxYuan: 500_000,
};

export interface Classification {
  creditClass: CreditClass;
  ruleVersion: string;
  reasons: string[];
}

const counts = (r: CreditRecord) => r.status === 'active' || r.status === 'underObjection';

/** The class an entity's records call for, with the reasons (one pure, versioned rule). */
export function classify(records: CreditRecord[], rule: ClassRule = defaultClassRule): Classification {
  const live = records.filter(counts);
  const penalties = live.filter((r) => r.kind === 'penalty');
  const total = penalties.reduce((sum, r) => sum + (r.amountYuan ?? 0), 0);
  const yuan = `¥${total.toLocaleString('en-US')}`;
  const result = (creditClass: CreditClass, reasons: string[]): Classification => ({ creditClass, ruleVersion: rule.version, reasons });

  if (penalties.length > rule.dishonestMaxPenalties || total > rule.dishonestMaxYuan) {
    return result('seriouslyDishonest', [`${penalties.length} 次行政处罚，罚款合计 ${yuan} ${penalties.length} penalties totalling ${yuan}`]);
  }
  const serious = live.filter((r) => r.kind === 'seriousViolation');
  if (penalties.length > rule.warningMaxPenalties || total > rule.warningMaxYuan || serious.length > 0) {
    const reasons = serious.length ? ['列入严重违法失信企业名单 On the serious-violation list'] : [];
    if (penalties.length > rule.warningMaxPenalties || total > rule.warningMaxYuan) reasons.push(`${penalties.length} 次行政处罚，罚款合计 ${yuan} ${penalties.length} penalties totalling ${yuan}`);
    return result('dishonest', reasons);
  }
  const listed = live.filter((r) => r.kind === 'abnormal' || r.kind === 'refusedInspection');
  if (penalties.length > 0 || listed.length > 0) {
    const reasons = penalties.length ? [`${penalties.length} 次行政处罚，罚款合计 ${yuan} ${penalties.length} penalties totalling ${yuan}`] : [];
    if (listed.some((r) => r.kind === 'abnormal')) reasons.push('列入经营异常名录 On the abnormal-operations list');
    if (listed.some((r) => r.kind === 'refusedInspection')) reasons.push('拒绝检查 Refused an inspection');
    return result('warning', reasons);
  }
  return result('good', []);
}
