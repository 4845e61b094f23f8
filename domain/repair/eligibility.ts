import type { CreditRecord } from '../credit/classes.ts';
import { shanghaiDate } from '../time/instants.ts';

/** Which minimum publication period applies to a record. */
export type RepairCategory = 'generalPenalty' | 'seriousPenalty' | 'abnormal' | 'refusedInspection' | 'seriousViolation';

/** Credit repair rules (configuration): months a record stays published before repair, null where the rules exclude repair. */
export interface RepairPolicy {
  version: string;
  minimumMonths: Record<RepairCategory, number | null>;
  /** Time limit of the review, in working days from the application. */
  reviewWorkingDays: number;
}

export const defaultRepairPolicy: RepairPolicy = {
  version: 'default-2026.1',
  minimumMonths: { generalPenalty: 3, seriousPenalty: 6, abnormal: 0, refusedInspection: 3, seriousViolation: 12 },
  reviewWorkingDays: 10,
};

export const repairCategory = (r: Pick<CreditRecord, 'kind' | 'severity'>): RepairCategory =>
  r.kind === 'penalty' ? (r.severity === 'serious' ? 'seriousPenalty' : 'generalPenalty') : r.kind;

const categoryNames: Record<RepairCategory, string> = {
  generalPenalty: '一般行政处罚 general penalty',
  seriousPenalty: '较重行政处罚 serious penalty',
  abnormal: '经营异常名录 abnormal-operations list entry',
  refusedInspection: '拒绝检查 refused inspection',
  seriousViolation: '严重违法失信名单 serious-violation list entry',
};

/** The date (YYYY-MM-DD) `months` calendar months after `date`, clamped to the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

export interface RepairApplicationInput {
  /** Evidence of correction: attachment ids. */
  evidence: string[];
  /** The signed commitment (信用承诺书): attachment id. */
  commitment: string | null;
}

/** The earliest Shanghai date the record may be repaired, or null when it never may. */
export function earliestRepairDate(record: CreditRecord, policy: RepairPolicy = defaultRepairPolicy): string | null {
  const months = policy.minimumMonths[repairCategory(record)];
  return record.repairExcluded || months === null ? null : addMonths(record.date, months);
}

/** Why an application cannot be granted now (empty when it is eligible), each reason in Chinese then English. */
export function repairProblems(record: CreditRecord, application: RepairApplicationInput, now: number, policy: RepairPolicy = defaultRepairPolicy): string[] {
  const problems: string[] = [];
  const category = categoryNames[repairCategory(record)];
  if (record.status === 'repaired') problems.push('该记录已修复，公示已结束。 This record has already been repaired.');
  else if (record.status === 'corrected') problems.push('该记录已被更正撤销，无需修复。 This record was annulled by correction: nothing to repair.');
  const earliest = earliestRepairDate(record, policy);
  if (earliest === null) problems.push(`依规定，${category.split(' ')[0]}不予信用修复。 The rules exclude this record (${category.split(' ').slice(1).join(' ')}) from repair.`);
  else if (shanghaiDate(now) < earliest) {
    problems.push(`最短公示期未满：${category.split(' ')[0]}须公示至 ${earliest} 后方可申请修复。 The minimum publication period has not elapsed: repair is possible from ${earliest}.`);
  }
  if (application.evidence.length === 0) problems.push('请附上已纠正失信行为的证明材料。 Attach evidence that the conduct was corrected.');
  if (!application.commitment) problems.push('请附上签署的信用承诺书。 Attach the signed credit commitment.');
  return problems;
}
