import type { CreditClass, RecordKind } from '../credit/classes.ts';
import { appendEvent, type CaseEvent, type CaseRequest } from '../credit/cases.ts';
import { recount, retimeCase, type RunningLimit } from '../credit/retime.ts';
import { systemActor, type Actor } from '../supervision/types.ts';
import { ActionRefused, forbid, passes, refuse } from '../errors.ts';
import { requireText } from '../limits.ts';
import { isProvisional, nthWorkingDayEnd, type WorkingDayCalendar, type WorkingDayTimes } from '../time/calendar.ts';
import { sampleSize, type DrawResult } from './draw.ts';

/** Who is drawn from: entities rated 良好, optionally only some districts or industries. */
export interface PopulationFilter {
  districts: string[];
  industries: string[];
}

export interface PopulationEntity {
  code: string;
  creditClass: CreditClass;
  district: string;
  industry: string;
}

/** Only entities rated good are drawn (task 3.2). */
export const populationClass: CreditClass = 'good';

/** Who a round draws from: entities of the population class, narrowed by the round's filter. */
export function inPopulation(e: PopulationEntity, filter: PopulationFilter): boolean {
  return e.creditClass === populationClass
    && (filter.districts.length === 0 || filter.districts.includes(e.district))
    && (filter.industries.length === 0 || filter.industries.includes(e.industry));
}

/** A ratio of the population or a fixed number of entities. */
export type SampleRule = { ratio: number } | { size: number };

export const sampleCount = (rule: SampleRule, population: number) =>
  'ratio' in rule ? sampleSize(population, rule.ratio) : Math.min(rule.size, population);

/** One item of the shared checklist (一表共用): every body inspects against the same list. */
export interface ChecklistItem {
  id: string;
  text: string;
}

/** A body joining the round, and the industries in its remit (none listed: every industry). */
export interface JoiningBody {
  bodyId: string;
  industries: string[];
}

export interface RoundPlan {
  roundId: string;
  title: string;
  /** The round's published date (YYYY-MM-DD), part of the seed. */
  date: string;
  filter: PopulationFilter;
  sample: SampleRule;
  checklist: ChecklistItem[];
  bodies: JoiningBody[];
  inspectorsPerBody: number;
}

/** Everything wrong with a round's plan, before anything is drawn. */
export function roundPlanProblems(plan: RoundPlan): string[] {
  const problems: string[] = [];
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(plan.roundId)) problems.push('抽查批次编号只能含字母、数字、-、_ 和 .。 The round ID may contain letters, digits, -, _ and . only.');
  if (!plan.title.trim()) problems.push('请填写抽查批次名称。 Give the round a title.');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(plan.date) || Number.isNaN(Date.parse(plan.date))) problems.push('日期应为 YYYY-MM-DD。 The date must be YYYY-MM-DD.');
  if ('ratio' in plan.sample ? !(plan.sample.ratio > 0 && plan.sample.ratio <= 1) : !(Number.isInteger(plan.sample.size) && plan.sample.size > 0)) {
    problems.push('抽查比例应在 0 到 1 之间，或抽查数量为正整数。 The sample is a ratio in (0, 1] or a positive whole number.');
  }
  if (plan.checklist.length === 0) problems.push('请给出共用检查表。 Give the shared checklist.');
  const ids = plan.checklist.map((i) => i.id);
  if (new Set(ids).size !== ids.length) problems.push('检查表事项编号重复。 Checklist item IDs repeat.');
  if (plan.checklist.some((i) => !i.id.trim() || !i.text.trim())) problems.push('检查表事项须有编号和内容。 Every checklist item needs an ID and a text.');
  if (plan.bodies.length === 0) problems.push('至少需要一个参加单位。 At least one body must join.');
  if (new Set(plan.bodies.map((b) => b.bodyId)).size !== plan.bodies.length) problems.push('参加单位重复。 A body joins twice.');
  if (!(Number.isInteger(plan.inspectorsPerBody) && plan.inspectorsPerBody >= 2)) problems.push('每个单位至少派 2 名执法人员。 Each body sends at least 2 inspectors.');
  return problems;
}

/** Does this joining body's remit cover an entity of that industry? */
export const coversIndustry = (bodies: JoiningBody[], industryOf: (code: string) => string) => (code: string, bodyId: string) => {
  const body = bodies.find((b) => b.bodyId === bodyId);
  return !!body && (body.industries.length === 0 || body.industries.includes(industryOf(code)));
};

