import { canonicalUscc } from '../../domain/credit/uscc.ts';
import {
  availableRoundActions, mayRecordResult, type ChecklistItem, type Finding, type InspectionResult, type JoiningBody, type PopulationFilter, type RoundAction, type RoundFacts, type DrawnEntityFacts,
  type RoundStatus as RoundStatusValue, type SampleRule,
} from '../../domain/inspection/round.ts';
import type { PrismaClient } from '../../runtime/db.ts';
import { inspectionWorkflowId, roundActUpdate, roundDrawUpdate } from '../../workflows/inspection.ts';
import { announceInspectionRound } from '../../services/credit/cases.ts';
import { caseClosed, sendAction } from './updates.ts';
import { builder } from './builder.ts';
import { selection } from './selection.ts';
import {
  ChecklistAnswerType, ChecklistItemType, FindingType, JoiningBodyType, OutcomeEnum, parse, PopulationFilterType, RecordKindEnum, SampleRuleType,
} from './details.ts';
import { mutationErrors, NotFoundError, ValidationError } from './errors.ts';

const RoundStatus = builder.enumType('InspectionRoundStatus', {
  values: {
    announced: { description: '已公告，待录入公开随机数 Announced, waiting for its beacon' },
    drawing: { description: '抽取中 Drawing the sample' },
    inspecting: { description: '检查中 Inspecting' },
    completed: { description: '已完成 Every result published' },
    cancelled: { description: '已取消 Cancelled, or the draw could not be made' },
  } as const,
});

export const InspectionRoundNode = builder.prismaNode('InspectionRound', {
  id: { field: 'id' },
  authScopes: { signedIn: true },
  description: '双随机抽查批次 A random joint inspection round, with the published data anyone can re-run its draw from.',
  fields: (t) => ({
    roundId: t.exposeString('id'),
    title: t.exposeString('title'),
    date: t.exposeString('date', { description: '抽查日期（参与生成种子） The round date, part of the seed.' }),
    status: t.field({ type: RoundStatus, resolve: (r) => r.status as RoundStatusValue }),
    populationFilter: t.field({ type: PopulationFilterType, description: '抽取范围 Who is drawn from.', resolve: (r) => parse<PopulationFilter>(r.filter) }),
    sample: t.field({ type: SampleRuleType, description: '抽取规则 The sample rule.', resolve: (r) => parse<SampleRule>(r.sampleRule) }),
    checklistItems: t.field({ type: [ChecklistItemType], description: '检查表（一表共用） The shared checklist.', resolve: (r) => parse<ChecklistItem[]>(r.checklist) }),
    joiningBodies: t.field({ type: [JoiningBodyType], description: '参加单位 The joining bodies and their remits.', resolve: (r) => parse<JoiningBody[]>(r.bodies) }),
    filter: t.string({ description: 'JSON: districts, industries (entities rated 良好 only).', deprecationReason: 'Use populationFilter.', resolve: (r) => r.filter }),
    sampleRule: t.string({ description: 'JSON: { ratio } or { size }.', deprecationReason: 'Use sample.', resolve: (r) => r.sampleRule }),
    checklist: t.string({ description: 'JSON: the shared checklist (一表共用).', deprecationReason: 'Use checklistItems.', resolve: (r) => r.checklist }),
    bodies: t.string({ description: 'JSON: joining bodies and their remits.', deprecationReason: 'Use joiningBodies.', resolve: (r) => r.bodies }),
    inspectorsPerBody: t.exposeInt('inspectorsPerBody'),
    beaconSource: t.exposeString('beaconSource', { nullable: true, description: '公告时指定的公开随机数来源 The public randomness named at announcement (null: opened before announcements).' }),
    announcedAt: t.expose('announcedAt', { type: 'DateTime', nullable: true }),
    beacon: t.exposeString('beacon', { nullable: true, description: '录入的公开随机数 Its value as entered, part of the seed.' }),
    publicPath: t.string({ description: '公开核验页面 The page anyone can open without signing in (and its data at publicPath + ".json").', resolve: (r) => `/public/inspections/${r.id}` }),
    seed: t.exposeString('seed', { nullable: true, description: 'SHA-256("<round id>|<date>|<populationHash>|<beacon>"); without a beacon, of the first three (see docs/draw.md).' }),
    populationHash: t.exposeString('populationHash', { nullable: true, description: 'SHA-256 of the sorted codes joined by "\\n".' }),
    populationSize: t.exposeInt('populationSize', { nullable: true }),
    population: t.string({
      nullable: true,
      description: '抽取时的主体名单（排序） The population drawn from: sorted codes, one a line, to re-run the draw.',
      resolve: async (r, _a, ctx) => {
        const record = await ctx.prisma.inspectionDrawRecord.findUnique({ where: { roundId: r.id }, select: { population: true } });
        if (record) return (JSON.parse(record.population) as Array<{ code: string }>).map((e) => e.code).join('\n');
        return r.populationHash ? (await ctx.prisma.populationSnapshot.findUnique({ where: { hash: r.populationHash } }))?.codes ?? null : null;
      },
    }),
    drawnAt: t.expose('drawnAt', { type: 'DateTime', nullable: true }),
    sampled: t.relation('sampled', { query: { orderBy: { ordinal: 'asc' } } }),
    timeline: t.prismaField({
      type: ['CaseEvent'],
      resolve: (query, r, _args, ctx) => ctx.prisma.caseEvent.findMany({ ...query, where: { caseId: `inspection:${r.id}` }, orderBy: { seq: 'asc' } }),
    }),
  }),
});

