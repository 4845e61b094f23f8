import { NoticeParseError } from '../../domain/plan/errors.ts';
import { type PlanWarning, warningCodes } from '../../domain/plan/types.ts';
import { commitPlan, type PlanDraft } from '../../services/plans/commit.ts';
import { NoticeInputError } from '../plans/read-notice.ts';
import { parseUntrusted } from '../plans/sandbox.ts';
import { defaultRegistryId, loadRegistry } from '../../services/plans/registry.ts';
import { UnresolvedBodiesError, type DraftBodyResolution } from '../../services/plans/resolve-bodies.ts';
import { guessKind } from '../../domain/bodies/kinds.ts';
import type { BodyKind as Kind } from '../../domain/bodies/registry.ts';
import { Body, BodyKind, RegistryNode } from './bodies.ts';
import { ErrorInterface, NotFoundError } from './errors.ts';
import { validateDraft } from '../../services/plans/validate-draft.ts';
import { builder } from './builder.ts';
import { ValidationError } from './errors.ts';
import { Timeline } from './plans.ts';
import { selection } from './selection.ts';

type Draft = Omit<PlanDraft, 'timeline'>;
interface DraftBody {
  name: string;
  match: 'known' | 'group' | 'placeholder' | 'unknown';
  bodyId: string | null;
  fullName: string | null;
  suggestedKind: Kind;
}

const BodyMatch = builder.enumType('BodyMatch', {
  values: {
    known: { description: '已登记单位 A registered body' },
    group: { description: '单位群组 A group that stands for its members' },
    placeholder: { description: '待指定 To be designated by the supervising office' },
    unknown: { description: '未登记单位，请确认 Not in the registry: please confirm' },
  } as const,
});

const PlanWarningCode = builder.enumType('PlanWarningCode', {
  description: '解析提示的类别 What a parser warning is about.',
  values: warningCodes,
});

const PlanWarningRef = builder.objectRef<PlanWarning>('PlanWarning').implement({
  description: '解析提示 Something in the draft the parser asks a person to check.',
  fields: (t) => ({
    code: t.field({ type: PlanWarningCode, resolve: (w) => w.code }),
    message: t.exposeString('message', { description: 'Chinese, then English.' }),
    ref: t.exposeString('ref', { nullable: true, description: 'The task it is about (for a body, the first task naming it).' }),
    body: t.exposeString('body', { nullable: true, description: 'The body it is about, as written.' }),
    detail: t.exposeString('detail', { nullable: true, description: 'The words of the notice it is about: a deadline phrase, a requirement.' }),
  }),
});

builder.prismaObjectField('Plan', 'parseWarnings', (t) =>
  t.field({
    type: [PlanWarningRef],
    description: '解析提示（结构化，控制台按代码以本语言显示）；结构化之前导入的方案没有 The parser\'s warnings with their codes, for the console to word in its language; none for plans imported before warnings were structured (see warnings).',
    select: { warnings: true },
    resolve: (p) => (JSON.parse(p.warnings) as Array<string | PlanWarning>).filter((w): w is PlanWarning => typeof w !== 'string'),
  }),
);

const DraftTask = builder.objectRef<Draft['tasks'][number]>('DraftTask').implement({
  fields: (t) => ({
    ref: t.exposeString('ref'),
    section: t.exposeString('section'),
    text: t.exposeString('text'),
    leads: t.exposeStringList('leads'),
    supports: t.exposeStringList('supports'),
    due: t.string({ nullable: true, description: '任务自身期限 The task\'s own deadline (ISO 8601 instant), before any requirement\'s.', resolve: (task) => task.due ?? null }),
    recurrence: t.string({ nullable: true, description: '任务自身周期 The task\'s own recurrence (每月…).', resolve: (task) => task.recurrence ?? null }),
  }),
});

const DraftRequirement = builder.objectRef<Draft['requirements'][number]>('DraftRequirement').implement({
  fields: (t) => ({
    text: t.exposeString('text'),
    due: t.exposeString('due', { nullable: true, description: 'ISO 8601 instant (+08:00).' }),
    recurrence: t.exposeString('recurrence', { nullable: true }),
    appliesTo: t.exposeStringList('appliesTo'),
  }),
});

const DraftBodyRef = builder.objectRef<DraftBody>('DraftBody').implement({
  description: '草稿中出现的单位及其登记情况 A body named in the draft, and how it matched the registry.',
  fields: (t) => ({
    name: t.exposeString('name'),
    match: t.field({ type: BodyMatch, resolve: (b) => b.match }),
    bodyId: t.exposeString('bodyId', { nullable: true }),
    fullName: t.exposeString('fullName', { nullable: true }),
    suggestedKind: t.field({ type: BodyKind, description: '按名称推断的类别（登记时预选） The kind its words suggest, preselected when registering.', resolve: (b) => b.suggestedKind }),
  }),
});

