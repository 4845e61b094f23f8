import { classChange, classify, type ClassRule, type CreditClass, type CreditRecord as RuleRecord } from '../domain/credit/classes.ts';
import type { Tx } from '../runtime/db.ts';
import { config } from '../runtime/config.ts';
import { Prisma } from '../prisma/generated/client.ts';
import { insertRows } from '../runtime/sql.ts';

type RecordRow = { id: string; kind: string; amountYuan: number | null; date: string; status: string; severity: string; repairExcluded: boolean; underObjection: boolean };

/** A stored record as the pure rule sees it. */
export function ruleRecord(r: RecordRow): RuleRecord {
  return {
    id: r.id,
    kind: r.kind as RuleRecord['kind'],
    ...(r.amountYuan === null ? {} : { amountYuan: r.amountYuan }),
    date: r.date,
    severity: r.severity as 'general' | 'serious',
    repairExcluded: r.repairExcluded,
    status: r.status === 'active' && r.underObjection ? 'underObjection' : (r.status as RuleRecord['status']),
  };
}

/**
 * Recomputes an entity's class from its records (dynamic adjustment). A change
 * of class is kept in the history, keyed by entity and cause, so a retry writes it once.
 */
export async function reclassifyEntity(tx: Tx, code: string, cause: string, at: Date, rule: ClassRule = config().credit.classRule): Promise<void> {
  const entity = await tx.marketEntity.findUniqueOrThrow({ where: { code }, select: { creditClass: true, classifiedAt: true } });
  const records = await tx.creditRecord.findMany({ where: { entityCode: code } });
  const next = classify(records.map(ruleRecord), rule);
  // An entity never classified yet has no class to change from.
  const current = entity.classifiedAt ? (entity.creditClass as CreditClass) : null;
  const change = classChange(current, next, at.toISOString(), cause);
  await tx.marketEntity.update({
    where: { code },
    data: { creditClass: next.creditClass, ruleVersion: next.ruleVersion, classReasons: JSON.stringify(next.reasons), classifiedAt: at },
  });
  if (change) {
    const id = `${code}@${cause}`;
    const row = { entityCode: code, at, from: change.from, to: change.to, ruleVersion: change.ruleVersion, reasons: JSON.stringify(change.reasons), cause };
    await tx.creditClassChange.upsert({ where: { id }, create: { id, ...row }, update: {} });
  }
}

/**
 * Recomputes the class of many entities at once (after a bulk import), in
 * chunks: one query for the records of a chunk, one UPDATE for its classes and
 * one INSERT for its history rows (ignored when already written: idempotent).
 */
export async function reclassifyMany(tx: Tx, codes: string[], cause: string, at: Date, rule: ClassRule = config().credit.classRule, chunk = 500): Promise<number> {
  let changed = 0;
  for (let i = 0; i < codes.length; i += chunk) {
    const slice = codes.slice(i, i + chunk);
    const [entities, records] = await Promise.all([
      tx.marketEntity.findMany({ where: { code: { in: slice } }, select: { code: true, creditClass: true, classifiedAt: true } }),
      tx.creditRecord.findMany({ where: { entityCode: { in: slice } } }),
    ]);
    if (entities.length === 0) continue;
    const byEntity = new Map<string, RecordRow[]>();
    for (const r of records) byEntity.set(r.entityCode, [...(byEntity.get(r.entityCode) ?? []), r]);
    const next = entities.map((e) => ({ entity: e, classification: classify((byEntity.get(e.code) ?? []).map(ruleRecord), rule) }));
    const cases = (value: (n: (typeof next)[number]) => string) =>
      Prisma.sql`CASE "code" ${Prisma.join(next.map((n) => Prisma.sql`WHEN ${n.entity.code} THEN ${value(n)}`), ' ')} END`;
    await tx.$executeRaw`UPDATE "MarketEntity" SET "creditClass" = ${cases((n) => n.classification.creditClass)}, "classReasons" = ${cases((n) => JSON.stringify(n.classification.reasons))}, "ruleVersion" = ${rule.version}, "classifiedAt" = ${at} WHERE "code" IN (${Prisma.join(next.map((n) => n.entity.code))})`;
    const changes = next.flatMap(({ entity, classification }) => {
      const change = classChange(entity.classifiedAt ? (entity.creditClass as CreditClass) : null, classification, at.toISOString(), cause);
      return change ? [{ id: `${entity.code}@${cause}`, entityCode: entity.code, at, from: change.from, to: change.to, ruleVersion: change.ruleVersion, reasons: JSON.stringify(change.reasons), cause }] : [];
    });
    if (changes.length) {
      await tx.$executeRaw(insertRows('CreditClassChange', changes, 'ON CONFLICT ("id") DO NOTHING'));
      changed += changes.length;
    }
  }
  return changed;
}
