import { Prisma } from '../../prisma/generated/client.ts';
import type { PrismaClient } from '../../runtime/db.ts';
import { bulkSql, dialectOf, jsonList } from '../../runtime/sql.ts';
import { idOf as idFieldOf, scalarsOf } from './datamodel.ts';

/** Column types read back as Prisma would give them; any other type leaves the read to Prisma. */
const readable = new Set(['String', 'Int', 'Float', 'Boolean', 'DateTime']);

/** A to-one relation read by a join: the row's foreign key, matched against the target model's id. */
export interface ToOne {
  model: string;
  from: string;
}

const idOf = (model: string) => idFieldOf(model)!;
const quote = (name: string) => `"${name}"`;

/** A cell as Prisma's client returns it: dates as Date, booleans as boolean (SQLite keeps text and integers). */
function cell(type: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'String') return value;
  if (type === 'DateTime') return value instanceof Date ? value : new Date(value as string | number);
  if (type === 'Boolean') return typeof value === 'boolean' ? value : Number(value) !== 0;
  if ((type === 'Int' || type === 'Float') && typeof value === 'bigint') return Number(value);
  return value;
}

/** Scalar columns a Prisma selection asks of a model (`true`: all of them), or null for anything else (a list relation, a count, a nested relation). */
function scalarSelection(model: string, selection: unknown): string[] | null {
  const scalars = scalarsOf(model);
  if (selection === true) return scalars.map((f) => f.name);
  if (!selection || typeof selection !== 'object') return null;
  const { select, include, ...rest } = selection as { select?: Record<string, unknown>; include?: Record<string, unknown> };
  if (Object.keys(rest).length) return null;
  if (include !== undefined) return Object.values(include).some((v) => v) ? null : scalars.map((f) => f.name);
  if (!select) return scalars.map((f) => f.name);
  const names = new Set(scalars.map((f) => f.name));
  const columns: string[] = [];
  for (const [name, value] of Object.entries(select)) {
    if (!value) continue;
    if (value !== true || !names.has(name)) return null;
    columns.push(name);
  }
  return columns;
}

/**
 * Rows of a model by id, with the to-one relations named in `relations`, in
 * ONE statement (a join), as Prisma's findMany with that selection would
 * return them (in no particular order). Prisma's client maps every cell of
 * every row in its engine, which cost several times the statement on a ledger
 * page. Null when the selection asks for anything this does not read (a list
 * relation, a count, a relation's relation, a column of another type): the
 * caller then reads through Prisma.
 */
export async function readRows(
  prisma: PrismaClient,
  model: string,
  relations: Record<string, ToOne>,
  query: { select?: Record<string, unknown>; include?: Record<string, unknown> },
  ids: string[],
): Promise<Array<Record<string, unknown>> | null> {
  const fields = new Map(scalarsOf(model).map((f) => [f.name, f]));
  const own: string[] = [];
  const joined: Array<{ name: string; relation: ToOne; columns: string[] }> = [];
  const entries: Array<[string, unknown]> = query.select
    ? Object.entries(query.select)
    : [...[...fields.keys()].map((name): [string, unknown] => [name, true]), ...Object.entries(query.include ?? {})];
  if (query.select && query.include) return null;
  for (const [name, value] of entries) {
    if (!value) continue;
    if (fields.has(name) && value === true) {
      own.push(name);
      continue;
    }
    const relation = relations[name];
    const columns = relation ? scalarSelection(relation.model, value) : null;
    if (!relation || !columns) return null;
    const id = idOf(relation.model);
    joined.push({ name, relation, columns: columns.includes(id) ? columns : [id, ...columns] });
  }
  if (!own.includes(idOf(model))) own.unshift(idOf(model));
  const typeOf = (m: string, column: string) => scalarsOf(m).find((f) => f.name === column)!.type;
  const ownTypes = own.map((c) => typeOf(model, c));
  const joinedTypes = joined.map((j) => j.columns.map((c) => typeOf(j.relation.model, c)));
  if ([...ownTypes, ...joinedTypes.flat()].some((t) => !readable.has(t))) return null;

  const dialect = dialectOf(prisma);
  const columns = [
    ...own.map((c, i) => ({ sql: `r.${quote(c)}`, type: ownTypes[i]! })),
    ...joined.flatMap((j, n) => j.columns.map((c, i) => ({ sql: `j${n}.${quote(c)}`, type: joinedTypes[n]![i]! }))),
  ];
  const joins = joined.map((j, n) => `LEFT JOIN ${quote(j.relation.model)} AS j${n} ON j${n}.${quote(idOf(j.relation.model))} = r.${quote(j.relation.from)}`).join(' ');
  const from = Prisma.sql`FROM ${Prisma.raw(quote(model))} AS r ${Prisma.raw(joins)} WHERE r.${Prisma.raw(quote(idOf(model)))} IN ${jsonList(dialect, ids)}`;
  let rows: unknown[][] = [];
  if (ids.length && columns.length <= 90 && !columns.some((c) => c.type === 'Float')) {
    // All rows as ONE JSON cell, built by the database: Prisma's client maps every cell it returns, at a cost
    // several times the statement's. Dates travel as SQLite's text or PostgreSQL's epoch milliseconds (exact for
    // timestamp(3)); floats, whose JSON text may round, and selections beyond PostgreSQL's 100 arguments take the other path.
    const list = columns.map((c) => (dialect === 'postgresql' && c.type === 'DateTime' ? `(EXTRACT(EPOCH FROM ${c.sql}) * 1000)::bigint` : c.sql)).join(', ');
    const all = dialect === 'sqlite' ? `json_group_array(json_array(${list}))` : `COALESCE(json_agg(json_build_array(${list})), '[]'::json)::text`;
    const [result] = await bulkSql(prisma).query<{ rows: string }>(Prisma.sql`SELECT ${Prisma.raw(all)} AS "rows" ${from}`);
    rows = JSON.parse(result!.rows) as unknown[][];
  } else if (ids.length) {
    const select = columns.map((c, i) => `${c.sql} AS "c${i}"`).join(', ');
    const records = await bulkSql(prisma).query<Record<string, unknown>>(Prisma.sql`SELECT ${Prisma.raw(select)} ${from}`);
    rows = records.map((raw) => columns.map((_c, i) => raw[`c${i}`]));
  }
  // Positions and types worked out once per statement, not per cell.
  const ownCells = own.map((key, i) => ({ key, at: i, type: ownTypes[i]! }));
  let at = own.length;
  const joinedCells = joined.map((j, n) => ({ name: j.name, cells: j.columns.map((key, i) => ({ key, at: at++, type: joinedTypes[n]![i]! })) }));
  const fill = (target: Record<string, unknown>, raw: unknown[], cells: typeof ownCells) => {
    for (const { key, at: i, type } of cells) target[key] = cell(type, raw[i]);
    return target;
  };
  return rows.map((raw) => {
    const row = fill({}, raw, ownCells);
    // The relation's id is its first column: null when the row has none.
    for (const { name, cells } of joinedCells) row[name] = raw[cells[0]!.at] == null ? null : fill({}, raw, cells);
    return row;
  });
}
