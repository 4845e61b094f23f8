import { describe, expect, it } from 'vitest';
import type { Actor } from '../supervision/types.ts';
import { workingDayEnds } from '../time/working-day-calendar.ts';
import { drawRound } from './draw.ts';
import { roundNotices } from './notices.ts';
import { arrangement2027 } from '../time/fixtures.ts';
import { workingDayTimes } from '../time/working-day-calendar.ts';
import {
  announceRound, applyDraw, applyRoundAction, availableRoundActions, beaconSourceProblem, entityFacts, mayRecordResult, roundFacts, coversIndustry, defaultRoundLimits, inPopulation, markRoundOverdue, newRound, nextRoundDeadline,
  resultProvisional, retimeRound, roundPlanProblems, sampleCount, startDraw, validateDraw, validateRoundAction, type RoundAction, type RoundPlan, type RoundState,
} from './round.ts';

const supervisor: Actor = { accountId: 'a-sup', name: '督办员', role: 'supervisor', bodyId: 'supervision-office' };
const market: Actor = { accountId: 'a-mk', name: '市场监管委', role: 'department', bodyId: 'market-commission' };
const legal: Actor = { accountId: 'a-lg', name: '法制办', role: 'department', bodyId: 'legal-affairs-office' };
const at = Date.parse('2016-03-01T10:00:00+08:00');
const plan: RoundPlan = {
  roundId: 'R-2016-03', title: '2016 年第一批双随机抽查', date: '2016-03-01',
  filter: { districts: [], industries: [] }, sample: { size: 2 },
  checklist: [{ id: 'licence', text: '营业执照公示' }, { id: 'pricing', text: '明码标价' }],
  bodies: [{ bodyId: 'market-commission', industries: [] }, { bodyId: 'environment', industries: ['chemicals'] }],
  inspectorsPerBody: 2,
};
const staff = [
  ...['m1', 'm2', 'm3'].map((id) => ({ id, bodyId: 'market-commission', conflicts: [] as string[] })),
  ...['e1', 'e2'].map((id) => ({ id, bodyId: 'environment', conflicts: [] as string[] })),
];
const industry: Record<string, string> = { A: 'retail', B: 'chemicals', C: 'retail' };

function drawn(): RoundState {
  const s = newRound(plan, defaultRoundLimits, workingDayEnds(at, 60), supervisor, at);
  const d = drawRound({ id: plan.roundId, date: plan.date }, ['A', 'B', 'C'], 2, staff, plan.bodies.map((b) => b.bodyId), 2, coversIndustry(plan.bodies, (c) => industry[c]!));
  applyDraw(s, { ...d, populationSize: 3, drawnAt: at }, Object.fromEntries(staff.map((x) => [x.id, x.bodyId])));
  return s;
}
const act = (s: RoundState, actor: Actor, action: RoundAction, now = at) => {
  validateRoundAction(s, { actor, action });
  return applyRoundAction(s, { actor, action }, now);
};

