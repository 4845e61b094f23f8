import { beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Mailer } from '../activities/notices.ts';
import { previousMonthEnd } from '../domain/bulletin/schedule.ts';
import { packageCovers } from '../domain/time/holiday-calendar.ts';
import { dayMs, shanghaiDate } from '../domain/time/instants.ts';
import type { TestDatabase } from '../test/helpers/database.ts';
import { eventually } from '../test/helpers/eventually.ts';
import { workerEnvironment } from '../test/helpers/worker-environment.ts';
import { monthlyBulletinsQuery, monthlyBulletinsWorkflow } from './bulletins.ts';

const planId = 'plan-monthly';
const nine = (date: string) => Date.parse(`${date}T09:00:00+08:00`);
const addDays = (date: string, days: number) => shanghaiDate(Date.parse(`${date}T12:00:00+08:00`) + days * dayMs);
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** A plan written straight into the read model, as its import would: one open task, overdue, of 市市场监管委 (lead) and 市法制办 (support). */
async function handBuiltPlan(db: TestDatabase) {
  await db.prisma.plan.create({ data: { id: planId, title: '月度通报测试方案', issuedOn: '2026-01-05', sourceText: '…', timeline: 'historic' } });
  await db.prisma.section.create({ data: { id: `${planId}/1`, planId, ordinal: 1, title: '一' } });
  const taskId = `${planId}/1.1`;
  await db.prisma.task.create({ data: { id: taskId, planId, sectionId: `${planId}/1`, ref: '1.1', text: '建立监管清单。', light: 'red', due: new Date('2026-03-31T23:59:59+08:00') } });
  for (const [bodyName, bodyId, role] of [['市市场监管委', 'market-commission', 'lead'], ['市法制办', 'legal-affairs-office', 'support']] as const) {
    const due = new Date('2026-03-31T23:59:59+08:00');
    await db.prisma.assignment.create({ data: { id: `${taskId}/${bodyName}`, taskId, bodyName, bodyId, role, light: 'red', due, originalDue: due } });
  }
}

/**
 * The monthly schedule's workflow on the time-skipping server: each test
 * moves the server's clock to a firing date of its own, later than any
 * before it (awaiting a result lets the clock run far on), so the tests pass
 * alone and in any order.
 */