builder.prismaObject('SampledEntity', {
  description: '抽中的主体 An entity drawn in a round, in draw order.',
  fields: (t) => ({
    ordinal: t.exposeInt('ordinal'),
    entity: t.relation('entity'),
    inspectors: t.relation('inspectors'),
    result: t.relation('result', { nullable: true }),
  }),
});

builder.prismaObject('InspectorAssignment', {
  fields: (t) => ({
    officer: t.relation('officer'),
    bodyId: t.exposeString('bodyId'),
    body: t.prismaField({
      type: 'Body',
      nullable: true,
      description: '检查人员所属单位 The body the inspector was drawn for.',
      resolve: (query, a, _args, ctx) => ctx.prisma.body.findUnique({ ...selection(query), where: { id: a.bodyId } }),
    }),
  }),
});

builder.prismaObject('InspectionResult', {
  description: '检查结果 A result against the shared checklist.',
  fields: (t) => ({
    checklistAnswers: t.field({ type: [ChecklistAnswerType], description: '各检查事项的结论 The answer to each checklist item.', resolve: (r) => parse<InspectionResult['answers']>(r.answers) }),
    recordedFinding: t.field({ type: FindingType, nullable: true, description: '发现的问题 The finding, if any.', resolve: (r) => (r.finding ? parse<Finding>(r.finding) : null) }),
    inspectorIds: t.stringList({ resolve: (r) => parse<string[]>(r.inspectorIds) }),
    answers: t.string({ description: 'JSON: item id, outcome, note.', deprecationReason: 'Use checklistAnswers.', resolve: (r) => r.answers }),
    finding: t.string({ nullable: true, description: 'JSON', deprecationReason: 'Use recordedFinding.', resolve: (r) => r.finding }),
    recordedAt: t.expose('recordedAt', { type: 'DateTime' }),
    recordedBy: t.exposeString('recordedBy'),
    publishBy: t.expose('publishBy', { type: 'DateTime', description: '公示期限 Publication time limit.' }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
    overdue: t.exposeBoolean('overdue'),
    publishByProvisional: t.exposeBoolean('provisional', {
      description: '公示期限暂按周末计算：该年度放假安排尚未录入，录入后自动重算 The limit counts weekends only: that year\'s holiday arrangement is not entered yet; it is re-timed once it is.',
    }),
    recordId: t.exposeString('recordId', { nullable: true }),
  }),
});

builder.queryField('inspectionRounds', (t) =>
  t.prismaField({
    type: ['InspectionRound'],
    authScopes: { signedIn: true },
    resolve: (query, _root, _args, ctx) => ctx.prisma.inspectionRound.findMany({ ...query, orderBy: { date: 'desc' }, take: 200 }),
  }),
);

const ChecklistItemInput = builder.inputType('ChecklistItemInput', { fields: (t) => ({ id: t.string({ required: true }), text: t.string({ required: true }) }) });
const JoiningBodyInput = builder.inputType('JoiningBodyInput', {
  fields: (t) => ({ bodyId: t.string({ required: true }), industries: t.stringList({ description: 'Its remit; none: every industry.' }) }),
});

const AnnounceRoundInput = builder.inputType('AnnounceInspectionRoundInput', {
  fields: (t) => ({
    beaconSource: t.string({
      required: true,
      description: '将采用的公开随机数来源，须在其数值产生之前写明 The public randomness to be used, named before its value exists (e.g. a future drand round, a lottery draw).',
    }),
    roundId: t.string({ required: true }),
    title: t.string({ required: true }),
    date: t.string({ required: true, description: 'YYYY-MM-DD' }),
    districts: t.stringList(),
    industries: t.stringList(),
    ratio: t.float({ description: '抽查比例 A ratio of the population, e.g. 0.03…' }),
    size: t.int({ description: '…or a number of entities (one of the two).' }),
    checklist: t.field({ type: [ChecklistItemInput], required: true }),
    bodies: t.field({ type: [JoiningBodyInput], required: true }),
    inspectorsPerBody: t.int({ description: 'At least 2 (default 2).' }),
  }),
});

builder.mutationField('announceInspectionRound', (t) =>
  t.field({
    type: InspectionRoundNode,
    description: '公告双随机抽查：冻结抽取范围并公开其哈希和将采用的公开随机数 Announces a round: freezes the population, publishes its hash and the beacon to be used.',
    authScopes: { supervisor: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: AnnounceRoundInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      if ((input.ratio == null) === (input.size == null)) throw new ValidationError('请给出抽查比例或抽查数量之一。 Give either a ratio or a size.');
      await announceInspectionRound(ctx, ctx.actor!, {
        roundId: input.roundId.trim(), title: input.title.trim(), date: input.date.trim(),
        filter: { districts: input.districts ?? [], industries: input.industries ?? [] },
        sample: input.ratio != null ? { ratio: input.ratio } : { size: input.size! },
        checklist: input.checklist.map((i) => ({ id: i.id.trim(), text: i.text.trim() })),
        bodies: input.bodies.map((b) => ({ bodyId: b.bodyId, industries: b.industries ?? [] })),
        inspectorsPerBody: input.inspectorsPerBody ?? 2,
      }, input.beaconSource);
      return waitForRound(ctx.prisma, input.roundId.trim());
    },
  }),
);

builder.mutationField('drawInspectionRound', (t) =>
  t.field({
    type: InspectionRoundNode,
    description: '录入公告指定的公开随机数并抽取 Enters the value of the announced beacon and draws the round (once).',
    authScopes: { supervisor: true },
    errors: { types: mutationErrors },
    args: {
      roundId: t.arg.globalID({ for: InspectionRoundNode, required: true }),
      beacon: t.arg.string({ required: true, description: '公开随机数，按公布的原样录入 The public random value, exactly as its source published it.' }),
    },
    resolve: async (_root, { roundId, beacon }, ctx) => {
      const id = roundId.id;
      if (!(await ctx.prisma.inspectionRound.findUnique({ where: { id } }))) throw new NotFoundError('抽查批次不存在。 No such inspection round.');
      await sendAction(ctx, inspectionWorkflowId(id), roundDrawUpdate, { type: 'draw', beacon }, { operation: `draw ${inspectionWorkflowId(id)}`, closed: caseClosed });
      return ctx.prisma.inspectionRound.findUniqueOrThrow({ where: { id } });
    },
  }),
);

/** The round's first projection (with the frozen population's hash) comes from its workflow a moment after the start. */
async function waitForRound(prisma: PrismaClient, id: string) {
  for (let i = 0; i < 100; i += 1) {
    const round = await prisma.inspectionRound.findUnique({ where: { id } });
    if (round?.populationHash) return round;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new NotFoundError('抽查批次尚未建立，请稍后刷新。 The round is not there yet: refresh in a moment.');
}

const AnswerInput = builder.inputType('ChecklistAnswerInput', {
  fields: (t) => ({ itemId: t.string({ required: true }), outcome: t.field({ type: OutcomeEnum, required: true }), note: t.string() }),
});
const FindingInput = builder.inputType('FindingInput', {
  fields: (t) => ({ kind: t.field({ type: RecordKindEnum, required: true }), amountYuan: t.float(), description: t.string({ required: true }) }),
});

const RoundActionType = builder.enumType('InspectionRoundActionType', {
  values: {
    draw: { description: '录入随机数并抽取 Enter the beacon and draw (drawInspectionRound)' },
    record: { description: '记录检查结果 Record a result' }, publish: { description: '公示结果 Publish results' }, cancel: { description: '取消 Cancel the round' },
  } as const,
});

const RoundActionInput = builder.inputType('InspectionRoundActionInput', {
  fields: (t) => ({
    roundId: t.globalID({ for: InspectionRoundNode, required: true }),
    type: t.field({ type: RoundActionType, required: true }),
    entityCode: t.string({ description: 'record' }),
    inspectorIds: t.stringList({ description: 'record: the drawn inspectors who sign (at least 2).' }),
    answers: t.field({ type: [AnswerInput], description: 'record: every item of the shared checklist.' }),
    finding: t.field({ type: FindingInput, description: 'record: a finding that becomes a credit record when published.' }),
    entityCodes: t.stringList({ description: 'publish' }),
    reasons: t.string({ description: 'cancel' }),
  }),
});

function toRoundAction(input: typeof RoundActionInput.$inferInput): RoundAction {
  switch (input.type) {
    case 'record':
      if (!input.entityCode) throw new ValidationError('请选择被检查的主体。 Choose the inspected entity.');
      return {
        type: 'record', entityCode: canonicalUscc(input.entityCode), inspectorIds: input.inspectorIds ?? [],
        answers: (input.answers ?? []).map((a) => ({ itemId: a.itemId, outcome: a.outcome, note: a.note ?? '' })),
        finding: input.finding ? { kind: input.finding.kind, amountYuan: input.finding.amountYuan ?? undefined, description: input.finding.description } : null,
      };
    case 'publish':
      return { type: 'publish', entityCodes: (input.entityCodes ?? []).map(canonicalUscc) };
    case 'cancel':
      return { type: 'cancel', reasons: input.reasons ?? '' };
    case 'draw':
      throw new ValidationError('抽取请录入随机数（drawInspectionRound）。 Draw with drawInspectionRound and the beacon.');
  }
}

builder.mutationField('actOnInspectionRound', (t) =>
  t.field({
    type: InspectionRoundNode,
    description: '记录、公示检查结果或取消抽查；由抽查流程校验 Records or publishes results, or cancels; the round workflow checks each.',
    authScopes: { supervisor: true, department: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: RoundActionInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = input.roundId.id;
      if (!(await ctx.prisma.inspectionRound.findUnique({ where: { id } }))) throw new NotFoundError('抽查批次不存在。 No such inspection round.');
      const action = toRoundAction(input);
      await sendAction(ctx, inspectionWorkflowId(id), roundActUpdate, action, { operation: `${action.type} ${inspectionWorkflowId(id)}`, closed: caseClosed });
      return ctx.prisma.inspectionRound.findUniqueOrThrow({ where: { id } });
    },
  }),
);

/** The round's facts its workflow's rule needs, from the read model. */
const entitySelect = { result: { select: { publishedAt: true } }, inspectors: { select: { bodyId: true } } } as const;
type EntityRow = { result: { publishedAt: Date | null } | null; inspectors: Array<{ bodyId: string }> };
const factsSelect = { status: true, drawnAt: true, sampled: { select: entitySelect } } as const;
const entityOf = (e: EntityRow): DrawnEntityFacts => ({ recorded: e.result !== null, published: !!e.result?.publishedAt, inspectorBodyIds: e.inspectors.map((i) => i.bodyId) });
const factsOf = (r: { status: string; drawnAt: Date | null; sampled: EntityRow[] }): RoundFacts => ({
  status: r.status as RoundStatusValue, drawn: r.drawnAt !== null, entities: r.sampled.map(entityOf),
});

builder.prismaObjectField('InspectionRound', 'availableActions', (t) =>
  t.field({
    type: [RoundActionType],
    description: '当前登录者现在可执行的操作（与抽查流程同一校验规则；record：可为某个抽中主体记录结果） What the signed-in viewer may do to this round now, by the rule its workflow checks (record: for some drawn entity).',
    select: factsSelect,
    resolve: (r, _args, ctx) => (ctx.actor ? availableRoundActions(factsOf(r), ctx.actor) : []),
  }),
);

builder.prismaObjectField('SampledEntity', 'availableActions', (t) =>
  t.field({
    type: [RoundActionType],
    description: '当前登录者现在可对该主体执行的操作（记录结果） Whether the signed-in viewer may record this entity\'s result now, by the rule the round workflow checks.',
    select: { ...entitySelect, round: { select: factsSelect } },
    resolve: (s, _args, ctx) => (ctx.actor && mayRecordResult(factsOf(s.round), entityOf(s), ctx.actor) ? ['record' as const] : []),
  }),
);