export type Outcome = 'pass' | 'fail' | 'notApplicable';

/** A finding that becomes a credit record when the result is published. */
export interface Finding {
  kind: RecordKind;
  amountYuan?: number;
  description: string;
}

export interface InspectionResult {
  entityCode: string;
  answers: Array<{ itemId: string; outcome: Outcome; note: string }>;
  inspectorIds: string[];
  finding: Finding | null;
  recordedAt: number;
  recordedBy: string;
  /** Published within 20 working days of recording. */
  publishBy: number;
  publishedAt: number | null;
  overdue: boolean;
}

export interface RoundLimits {
  publicationWorkingDays: number;
}

export const defaultRoundLimits: RoundLimits = { publicationWorkingDays: 20 };

/**
 * announced: the population is frozen and published with its hash and the
 * public random value (beacon) to come; drawing: the beacon is in and the draw
 * under way (rounds opened before announcements drew at once from here).
 */
export type RoundStatus = 'announced' | 'drawing' | 'inspecting' | 'completed' | 'cancelled';

/** What an announcement publishes before the beacon's value exists. */
export interface Announcement {
  /** Where the public random value will come from (e.g. a future drand round, a lottery draw). */
  beaconSource: string;
  announcedAt: number;
  populationHash: string;
  populationSize: number;
}

export interface RoundState {
  plan: RoundPlan;
  status: RoundStatus;
  /** Null for rounds opened before announcements. */
  announcement: Announcement | null;
  /** The beacon's value once entered (kept when the draw fails). */
  beacon: string | null;
  draw: (DrawResult & { populationSize: number; drawnAt: number }) | null;
  /** Body of every drawn inspector, to check who may record for whom. */
  inspectorBodies: Record<string, string>;
  results: Record<string, InspectionResult>;
  limits: RoundLimits;
  calendar: WorkingDayCalendar;
  /** From when the calendar's days are provisional (weekends only): see WorkingDayTimes. */
  provisionalFrom: number | null;
  events: CaseEvent[];
}

/** A round's draw: the sample and inspectors, with the published data it came from. */
export type RoundDraw = NonNullable<RoundState['draw']>;

/** What a round workflow projects: its state without calendar and timeline. */
export type RoundSnapshot = Omit<RoundState, 'calendar' | 'events'> & { seq: number; createdAt: string };

export type RoundAction =
  | { type: 'record'; entityCode: string; inspectorIds: string[]; answers: Array<{ itemId: string; outcome: Outcome; note?: string }>; finding?: Finding | null }
  | { type: 'publish'; entityCodes: string[] }
  | { type: 'cancel'; reasons: string };

export type RoundRequest = CaseRequest<RoundAction>;

/** The supervising office enters the public random value the announcement named, and the round is drawn. */
export type DrawRequest = CaseRequest<{ type: 'draw'; beacon: string }>;

export function newRound(
  plan: RoundPlan, limits: RoundLimits, calendar: WorkingDayCalendar, createdBy: { accountId: string | null; name: string }, at: number, provisionalFrom: number | null = null,
): RoundState {
  const problems = roundPlanProblems(plan);
  if (problems.length) throw new Error(problems.join('\n'));
  const state: RoundState = { plan, status: 'drawing', announcement: null, beacon: null, draw: null, inspectorBodies: {}, results: {}, limits, calendar, provisionalFrom, events: [] };
  appendEvent(state.events, 'created', at, createdBy, null, { date: plan.date, sample: plan.sample, filter: plan.filter });
  return state;
}

const printable = /^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+$/u;

/** What is wrong with a beacon source as the office states it, or null. */
export function beaconSourceProblem(source: string): string | null {
  const text = source.trim();
  if (!text) return '请写明将采用的公开随机数来源（如 drand 第 N 轮、某期彩票开奖号码）。 Name the public randomness to be used (e.g. a future drand round, a lottery draw).';
  if (text.length > 500 || !printable.test(text)) return '随机数来源应为一行文字，最多 500 字。 The beacon source is one line of at most 500 characters.';
  return null;
}

/** What is wrong with a beacon value as entered (it becomes part of the seed exactly as trimmed), or null. */
export function beaconProblem(beacon: string): string | null {
  const text = beacon.trim();
  if (!text) return '请填写公开随机数的值。 Enter the public random value.';
  if (text.length > 256 || !printable.test(text)) return '随机数应为一行文字，最多 256 字。 The beacon is one line of at most 256 characters.';
  return null;
}

