import { Prisma } from '../../prisma/generated/client.ts';
import { dayMs } from '../../domain/time/instants.ts';
import { behindPaceFilter, overdueFilter, owedStatuses } from '../../domain/supervision/lights.ts';
import { unacknowledgedFilter } from '../../domain/supervision/receipt.ts';
import type { Actor } from '../../domain/supervision/types.ts';
import { urgencyOrder, type UrgencyKey } from '../../domain/supervision/urgency.ts';
import type { PrismaClient } from '../../runtime/db.ts';
import { visibleTasks } from '../auth/visibility.ts';
import { builder } from './builder.ts';
import { offsetArg, pageInOrder, withOffset } from './pagination.ts';
import { readRows } from './rows.ts';
import { whereSql } from './where-sql.ts';
import { bulkSql, dialectOf } from '../../runtime/sql.ts';
import { Body } from './bodies.ts';
import { PlanNode } from './plans.ts';
import { AssignmentStatusEnum, Light } from './tasks.ts';


const AssignmentFilter = builder.inputType('AssignmentFilter', {
  description: '督办台账筛选 Filters of the supervision ledger; all given filters apply together.',
  fields: (t) => ({
    overdue: t.boolean({ description: '逾期未报送 Owed and past the deadline now.' }),
    dueWithinDays: t.int({ description: '今后 N 天内到期 Owed and due within N days from now.' }),
    behindPace: t.boolean({ description: '落后序时进度 Owed and behind pace (序时进度).' }),
    unacknowledged: t.boolean({ description: '未签收 Owed and not yet acknowledged by the body (签收, or any action of its own).' }),
    awaitingSignOff: t.boolean({ description: '待签发：本单位承办人的草稿等待负责人签发（督办部门看到的仍是未报送） A 承办人\'s draft awaits the unit\'s sign-off.' }),
    light: t.field({ type: Light }),
    status: t.field({ type: AssignmentStatusEnum }),
    bodyId: t.globalID({ for: Body }),
    planId: t.globalID({ for: PlanNode }),
    sectionOrdinal: t.int(),
    role: t.string(),
  }),
});

const AssignmentOrder = builder.enumType('AssignmentOrder', {
  values: {
    urgency: { description: '欠报在前，逾期最久在前；不计的排最后 Owed first, the most overdue (earliest deadline) first; then awaiting review, then done, then what no longer counts (不计).' },
    body: { description: '按单位 By body name.' },
    task: { description: '按任务编号 By plan and task ref.' },
  } as const,
});

export type Filter = typeof AssignmentFilter.$inferInput;
export type LedgerOrder = typeof AssignmentOrder.$inferInput;

export function assignmentWhere(filter: Filter | null | undefined, actor: Actor | null, now = new Date()) {
  const f = filter ?? {};
  // Owed and past the deadline (the red rule), or owed and due soon; either only on open tasks.
  const owed = f.overdue
    ? overdueFilter(now)
    : f.dueWithinDays != null ? { status: { in: [...owedStatuses] }, due: { gte: now, lte: new Date(now.getTime() + f.dueWithinDays * dayMs) } } : null;
  const taskWhere = { ...visibleTasks(actor), ...(f.planId ? { planId: f.planId.id } : {}), ...(f.sectionOrdinal ? { section: { ordinal: f.sectionOrdinal } } : {}) };
  return {
    task: owed ? { ...taskWhere, status: 'open' } : taskWhere,
    ...owed,
    ...(f.unacknowledged ? unacknowledgedFilter() : {}),
    ...(f.behindPace ? behindPaceFilter(now) : {}),
    ...(f.awaitingSignOff ? { signOffDraft: { not: null } } : {}),
    ...(f.light ? { light: f.light } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.bodyId ? { bodyId: f.bodyId.id } : {}),
    ...(f.role ? { role: f.role } : {}),
  };
}

/** The urgency keys of the matching assignments, through Prisma. */
export async function urgencyKeysByPrisma(prisma: PrismaClient, where: ReturnType<typeof assignmentWhere>): Promise<UrgencyKey[]> {
  const rows = await prisma.assignment.findMany({ where, select: { id: true, status: true, light: true, due: true } });
  return rows.map((r) => ({ id: r.id, status: r.status, light: r.light, due: r.due?.getTime() ?? null }));
}

/**
 * All matching keys as ONE JSON cell built by the database (where-sql.ts
 * translates the filter as Prisma's engine does), or null for a filter it does
 * not translate. Prisma's client maps every cell it returns, at several times
 * the statement's cost: the deadline comes as SQLite's text, or PostgreSQL's
 * epoch milliseconds (exact for timestamp(3)).
 */