describe('inspection round', () => {
  it('draws from good entities of the chosen districts and industries', () => {
    const e = { code: 'A', creditClass: 'good' as const, district: '和平区', industry: 'retail' };
    expect(inPopulation(e, { districts: [], industries: [] })).toBe(true);
    expect(inPopulation({ ...e, creditClass: 'warning' }, { districts: [], industries: [] })).toBe(false);
    expect(inPopulation(e, { districts: ['河西区'], industries: [] })).toBe(false);
    expect(inPopulation(e, { districts: ['和平区'], industries: ['retail'] })).toBe(true);
    expect([sampleCount({ ratio: 0.03 }, 1000), sampleCount({ size: 50 }, 10)]).toEqual([30, 10]);
  });

  it('checks the plan: sample, one shared checklist, at least 2 inspectors per body', () => {
    expect(roundPlanProblems(plan)).toEqual([]);
    const bad = { ...plan, roundId: 'a b', sample: { ratio: 1.5 }, checklist: [plan.checklist[0]!, plan.checklist[0]!], inspectorsPerBody: 1 };
    expect(roundPlanProblems(bad)).toHaveLength(4);
  });

  it("sends each body's inspectors only to entities in its remit", () => {
    const s = drawn();
    for (const code of s.draw!.entities) {
      const bodies = s.draw!.inspectors[code]!.map((i) => s.inspectorBodies[i]);
      expect(bodies.filter((b) => b === 'market-commission')).toHaveLength(2);
      expect(bodies.includes('environment')).toBe(industry[code] === 'chemicals');
    }
  });

  it('records results against the shared checklist by assigned inspectors, then publishes them in time', () => {
    const s = drawn();
    const [code] = s.draw!.entities as [string];
    const signers = s.draw!.inspectors[code]!.filter((i) => i.startsWith('m'));
    const answers = [{ itemId: 'licence', outcome: 'pass' as const }, { itemId: 'pricing', outcome: 'fail' as const, note: '未明码标价' }];
    expect(() => act(s, market, { type: 'record', entityCode: code, inspectorIds: signers.slice(0, 1), answers })).toThrow(/At least 2 inspectors/);
    expect(() => act(s, market, { type: 'record', entityCode: code, inspectorIds: ['m1', 'e9'], answers })).toThrow(/was not drawn/);
    expect(() => act(s, legal, { type: 'record', entityCode: code, inspectorIds: signers, answers })).toThrow(/own body's inspectors/);
    expect(() => act(s, market, { type: 'record', entityCode: code, inspectorIds: signers, answers: answers.slice(0, 1) })).toThrow(/missing: pricing/);
    expect(() => act(s, market, { type: 'record', entityCode: code, inspectorIds: signers, answers, finding: { kind: 'penalty', description: '未明码标价' } })).toThrow(/needs its fine/);
    act(s, market, { type: 'record', entityCode: code, inspectorIds: signers, answers, finding: { kind: 'penalty', amountYuan: 2000, description: '未明码标价' } });
    const result = s.results[code]!;
    expect(new Date(result.publishBy)).toEqual(new Date('2016-03-29T23:59:59+08:00'));
    expect(nextRoundDeadline(s)).toBe(result.publishBy);
    const [late] = markRoundOverdue(s, result.publishBy);
    expect(roundNotices(s, late!)).toMatchObject([{ kind: 'overdue', audience: { kind: 'supervisors' } }]);
    expect(() => act(s, market, { type: 'publish', entityCodes: [code] })).toThrow(/Only the supervising office/);
    act(s, supervisor, { type: 'publish', entityCodes: [code] });
    expect(s.status).toBe('inspecting');
    expect(() => act(s, supervisor, { type: 'cancel', reasons: 'x' })).toThrow(/no longer be cancelled/);
  });

  it('offers each viewer what the validator would let through: cancel before results, record by drawn bodies, publish what is recorded', () => {
    const s = drawn();
    const [code] = s.draw!.entities as [string];
    const assigned = entityFacts(s, code);
    expect(availableRoundActions(roundFacts(s), supervisor)).toEqual(['record', 'cancel']);
    expect(availableRoundActions(roundFacts(s), market)).toEqual(['record']);
    expect(availableRoundActions(roundFacts(s), legal)).toEqual([]);
    expect(availableRoundActions(roundFacts(s), { ...market, role: 'performance' })).toEqual([]);
    expect(mayRecordResult(roundFacts(s), assigned, market)).toBe(true);
    expect(mayRecordResult(roundFacts(s), assigned, legal)).toBe(false);
    const answers = [{ itemId: 'licence', outcome: 'pass' as const }, { itemId: 'pricing', outcome: 'pass' as const }];
    act(s, market, { type: 'record', entityCode: code, inspectorIds: s.draw!.inspectors[code]!.filter((i) => i.startsWith('m')), answers });
    expect(availableRoundActions(roundFacts(s), supervisor)).toEqual(['record', 'publish']);
    expect(mayRecordResult(roundFacts(s), entityFacts(s, code), supervisor)).toBe(false);
    act(s, supervisor, { type: 'publish', entityCodes: [code] });
    expect(availableRoundActions(roundFacts(s), supervisor)).toEqual(['record']);
  });

  it('tells each joining body which of its inspectors go where', () => {
    const s = drawn();
    const notices = roundNotices(s, s.events.at(-1)!);
    expect(notices.map((n) => n.audience)).toEqual([{ kind: 'body', bodyId: 'market-commission' }, { kind: 'body', bodyId: 'environment' }]);
    for (const language of ['zh', 'en'] as const) expect(notices[0]![language].text).toContain(s.draw!.seed);
  });

  it('announces before it draws: the beacon source is stated, the beacon entered once, by the supervising office', () => {
    const s = newRound(plan, defaultRoundLimits, workingDayEnds(at, 60), supervisor, at);
    expect(beaconSourceProblem(' ')).toMatch(/Name the public randomness/);
    expect(beaconSourceProblem('drand\nround')).toMatch(/one line/);
    const draw = (actor: Actor, beacon: string) => validateDraw(s, { actor, action: { type: 'draw', beacon } });
    expect(() => draw(supervisor, 'x')).toThrow(/not waiting for its beacon/);
    const event = announceRound(s, { beaconSource: 'drand quicknet round 99000000', announcedAt: at, populationHash: 'ab', populationSize: 3 }, at);
    expect([s.status, event.type, event.data.beaconSource]).toEqual(['announced', 'announced', 'drand quicknet round 99000000']);
    // The draw is offered by the validator's own rule: to the supervising office, while announced (cancel too).
    expect(availableRoundActions(roundFacts(s), supervisor)).toEqual(['draw', 'cancel']);
    expect(availableRoundActions(roundFacts(s), market)).toEqual([]);
    expect(() => draw(market, 'x')).toThrow(/Only the supervising office/);
    expect(() => draw(supervisor, '')).toThrow(/Enter the public random value/);
    expect(() => draw(supervisor, 'a'.repeat(257))).toThrow(/at most 256/);
    expect(() => act(s, supervisor, { type: 'record', entityCode: 'A', inspectorIds: [], answers: [] })).toThrow(/not been drawn/);
    draw(supervisor, '  12345  ');
    startDraw(s, '12345');
    expect(() => draw(supervisor, '12345')).toThrow(/not waiting for its beacon/);
    expect(availableRoundActions(roundFacts(s), supervisor)).toEqual([]);
    expect(() => act(s, supervisor, { type: 'cancel', reasons: '重抽' })).toThrow(/draw is under way/);
  });

  it('re-times an unpublished result\'s 20-working-day publication from 2027-01-01 to 2027-01-04 once 2027 is entered', () => {
    const recordedAt = Date.parse('2026-12-04T10:00:00+08:00');
    const s = newRound(plan, defaultRoundLimits, workingDayEnds(recordedAt, 60), supervisor, recordedAt);
    const before = workingDayTimes(recordedAt, 60, []);
    Object.assign(s, { calendar: before.calendar, provisionalFrom: before.provisionalFrom });
    const d = drawRound({ id: plan.roundId, date: plan.date, beacon: 'b' }, ['A', 'B', 'C'], 2, staff, plan.bodies.map((b) => b.bodyId), 2, coversIndustry(plan.bodies, (c) => industry[c]!));
    applyDraw(s, { ...d, populationSize: 3, drawnAt: recordedAt }, Object.fromEntries(staff.map((x) => [x.id, x.bodyId])));
    const code = d.entities[0]!;
    const signers = d.inspectors[code]!.filter((i) => i.startsWith('m'));
    act(s, market, { type: 'record', entityCode: code, inspectorIds: signers, answers: [{ itemId: 'licence', outcome: 'pass' }, { itemId: 'pricing', outcome: 'pass' }] }, recordedAt);
    expect(new Date(s.results[code]!.publishBy)).toEqual(new Date('2027-01-01T23:59:59+08:00'));
    expect(resultProvisional(s, code)).toBe(true);
    const event = retimeRound(s, workingDayTimes(recordedAt, 60, [arrangement2027]), recordedAt + 1000);
    expect(new Date(s.results[code]!.publishBy)).toEqual(new Date('2027-01-04T23:59:59+08:00'));
    expect(resultProvisional(s, code)).toBe(false);
    expect(event).toMatchObject({ type: 'retimed', data: { before: { [code]: '2027-01-01T15:59:59.000Z' }, deadlines: { [code]: '2027-01-04T15:59:59.000Z' }, provisional: false } });
    expect(retimeRound(s, workingDayTimes(recordedAt, 60, [arrangement2027]), recordedAt + 2000)).toBeNull();
  });
});
