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

/** What `toLocaleString('en-US')` writes, without building a formatter per call (a bulk recompute classifies 100,000 entities). */
const yuanFormat = new Intl.NumberFormat('en-US');

/** The reason a class gives for its fines. */
function finesReason(penalties: number, total: number): string {
  const yuan = `¥${yuanFormat.format(total)}`;
  return `${penalties} 次行政处罚，罚款合计 ${yuan} ${penalties} penalties totalling ${yuan}`;
}

/** What the rule reads of a record: its kind, fine and status (a bulk recompute reads no more). */
export type ClassInput = Pick<CreditRecord, 'kind' | 'status'> & { amountYuan?: number | null };

/** The class an entity's records call for, with the reasons (one pure, versioned rule). */
export function classify(records: ReadonlyArray<CreditRecord | ClassInput>, rule: ClassRule = defaultClassRule): Classification {
  // One pass over the records that count (active, or under objection until decided), fines summed in the records' order;
  // no closures (a bulk recompute classifies 100,000 entities, and each closure made per call costs).
  let penalties = 0;
  let total = 0;
  let serious = 0;
  let abnormal = false;
  let refused = false;
  for (const r of records) {
    if (r.status !== 'active' && r.status !== 'underObjection') continue;
    if (r.kind === 'penalty') {
      penalties += 1;
      total += r.amountYuan ?? 0;
    } else if (r.kind === 'seriousViolation') serious += 1;
    else if (r.kind === 'abnormal') abnormal = true;
    else if (r.kind === 'refusedInspection') refused = true;
  }
  let creditClass: CreditClass = 'good';
  const reasons: string[] = [];
  if (penalties > rule.dishonestMaxPenalties || total > rule.dishonestMaxYuan) {
    creditClass = 'seriouslyDishonest';
    reasons.push(finesReason(penalties, total));
  } else if (penalties > rule.warningMaxPenalties || total > rule.warningMaxYuan || serious > 0) {
    creditClass = 'dishonest';
    if (serious) reasons.push('列入严重违法失信企业名单 On the serious-violation list');
    if (penalties > rule.warningMaxPenalties || total > rule.warningMaxYuan) reasons.push(finesReason(penalties, total));
  } else if (penalties > 0 || abnormal || refused) {
    creditClass = 'warning';
    if (penalties) reasons.push(finesReason(penalties, total));
    if (abnormal) reasons.push('列入经营异常名录 On the abnormal-operations list');
    if (refused) reasons.push('拒绝检查 Refused an inspection');
  }
  return { creditClass, ruleVersion: rule.version, reasons };
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
