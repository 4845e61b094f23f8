import { availableRecordActions } from '../../domain/credit/record-actions.ts';
import { creditClassNames, type CreditClass } from '../../domain/credit/classes.ts';
import { canonicalUscc, normalizeUscc } from '../../domain/credit/uscc.ts';
import type { PrismaClient } from '../../runtime/db.ts';
import { addCreditRecord, registerEntity } from '../../services/credit/entities.ts';
import { importCreditSheet, readSheet } from '../../services/credit/import.ts';
import { builder } from './builder.ts';
import { CaseEventDetails, CreditRecordChangeType, parse, RecordKindEnum, RecordStatus, type CaseEventData, type RecordChange } from './details.ts';
import { mutationErrors, NotFoundError, ValidationError } from './errors.ts';
import { offsetArg, withOffset } from './pagination.ts';

export const CreditClassEnum = builder.enumType('CreditClass', {
  values: Object.fromEntries(
    (Object.entries(creditClassNames) as Array<[CreditClass, { zh: string; colour: string }]>).map(([k, v]) => [k, { description: `${v.zh} (${v.colour})` }]),
  ) as Record<CreditClass, { description: string }>,
});

const RecordPublication = builder.enumType('CreditRecordPublication', {
  values: { published: { description: '公示中 Published' }, ended: { description: '已停止公示 Publication ended (repaired)' } } as const,
});
const RecordSeverity = builder.enumType('CreditRecordSeverity', {
  values: { general: { description: '一般 General' }, serious: { description: '严重 Serious (a longer publication before repair)' } } as const,
});
const RecordSource = builder.enumType('CreditRecordSource', {
  values: { import: { description: '导入 Imported' }, manual: { description: '报送 Added by a body' }, inspection: { description: '双随机抽查 An inspection finding' } } as const,
});

const colourOf = (c: string) => creditClassNames[c as CreditClass]?.colour ?? 'green';

export const MarketEntityNode = builder.prismaNode('MarketEntity', {
  id: { field: 'code' },
  authScopes: { signedIn: true },
  description: '市场主体 A market entity, by its unified social credit code.',
  fields: (t) => ({
    code: t.exposeString('code', { description: '统一社会信用代码' }),
    name: t.exposeString('name'),
    registrationBody: t.exposeString('registrationBody'),
    district: t.exposeString('district'),
    industry: t.exposeString('industry'),
    creditClass: t.field({ type: CreditClassEnum, resolve: (e) => e.creditClass as CreditClass }),
    colour: t.string({ description: 'green | yellow | red | black', resolve: (e) => colourOf(e.creditClass) }),
    ruleVersion: t.exposeString('ruleVersion'),
    classReasons: t.stringList({ resolve: (e) => JSON.parse(e.classReasons) as string[] }),
    classifiedAt: t.expose('classifiedAt', { type: 'DateTime', nullable: true }),
    records: t.relation('records', { query: { orderBy: { date: 'desc' } } }),
    classHistory: t.relation('classChanges', { description: '等级变化 Every change of class, oldest first.', query: { orderBy: { at: 'asc' } } }),
    objections: t.relation('objections', { query: { orderBy: { filedAt: 'desc' } } }),
    repairs: t.relation('repairs', { query: { orderBy: { filedAt: 'desc' } } }),
  }),
});

const CreditRecordActionEnum = builder.enumType('CreditRecordAction', {
  values: {
    fileObjection: { description: '提出异议 Object to the record' },
    applyForRepair: { description: '申请信用修复 Apply to repair it' },
  } as const,
});

export const CreditRecordNode = builder.prismaNode('CreditRecord', {
  id: { field: 'id' },
  authScopes: { signedIn: true },
  description: '信用记录 A record behind an entity\'s class.',
  fields: (t) => ({
    recordId: t.exposeString('id'),
    entity: t.relation('entity'),
    kind: t.field({ type: RecordKindEnum, resolve: (r) => r.kind as typeof RecordKindEnum.$inferType }),
    severity: t.field({ type: RecordSeverity, resolve: (r) => r.severity as typeof RecordSeverity.$inferType }),
    amountYuan: t.exposeFloat('amountYuan', { nullable: true }),
    date: t.exposeString('date'),
    description: t.exposeString('description'),
    providerBodyId: t.exposeString('providerBodyId', { nullable: true }),
    providerName: t.exposeString('providerName'),
    repairExcluded: t.exposeBoolean('repairExcluded'),
    status: t.field({ type: RecordStatus, resolve: (r) => r.status as typeof RecordStatus.$inferType }),
    publication: t.field({ type: RecordPublication, resolve: (r) => r.publication as typeof RecordPublication.$inferType }),
    publicationEndedAt: t.expose('publicationEndedAt', { type: 'DateTime', nullable: true }),
    underObjection: t.exposeBoolean('underObjection'),
    source: t.field({ type: RecordSource, resolve: (r) => r.source as typeof RecordSource.$inferType }),
    changes: t.field({ type: [CreditRecordChangeType], description: '更正和修复 Each correction or repair of the record, oldest first.', resolve: (r) => parse<RecordChange[]>(r.history) }),
    history: t.string({ description: 'JSON: each correction or repair of the record.', deprecationReason: 'Use changes.', resolve: (r) => r.history }),
    availableActions: t.field({
      type: [CreditRecordActionEnum],
      description: '当前用户可就此记录发起的办理 What the viewer may start from this record now.',
      resolve: (r, _args, ctx) => availableRecordActions(r, ctx.actor),
    }),
  }),
});