const NoticeDraft = builder.objectRef<Draft & { bodies: DraftBody[] }>('NoticeDraft').implement({
  description: '解析草稿 A parsed notice to check and correct before committing.',
  fields: (t) => ({
    title: t.exposeString('title'),
    issuer: t.exposeString('issuer', { nullable: true }),
    issuedOn: t.exposeString('issuedOn', { nullable: true }),
    basis: t.exposeString('basis', { nullable: true }),
    sourceText: t.exposeString('sourceText'),
    warnings: t.field({ type: [PlanWarningRef], resolve: (d) => d.warnings }),
    tasks: t.field({ type: [DraftTask], resolve: (d) => d.tasks }),
    requirements: t.field({ type: [DraftRequirement], resolve: (d) => d.requirements }),
    bodies: t.field({ type: [DraftBodyRef], resolve: (d) => d.bodies }),
  }),
});

const DraftTaskInput = builder.inputType('DraftTaskInput', {
  fields: (t) => ({
    ref: t.string({ required: true }),
    section: t.string({ required: true }),
    text: t.string({ required: true }),
    leads: t.stringList({ required: true }),
    supports: t.stringList({ required: true }),
    due: t.string({ description: 'ISO 8601 instant: the task\'s own deadline for its leads.' }),
    recurrence: t.string(),
  }),
});

const DraftRequirementInput = builder.inputType('DraftRequirementInput', {
  fields: (t) => ({
    text: t.string({ required: true }),
    due: t.string(),
    recurrence: t.string(),
    appliesTo: t.stringList({ required: true }),
  }),
});

const PlanWarningInput = builder.inputType('PlanWarningInput', {
  fields: (t) => ({
    code: t.field({ type: PlanWarningCode, required: true }),
    message: t.string({ required: true }),
    ref: t.string(),
    body: t.string(),
    detail: t.string(),
  }),
});

const NoticeDraftInput = builder.inputType('NoticeDraftInput', {
  fields: (t) => ({
    title: t.string({ required: true }),
    issuer: t.string(),
    issuedOn: t.string(),
    basis: t.string(),
    sourceText: t.string({ required: true }),
    warnings: t.field({ type: [PlanWarningInput] }),
    tasks: t.field({ type: [DraftTaskInput], required: true }),
    requirements: t.field({ type: [DraftRequirementInput], required: true }),
    reminderDays: t.intList({ description: 'Days before a deadline that reminders go out (default 7 and 1).' }),
    paceMarginPoints: t.int({ description: '序时进度：进度落后于时间进度超过多少个百分点即亮黄灯（默认 20） Points of progress an assignment may fall behind the elapsed share of its time before it turns yellow (default 20).' }),
  }),
});

builder.mutationField('parseNotice', (t) =>
  t.field({
    type: NoticeDraft,
    description:
      '解析通知为草稿（不保存） Parses an uploaded notice (text, HTML, .docx, .doc, .xlsx or a PDF with text) or pasted text into a draft; ' +
      'stores nothing. Read off the request thread within limits (2 MB of text, 50 MB unpacked, 10 s, 256 MB).',
    authScopes: { supervisor: true },
    errors: { types: [ValidationError] },
    args: {
      file: t.arg({ type: 'File' }),
      text: t.arg.string(),
      registryId: t.arg.globalID({ for: RegistryNode, description: '按哪个登记册匹配单位（默认天津市） The registry names are matched in (default: Tianjin).' }),
    },
    resolve: async (_root, { file, text, registryId }, ctx) => {
      if (!file && !text) throw new ValidationError('请上传文件或粘贴文本。 Upload a file or paste the text.');
      try {
        const { sourceText: source, plan: parsed } = await parseUntrusted(
          file ? { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name } : { text: text! },
        );
        const registry = await loadRegistry(ctx.prisma, await knownRegistry(ctx.prisma, registryId?.id));
        const names = [...new Set(parsed.tasks.flatMap((task) => [...task.leads, ...task.supports]))];
        const bodies = names.map((name): DraftBody => {
          const entry = registry.find(name);
          const match = !entry ? 'unknown' : entry.kind === 'placeholder' ? 'placeholder' : entry.kind === 'group' ? 'group' : 'known';
          return { name, match, bodyId: entry?.id ?? null, fullName: entry?.fullName ?? null, suggestedKind: entry?.kind ?? guessKind(name) };
        });
        return { ...parsed, sourceText: source, bodies };
      } catch (error) {
        if (error instanceof NoticeInputError || error instanceof NoticeParseError) throw new ValidationError(error.message);
        throw error;
      }
    },
  }),
);

