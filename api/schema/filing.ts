import type { RowError } from '../../domain/filing/catalogue.ts';
import { availableFilingRoundActions, normalizeRows, submissionProblems, type CatalogueSubmission, type FilingRoundAction, type FilingRoundState } from '../../domain/filing/round.ts';
import type { UnitStatus as UnitStatusValue } from '../../domain/rounds/unit.ts';
import type { UnitAction } from '../../domain/rounds/unit.ts';
import { openFilingRound } from '../../services/rounds.ts';
import { selection } from './selection.ts';
import { filingRoundActUpdate, filingRoundQuery } from '../../workflows/filing.ts';
import { unitActUpdate } from '../../workflows/round-unit.ts';
import { readCatalogue } from '../files/catalogue.ts';
import { Body } from './bodies.ts';
import { builder, type Context } from './builder.ts';
import { ActionRefused, ErrorInterface, mutationErrors, ValidationError } from './errors.ts';
import {
  Light, mayReadUnit, notFound, projected, RoundActionResult, roundClosed, UnitActionType, UnitStatus, unitFilter,
} from './rounds.ts';
import { storedAttachments } from '../../services/attachments.ts';
import { sendAction } from './updates.ts';

/** A catalogue refused row by row; nothing was submitted. */
export class CatalogueRowsError extends Error {
  override name = 'CatalogueRowsError';
  constructor(readonly rows: RowError[]) {
    super(`目录有 ${rows.length} 处错误，未报送 The catalogue has ${rows.length} error(s); nothing was submitted.`);
  }
}

const RowErrorRef = builder.objectRef<RowError>('CatalogueRowError').implement({
  fields: (t) => ({ row: t.exposeInt('row', { description: '表格中的行号 Row number as the spreadsheet shows it.' }), message: t.exposeString('message') }),
});

builder.objectType(CatalogueRowsError, {
  name: 'CatalogueRowsError',
  description: '目录逐行错误 Row-level errors of a catalogue; nothing was saved.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ rows: t.field({ type: [RowErrorRef], resolve: (e) => e.rows }) }),
});

const FilingRoundStatus = builder.enumType('FilingRoundStatus', {
  values: { open: { description: '报送中 Open' }, consolidated: { description: '已汇总 Consolidated' }, filed: { description: '已备案 Filed' } } as const,
});

const Disposition = builder.enumType('ItemDisposition', {
  values: { kept: { description: '保留 Kept' }, cancelled: { description: '取消 Cancelled' }, delegated: { description: '下放 Delegated' } } as const,
});

builder.prismaObject('CatalogueEntry', {
  description: '监管目录行 A row of a body\'s supervision catalogue.',
  fields: (t) => ({
    ordinal: t.exposeInt('ordinal'),
    item: t.exposeString('item', { description: '审批事项' }),
    disposition: t.field({ type: Disposition, resolve: (r) => r.disposition as typeof Disposition.$inferType }),
    object: t.exposeString('object', { description: '监管对象' }),
    content: t.exposeString('content', { description: '监管内容' }),
    method: t.exposeString('method', { description: '监管方式' }),
    standard: t.exposeString('standard', { description: '监管标准' }),
    measures: t.exposeString('measures', { description: '监管措施' }),
    procedure: t.exposeString('procedure', { description: '监管程序' }),
  }),
});