describe('the monthly bulletins workflow (time-skipping)', () => {
  const mail: Array<{ to: string; subject: string }> = [];
  const mailer: Mailer = { send: async ({ to, subject }) => void mail.push({ to, subject }) };
  const environment = workerEnvironment('time-skipping', { mailer: async () => mailer });
  let env: TestWorkflowEnvironment;
  let db: TestDatabase;
  let firings = 0;

  beforeAll(async () => {
    ({ env, db } = environment);
    await handBuiltPlan(db);
  });

  /** The first 1st of a month after the server's clock that `fits`, in a year the built-in calendar does not cover (weekends only, or as the office enters it). */
  async function nextFirst(fits: (date: string) => boolean): Promise<string> {
    let date = `${shanghaiDate(await env.currentTimeMs()).slice(0, 7)}-01`;
    do date = `${shanghaiDate(Date.parse(`${date}T00:00:00+08:00`) + 32 * dayMs).slice(0, 7)}-01`;
    while (packageCovers(Number(date.slice(0, 4))) || !fits(date));
    return date;
  }

  const start = (input: { firedOn?: string } = {}) => {
    firings += 1;
    return env.client.workflow.start(monthlyBulletinsWorkflow, { workflowId: `monthly-bulletins-test-${firings}`, taskQueue: 'duban', args: [input] });
  };

  /** Moves the server's clock to 09:00 on `date`, when the schedule fires, and starts the firing's workflow as the schedule would. */
  async function fireOn(date: string) {
    await env.sleep(nine(date) - (await env.currentTimeMs()));
    return start();
  }

  /** Issued on the workflow's clock once its timer fired: at 09:00 that day, give or take the activity's own running time. */
  const issuedAt = (createdAt: Date, date: string) => {
    expect(createdAt.getTime()).toBeGreaterThanOrEqual(nine(date));
    expect(createdAt.getTime()).toBeLessThan(nine(date) + 10 * 60_000);
  };

  const inboxes = async (bulletinId: string) =>
    (await db.prisma.notification.findMany({ where: { taskId: bulletinId, kind: 'bulletin' }, select: { account: { select: { login: true } } }, orderBy: { accountId: 'asc' } }))
      .map((n) => n.account.login);

  it('fired on a Saturday 1st, waits until 09:00 on Monday, then issues the plan\'s bulletin and delivers it to the office and every unit of the plan', async () => {
    const saturday = await nextFirst((date) => weekday(date) === 6);
    const monday = addDays(saturday, 2);
    const handle = await fireOn(saturday);
    const waiting = await eventually(async () => {
      const state = await handle.query(monthlyBulletinsQuery);
      expect(state.deliverAt).not.toBeNull();
      return state;
    });
    expect(waiting).toMatchObject({ firedOn: saturday, periodEnd: previousMonthEnd(saturday), deliverAt: new Date(nine(monday)).toISOString(), issued: [], done: false });
    // The server's clock stands still until the result is awaited: nothing is issued before Monday 09:00.
    const bulletinId = `${planId}@${previousMonthEnd(saturday)}`;
    expect(await db.prisma.bulletin.count({ where: { id: bulletinId } })).toBe(0);

    const done = await handle.result();
    expect(done.issued).toEqual([{ planId, bulletinId, number: expect.any(Number), created: true, skipped: null }]);
    const bulletin = await db.prisma.bulletin.findUniqueOrThrow({ where: { id: bulletinId } });
    expect(bulletin).toMatchObject({ periodEnd: previousMonthEnd(saturday), createdBy: '每月定时通报 Monthly schedule', issuer: '天津市人民政府督查室' });
    issuedAt(bulletin.createdAt, monday);
    // Both supervisor accounts, and the accounts of both units; not 和平区, which has no part in the plan.
    expect(await inboxes(bulletinId)).toEqual(['coordinator', 'legal', 'market', 'supervisor']);
    expect(mail.filter((m) => m.subject.includes('月度通报测试方案')).map((m) => m.to).sort()).toEqual(
      expect.arrayContaining(['coordinator@duban.example', 'legal@duban.example', 'market@duban.example', 'supervisor@duban.example']),
    );
  });

  it('skips a holiday the office entered on its calendar', async () => {
    const first = await nextFirst((date) => weekday(date) >= 1 && weekday(date) <= 4);
    const year = Number(first.slice(0, 4));
    const holidays = JSON.stringify([...JSON.parse((await db.prisma.holidayCalendar.findUnique({ where: { year } }))?.holidays ?? '[]'), first]);
    await db.prisma.holidayCalendar.upsert({
      where: { year }, update: { holidays },
      create: { year, holidays, workingWeekends: '[]', enteredBy: '督办员', enteredAt: new Date() },
    });
    const handle = await fireOn(first);
    const done = await handle.result();
    expect(done.deliverAt).toBe(new Date(nine(addDays(first, 1))).toISOString());
    expect(done.issued).toEqual([expect.objectContaining({ created: true })]);
    const bulletin = await db.prisma.bulletin.findUniqueOrThrow({ where: { id: done.issued[0]!.bulletinId! } });
    issuedAt(bulletin.createdAt, addDays(first, 1));
  });

  it('a second firing for the same period makes no second bulletin and delivers nothing twice', async () => {
    const first = await nextFirst((date) => weekday(date) >= 1 && weekday(date) <= 5);
    const once = await (await fireOn(first)).result();
    const bulletinId = `${planId}@${previousMonthEnd(first)}`;
    expect(once.issued).toEqual([{ planId, bulletinId, number: expect.any(Number), created: true, skipped: null }]);
    const before = await db.prisma.bulletin.findUniqueOrThrow({ where: { id: bulletinId } });
    const notices = await db.prisma.notification.count({ where: { kind: 'bulletin' } });
    const mails = mail.length;

    // Awaiting a result lets the server's clock run on: the duplicate firing names its date.
    const twice = await (await start({ firedOn: first })).result();
    expect(twice.issued).toEqual([{ planId, bulletinId, number: before.number, created: false, skipped: null }]);
    expect(await db.prisma.bulletin.count({ where: { planId, periodEnd: previousMonthEnd(first) } })).toBe(1);
    expect(await db.prisma.bulletin.findUniqueOrThrow({ where: { id: bulletinId } })).toEqual(before);
    expect(await db.prisma.notification.count({ where: { kind: 'bulletin' } })).toBe(notices);
    expect(mail.length).toBe(mails);
  });
});