/** The population is frozen: the round publishes its hash and the beacon to come. */
export function announceRound(state: RoundState, announcement: Announcement, at: number): CaseEvent {
  state.announcement = announcement;
  state.status = 'announced';
  const { beaconSource, populationHash, populationSize } = announcement;
  return appendEvent(state.events, 'announced', at, systemActor, beaconSource, { beaconSource, populationHash, populationSize });
}

/** The draw update's validator: only the supervising office, once, on an announced round, with a well-formed beacon. */
export function validateDraw(state: RoundState, { actor, action: { beacon } }: DrawRequest): void {
  checkDrawTaking(state, actor);
  const problem = beaconProblem(beacon);
  if (problem) throw new ActionRefused(problem);
}

/** The draw is under way (set before the draw activity runs, so a second draw is refused meanwhile). */
export function startDraw(state: RoundState, beacon: string): void {
  state.status = 'drawing';
  state.beacon = beacon;
}

/** Takes the draw (made from the round's published data) into the round. */
export function applyDraw(state: RoundState, draw: NonNullable<RoundState['draw']>, inspectorBodies: Record<string, string>): CaseEvent {
  state.draw = draw;
  state.inspectorBodies = inspectorBodies;
  state.status = draw.entities.length === 0 ? 'completed' : 'inspecting';
  return appendEvent(state.events, 'drawn', draw.drawnAt, systemActor, null, {
    ...(draw.beacon != null ? { beacon: draw.beacon } : {}), seed: draw.seed, populationHash: draw.populationHash, populationSize: draw.populationSize, sampled: draw.entities.length,
  });
}

/** A draw the rules cannot make (too few inspectors free of conflicts): the round ends with the reason. */
export function failDraw(state: RoundState, reason: string, at: number): CaseEvent {
  state.status = 'cancelled';
  return appendEvent(state.events, 'drawFailed', at, systemActor, reason);
}

const findingKinds: RecordKind[] = ['penalty', 'abnormal', 'seriousViolation', 'refusedInspection'];

/** May this actor enter the beacon and draw now? Throws the reason; the draw's validator and `availableRoundActions` ask the same. */
export function checkDrawTaking(facts: Pick<RoundFacts, 'status'>, actor: Actor): void {
  if (actor.role !== 'supervisor') refuse('只有督办部门可以录入随机数并抽取。', 'Only the supervising office enters the beacon and draws.');
  if (facts.status !== 'announced') refuse('该批次不在待抽取状态。', 'This round is not waiting for its beacon.');
}

export type RoundActionType = RoundAction['type'];
/** What a viewer may do to a round: its actions, and the draw (an update of its own). */
export type RoundStep = RoundActionType | 'draw';
const roundSteps: readonly RoundStep[] = ['draw', 'record', 'publish', 'cancel'];

/** One drawn entity as the rule sees it: whether its result is recorded and published, and whose inspectors were drawn for it. */
export interface DrawnEntityFacts {
  recorded: boolean;
  published: boolean;
  inspectorBodyIds: string[];
}

/** What the rule needs to know of a round; the read model carries the same facts. */
export interface RoundFacts {
  status: RoundStatus;
  drawn: boolean;
  entities: DrawnEntityFacts[];
}

export const entityFacts = (state: RoundState, code: string): DrawnEntityFacts => {
  const result = state.results[code];
  return {
    recorded: !!result, published: !!result && result.publishedAt !== null,
    inspectorBodyIds: (state.draw?.inspectors[code] ?? []).flatMap((id) => state.inspectorBodies[id] ?? []),
  };
};

export const roundFacts = (state: RoundState): RoundFacts => ({
  status: state.status, drawn: state.draw !== null, entities: (state.draw?.entities ?? []).map((code) => entityFacts(state, code)),
});

/**
 * May this actor take this kind of action on the round now? Throws the reason;
 * the Update validator and `availableRoundActions` ask the same question.
 */
