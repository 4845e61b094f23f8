import { computeScoreSheet, rubricVersion } from '../../services/scores.ts';
import { defaultRubric, escalationTerms, populationFields, rubricProblems, scoredPopulation, type Rubric, type Weight } from '../../domain/scoring/rubric.ts';
import { scoreBody, type WithdrawnLine, type BodyRecord, type CriterionResult, type Deduction, type Deliverable, type ScoredAssignment } from '../../domain/scoring/score.ts';
import { availableSheetActions, competitionRank, nextStatus, sheetActionProblem, type SheetAction, type SheetStatus } from '../../domain/scoring/sheet.ts';
import type { ScoredRecord } from '../../domain/scoring/record.ts';
import { recordDenial } from '../auth/denials.ts';
import { builder, type Context } from './builder.ts';
import { AssignmentRole } from './tasks.ts';
import { selection } from './selection.ts';
import { ActionRefused, mutationErrors, NotFoundError, ValidationError } from './errors.ts';

const weights = Object.keys(defaultRubric).filter((k) => k !== 'version' && !(populationFields as readonly string[]).includes(k)) as Weight[];

const RubricRef = builder.objectRef<Rubric>('Rubric').implement({
  description: '评分规则 The weights of a rubric version (base 100 by default).',
  fields: (t) => ({
    version: t.exposeString('version'),
    ...Object.fromEntries(weights.filter((w) => w !== 'escalationWeight' && w !== 'escalationCap').map((w) => [w, t.exposeFloat(w)])),
    escalationWeight: t.float({ description: '督办扣分系数 Multiplies the points of each escalation (a rubric from before the ladder reads 1).', resolve: (r) => escalationTerms(r).weight }),
    escalationCap: t.float({ description: '督办扣分上限 Cap of the escalation deductions.', resolve: (r) => escalationTerms(r).cap }),
    scoredBodyKinds: t.stringList({ description: '计分的单位类别 Kinds of body scored (department, district, regulator, external).', resolve: (r) => scoredPopulation(r).kinds }),
    excludedBodies: t.stringList({ description: '不计分的单位 Body ids never scored.', resolve: (r) => scoredPopulation(r).excluded }),
  }),
});

builder.prismaObject('RubricVersion', {
  description: '评分规则版本 A rubric version; never changed once written.',
  fields: (t) => ({
    version: t.exposeString('version'),
    rubric: t.field({ type: RubricRef, resolve: (r) => JSON.parse(r.rubric) as Rubric }),
    note: t.exposeString('note', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    createdBy: t.exposeString('createdBy'),
  }),
});

type Sources = ScoredRecord['sources'];
type DeductionView = Deduction & { sources: Sources };
type CriterionView = Omit<CriterionResult, 'deductions'> & { deductions: DeductionView[] };
interface EvidenceEvent { at: Date; type: string; actorName: string; comment: string | null; what: string }

const Evidence = builder.objectRef<EvidenceEvent>('DeductionEvent').implement({
  description: '扣分所依据的事件 An event behind a deduction.',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime' }),
    type: t.exposeString('type'),
    actorName: t.exposeString('actorName'),
    comment: t.exposeString('comment', { nullable: true }),
    what: t.exposeString('what', { description: 'The assignment, report or filing the event belongs to.' }),
  }),
});