async function urgencyKeysText(prisma: PrismaClient, where: ReturnType<typeof assignmentWhere>): Promise<{ text: string; postgres: boolean } | null> {
  const conditions = whereSql('Assignment', 'a', where);
  if (!conditions) return null;
  const postgres = dialectOf(prisma) === 'postgresql';
  const all = postgres
    ? Prisma.sql`COALESCE(json_agg(json_build_array(a."id", a."status", a."light", (EXTRACT(EPOCH FROM a."due") * 1000)::bigint)), '[]'::json)::text`
    : Prisma.sql`json_group_array(json_array(a."id", a."status", a."light", a."due"))`;
  const [result] = await bulkSql(prisma).query<{ rows: string }>(
    Prisma.sql`SELECT ${all} AS "rows" FROM "Assignment" AS a${conditions.length ? Prisma.sql` WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty}`,
  );
  return { text: result!.rows, postgres };
}

/** The keys of that cell, or null when a deadline is not a date as Prisma writes them (Prisma then reads it). */
function parseUrgencyKeys(text: string, postgres: boolean): UrgencyKey[] | null {
  const rows = JSON.parse(text) as Array<[string, string, string, string | number | null]>;
  const keys: UrgencyKey[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i += 1) {
    const [id, status, light, due] = rows[i]!;
    const at = due === null ? null : typeof due === 'number' && postgres ? due : typeof due === 'string' && !postgres ? Date.parse(due) : Number.NaN;
    if (at !== null && Number.isNaN(at)) return null;
    keys[i] = { id, status, light, due: at };
  }
  return keys;
}

/** The same keys as {@link urgencyKeysByPrisma} in one raw statement, or null for a filter or a cell it does not read. */
export async function urgencyKeysBySql(prisma: PrismaClient, where: ReturnType<typeof assignmentWhere>): Promise<UrgencyKey[] | null> {
  const keys = await urgencyKeysText(prisma, where);
  return keys && parseUrgencyKeys(keys.text, keys.postgres);
}

/**
 * The orders last computed, by the text of their keys: the order depends on
 * nothing else, so a ledger asked for again unchanged skips the parse and the
 * sort (most of its cost after the statement). Few, and only of texts up to a bound.
 */
const recentOrders = new Map<string, string[]>();
const ordersKept = 8;
const orderTextKept = 1 << 20;

async function urgencyIdsBySql(prisma: PrismaClient, where: ReturnType<typeof assignmentWhere>): Promise<string[] | null> {
  const keys = await urgencyKeysText(prisma, where);
  if (!keys) return null;
  const memo = `${keys.postgres ? 'postgresql' : 'sqlite'}:${keys.text}`;
  const known = recentOrders.get(memo);
  if (known) return known.slice();
  const parsed = parseUrgencyKeys(keys.text, keys.postgres);
  if (!parsed) return null;
  const ids = urgencyOrder(parsed);
  if (memo.length <= orderTextKept) {
    if (recentOrders.size >= ordersKept) recentOrders.delete(recentOrders.keys().next().value!);
    recentOrders.set(memo, ids.slice());
  }
  return ids;
}

/** The page's body and task come with its rows in one join (rows.ts) when that is all the request asks of them. */
const assignmentRelations = { body: { model: 'Body', from: 'bodyId' }, task: { model: 'Task', from: 'taskId' } };

const orderings = {
  body: [{ bodyName: 'asc' as const }, { id: 'asc' as const }],
  task: [{ taskId: 'asc' as const }, { id: 'asc' as const }],
};

/** Every matching assignment's id in the ledger's order: what the connection pages through and the export writes. */
export async function ledgerIds(prisma: PrismaClient, where: ReturnType<typeof assignmentWhere>, order: LedgerOrder): Promise<string[]> {
  if (order !== 'urgency') return (await prisma.assignment.findMany({ where, orderBy: orderings[order], select: { id: true } })).map((k) => k.id);
  return (await urgencyIdsBySql(prisma, where)) ?? urgencyOrder(await urgencyKeysByPrisma(prisma, where));
}

/**
 * The urgency order's ids, once per request and filter: the connection's page
 * and its totalCount (which Pothos asks for separately) read the same rows.
 */
const urgencyIdsOfRequest = new WeakMap<object, Map<string, Promise<string[]>>>();
function urgencyIds(ctx: { prisma: PrismaClient; actor: Actor | null }, filter: Filter | null | undefined): Promise<string[]> {
  let known = urgencyIdsOfRequest.get(ctx);
  if (!known) urgencyIdsOfRequest.set(ctx, (known = new Map()));
  const key = JSON.stringify(filter ?? null);
  let ids = known.get(key);
  if (!ids) known.set(key, (ids = ledgerIds(ctx.prisma, assignmentWhere(filter, ctx.actor), 'urgency')));
  return ids;
}

builder.queryField('assignments', (t) =>
  t.prismaConnection({
    type: 'Assignment',
    cursor: 'id',
    description: '督办台账 The supervision ledger: assignments with their bodies, tasks and lights, filtered and sorted in one request.',
    authScopes: { signedIn: true },
    maxSize: 500,
    args: {
      filter: t.arg({ type: AssignmentFilter }),
      orderBy: t.arg({ type: AssignmentOrder, defaultValue: 'urgency' }),
      ...offsetArg(),
    },
    totalCount: async (_parent, args, ctx) =>
      (args.orderBy ?? 'urgency') === 'urgency' ? (await urgencyIds(ctx, args.filter)).length : ctx.prisma.assignment.count({ where: assignmentWhere(args.filter, ctx.actor) }),
    resolve: async (query, _root, args, ctx) => {
      const order = args.orderBy ?? 'urgency';
      if (order !== 'urgency') return ctx.prisma.assignment.findMany({ ...withOffset(query, args.offset), where: assignmentWhere(args.filter, ctx.actor), orderBy: orderings[order] });
      const ids = await urgencyIds(ctx, args.filter);
      return pageInOrder(withOffset(query, args.offset), ids, async (selection, page) => {
        const read = () => ctx.prisma.assignment.findMany({ ...selection, where: { id: { in: page } } });
        return ((await readRows(ctx.prisma, 'Assignment', assignmentRelations, selection, page)) as Awaited<ReturnType<typeof read>> | null) ?? read();
      });
    },
  }),
);
