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
  /** Penalties: a general or a serious one (the minimum publication period before repair differs). */
  severity?: 'general' | 'serious';
  /** The rules exclude this record from credit repair. */
  repairExcluded?: boolean;
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

/** A rule from configuration (e.g. JSON in DUBAN_CREDIT_RULE): named, complete, thresholds in order. */
export function classRuleFrom(config: Partial<ClassRule>, base: ClassRule = defaultClassRule): ClassRule {
  const rule = { ...base, ...config };
  if (config.version === undefined || config.version === base.version) {
    if (Object.keys(config).some((k) => k !== 'version' && config[k as keyof ClassRule] !== base[k as keyof ClassRule])) {
      throw new Error('改变阈值须给出新的规则版本 Changed thresholds need a new rule version.');
    }
  }
  const numbers = [rule.warningMaxPenalties, rule.warningMaxYuan, rule.dishonestMaxPenalties, rule.dishonestMaxYuan];
  if (numbers.some((n) => !Number.isFinite(n) || n < 0)) throw new Error('阈值须为非负数 Thresholds must be non-negative numbers.');
  if (rule.dishonestMaxPenalties < rule.warningMaxPenalties || rule.dishonestMaxYuan < rule.warningMaxYuan) {
    throw new Error('失信阈值不得低于警示阈值 Dishonest thresholds must not be below the warning thresholds.');
  }
  return rule;
}

export interface Classification {
  creditClass: CreditClass;
  ruleVersion: string;
  reasons: string[];
}

const counts = (r: CreditRecord) => r.status === 'active' || r.status === 'underObjection';
/** What `toLocaleString('en-US')` writes, without building a formatter per call (a bulk recompute classifies 100,000 entities). */
const yuanFormat = new Intl.NumberFormat('en-US');

/** The class an entity's records call for, with the reasons (one pure, versioned rule). */
export function classify(records: CreditRecord[], rule: ClassRule = defaultClassRule): Classification {
  const live = records.filter(counts);
  const penalties = live.filter((r) => r.kind === 'penalty');
  const total = penalties.reduce((sum, r) => sum + (r.amountYuan ?? 0), 0);
  const yuan = `¥${yuanFormat.format(total)}`;
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

/** One change of an entity's class, kept in its history (动态调整). */
export interface ClassChange {
  from: CreditClass | null;
  to: CreditClass;
  ruleVersion: string;
  reasons: string[];
  at: string;
  /** What changed the records: an import, an objection decision, a repair, an inspection finding. */
  cause: string;
}

/** The change a reclassification makes, or null when the class stays the same. */
export function classChange(current: CreditClass | null, next: Classification, at: string, cause: string): ClassChange | null {
  if (current === next.creditClass) return null;
  return { from: current, to: next.creditClass, ruleVersion: next.ruleVersion, reasons: next.reasons, at, cause };
}
