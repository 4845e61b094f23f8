import { Prisma } from '../../prisma/generated/client.ts';
import { fieldsOf, idOf } from './datamodel.ts';

const column = (alias: string, name: string) => Prisma.raw(`${alias}."${name}"`);

/** Operators of a scalar filter this translates; anything else (mode, not with a value, contains…) is left to Prisma. */
const comparisons = { lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;
const isValue = (v: unknown): v is string | number | boolean | Date => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date;
const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !(v instanceof Date) && !Array.isArray(v);
const never = Prisma.sql`1 = 0`;

/** One scalar column's filter, as Prisma's query engine writes it (values bound as parameters, as Prisma binds them). */
function scalarCondition(target: Prisma.Sql, filter: unknown): Prisma.Sql[] | null {
  if (filter === null) return [Prisma.sql`${target} IS NULL`];
  if (isValue(filter)) return [Prisma.sql`${target} = ${filter}`];
  if (!isPlain(filter)) return null;
  const out: Prisma.Sql[] = [];
  for (const [op, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    if (op === 'equals') {
      if (value === null) out.push(Prisma.sql`${target} IS NULL`);
      else if (isValue(value)) out.push(Prisma.sql`${target} = ${value}`);
      else return null;
    } else if (op === 'in') {
      if (!Array.isArray(value) || !value.every(isValue)) return null;
      out.push(value.length ? Prisma.sql`${target} IN (${Prisma.join(value)})` : never);
    } else if (op in comparisons) {
      if (!isValue(value)) return null;
      out.push(Prisma.sql`${target} ${Prisma.raw(comparisons[op as keyof typeof comparisons])} ${value}`);
    } else if (op === 'not' && value === null) {
      out.push(Prisma.sql`${target} IS NOT NULL`);
    } else {
      return null;
    }
  }
  return out;
}

/**
 * A Prisma `where` on a model as SQL conditions on the row aliased `alias`,
 * or null when it holds anything this does not translate (AND/OR/NOT, `not`
 * with a value, string modes, `every`/`none`, a relation without a single
 * foreign key): the caller then asks Prisma. What it translates, it translates
 * as Prisma's engine does (observed in its query log): scalar equality, `in`,
 * comparisons and nulls on the column; a to-one relation's filter as the
 * related row existing and matching (an empty one as no condition, as Prisma
 * leaves it out); a list relation's `some` as EXISTS over the related rows.
 */
export function whereSql(model: string, alias: string, where: Record<string, unknown>, depth = 0): Prisma.Sql[] | null {
  const fields = fieldsOf(model);
  if (!fields) return null;
  const out: Prisma.Sql[] = [];
  for (const [name, filter] of Object.entries(where)) {
    if (filter === undefined) continue;
    const field = fields.get(name);
    if (!field) return null;
    if (field.kind === 'scalar' && !field.isList) {
      const conditions = scalarCondition(column(alias, name), filter);
      if (!conditions) return null;
      out.push(...conditions);
      continue;
    }
    if (field.kind !== 'object' || !isPlain(filter)) return null;
    const target = field.type;
    const inner = `${alias}_${depth}_${out.length}`;
    const targetId = idOf(target);
    if (!targetId) return null;
    if (!field.isList) {
      // A to-one relation through this row's one foreign key.
      const from = field.relationFromFields;
      if (!from || from.length !== 1) return null;
      if (Object.keys(filter).length === 0) {
        // Prisma writes no condition for an empty filter on a required relation; on an optional one, leave it to Prisma.
        if (!field.isRequired) return null;
        continue;
      }
      const conditions = whereSql(target, inner, filter, depth + 1);
      if (!conditions) return null;
      out.push(Prisma.sql`EXISTS (SELECT 1 FROM "${Prisma.raw(target)}" AS ${Prisma.raw(inner)} WHERE ${column(inner, targetId)} = ${column(alias, from[0]!)}${conditions.length ? Prisma.sql` AND ${Prisma.join(conditions, ' AND ')}` : Prisma.empty})`);
      continue;
    }
    // A list relation: only `some`, through the related model's one foreign key to this row's id.
    const keys = Object.keys(filter).filter((k) => filter[k] !== undefined);
    if (keys.length !== 1 || keys[0] !== 'some' || !isPlain(filter.some)) return null;
    const back = [...fieldsOf(target)!.values()].find((f) => f.kind === 'object' && !f.isList && f.type === model && f.relationName === field.relationName);
    const ownId = idOf(model);
    if (!back?.relationFromFields || back.relationFromFields.length !== 1 || !ownId) return null;
    const conditions = whereSql(target, inner, filter.some, depth + 1);
    if (!conditions) return null;
    out.push(Prisma.sql`EXISTS (SELECT 1 FROM "${Prisma.raw(target)}" AS ${Prisma.raw(inner)} WHERE ${column(inner, back.relationFromFields[0]!)} = ${column(alias, ownId)}${conditions.length ? Prisma.sql` AND ${Prisma.join(conditions, ' AND ')}` : Prisma.empty})`);
  }
  return out;
}