export const BodyFilingNode = builder.prismaNode('BodyFiling', {
  id: { field: 'id' },
  authScopes: (f, ctx) => mayReadUnit(ctx.actor, f.bodyId),
  description: '单位备案 One approval body\'s filing in a round: its measures and current catalogue.',
  fields: (t) => ({
    round: t.relation('round'),
    bodyId: t.exposeString('bodyId'),
    bodyName: t.exposeString('bodyName'),
    status: t.field({ type: UnitStatus, resolve: (f) => f.status as typeof UnitStatus.$inferType }),
    light: t.field({ type: Light, resolve: (f) => f.light as typeof Light.$inferType }),
    due: t.expose('due', { type: 'DateTime' }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', nullable: true, description: 'The first submission: on time or late is judged by it.' }),
    lastSubmittedAt: t.expose('lastSubmittedAt', { type: 'DateTime', nullable: true, description: 'The submission standing now (null when returned).' }),
    acceptedAt: t.expose('acceptedAt', { type: 'DateTime', nullable: true }),
    returnCount: t.exposeInt('returnCount'),
    lastReason: t.exposeString('lastReason', { nullable: true, description: '最近一次退回理由 Reasons of the last return.' }),
    measuresId: t.exposeString('measuresRef', { nullable: true, description: 'Attachment id of the implementation measures (实施办法).' }),
    measuresName: t.exposeString('measuresName', { nullable: true }),
    rows: t.relation('rows', { query: { orderBy: { ordinal: 'asc' } } }),
    history: t.prismaField({
      type: ['RoundEvent'],
      description: '报送与审核记录 Submissions, reviews and reminders, oldest first.',
      resolve: (query, f, _args, ctx) => ctx.prisma.roundEvent.findMany({ ...selection(query), where: { unitId: f.id }, orderBy: { seq: 'asc' } }),
    }),
  }),
});

interface ConsolidatedRow {
  bodyId: string;
  bodyName: string;
  item: string;
  disposition: string;
  object: string;
  content: string;
  method: string;
  standard: string;
  measures: string;
  procedure: string;
}

const ConsolidatedRowRef = builder.objectRef<ConsolidatedRow>('ConsolidatedCatalogueRow').implement({
  fields: (t) => ({
    bodyId: t.exposeString('bodyId'),
    bodyName: t.exposeString('bodyName'),
    item: t.exposeString('item'),
    disposition: t.field({ type: Disposition, resolve: (r) => r.disposition as typeof Disposition.$inferType }),
    object: t.exposeString('object'),
    content: t.exposeString('content'),
    method: t.exposeString('method'),
    standard: t.exposeString('standard'),
    measures: t.exposeString('measures'),
    procedure: t.exposeString('procedure'),
  }),
});

builder.prismaObject('FilingRecord', {
  description: '汇总目录与备案 The consolidated catalogue and its filing with the municipal government.',
  fields: (t) => ({
    consolidatedAt: t.expose('consolidatedAt', { type: 'DateTime' }),
    consolidatedBy: t.exposeString('consolidatedBy'),
    rows: t.field({ type: [ConsolidatedRowRef], resolve: (r) => JSON.parse(r.rows) as ConsolidatedRow[] }),
    includedBodyIds: t.stringList({ resolve: (r) => JSON.parse(r.includedBodies) as string[] }),
    overdueBodyIds: t.stringList({ description: '逾期未报送（或被退回未重报）的单位 Bodies with no accepted catalogue.', resolve: (r) => JSON.parse(r.overdueBodies) as string[] }),
    filedOn: t.exposeString('filedOn', { nullable: true, description: '备案日期 YYYY-MM-DD' }),
    filingNumber: t.exposeString('filingNumber', { nullable: true, description: '备案文号' }),
    exportUrl: t.string({ resolve: (r) => `/exports/filing/${encodeURIComponent(r.roundId)}/catalogue.xlsx` }),
  }),
});

export const FilingRoundNode = builder.prismaNode('FilingRound', {
  id: { field: 'id' },
  authScopes: { signedIn: true },
  description: '监管目录备案轮次 A supervision catalogue filing round.',
  fields: (t) => ({
    title: t.exposeString('title'),
    deadline: t.expose('deadline', { type: 'DateTime' }),
    status: t.field({ type: FilingRoundStatus, resolve: (r) => r.status as typeof FilingRoundStatus.$inferType }),
    openedAt: t.expose('openedAt', { type: 'DateTime' }),
    filings: t.relation('filings', {
      description: '各单位备案（承办单位只看到本单位） Every body\'s filing (a department sees its own).',
      query: (_args, ctx) => ({ where: unitFilter(ctx.actor), orderBy: { bodyName: 'asc' } }),
    }),
    record: t.relation('record', { nullable: true }),
    timeline: t.prismaField({
      type: ['RoundEvent'],
      description: '轮次时间线 The round\'s own events, oldest first.',
      resolve: (query, r, _args, ctx) => ctx.prisma.roundEvent.findMany({ ...selection(query), where: { roundId: r.id, unitId: null }, orderBy: { seq: 'asc' } }),
    }),
  }),
});

builder.queryField('filingRounds', (t) =>
  t.prismaField({
    type: ['FilingRound'],
    description: '监管目录备案轮次，最新在前 Filing rounds, newest first.',
    authScopes: { signedIn: true },
    resolve: (query, _root, _args, ctx) => ctx.prisma.filingRound.findMany({ ...selection(query), orderBy: { openedAt: 'desc' }, take: 200 }),
  }),
);

const OpenFilingRoundInput = builder.inputType('OpenFilingRoundInput', {
  fields: (t) => ({
    title: t.string({ required: true }),
    deadline: t.field({ type: 'DateTime', required: true, description: 'e.g. 2016-01-31T23:59:59+08:00' }),
    bodyIds: t.globalIDList({ for: Body, description: '报送单位；缺省为全部具有行政审批职能的市级部门 Default: every approval body.' }),
  }),
});

builder.mutationField('openFilingRound', (t) =>
  t.prismaField({
    type: 'FilingRound',
    description: '开启监管目录备案轮次 Opens a filing round: one workflow per approval body, with reminders and overdue notices.',
    authScopes: { supervisor: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: OpenFilingRoundInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const roundId = await openFilingRound(ctx, ctx.actor!, { title: input.title, deadline: input.deadline, bodyIds: input.bodyIds?.map((b) => b.id) });
      return projected(() => ctx.prisma.filingRound.findUnique({ ...selection(query), where: { id: roundId } }));
    },
  }),
);

const CatalogueRowInput = builder.inputType('CatalogueRowInput', {
  fields: (t) => ({
    item: t.string({ required: true }),
    disposition: t.string({ required: true, description: '保留/取消/下放 or kept/cancelled/delegated' }),
    object: t.string({ required: true }),
    content: t.string({ required: true }),
    method: t.string({ required: true }),
    standard: t.string({ required: true }),
    measures: t.string({ required: true }),
    procedure: t.string({ required: true }),
  }),
});

const FilingActionInput = builder.inputType('FilingActionInput', {
  description: '对单位备案的操作 An action on a body\'s filing; submit needs the measures attachment and the rows.',
  fields: (t) => ({
    filingId: t.globalID({ for: BodyFilingNode, required: true }),
    type: t.field({ type: UnitActionType, required: true }),
    comment: t.string(),
    measuresAttachmentId: t.string({ description: 'submit: the implementation measures, uploaded with uploadAttachment.' }),
    rows: t.field({ type: [CatalogueRowInput] }),
  }),
});

async function filingFor(ctx: Context, filingId: string, operation: string) {
  const filing = await ctx.prisma.bodyFiling.findUnique({ where: { id: filingId } });
  if (!filing || !mayReadUnit(ctx.actor, filing.bodyId)) notFound(ctx, operation);
  return filing!;
}

async function actOnFiling(ctx: Context, filingId: string, action: UnitAction<CatalogueSubmission>) {
  const operation = `filing ${action.type} ${filingId}`;
  return sendAction(ctx, filingId, unitActUpdate, action, { operation, closed: roundClosed });
}

builder.mutationField('filingAction', (t) =>
  t.field({
    type: RoundActionResult,
    description: '报送、审核通过、退回、催报 Submit, accept, return or urge; the filing\'s workflow checks the actor and the status.',
    authScopes: { supervisor: true, department: true },
    errors: { types: [...mutationErrors, CatalogueRowsError] },
    args: { input: t.arg({ type: FilingActionInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      await filingFor(ctx, input.filingId.id, `filing ${input.type}`);
      if (input.type !== 'submit') return actOnFiling(ctx, input.filingId.id, { type: input.type, comment: input.comment ?? '' } as UnitAction<CatalogueSubmission>);
      const [measures] = await storedAttachments(ctx.prisma, input.measuresAttachmentId ? [input.measuresAttachmentId] : []);
      if (!measures) throw new ValidationError('请先上传实施办法文件。 Upload the implementation measures first.');
      const raw = (input.rows ?? []).map((r) => ({ ...r }));
      const submission = { measures, rows: normalizeRows(raw) };
      const problems = submissionProblems({ measures, rows: raw as unknown as CatalogueSubmission['rows'] });
      if (problems.length) throw new CatalogueRowsError(problems.map((message) => ({ row: Number(/Row (\d+)/.exec(message)?.[1] ?? 0), message })));
      return actOnFiling(ctx, input.filingId.id, { type: 'submit', submission, comment: input.comment ?? '' });
    },
  }),
);

builder.mutationField('uploadCatalogue', (t) =>
  t.field({
    type: RoundActionResult,
    description: '上传目录表格并报送（按模板） Submits a catalogue uploaded as .xlsx (the template\'s columns); any bad row refuses the whole file.',
    authScopes: { department: true },
    errors: { types: [...mutationErrors, CatalogueRowsError] },
    args: {
      filingId: t.arg.globalID({ for: BodyFilingNode, required: true }),
      file: t.arg({ type: 'File', required: true }),
      measuresAttachmentId: t.arg.string({ required: true }),
      comment: t.arg.string(),
    },
    resolve: async (_root, args, ctx) => {
      await filingFor(ctx, args.filingId.id, 'uploadCatalogue');
      if (!args.file.name.toLowerCase().endsWith('.xlsx') || args.file.size > 10 * 1024 * 1024) {
        throw new ValidationError('请上传 10 MB 以内的 .xlsx 文件。 Upload an .xlsx file of at most 10 MB.');
      }
      const [measures] = await storedAttachments(ctx.prisma, [args.measuresAttachmentId]);
      const upload = await readCatalogue(Buffer.from(await args.file.arrayBuffer()));
      if (upload.errors.length) throw new CatalogueRowsError(upload.errors);
      return actOnFiling(ctx, args.filingId.id, { type: 'submit', submission: { measures: measures!, rows: upload.rows }, comment: args.comment ?? '' });
    },
  }),
);

/** How long an action waits for its round to hear what the read model already shows of its units. */
const heardWaitMs = 5_000;

/**
 * A unit projects its change and then tells its round, so the read model (and
 * the availableActions drawn from it) can lead the round by a moment: before
 * acting, wait until the round has heard of every unit status the read model
 * shows, or until heardWaitMs have passed (the round's own check then answers).
 */
async function roundHeardOfUnits(ctx: Context, roundId: string): Promise<void> {
  const filings = await ctx.prisma.bodyFiling.findMany({ where: { roundId }, select: { bodyId: true, status: true } });
  const round = ctx.temporal.workflow.getHandle(roundId);
  const until = Date.now() + heardWaitMs;
  for (;;) {
    const { units } = await round.query(filingRoundQuery);
    if (filings.every((f) => units.some((u) => u.bodyId === f.bodyId && u.status === f.status)) || Date.now() > until) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function roundAction(ctx: Context, roundId: string, action: FilingRoundAction) {
  const round = await ctx.prisma.filingRound.findUnique({ where: { id: roundId } });
  if (!round) notFound(ctx, `filing round ${action.type}`);
  if (round!.status === 'filed') throw new ActionRefused('本轮已备案。 This round is already filed.');
  if (action.type === 'consolidate') await roundHeardOfUnits(ctx, roundId);
  return sendAction(ctx, roundId, filingRoundActUpdate, action, { operation: `filing round ${action.type} ${roundId}`, closed: roundClosed });
}

builder.mutationField('consolidateFilingRound', (t) =>
  t.field({
    type: RoundActionResult,
    description: '汇总已通过的目录；逾期未报送的单位列出 Consolidates the accepted catalogues; bodies without one are listed as overdue.',
    authScopes: { supervisor: true },
    errors: { types: mutationErrors },
    args: { roundId: t.arg.globalID({ for: FilingRoundNode, required: true }), comment: t.arg.string() },
    resolve: (_root, args, ctx) => roundAction(ctx, args.roundId.id, { type: 'consolidate', comment: args.comment ?? undefined }),
  }),
);

builder.mutationField('recordFiling', (t) =>
  t.field({
    type: RoundActionResult,
    description: '登记向市政府备案（日期、文号），结束本轮 Records the filing with the municipal government and closes the round.',
    authScopes: { supervisor: true },
    errors: { types: mutationErrors },
    args: {
      roundId: t.arg.globalID({ for: FilingRoundNode, required: true }),
      filedOn: t.arg.string({ required: true, description: 'YYYY-MM-DD (China Standard Time)' }),
      filingNumber: t.arg.string({ required: true }),
      comment: t.arg.string(),
    },
    resolve: (_root, args, ctx) =>
      roundAction(ctx, args.roundId.id, { type: 'recordFiling', filedOn: args.filedOn, filingNumber: args.filingNumber, comment: args.comment ?? undefined }),
  }),
);

const FilingRoundActionType = builder.enumType('FilingRoundActionType', {
  values: {
    consolidate: { description: '汇总目录 Consolidate the accepted catalogues' },
    recordFiling: { description: '登记备案 Record the filing with the municipal government' },
  } as const,
});

builder.prismaObjectField('FilingRound', 'availableActions', (t) =>
  t.field({
    type: [FilingRoundActionType],
    description: '当前登录者现在可执行的操作（与备案轮次流程同一校验规则） What the signed-in viewer may do to this round now, by the rule its workflow checks.',
    select: { status: true, deadline: true, filings: { select: { status: true, bodyName: true } } },
    resolve: (r, _args, ctx) =>
      ctx.actor
        ? availableFilingRoundActions(
          { status: r.status as FilingRoundState['status'], deadline: r.deadline.toISOString(), units: r.filings.map((f) => ({ bodyName: f.bodyName, status: f.status as UnitStatusValue })) },
          ctx.actor, Date.now(),
        )
        : [],
  }),
);
