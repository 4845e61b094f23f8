import { describe, expect, it } from 'vitest';
import { workingDayEnds } from '../time/working-day-calendar.ts';
import { defaultLadder, dueRungs, firedKey, nextRungAt, urgesWithoutResponse, validateLadder, workingDaysOverdue, type LadderRung } from './ladder.ts';
import type { TaskEvent } from './types.ts';

// Friday 2026-09-25, end of day in Shanghai; then 09-28, 09-29, 09-30 and, after the National Day holiday, 10-08 and 10-09 are working days.
const due = '2026-09-25T15:59:59.999Z';
const calendar = workingDayEnds(Date.parse('2026-09-18T00:00:00Z'), 60);
const end = (date: string) => Date.parse(`${date}T23:59:59.000+08:00`);
const a = { status: 'assigned' as const, due, placeholder: false, reminders: [] as string[], bodyName: '市法制办', bodyId: 'legal' };
const event = (type: string, data: Record<string, unknown> = {}): TaskEvent => ({ seq: 0, type, at: due, actor: { accountId: null, name: 'x' }, bodyName: '市法制办', comment: null, attachments: [], data });

describe('escalation ladder', () => {
  it('falls due at the end of the n-th working day after the deadline, on the holiday calendar', () => {
    expect(nextRungAt(a, defaultLadder, calendar, Date.parse(due))).toBe(end('2026-09-28'));
    // 1 working day overdue: the urge; the yellow slip only at 5 (National Day skipped).
    expect(dueRungs(a, defaultLadder, calendar, [], end('2026-09-28') - 1)).toEqual([]);
    expect(dueRungs(a, defaultLadder, calendar, [], end('2026-09-28')).map((r) => r.id)).toEqual(['urge']);
    expect(dueRungs(a, defaultLadder, calendar, [], end('2026-10-08')).map((r) => r.id)).toEqual(['urge']);
    expect(workingDaysOverdue(calendar, due, end('2026-10-08'))).toBe(4);
    expect(dueRungs(a, defaultLadder, calendar, [], end('2026-10-09')).map((r) => r.id)).toEqual(['urge', 'yellow']);
  });

  it('fires each rung once, and not for a submitted or placeholder assignment', () => {
    const fired = { ...a, reminders: [firedKey('urge')] };
    expect(dueRungs(fired, defaultLadder, calendar, [], end('2026-09-28')).map((r) => r.id)).toEqual([]);
    expect(nextRungAt(fired, defaultLadder, calendar, end('2026-09-28'))).toBe(end('2026-10-09'));
    expect(dueRungs({ ...a, status: 'submitted' }, defaultLadder, calendar, [], end('2026-12-31'))).toEqual([]);
    expect(dueRungs({ ...a, placeholder: true }, defaultLadder, calendar, [], end('2026-12-31'))).toEqual([]);
  });

  it('counts urges since the unit last acted, an urge rung among them', () => {
    expect(urgesWithoutResponse([event('urge'), event('progress'), event('urge'), event('escalated', { action: 'urge' })], '市法制办')).toBe(2);
    expect(urgesWithoutResponse([event('urge'), event('acknowledge')], '市法制办')).toBe(0);
    const byUrges: LadderRung[] = [{ id: 'slip', trigger: { kind: 'urgesWithoutResponse', count: 2 }, action: 'yellowSlip', points: -1 }];
    expect(dueRungs(a, byUrges, calendar, [event('urge')], Date.parse(due))).toEqual([]);
    expect(dueRungs(a, byUrges, calendar, [event('urge'), event('urge')], Date.parse(due)).map((r) => r.id)).toEqual(['slip']);
  });

  it('refuses a ladder whose triggers do not ascend, or out of limits', () => {
    expect(() => validateLadder(defaultLadder)).not.toThrow();
    const swapped = [defaultLadder[1]!, defaultLadder[0]!];
    expect(() => validateLadder(swapped)).toThrow(/ascend|above the previous/);
    expect(() => validateLadder([{ ...defaultLadder[0]!, trigger: { kind: 'workingDaysOverdue', count: 0 } }])).toThrow(/whole number/);
    expect(() => validateLadder([defaultLadder[0]!, defaultLadder[0]!])).toThrow(/repeats/);
    expect(() => validateLadder([{ ...defaultLadder[0]!, points: -50 }])).toThrow(/points/);
    expect(() => validateLadder(Array.from({ length: 11 }, (_, i) => ({ ...defaultLadder[0]!, id: `r${i}`, trigger: { kind: 'workingDaysOverdue' as const, count: i + 1 } })))).toThrow(/at most/);
  });
});