builder.prismaObject('CreditClassChange', {
  description: '信用等级变化 One change of class.',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime' }),
    from: t.field({ type: CreditClassEnum, nullable: true, resolve: (c) => c.from as CreditClass | null }),
    to: t.field({ type: CreditClassEnum, resolve: (c) => c.to as CreditClass }),
    ruleVersion: t.exposeString('ruleVersion'),
    reasons: t.stringList({ resolve: (c) => JSON.parse(c.reasons) as string[] }),
    cause: t.exposeString('cause'),
  }),
});

builder.prismaObject('CaseEvent', {
  description: '时间线事件 A step of an objection, repair or inspection round.',
  fields: (t) => ({
    seq: t.exposeInt('seq'),
    type: t.exposeString('type'),
    at: t.expose('at', { type: 'DateTime' }),
    actorName: t.exposeString('actorName'),
    comment: t.exposeString('comment', { nullable: true }),
    details: t.field({ type: CaseEventDetails, description: '事件的详情 What the step recorded: time limits, the correction, the draw, the finding…', resolve: (e) => parse<CaseEventData>(e.data) }),
    data: t.string({ description: 'JSON', deprecationReason: 'Use details.', resolve: (e) => e.data }),
  }),
});

builder.queryField('marketEntities', (t) =>
  t.prismaConnection({
    type: 'MarketEntity',
    cursor: 'code',
    authScopes: { signedIn: true },
    args: { creditClass: t.arg({ type: CreditClassEnum }), district: t.arg.string(), search: t.arg.string({ description: '名称或代码 Name or code.' }), ...offsetArg() },
    totalCount: (_p, args, ctx) => ctx.prisma.marketEntity.count({ where: entityFilter(args) }),
    resolve: (query, _root, args, ctx) => ctx.prisma.marketEntity.findMany({ ...withOffset(query, args.offset), where: entityFilter(args), orderBy: { code: 'asc' } }),
  }),
);

function entityFilter(args: { creditClass?: string | null; district?: string | null; search?: string | null }) {
  return {
    ...(args.creditClass ? { creditClass: args.creditClass } : {}),
    ...(args.district ? { district: args.district } : {}),
    ...(args.search ? { OR: [{ name: { contains: args.search } }, { code: { startsWith: canonicalUscc(args.search) } }] } : {}),
  };
}

builder.queryField('marketEntity', (t) =>
  t.field({
    type: MarketEntityNode,
    authScopes: { signedIn: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { code: t.arg.string({ required: true }) },
    resolve: async (_root, { code }, ctx) => {
      const entity = await ctx.prisma.marketEntity.findUnique({ where: { code: normalizeUscc(code) } });
      if (!entity) throw new NotFoundError('未登记的市场主体。 No market entity is registered under this code.');
      return entity;
    },
  }),
);

interface PublicEntity {
  code: string;
  name: string;
  district: string;
  industry: string;
  creditClass: string;
  records: Array<{ kind: string; date: string; amountYuan: number | null; underObjection: boolean }>;
}

const PublicRecord = builder.objectRef<PublicEntity['records'][number]>('PublicCreditRecord').implement({
  fields: (t) => ({
    kind: t.field({ type: RecordKindEnum, resolve: (r) => r.kind as typeof RecordKindEnum.$inferType }),
    date: t.exposeString('date'),
    amountYuan: t.exposeFloat('amountYuan', { nullable: true }),
    underObjection: t.exposeBoolean('underObjection', { description: '异议处理中 Under objection: being reviewed.' }),
  }),
});

const PublicEntityRef = builder.objectRef<PublicEntity>('PublicCreditEntity').implement({
  description: '公示的市场主体信用等级 An entity\'s class as published to everyone.',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    district: t.exposeString('district'),
    industry: t.exposeString('industry'),
    creditClass: t.field({ type: CreditClassEnum, resolve: (e) => e.creditClass as CreditClass }),
    classZh: t.string({ resolve: (e) => creditClassNames[e.creditClass as CreditClass].zh }),
    colour: t.string({ resolve: (e) => colourOf(e.creditClass) }),
    underObjection: t.boolean({ resolve: (e) => e.records.some((r) => r.underObjection) }),
    records: t.field({ type: [PublicRecord], description: '公示中的记录 Records still published.', resolve: (e) => e.records }),
  }),
});

const PublicListing = builder.objectRef<{ total: number; entities: PublicEntity[] }>('PublicCreditListing').implement({
  fields: (t) => ({ total: t.exposeInt('total'), entities: t.field({ type: [PublicEntityRef], resolve: (l) => l.entities }) }),
});

