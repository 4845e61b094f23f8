import type Database from 'better-sqlite3';
import { Prisma } from '../prisma/generated/client.ts';
import { sqliteConnection, type Tx } from './db.ts';

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

export type Dialect = 'sqlite' | 'postgresql';

/**
 * The SQL dialect of a client or transaction client. Prisma keeps its provider
 * on both; an unknown one fails here rather than in a statement.
 */
export function dialectOf(client: object): Dialect {
  const provider = (client as { _activeProvider?: unknown })._activeProvider;
  if (provider !== 'sqlite' && provider !== 'postgresql') throw new Error(`Unknown database provider: ${String(provider)}`);
  return provider;
}

/**
 * Bulk statements pass their rows as ONE parameter, JSON in UTF-8 bytes, read
 * back by the database's own JSON functions. Prisma's client engine spends
 * microseconds on every bound parameter (a multi-row VALUES of 13 columns cost
 * several times the write itself) and more on every character of a string
 * parameter it must escape (quotes, Chinese): bytes travel as base64, several
 * times cheaper. SQLite's parameter limit no longer bounds a batch either.
 */
const elements = (dialect: Dialect, values: unknown[], text: boolean): Prisma.Sql => {
  const json = Buffer.from(JSON.stringify(values), 'utf8');
  if (dialect === 'sqlite') return Prisma.sql`(SELECT value FROM json_each(CAST(${json} AS TEXT)))`;
  return text
    ? Prisma.sql`(SELECT value FROM json_array_elements_text(convert_from(${json}, 'UTF8')::json))`
    : Prisma.sql`(SELECT value FROM json_array_elements(convert_from(${json}, 'UTF8')::json))`;
};

/** A subquery of the given strings, for `"column" IN (…)`. */
export function jsonList(dialect: Dialect, values: string[]): Prisma.Sql {
  return elements(dialect, values, true);
}

export type ColumnType = 'text' | 'float' | 'boolean' | 'timestamp';

const postgresCast: Record<ColumnType, string> = { text: '', float: '::double precision', boolean: '::boolean', timestamp: '::timestamp(3)' };

/** A JSON-encoded cell as the column stores it; timestamps as Prisma's SQLite adapter writes them (ISO 8601, "+00:00"). */
const cell = (dialect: Dialect, value: unknown): unknown =>
  value instanceof Date ? (dialect === 'sqlite' ? value.toISOString().replace('Z', '+00:00') : value.toISOString()) : (value ?? null);

/**
 * Rows as a subquery aliased `alias`, and the expression of each column
 * (`alias.value ->> i`, cast on PostgreSQL), for `INSERT … SELECT` and `UPDATE … FROM`.
 */
export function jsonRows<C extends string>(dialect: Dialect, columns: Record<C, ColumnType>, rows: Array<Record<C, unknown>>, alias = 'v'): { from: Prisma.Sql; column: Record<C, Prisma.Sql> } {
  const names = Object.keys(columns) as C[];
  const column = Object.fromEntries(
    names.map((name, i) => [name, Prisma.raw(dialect === 'sqlite' ? `${alias}.value ->> ${i}` : `(${alias}.value ->> ${i})${postgresCast[columns[name]]}`)]),
  ) as Record<C, Prisma.Sql>;
  const from = Prisma.sql`${elements(dialect, rows.map((row) => names.map((name) => cell(dialect, row[name]))), false)} AS ${Prisma.raw(alias)}`;
  return { from, column };
}

/**
 * One INSERT of many rows, passed as one JSON parameter, ending in the given
 * conflict clause (and RETURNING, if any). `WHERE true` lets SQLite parse an
 * ON CONFLICT after INSERT … SELECT.
 */
export function insertJsonRows<C extends string>(dialect: Dialect, table: string, columns: Record<C, ColumnType>, rows: Array<Record<C, unknown>>, onConflict: string): Prisma.Sql {
  const { from, column } = jsonRows(dialect, columns, rows);
  const names = Object.keys(columns) as C[];
  return Prisma.sql`INSERT INTO ${quote(table)} (${Prisma.join(names.map(quote))}) SELECT ${Prisma.join(names.map((n) => column[n]))} FROM ${from} WHERE true ${Prisma.raw(onConflict)}`;
}

/** Runs bulk statements built here, on a client or transaction client. */
export interface BulkSql {
  dialect: Dialect;
  query<T>(statement: Prisma.Sql): Promise<T[]>;
  /** The number of rows changed. */
  execute(statement: Prisma.Sql): Promise<number>;
  /** Inserts rows into a model's table, ending in the given conflict clause; the number of rows inserted. */
  insert<C extends string>(table: string, columns: Record<C, ColumnType>, rows: Array<Record<C, unknown>>, onConflict: string): Promise<number>;
  /** Sets each row's columns on the row of the table with its key; the number of rows changed. */
  update<C extends string, K extends C>(table: string, key: K, columns: Record<C, ColumnType>, rows: Array<Record<C, unknown>>): Promise<number>;
}

/** A parameter as Prisma's SQLite adapter binds it: booleans as 0/1, timestamps as ISO 8601 text ("+00:00"). */
const sqliteValue = (value: unknown): unknown =>
  typeof value === 'boolean' ? (value ? 1 : 0) : value instanceof Date ? value.toISOString().replace('Z', '+00:00') : (value ?? null);

