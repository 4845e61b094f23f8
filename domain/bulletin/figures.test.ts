import { describe, expect, it } from 'vitest';
import { bulletinFigures } from './figures.ts';
import { escalatedPlan, novemberPlan, unitNames } from './fixtures.ts';
import { taskAsOf } from './replay.ts';

const name = (unit: string) => unitNames[unit] ?? unit;
const november = () => bulletinFigures(novemberPlan, { start: '2026-11-01', end: '2026-11-30' }, '2026-10-31', name);

describe('bulletin figures, counted by hand for November 2026', () => {
  it('headline counts as of the period end', () => {
    const { headline } = november();
    expect(headline).toMatchObject({
      tasks: 6, openTasks: 4, closedTasks: 2,
      lights: { green: 1, yellow: 0, red: 4, done: 5 },
      closedThisPeriod: 4, newlyOverdue: 4,
    });
    expect(headline.longestOverdue).toMatchObject({ taskRef: '2.2', unitName: '市法制办', days: 25 });
  });

  it('ranks by on-time rate, then fewer overdue, then fewer average days overdue; ties share a rank (1, 1, 3)', () => {
    const rows = november().ranking.map((r) => [r.unitName, r.rank, r.closedOnTime, r.due, r.overdue, r.overdueDays]);
    expect(rows).toEqual([
      ['和平区', 1, 1, 1, 0, 0],
      ['市公安局', 1, 1, 1, 0, 0],
      ['市法制办', 3, 1, 3, 1, 25],
      ['市环保局', 4, 0, 1, 1, 2],
      ['河东区', 5, 0, 1, 1, 15],
      ['市商务委', 6, 0, 2, 1, 20],
    ]);
  });

  it('lists the overdue by unit with days, ignoring what happened after the period', () => {
    const list = november().overdue.map((g) => [g.unitName, g.items.map((i) => [i.taskRef, i.days])]);
    expect(list).toEqual([
      ['市商务委', [['1.1', 20]]],
      ['市法制办', [['2.2', 25]]],
      ['市环保局', [['1.4', 2]]],
      ['河东区', [['2.1', 15]]],
    ]);
  });

  it('says what changed since the previous bulletin', () => {
    const changes = november().changes!;
    expect(changes.overdueBefore).toBe(1);
    expect(changes.overdueNow).toBe(4);
    expect(changes.resolved.map((o) => [o.taskRef, o.unitName, o.days])).toEqual([['1.3', '市商务委', 16]]);
    expect(changes.added.map((o) => o.taskRef)).toEqual(['2.2', '1.1', '2.1', '1.4']);
    expect(changes.rankChanges.find((r) => r.unitName === '市法制办')).toMatchObject({ before: 1, now: 3 });
    expect(changes.rankChanges.find((r) => r.unitName === '市商务委')).toMatchObject({ before: 2, now: 6 });
    expect(changes.rankChanges.find((r) => r.unitName === '和平区')).toMatchObject({ before: null, now: 1 });
  });

  it('commends units whose every assignment due in the period closed on time', () => {
    expect(november().commended.map((c) => [c.unitName, c.dueInPeriod])).toEqual([['和平区', 1], ['市公安局', 1]]);
  });

  it('a first bulletin has no changes section', () => {
    expect(bulletinFigures(novemberPlan, { start: '2026-10-01', end: '2026-11-30' }, null, name).changes).toBeNull();
  });

  it('the same events give the same figures; later events do not change a past period', () => {
    const later = novemberPlan.map((t) => ({ ...t, events: [...t.events, { id: `${t.id}#99`, seq: 99, type: 'accept', at: '2026-12-20T02:00:00.000Z', bodyName: t.assignments[0]!.bodyName, data: {} }] }));
    expect(bulletinFigures(later, { start: '2026-11-01', end: '2026-11-30' }, '2026-10-31', name)).toEqual(november());
  });

  it('every overdue row names the events behind it', () => {
    const item = november().overdue.find((g) => g.unitName === '市法制办')!.items[0]!;
    expect(item.eventIds).toEqual(['t2.2#1', 't2.2#2']);
  });

  it('every ranking row names the events of the assignments it counts, up to the period end', () => {
    const rows = new Map(november().ranking.map((r) => [r.unitName, r.eventIds]));
    // 2.2's second submission (2 December) is after the period.
    expect(rows.get('市法制办')).toEqual(['t1.1#1', 't1.1#2', 't1.2#1', 't1.2#2', 't2.2#1', 't2.2#2']);
    expect(rows.get('市商务委')).toEqual(['t1.1#3', 't1.3#1', 't1.3#2']);
  });
});