/** The public listing, shared by GraphQL and GET /public/credit.json: no login, published records only. */
export async function publicListing(
  prisma: PrismaClient,
  args: { creditClass?: string | null; district?: string | null; search?: string | null; offset?: number | null; limit?: number | null },
): Promise<{ total: number; entities: PublicEntity[] }> {
  const where = entityFilter(args);
  const take = Math.min(Math.max(args.limit ?? 50, 1), 200);
  const skip = Math.min(Math.max(args.offset ?? 0, 0), 1_000_000);
  const [total, rows] = await Promise.all([
    prisma.marketEntity.count({ where }),
    prisma.marketEntity.findMany({
      where, orderBy: { code: 'asc' }, take, skip,
      select: {
        code: true, name: true, district: true, industry: true, creditClass: true,
        records: { where: { publication: 'published', status: 'active' }, orderBy: { date: 'desc' }, select: { kind: true, date: true, amountYuan: true, underObjection: true } },
      },
    }),
  ]);
  return { total, entities: rows };
}

builder.queryField('publicCreditListing', (t) =>
  t.field({
    type: PublicListing,
    description: '公开查询：市场主体信用等级（无需登录） The public listing of entities and their classes; no sign-in needed.',
    args: { creditClass: t.arg({ type: CreditClassEnum }), district: t.arg.string(), search: t.arg.string(), offset: t.arg.int(), limit: t.arg.int() },
    resolve: (_root, args, ctx) => publicListing(ctx.prisma, args),
  }),
);

const EntityInput = builder.inputType('MarketEntityInput', {
  fields: (t) => ({
    code: t.string({ required: true }), name: t.string({ required: true }), registrationBody: t.string({ required: true }),
    district: t.string({ required: true }), industry: t.string({ required: true }),
  }),
});

builder.mutationField('registerMarketEntity', (t) =>
  t.field({
    type: MarketEntityNode,
    description: '登记市场主体 Registers an entity (supervising office).',
    authScopes: { supervisor: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: EntityInput, required: true }) },
    resolve: (_root, { input }, ctx) => registerEntity(ctx.prisma, input),
  }),
);

const RecordInput = builder.inputType('CreditRecordInput', {
  fields: (t) => ({
    entityCode: t.string({ required: true }),
    kind: t.field({ type: RecordKindEnum, required: true }),
    date: t.string({ required: true, description: 'YYYY-MM-DD' }),
    amountYuan: t.float(),
    serious: t.boolean(),
    description: t.string({ required: true }),
    repairExcluded: t.boolean(),
  }),
});

builder.mutationField('addCreditRecord', (t) =>
  t.field({
    type: CreditRecordNode,
    description: '报送信用记录；信用等级随即重新评定 Adds a record provided by your body; the class is recomputed at once.',
    authScopes: { supervisor: true, department: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: RecordInput, required: true }) },
    resolve: (_root, { input }, ctx) => addCreditRecord(ctx.prisma, ctx.actor!, input),
  }),
);

const ImportKindEnum = builder.enumType('CreditImportKind', { values: { entities: { description: '市场主体 Entities' }, records: { description: '信用记录 Records' } } as const });

const RowErrorRef = builder.objectRef<{ row: number; message: string }>('ImportRowError').implement({
  fields: (t) => ({ row: t.exposeInt('row', { description: '行号（含表头） Row number, the header being row 1; 0 for the whole file.' }), message: t.exposeString('message') }),
});

const ImportReportRef = builder.objectRef<{ imported: number; skipped: number; reclassified: number; errors: Array<{ row: number; message: string }> }>('CreditImportReport').implement({
  description: '导入结果：有任何一行出错则不导入任何数据 With any row in error, nothing is imported.',
  fields: (t) => ({
    imported: t.exposeInt('imported'),
    skipped: t.exposeInt('skipped', { description: '已导入过的行 Rows imported before.' }),
    reclassified: t.exposeInt('reclassified', { description: '等级发生变化的主体数 Entities whose class changed.' }),
    errors: t.field({ type: [RowErrorRef], resolve: (r) => r.errors }),
  }),
});

builder.mutationField('importCreditData', (t) =>
  t.field({
    type: ImportReportRef,
    description: '从 CSV 或 .xlsx 导入市场主体或信用记录 Imports entities or records from CSV or .xlsx, all or nothing.',
    authScopes: { supervisor: true },
    errors: { types: mutationErrors },
    args: { kind: t.arg({ type: ImportKindEnum, required: true }), file: t.arg({ type: 'File', required: true }) },
    resolve: async (_root, { kind, file }, ctx) => {
      const rows = await readSheet(new Uint8Array(await file.arrayBuffer()), file.name);
      if (!Array.isArray(rows)) return { imported: 0, skipped: 0, reclassified: 0, errors: [rows] };
      return importCreditSheet(ctx.prisma, kind, rows);
    },
  }),
);