export function checkRoundTaking(facts: RoundFacts, actor: Actor, type: RoundActionType): void {
  if (facts.status === 'completed' || facts.status === 'cancelled') refuse('该抽查批次已结束。', 'This inspection round is over.');
  if (type === 'cancel') {
    if (actor.role !== 'supervisor') forbid('只有督办部门可以取消抽查。', 'Only the supervising office cancels a round.');
    if (facts.status === 'drawing') refuse('正在抽取，请稍后再试。', 'The draw is under way: try again in a moment.');
    if (facts.entities.some((e) => e.recorded)) refuse('已有检查结果，不能取消。', 'Results are recorded: the round can no longer be cancelled.');
    return;
  }
  if (facts.status !== 'inspecting' || !facts.drawn) refuse('尚未完成抽取。', 'The sample has not been drawn yet.');
  if (type === 'publish') {
    if (actor.role !== 'supervisor') forbid('只有督办部门可以公示检查结果。', 'Only the supervising office publishes results.');
    if (!facts.entities.some((e) => e.recorded && !e.published)) refuse('没有待公示的检查结果。', 'No result awaits publication.');
    return;
  }
  if (actor.role !== 'department' && actor.role !== 'supervisor') forbid('无权记录检查结果。', 'You may not record inspection results.');
}

/** May this actor record the result for one drawn entity? A department only where its own inspectors were drawn. */
export function checkRecordTaking(entity: DrawnEntityFacts, actor: Actor): void {
  if (entity.recorded) refuse('该主体的检查结果已记录。', 'The result for this entity is already recorded.');
  if (actor.role === 'department' && !entity.inspectorBodyIds.includes(actor.bodyId ?? '')) {
    forbid('只能记录本单位执法人员参加的检查。', "You may record only inspections your own body's inspectors took part in.");
  }
}

/** Every kind of action this actor may take on the round now, by the validator's own rule (record: for some drawn entity). */
export const availableRoundActions = (facts: RoundFacts, actor: Actor): RoundStep[] =>
  roundSteps.filter((type) =>
    type === 'draw' ? passes(() => checkDrawTaking(facts, actor))
      : type === 'record' ? facts.entities.some((e) => mayRecordResult(facts, e, actor)) : passes(() => checkRoundTaking(facts, actor, type)));

/** Whether this actor may record the entity's result now: the round's rule, then the entity's. */
export const mayRecordResult = (facts: RoundFacts, entity: DrawnEntityFacts, actor: Actor): boolean =>
  passes(() => {
    checkRoundTaking(facts, actor, 'record');
    checkRecordTaking(entity, actor);
  });

export function validateRoundAction(state: RoundState, { actor, action }: RoundRequest): void {
  checkRoundTaking(roundFacts(state), actor, action.type);
  if (action.type === 'cancel') {
    requireText(action.reasons, '取消理由', 'reasons for cancelling');
    return;
  }
  const draw = state.draw!;
  if (action.type === 'publish') {
    if (action.entityCodes.length === 0) refuse('请选择要公示的结果。', 'Choose the results to publish.');
    for (const code of action.entityCodes) {
      const result = state.results[code];
      if (!result) refuse(`${code} 尚无检查结果。`, `${code} has no result yet.`);
      if (result.publishedAt !== null) refuse(`${code} 的结果已公示。`, `The result for ${code} is already published.`);
    }
    return;
  }
  const assigned = draw.inspectors[action.entityCode];
  if (!assigned) refuse(`${action.entityCode} 不在本批次抽中的主体中。`, `${action.entityCode} was not drawn in this round.`);
  checkRecordTaking(entityFacts(state, action.entityCode), actor);
  const signers = new Set(action.inspectorIds);
  if (signers.size < 2) refuse('检查结果须由至少 2 名执法人员签署。', 'At least 2 inspectors sign a result.');
  for (const id of signers) if (!assigned.includes(id)) refuse(`${id} 未被抽派检查该主体。`, `${id} was not drawn to inspect this entity.`);
  if (actor.role === 'department' && ![...signers].some((id) => state.inspectorBodies[id] === actor.bodyId)) {
    forbid('只能记录本单位执法人员参加的检查。', "You may record only inspections your own body's inspectors took part in.");
  }
  const items = new Map(state.plan.checklist.map((i) => [i.id, i]));
  const answered = new Set(action.answers.map((a) => a.itemId));
  if (answered.size !== action.answers.length) refuse('检查表事项重复作答。', 'A checklist item is answered twice.');
  for (const a of action.answers) {
    if (!items.has(a.itemId)) refuse(`检查表中没有事项 ${a.itemId}。`, `The shared checklist has no item ${a.itemId}.`);
    if (!['pass', 'fail', 'notApplicable'].includes(a.outcome)) refuse('检查结论应为 合格、不合格 或 不适用。', 'An outcome is pass, fail or notApplicable.');
  }
  const missing = state.plan.checklist.filter((i) => !answered.has(i.id)).map((i) => i.id);
  if (missing.length) refuse(`共用检查表尚有事项未填：${missing.join('、')}。`, `Every item of the shared checklist needs an answer; missing: ${missing.join(', ')}.`);
  const f = action.finding;
  if (f) {
    if (!findingKinds.includes(f.kind)) refuse('发现问题的记录类型无效。', 'The finding\'s record kind is not valid.');
    requireText(f.description, '问题描述', 'description of the finding');
    if (f.kind === 'penalty' && !(typeof f.amountYuan === 'number' && Number.isFinite(f.amountYuan) && f.amountYuan >= 0)) {
      refuse('行政处罚须填写罚款金额。', 'A penalty needs its fine (a non-negative amount).');
    }
    if (!action.answers.some((a) => a.outcome === 'fail')) refuse('只有检查不合格才能形成信用记录。', 'A finding needs at least one failed checklist item.');
  }
}

