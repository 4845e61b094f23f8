import { NoticeParseError } from '../../domain/plan/errors.ts';
import { type PlanWarning, warningCodes } from '../../domain/plan/types.ts';
import { commitPlan, type PlanDraft } from '../../services/plans/commit.ts';
import { NoticeInputError } from '../plans/read-notice.ts';
import { parseUntrusted } from '../plans/sandbox.ts';
import { loadRegistry } from '../../services/plans/registry.ts';
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

const DraftTask = builder.objectRef<Draft['tasks'][number]>('DraftTask').implement({
  fields: (t) => ({
    ref: t.exposeString('ref'),
    section: t.exposeString('section'),
    text: t.exposeString('text'),
    leads: t.exposeStringList('leads'),
    supports: t.exposeStringList('supports'),
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
    args: { file: t.arg({ type: 'File' }), text: t.arg.string() },
    resolve: async (_root, { file, text }, ctx) => {
      if (!file && !text) throw new ValidationError('请上传文件或粘贴文本。 Upload a file or paste the text.');
      try {
        const { sourceText: source, plan: parsed } = await parseUntrusted(
          file ? { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name } : { text: text! },
        );
        const registry = await loadRegistry(ctx.prisma);
        const names = [...new Set(parsed.tasks.flatMap((task) => [...task.leads, ...task.supports]))];
        const bodies = names.map((name): DraftBody => {
          const entry = registry.find(name);
          const match = !entry ? 'unknown' : entry.kind === 'placeholder' ? 'placeholder' : entry.kind === 'group' ? 'group' : 'known';
          return { name, match, bodyId: entry?.id ?? null, fullName: entry?.fullName ?? null };
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
    errors: { types: [ValidationError] },
    args: { draft: t.arg({ type: NoticeDraftInput, required: true }), timeline: t.arg({ type: Timeline, defaultValue: 'historic' }) },
    resolve: async (query, _root, { draft, timeline }, ctx) => {
      const plan: PlanDraft = {
        ...draft,
        issuer: draft.issuer ?? null,
        issuedOn: draft.issuedOn ?? null,
        basis: draft.basis ?? null,
        warnings: (draft.warnings ?? []).map((w) => ({ ...w, ref: w.ref ?? null, body: w.body ?? null, detail: w.detail ?? null })),
        reminderDays: draft.reminderDays ?? undefined,
        requirements: draft.requirements.map((r) => ({ ...r, due: r.due ?? null, recurrence: r.recurrence ?? null })),
        timeline: timeline ?? 'historic',
      };
      validateDraft(plan);
      const { planId } = await commitPlan({ prisma: ctx.prisma, temporal: ctx.temporal, taskQueue: ctx.taskQueue, dataDir: ctx.dataDir }, plan);
      return ctx.prisma.plan.findUniqueOrThrow({ ...selection(query), where: { id: planId } });
    },
  }),
);
