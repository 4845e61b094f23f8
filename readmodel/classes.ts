import { classChange, classify, type ClassInput, type ClassRule, type CreditClass, type CreditRecord as RuleRecord } from '../domain/credit/classes.ts';
import { Prisma } from '../prisma/generated/client.ts';
import type { Tx } from '../runtime/db.ts';
import { config } from '../runtime/config.ts';
import { bulkSql, jsonList, jsonRows } from '../runtime/sql.ts';

/** What a recompute writes on an entity, keyed by its code. */
const classColumns = { code: 'text', creditClass: 'text', classReasons: 'text', ruleVersion: 'text', classifiedAt: 'timestamp' } as const;

type RecordRow = { id: string; kind: string; amountYuan: number | null; date: string; status: string; severity: string; repairExcluded: boolean; underObjection: boolean };

/** A stored record as the pure rule sees it. */
export function ruleRecord(r: RecordRow): RuleRecord {
  const record: RuleRecord = {
    id: r.id,
    kind: r.kind as RuleRecord['kind'],
    date: r.date,
    severity: r.severity as 'general' | 'serious',
    repairExcluded: r.repairExcluded,
    status: r.status === 'active' && r.underObjection ? 'underObjection' : (r.status as RuleRecord['status']),
  };
  if (r.amountYuan !== null) record.amountYuan = r.amountYuan;
  return record;
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
 * chunks of codes in key order: one read of the entities of a chunk with their
 * records (the columns the rule reads), the pure rule in memory, the classes
 * written by key (runtime/sql.ts `update`), and one INSERT for the history rows,
 * copied from the classes just written (ignored when already written:
 * idempotent). Codes and history rows travel as one JSON parameter per
 * statement; on SQLite everything runs on its own connection (runtime/sql.ts bulkSql).
 */
export async function reclassifyMany(tx: Tx, codes: string[], cause: string, at: Date, rule: ClassRule = config().credit.classRule, chunk = 10_000): Promise<number> {
  const sql = bulkSql(tx);
  const dialect = sql.dialect;
  let changed = 0;
  // In key order, each chunk's entities lie together in the table and its indexes: pages are read and written
  // once, not once per entity (an import's codes come in the sheet's order). The same rows are written.
  const sorted = [...codes].sort();
  const atText = at.toISOString();
  for (let i = 0; i < sorted.length; i += chunk) {
    const slice = jsonList(dialect, sorted.slice(i, i + chunk));
    // Each entity with its records in one read: only what the rule reads, the status as ruleRecord makes it
    // (active and under objection counts as under objection); an entity without records comes once, its record columns null.
    const rows = await sql.query<{ code: string; creditClass: string; classified: number; kind: ClassInput['kind'] | null; amountYuan: number | null; status: ClassInput['status'] }>(Prisma.sql`
      SELECT e."code", e."creditClass", CASE WHEN e."classifiedAt" IS NULL THEN 0 ELSE 1 END AS "classified",
        r."kind", r."amountYuan", CASE WHEN r."status" = 'active' AND r."underObjection" THEN 'underObjection' ELSE r."status" END AS "status"
      FROM ${slice} AS c JOIN "MarketEntity" AS e ON e."code" = c."value" LEFT JOIN "CreditRecord" AS r ON r."entityCode" = e."code"`);
    if (rows.length === 0) continue;
    const byEntity = new Map<string, { entity: { code: string; creditClass: string; classified: number }; records: ClassInput[] }>();
    for (const row of rows) {
      let entry = byEntity.get(row.code);
      if (!entry) byEntity.set(row.code, (entry = { entity: { code: row.code, creditClass: row.creditClass, classified: row.classified }, records: [] }));
      if (row.kind !== null) entry.records.push({ kind: row.kind, amountYuan: row.amountYuan, status: row.status });
    }
    const next = [...byEntity.values()].map(({ entity, records }) => ({ entity, classification: classify(records, rule) }));
    // On SQLite one UPDATE per entity, prepared once: cheaper than building and parsing the rows as JSON.
    await sql.update('MarketEntity', 'code', classColumns, next.map((n) => ({ code: n.entity.code, creditClass: n.classification.creditClass, classReasons: JSON.stringify(n.classification.reasons), ruleVersion: rule.version, classifiedAt: at })));
    // The history rows copy the class, rule and reasons just written: only each code and its former class travel.
    const changes = next.flatMap(({ entity, classification }) => {
      const from = entity.classified ? (entity.creditClass as CreditClass) : null;
      return classChange(from, classification, atText, cause) ? [{ code: entity.code, from }] : [];
    });
    if (changes.length) {
      const rows = jsonRows(dialect, { code: 'text', from: 'text' }, changes);
      await sql.execute(Prisma.sql`INSERT INTO "CreditClassChange" ("id", "entityCode", "at", "from", "to", "ruleVersion", "reasons", "cause")
        SELECT e."code" || ${`@${cause}`}, e."code", e."classifiedAt", ${rows.column.from}, e."creditClass", e."ruleVersion", e."classReasons", ${cause}
        FROM ${rows.from} JOIN "MarketEntity" AS e ON e."code" = ${rows.column.code} WHERE true ON CONFLICT ("id") DO NOTHING`);
      changed += changes.length;
    }
  }
  return changed;
}