export function applyRoundAction(state: RoundState, { actor, action }: RoundRequest, now: number): CaseEvent {
  switch (action.type) {
    case 'cancel':
      state.status = 'cancelled';
      return appendEvent(state.events, 'cancelled', now, actor, action.reasons.trim());
    case 'record': {
      const publishBy = nthWorkingDayEnd(state.calendar, now, state.limits.publicationWorkingDays);
      state.results[action.entityCode] = {
        entityCode: action.entityCode,
        answers: action.answers.map((a) => ({ itemId: a.itemId, outcome: a.outcome, note: (a.note ?? '').trim() })),
        inspectorIds: [...new Set(action.inspectorIds)].sort(),
        finding: action.finding ?? null,
        recordedAt: now,
        recordedBy: actor.name,
        publishBy,
        publishedAt: null,
        overdue: false,
      };
      return appendEvent(state.events, 'recorded', now, actor, null, { entityCode: action.entityCode, finding: action.finding ?? null, publishBy: new Date(publishBy).toISOString() });
    }
    case 'publish': {
      for (const code of action.entityCodes) state.results[code]!.publishedAt = now;
      if (state.draw!.entities.every((code) => state.results[code]?.publishedAt != null)) state.status = 'completed';
      return appendEvent(state.events, 'published', now, actor, null, { entityCodes: action.entityCodes });
    }
  }
}

/** The next publication time limit still running, or null. */
export function nextRoundDeadline(state: RoundState): number | null {
  const times = Object.values(state.results).filter((r) => r.publishedAt === null && !r.overdue).map((r) => r.publishBy);
  return state.status === 'inspecting' && times.length ? Math.min(...times) : null;
}

/** Marks results left unpublished past their time limit, each once. */
export function markRoundOverdue(state: RoundState, now: number): CaseEvent[] {
  if (state.status !== 'inspecting') return [];
  const late = Object.values(state.results).filter((r) => r.publishedAt === null && !r.overdue && r.publishBy <= now);
  for (const r of late) r.overdue = true;
  return late.length
    ? [appendEvent(state.events, 'overdue', now, systemActor, null, { entityCodes: late.map((r) => r.entityCode), deadline: new Date(Math.min(...late.map((r) => r.publishBy))).toISOString() })]
    : [];
}

type TimedRound = Pick<RoundState, 'status' | 'results' | 'limits'>;

/** Publication limits still running, one per unpublished result. */
function runningLimits(state: TimedRound): RunningLimit[] {
  if (state.status !== 'inspecting') return [];
  return Object.values(state.results)
    .filter((r) => r.publishedAt === null && !r.overdue)
    .map((r) => ({ which: r.entityCode, from: r.recordedAt, workingDays: state.limits.publicationWorkingDays, deadline: r.publishBy }));
}

/** Is a result's running publication limit counted over days of a year whose holiday arrangement is not entered yet? */
export const resultProvisional = (state: TimedRound & Pick<RoundState, 'provisionalFrom'>, entityCode: string) =>
  runningLimits(state).some((l) => l.which === entityCode && isProvisional(l.deadline, state.provisionalFrom));

/** Checks that a new calendar reaches the running publication limits (the re-time update's validator). */
export function validateRoundRetime(state: RoundState, times: WorkingDayTimes): void {
  recount(runningLimits(state), times.calendar);
}

/** Takes a new calendar (a year's arrangement entered): running publication limits are counted again, later results count on it. */
export function retimeRound(state: RoundState, times: WorkingDayTimes, now: number): CaseEvent | null {
  const event = retimeCase(state, runningLimits(state), times, now, (l, at) => {
    state.results[l.which]!.publishBy = at;
  });
  state.calendar = times.calendar;
  return event;
}