/** The events of the assignment, unit report or body filing a deduction is about (an escalation's: its assignment's, up to the escalation). */
async function evidence(ctx: Context, d: DeductionView): Promise<EvidenceEvent[]> {
  const source = d.source === 'report' ? d.sources.report : d.source === 'catalogue' ? d.sources.catalogue : d.source;
  if (!source) return [];
  const escalation = await ctx.prisma.taskEvent.findFirst({ where: { id: source, type: 'escalated' }, select: { taskId: true, bodyName: true, seq: true } });
  if (escalation) {
    const events = await ctx.prisma.taskEvent.findMany({ where: { taskId: escalation.taskId, bodyName: escalation.bodyName, seq: { lte: escalation.seq } }, orderBy: { seq: 'asc' } });
    return events.map((e) => ({ ...e, what: `${escalation.taskId}/${escalation.bodyName}` }));
  }
  const assignment = await ctx.prisma.assignment.findUnique({ where: { id: source }, select: { taskId: true, bodyName: true } });
  const events = assignment
    ? await ctx.prisma.taskEvent.findMany({ where: { taskId: assignment.taskId, bodyName: assignment.bodyName }, orderBy: { seq: 'asc' } })
    : await ctx.prisma.roundEvent.findMany({ where: { unitId: source }, orderBy: { seq: 'asc' } });
  return events.map((e) => ({ ...e, what: source }));
}

const DeductionRef = builder.objectRef<DeductionView>('Deduction').implement({
  fields: (t) => ({
    source: t.exposeString('source', { description: 'An assignment id, a unit report or body filing id ("report" or "catalogue" on older sheets), or an escalation\'s task event id.' }),
    detail: t.exposeString('detail'),
    points: t.exposeFloat('points'),
    withdrawn: t.boolean({ description: '申诉后已核减（不计分） Withdrawn on appeal: shown, not counted.', resolve: (d) => d.withdrawn ?? false }),
    events: t.field({ type: [Evidence], description: '依据 The recorded events behind it.', resolve: (d, _args, ctx) => evidence(ctx, d) }),
  }),
});

const CriterionRef = builder.objectRef<CriterionView>('ScoreCriterion').implement({
  description: '评分项 One criterion of a score: points (≤ 0), whether capped, and each deduction.',
  fields: (t) => ({
    criterion: t.exposeString('criterion'),
    label: t.exposeString('label'),
    points: t.exposeFloat('points'),
    capped: t.exposeBoolean('capped'),
    deductions: t.field({ type: [DeductionRef], resolve: (c) => c.deductions }),
  }),
});

type StoredRecord = BodyRecord & { sources: Sources };

const ScoredDeliverable = builder.objectRef<Deliverable>('ScoredDeliverable').implement({
  description: '轮次中的报送：专题报告或监管目录 A round\'s deliverable as scored: submitted after due is late (逾期报送), none is missing (未报送).',
  fields: (t) => ({
    unitId: t.string({ nullable: true, description: 'The unit report or body filing.', resolve: (d) => d.id ?? null }),
    round: t.string({ nullable: true, description: 'The filing round\'s title.', resolve: (d) => d.round ?? null }),
    due: t.field({ type: 'DateTime', resolve: (d) => new Date(d.due) }),
    submittedAt: t.field({ type: 'DateTime', nullable: true, resolve: (d) => (d.submittedAt ? new Date(d.submittedAt) : null) }),
  }),
});

const ScoredAssignmentRef = builder.objectRef<ScoredAssignment>('ScoredAssignment').implement({
  description: '计分的分工 An assignment as scored.',
  fields: (t) => ({
    assignmentId: t.exposeString('id'),
    taskRef: t.exposeString('taskRef'),
    role: t.field({ type: AssignmentRole, resolve: (a) => a.role }),
    due: t.field({ type: 'DateTime', resolve: (a) => new Date(a.due) }),
    submittedAt: t.field({ type: 'DateTime', nullable: true, resolve: (a) => (a.submittedAt ? new Date(a.submittedAt) : null) }),
    returnCount: t.exposeInt('returnCount'),
  }),
});