/** Statements kept prepared per connection: a hot read (a ledger page) pays SQLite's parse once, not per request. */
const statementsKept = 200;
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The connection's prepared statement for this SQL text (integers read as numbers), prepared on first use. */
function prepared(connection: Database.Database, sql: string): Database.Statement {
  let kept = statements.get(connection);
  if (!kept) statements.set(connection, (kept = new Map()));
  let statement = kept.get(sql);
  if (!statement) {
    // Bulk statements are few and fixed; past the bound the oldest goes (Map keeps insertion order).
    if (kept.size >= statementsKept) kept.delete(kept.keys().next().value!);
    kept.set(sql, (statement = connection.prepare(sql)));
    if (statement.reader) statement.safeIntegers(false);
  }
  return statement;
}

/**
 * One UPDATE of many rows by key, passed as one JSON parameter: each row's
 * other columns set on the table's row with its key.
 */
function updateJsonRows<C extends string>(dialect: Dialect, table: string, key: C, columns: Record<C, ColumnType>, rows: Array<Record<C, unknown>>): Prisma.Sql {
  const { from, column } = jsonRows(dialect, columns, rows);
  const names = (Object.keys(columns) as C[]).filter((n) => n !== key);
  return Prisma.sql`UPDATE ${quote(table)} SET ${Prisma.join(names.map((n) => Prisma.sql`${quote(n)} = ${column[n]}`))} FROM ${from} WHERE ${quote(table)}.${quote(key)} = ${column[key]}`;
}

/**
 * Runs one statement per row, prepared once, its parameters the row's values
 * of the given columns in order (cheaper on better-sqlite3 than building and
 * parsing one JSON parameter); the number of rows changed.
 */
function runEach(connection: Database.Database, sql: string, names: string[], rows: Array<Record<string, unknown>>): number {
  const statement = prepared(connection, sql);
  const values: unknown[] = new Array(names.length);
  // A batch's rows share their timestamps: each Date is written as text once.
  let lastDate: Date | null = null;
  let lastText = '';
  let changed = 0;
  for (const row of rows) {
    for (let i = 0; i < names.length; i += 1) {
      const value = row[names[i]!];
      if (value instanceof Date) {
        if (value !== lastDate) (lastDate = value), (lastText = sqliteValue(value) as string);
        values[i] = lastText;
      } else values[i] = sqliteValue(value);
    }
    changed += statement.run(values).changes;
  }
  return changed;
}

/** Rows per INSERT … SELECT or UPDATE … FROM when the rows travel as JSON (through Prisma). */
const jsonChunk = 10_000;

/** Runs a statement per chunk of rows; the rows it changed in all. */
async function inChunks<R>(rows: R[], run: (chunk: R[]) => Promise<number>): Promise<number> {
  let changed = 0;
  for (let i = 0; i < rows.length; i += jsonChunk) changed += await run(rows.slice(i, i + jsonChunk));
  return changed;
}

/**
 * The statements of a bulk import or recompute, and the ledger's hot reads. On
 * SQLite they run on the connection Prisma itself uses (so inside its
 * transaction, if the client is one, as Prisma's own statements outside a
 * transaction do), straight through better-sqlite3 and prepared once: the same
 * SQL, without Prisma's query compiler and its cost per statement, per
 * parameter and per row read (half of a 100,000-row import was Prisma's), and
 * an insert is one prepared statement run per row, cheaper there than building
 * and parsing JSON. Rows come back as SQLite gives
 * them (0/1 for a boolean column, numbers for integers). On PostgreSQL, and for
 * a SQLite client that has not connected yet, through Prisma, the rows of an
 * insert as one JSON parameter per 10,000.
 */
export function bulkSql(client: Pick<Tx, '$queryRaw' | '$executeRaw'>): BulkSql {
  const dialect = dialectOf(client);
  const connection = dialect === 'sqlite' ? sqliteConnection(client) : null;
  if (!connection) {
    return {
      dialect,
      query: (statement) => client.$queryRaw(statement),
      execute: (statement) => client.$executeRaw(statement),
      insert: (table, columns, rows, onConflict) => inChunks(rows, (chunk) => client.$executeRaw(insertJsonRows(dialect, table, columns, chunk, onConflict))),
      update: (table, key, columns, rows) => inChunks(rows, (chunk) => client.$executeRaw(updateJsonRows(dialect, table, key, columns, chunk))),
    };
  }
  return {
    dialect,
    query: async <T>(statement: Prisma.Sql) => prepared(connection, statement.sql).all(...statement.values.map(sqliteValue)) as T[],
    execute: async (statement) => prepared(connection, statement.sql).run(...statement.values.map(sqliteValue)).changes,
    insert: async (table, columns, rows, onConflict) => {
      const names = Object.keys(columns);
      return runEach(connection, `INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')}) ${onConflict}`, names, rows);
    },
    update: async (table, key, columns, rows) => {
      const names = Object.keys(columns).filter((n) => n !== key);
      return runEach(connection, `UPDATE "${table}" SET ${names.map((n) => `"${n}" = ?`).join(', ')} WHERE "${key}" = ?`, [...names, key], rows);
    },
  };
}