describe('the red 督办单 and 约谈 of the period (通报)', () => {
  const figures = () => bulletinFigures(escalatedPlan, { start: '2026-11-01', end: '2026-11-30' }, '2026-10-31', name);

  it('lists the red slips and 约谈 fired in the period, oldest first; not a yellow slip, nor a red one from before the period', () => {
    expect(figures().escalations!.map((e) => [e.unitName, e.taskRef, e.action, e.slipNumber, e.workingDays, e.eventIds])).toEqual([
      ['市法制办', '2.2', 'redSlip', '督办〔2026〕5号', 10, ['t2.2#4']],
      ['市商务委', '1.1', 'redSlip', '督办〔2026〕6号', 10, ['t1.1#5']],
      ['市法制办', '2.2', 'interview', null, 15, ['t2.2#5']],
    ]);
    expect(figures().headline).toMatchObject({ redSlips: 2, interviews: 1 });
    expect(november().escalations).toEqual([]);
  });

  it('October\'s bulletin mentions October\'s red slip; escalations change no other number', () => {
    const october = bulletinFigures(escalatedPlan, { start: '2026-10-01', end: '2026-10-31' }, null, name);
    expect(october.escalations!.map((e) => [e.unitName, e.taskRef, e.slipNumber])).toEqual([['市商务委', '1.3', '督办〔2026〕1号']]);
    const { escalations: _e, headline: { redSlips: _r, interviews: _i, ...headline }, ...rest } = figures();
    const { escalations: _n, headline: { redSlips: _nr, interviews: _ni, ...plainHeadline }, ...plain } = november();
    expect(headline).toEqual({ ...plainHeadline, longestOverdue: expect.objectContaining({ taskRef: '2.2', days: 25 }) });
    expect(rest.ranking.map((r) => [r.unitName, r.rank])).toEqual(plain.ranking.map((r) => [r.unitName, r.rank]));
  });

  it('names each unit\'s 负责人 in the ranking', () => {
    const ranking = bulletinFigures(novemberPlan, { start: '2026-11-01', end: '2026-11-30' }, null, name, (u) => (u === 'legal' ? '张三' : null)).ranking;
    expect(ranking.map((r) => [r.unitName, r.responsible])).toContainEqual(['市法制办', '张三']);
    expect(ranking.find((r) => r.unitName === '市商务委')!.responsible).toBeNull();
  });
});

describe('replaying a task', () => {
  it('a designated body appears at its designation with the group\'s deadline', () => {
    const before = taskAsOf(novemberPlan[4]!, Date.parse('2026-11-01T00:00:00+08:00'));
    expect(before.assignments.map((a) => [a.bodyName, a.status])).toEqual([['各区县人民政府', 'assigned']]);
    const after = taskAsOf(novemberPlan[4]!, Date.parse('2026-11-03T00:00:00+08:00'));
    expect(after.assignments.map((a) => [a.bodyName, a.status, a.due])).toEqual([
      ['各区县人民政府', 'designated', '2026-11-15T15:59:59.000Z'],
      ['和平区', 'assigned', '2026-11-15T15:59:59.000Z'],
      ['河东区', 'assigned', '2026-11-15T15:59:59.000Z'],
    ]);
  });

  it('an approved extension moves the deadline; the task closes when its leads are accepted', () => {
    expect(taskAsOf(novemberPlan[3]!, Date.parse('2026-11-30T23:00:00+08:00')).assignments[0]!.due).toBe('2026-12-31T15:59:59.000Z');
    expect(taskAsOf(novemberPlan[1]!, Date.parse('2026-11-21T00:00:00+08:00')).closed).toBe(false);
    expect(taskAsOf(novemberPlan[1]!, Date.parse('2026-11-22T00:00:00+08:00')).closed).toBe(true);
  });
});