const ScoredRecordRef = builder.objectRef<StoredRecord>('ScoredRecord').implement({
  description: '计分所依据的记录 What a score was computed from: the body\'s assignments due that year, its report and its catalogue filing.',
  fields: (t) => ({
    year: t.exposeInt('year'),
    assignments: t.field({ type: [ScoredAssignmentRef], resolve: (r) => r.assignments }),
    report: t.field({ type: ScoredDeliverable, nullable: true, resolve: (r) => r.report }),
    reportId: t.string({ nullable: true, description: 'The unit report scored.', resolve: (r) => r.sources.report }),
    catalogues: t.field({
      type: [ScoredDeliverable],
      description: '当年截止的各备案轮次 The filing in every round whose deadline falls in the year.',
      resolve: (r) => r.catalogues ?? (r.catalogue ? [r.catalogue] : []),
    }),
    catalogue: t.field({ type: ScoredDeliverable, nullable: true, deprecationReason: 'Use catalogues.', resolve: (r) => r.catalogues?.at(-1) ?? r.catalogue ?? null }),
    catalogueId: t.string({ nullable: true, deprecationReason: 'Use catalogues.', resolve: (r) => r.sources.catalogue }),
  }),
});

builder.prismaObject('BodyScore', {
  description: '单位得分 A body\'s score on a sheet, with its breakdown and the record it came from.',
  fields: (t) => ({
    bodyId: t.exposeString('bodyId'),
    bodyName: t.exposeString('bodyName'),
    score: t.exposeFloat('score'),
    breakdown: t.field({
      type: [CriterionRef],
      resolve: (s) => {
        const { sources } = JSON.parse(s.record) as StoredRecord;
        return (JSON.parse(s.breakdown) as CriterionResult[]).map((c) => ({ ...c, deductions: c.deductions.map((d) => ({ ...d, sources })) }));
      },
    }),
    rank: t.int({
      description: '名次，并列同名次（1, 1, 3） Rank on the sheet, standard competition ranking: ties share a rank and the next rank skips.',
      select: { sheet: { select: { scores: { select: { score: true } } } } },
      resolve: (s) => competitionRank(s.score, s.sheet.scores.map((o) => o.score)),
    }),
    scoredRecord: t.field({ type: ScoredRecordRef, description: '计分所依据的记录 The record the score was computed from.', resolve: (s) => JSON.parse(s.record) as StoredRecord }),
    record: t.string({ description: 'JSON: the record the score was computed from.', deprecationReason: 'Use scoredRecord.', resolve: (s) => s.record }),
    reproduces: t.boolean({
      description: '用所存记录和规则重算得到同一分数 Recomputing from the stored record and rubric (less the lines withdrawn on appeal) gives the same score.',
      select: { sheet: { select: { rubric: true, asOf: true } } },
      resolve: (s) => scoreBody(JSON.parse(s.record) as BodyRecord, JSON.parse(s.sheet.rubric) as Rubric, s.sheet.asOf.getTime(), JSON.parse(s.withdrawn) as WithdrawnLine[]).score === s.score,
    }),
  }),
});

const SheetStatusEnum = builder.enumType('ScoreSheetStatus', {
  values: {
    draft: { description: '草稿 Computed, not reviewed' },
    reviewed: { description: '已审核 Reviewed' },
    announced: { description: '公示中 Shown to the units, who may appeal its lines' },
    published: { description: '已发布（冻结） Published and frozen' },
    superseded: { description: '已被新版本取代 Superseded by a later computation' },
  } as const,
});

export const mayReadAll = (ctx: Context) => ctx.actor?.role === 'performance' || ctx.actor?.role === 'supervisor';