builder.mutationField('commitPlan', (t) =>
  t.prismaField({
    type: 'Plan',
    description: '提交草稿：保存方案并为每项任务启动督办流程 Stores the plan and starts one workflow per task; importing the same notice again changes nothing.',
    authScopes: { supervisor: true },
    errors: { types: [UnresolvedBodiesError, ValidationError, NotFoundError] },
    args: {
      draft: t.arg({ type: NoticeDraftInput, required: true }),
      timeline: t.arg({ type: Timeline, defaultValue: 'historic' }),
      registryId: t.arg.globalID({ for: RegistryNode, description: '发文政府的登记册（默认天津市） The issuing government\'s registry (default: Tianjin).' }),
      resolutions: t.arg({ type: [DraftBodyResolutionInput], description: '未登记单位的处理 How each name the registry does not know is settled.' }),
    },
    resolve: async (query, _root, { draft, timeline, registryId, resolutions }, ctx) => {
      const plan: PlanDraft = {
        ...draft,
        issuer: draft.issuer ?? null,
        issuedOn: draft.issuedOn ?? null,
        basis: draft.basis ?? null,
        warnings: (draft.warnings ?? []).map((w) => ({ ...w, ref: w.ref ?? null, body: w.body ?? null, detail: w.detail ?? null })),
        reminderDays: draft.reminderDays ?? undefined,
        paceMarginPoints: draft.paceMarginPoints ?? undefined,
        tasks: draft.tasks.map((task) => ({ ...task, due: task.due ?? null, recurrence: task.recurrence ?? null })),
        requirements: draft.requirements.map((r) => ({ ...r, due: r.due ?? null, recurrence: r.recurrence ?? null })),
        timeline: timeline ?? 'historic',
        registryId: await knownRegistry(ctx.prisma, registryId?.id),
        resolutions: (resolutions ?? []).map(toResolution),
      };
      validateDraft(plan);
      const { planId } = await commitPlan({ prisma: ctx.prisma, temporal: ctx.temporal, taskQueue: ctx.taskQueue, dataDir: ctx.dataDir }, plan);
      return ctx.prisma.plan.findUniqueOrThrow({ ...selection(query), where: { id: planId } });
    },
  }),
);

/** The registry asked for, or the default; an unknown one is refused. */
async function knownRegistry(prisma: Parameters<typeof loadRegistry>[0], id: string | undefined): Promise<string> {
  if (!id) return defaultRegistryId;
  if (!(await prisma.registry.findUnique({ where: { id } }))) throw new NotFoundError('登记册不存在。 No such registry.');
  return id;
}

builder.objectType(UnresolvedBodiesError, {
  name: 'UnresolvedBodiesError',
  description: '草稿中有未登记且未处理的单位 The draft names bodies the registry does not know, and no resolution settles them.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ names: t.exposeStringList('names', { description: 'The names as the draft writes them.' }) }),
});

const ResolutionAction = builder.enumType('DraftBodyResolutionAction', {
  values: {
    map: { description: '对应到已登记单位（名称记为其别名） Map to a registered body (the name becomes its alias)' },
    register: { description: '登记为新单位 Register it as a new body' },
    placeholder: { description: '保留为待指定 Keep it as a placeholder to designate later' },
  } as const,
});

const DraftBodyResolutionInput = builder.inputType('DraftBodyResolutionInput', {
  description: '一个未登记单位的处理 How one name the registry does not know is settled.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'The name as the draft writes it.' }),
    action: t.field({ type: ResolutionAction, required: true }),
    bodyId: t.globalID({ for: Body, description: 'For map: the registered body.' }),
    kind: t.field({ type: BodyKind, description: 'For register: its kind (default: what its words suggest).' }),
    fullName: t.string({ description: 'For register: its full name.' }),
  }),
});

function toResolution(input: typeof DraftBodyResolutionInput.$inferInput): DraftBodyResolution {
  if (input.action === 'map') {
    if (!input.bodyId) throw new ValidationError(`请选择"${input.name}"对应的单位。 Choose the body "${input.name}" stands for.`);
    return { name: input.name, mapTo: input.bodyId.id };
  }
  if (input.action === 'placeholder') return { name: input.name, placeholder: true };
  return { name: input.name, register: { kind: input.kind ?? guessKind(input.name), fullName: input.fullName } };
}
