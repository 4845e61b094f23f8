import { Prisma } from '../prisma/generated/client.ts';

const quote = (name: string) => Prisma.raw(`"${name}"`);

/**
 * One INSERT for many rows of a model's table, ending in the given conflict
 * clause: the read model's hot paths write a task's rows in one statement each
 * rather than one upsert per row. Table and column names are the schema's, never input.
 */
export function insertRows(table: string, rows: object[], onConflict: string): Prisma.Sql {
  const columns = Object.keys(rows[0]!);
  const values = rows.map((row) => Prisma.sql`(${Prisma.join(columns.map((c) => (row as Record<string, unknown>)[c] ?? null))})`);
  return Prisma.sql`INSERT INTO ${quote(table)} (${Prisma.join(columns.map(quote))}) VALUES ${Prisma.join(values)} ${Prisma.raw(onConflict)}`;
}

/** `ON CONFLICT (key) DO UPDATE` setting every other column to the incoming row's value. */
export function upsertClause(key: string, columns: string[]): string {
  return `ON CONFLICT ("${key}") DO UPDATE SET ${columns.map((c) => `"${c}" = excluded."${c}"`).join(', ')}`;
}