export const ScoreSheetNode = builder.prismaNode('ScoreSheet', {
  id: { field: 'id' },
  authScopes: (s, ctx) => mayReadAll(ctx) || (ctx.actor?.role === 'department' && (s.publishedAt !== null || s.announcedAt !== null)),
  description: '年度评分表 A computation of a year\'s scores; published versions are frozen, a change is a new version.',
  fields: (t) => ({
    year: t.exposeInt('year'),
    version: t.exposeInt('version'),
    status: t.field({ type: SheetStatusEnum, resolve: (s) => s.status as SheetStatus }),
    rubricVersion: t.exposeString('rubricVersion'),
    rubric: t.field({ type: RubricRef, resolve: (s) => JSON.parse(s.rubric) as Rubric }),
    asOf: t.expose('asOf', { type: 'DateTime', description: 'The instant the record was scored as of.' }),
    computedAt: t.expose('computedAt', { type: 'DateTime' }),
    computedBy: t.exposeString('computedBy'),
    reviewedAt: t.expose('reviewedAt', { type: 'DateTime', nullable: true }),
    reviewedBy: t.exposeString('reviewedBy', { nullable: true }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
    publishedBy: t.exposeString('publishedBy', { nullable: true }),
    announcedAt: t.expose('announcedAt', { type: 'DateTime', nullable: true, description: '公示时间 When this version was shown to the units.' }),
    scores: t.relation('scores', {
      description: '得分，高分在前（承办单位只看到本单位） Scores, highest first (a department sees its own).',
      query: (_args, ctx) => ({ where: mayReadAll(ctx) ? {} : { bodyId: ctx.actor?.bodyId ?? '' }, orderBy: [{ score: 'desc' }, { bodyId: 'asc' }] }),
    }),
    exportUrl: t.string({ resolve: (s) => `/exports/scores/${encodeURIComponent(s.id)}.xlsx` }),
  }),
});

builder.queryField('rubricVersions', (t) =>
  t.prismaField({
    type: ['RubricVersion'],
    description: '评分规则各版本，最新在前 Every rubric version, newest first (the default is written on first use).',
    authScopes: { signedIn: true },
    resolve: async (query, _root, _args, ctx) => {
      await rubricVersion(ctx.prisma, defaultRubric.version);
      return ctx.prisma.rubricVersion.findMany({ ...selection(query), orderBy: { createdAt: 'desc' } });
    },
  }),
);

builder.queryField('scoreSheets', (t) =>
  t.prismaField({
    type: ['ScoreSheet'],
    description: '评分表，最新在前；承办单位只看到公示过和已发布的 Score sheets, newest first; departments see announced and published ones only.',
    authScopes: { signedIn: true },
    args: { year: t.arg.int() },
    resolve: (query, _root, { year }, ctx) =>
      ctx.prisma.scoreSheet.findMany({
        ...query,
        where: { ...(year ? { year } : {}), ...(mayReadAll(ctx) ? {} : { OR: [{ publishedAt: { not: null } }, { announcedAt: { not: null } }] }) },
        orderBy: [{ year: 'desc' }, { version: 'desc' }],
      }),
  }),
);

const RubricInput = builder.inputType('RubricInput', {
  description: '新的评分规则版本 A new rubric version: every weight at least 0, supportWeight at most 1; who is scored is optional (default: departments and districts, the performance office excluded).',
  fields: (t) => ({
    version: t.string({ required: true }),
    note: t.string(),
    base: t.float({ required: true }),
    perOverdueAssignment: t.float({ required: true }),
    overdueAssignmentCap: t.float({ required: true }),
    perOverdueDay: t.float({ required: true }),
    overdueDayCap: t.float({ required: true }),
    perReturn: t.float({ required: true }),
    returnCap: t.float({ required: true }),
    reportMissing: t.float({ required: true }),
    reportLate: t.float({ required: true }),
    catalogueMissing: t.float({ required: true }),
    catalogueLate: t.float({ required: true }),
    supportWeight: t.float({ required: true }),
    escalationWeight: t.float({ description: '督办扣分系数 Multiplies each escalation\'s points; default 1.' }),
    escalationCap: t.float({ description: '督办扣分上限 Cap of the escalation deductions; default 10.' }),
    scoredBodyKinds: t.stringList({ description: 'department | district | regulator | external; default department, district.' }),
    excludedBodies: t.stringList({ description: 'Body ids never scored; default performance-office.' }),
  }),
});

builder.mutationField('createRubricVersion', (t) =>
  t.prismaField({
    type: 'RubricVersion',
    description: '绩效办编辑评分规则（保存为新版本） The performance office edits the rubric: a new version, the old ones kept.',
    authScopes: { performance: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: RubricInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const { note, scoredBodyKinds, excludedBodies, escalationWeight, escalationCap, ...weightsGiven } = input;
      const rubric: Rubric = {
        ...weightsGiven, version: input.version.trim(),
        escalationWeight: escalationWeight ?? defaultRubric.escalationWeight!, escalationCap: escalationCap ?? defaultRubric.escalationCap!,
        scoredBodyKinds: scoredBodyKinds ?? defaultRubric.scoredBodyKinds!, excludedBodies: (excludedBodies ?? defaultRubric.excludedBodies!).map((id) => id.trim()),
      };
      const problems = rubricProblems(rubric);
      if (rubric.version.length > 50) problems.push('版本号不超过 50 字 The version has at most 50 characters.');
      if (problems.length) throw new ValidationError(problems.join(' '));
      if (rubric.version === defaultRubric.version || (await ctx.prisma.rubricVersion.findUnique({ where: { version: rubric.version } }))) {
        throw new ValidationError(`版本"${rubric.version}"已存在，请另起版本号。 Version "${rubric.version}" exists: choose a new one.`);
      }
      return ctx.prisma.rubricVersion.create({
        ...selection(query),
        data: { version: rubric.version, rubric: JSON.stringify(rubric), note: note?.slice(0, 500) ?? null, createdAt: new Date(), createdBy: ctx.actor!.name },
      });
    },
  }),
);

builder.mutationField('computeScores', (t) =>
  t.prismaField({
    type: 'ScoreSheet',
    description: '按评分规则计算某年度全部单位得分（新草稿版本） Scores every body for a year into a new draft version.',
    authScopes: { performance: true },
    errors: { types: mutationErrors },
    args: { year: t.arg.int({ required: true }), rubricVersion: t.arg.string({ description: 'Default: the latest version.' }) },
    resolve: async (query, _root, args, ctx) => {
      if (!Number.isInteger(args.year) || args.year < 2015 || args.year > new Date().getUTCFullYear() + 1) throw new ValidationError('年度无效 The year must be between 2015 and next year.');
      const rubric = await rubricVersion(ctx.prisma, args.rubricVersion ?? null);
      if (!rubric) throw new NotFoundError(`评分规则版本"${args.rubricVersion}"不存在 No such rubric version.`);
      const sheet = await computeScoreSheet(ctx.prisma, args.year, rubric, ctx.actor!.name);
      return ctx.prisma.scoreSheet.findUniqueOrThrow({ ...selection(query), where: { id: sheet.id } });
    },
  }),
);

builder.mutationField('reviewScoreSheet', (t) =>
  t.prismaField({
    type: 'ScoreSheet',
    description: '审核评分表 Marks a draft sheet reviewed.',
    authScopes: { performance: true },
    errors: { types: mutationErrors },
    args: { id: t.arg.globalID({ for: ScoreSheetNode, required: true }) },
    resolve: async (query, _root, { id }, ctx) => {
      const sheet = await ctx.prisma.scoreSheet.findUnique({ where: { id: id.id } });
      if (!sheet) throw new NotFoundError('评分表不存在 No such score sheet.');
      const problem = sheetActionProblem(sheet.status as SheetStatus, 'review');
      if (problem) {
        recordDenial(ctx.prisma, ctx.actor, `review score sheet ${sheet.id}`, problem);
        throw new ActionRefused(problem);
      }
      // Conditional on the status read, so two reviewers at once cannot both move it.
      const moved = await ctx.prisma.scoreSheet.updateMany({ where: { id: sheet.id, status: sheet.status }, data: { status: nextStatus('review'), reviewedAt: new Date(), reviewedBy: ctx.actor!.name } });
      if (moved.count === 0) throw new ActionRefused('评分表刚被他人修改，请刷新。 The sheet just changed: reload it.');
      return ctx.prisma.scoreSheet.findUniqueOrThrow({ ...selection(query), where: { id: sheet.id } });
    },
  }),
);

