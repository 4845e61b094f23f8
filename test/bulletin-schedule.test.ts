import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayMs, endOfShanghaiDayIso, shanghaiDate } from '../domain/time/instants.ts';
import { bulletinScheduleId, ensureBulletinSchedule } from '../services/bulletin-schedule.ts';
import { commitPlan } from '../services/plans/commit.ts';
import { eventually } from './helpers/eventually.ts';
import { startTestStack, type TestStack } from './helpers/stack.ts';

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
const dayBefore = (days: number) => shanghaiDate(Date.now() - days * dayMs);
const logins = ['supervisor', 'market', 'heping'] as const;
type Login = (typeof logins)[number];

/**
 * The monthly Schedule on the real stack: ensured idempotently and brought
 * to the configured day, and a firing (handle.trigger()) delivers the
 * plan's bulletin to the supervising office's inbox and a unit's, which
 * downloads it; a body without a part in the plan hears nothing.
 */
describe('the monthly bulletin schedule on the stack', () => {
  let stack: TestStack;
  const tokens = new Map<Login, string>();
  let planId: string;

  async function as<T = any>(login: Login, query: string): Promise<T> {
    const { data, errors } = await stack.api.request(query, {}, tokens.get(login));
    if (errors) throw new Error(JSON.stringify(errors));
    return data as T;
  }
  const bulletinNotices = async (login: Login) =>
    (await as(login, '{ notifications(first: 50) { edges { node { kind title link } } } }')).notifications.edges
      .map((e: { node: { kind: string; title: string; link: string } }) => e.node)
      .filter((n: { kind: string }) => n.kind === 'bulletin');

  beforeAll(async () => {
    stack = await startTestStack();
    for (const login of logins) tokens.set(login, await stack.api.login(login));
    ({ planId } = await commitPlan({ prisma: stack.db.prisma, temporal: stack.env.client, taskQueue: 'duban', dataDir: stack.db.dataDir }, {
      title: '定时通报测试方案', issuer: null, issuedOn: dayBefore(120), basis: null, warnings: [], sourceText: '…', timeline: 'historic',
      tasks: [{ ref: '1.1', section: '一', text: '逾期未办的任务。', leads: ['市市场监管委'], supports: ['市法制办'], due: endOfShanghaiDayIso(dayBefore(90)) }],
      requirements: [],
    }));
    await eventually(async () => expect(await stack.db.prisma.assignment.count({ where: { task: { planId } } })).toBe(2));
  }, 120_000);
  afterAll(() => stack?.stop());

  it('is ensured idempotently on the configured day, moved when the day changes, and paused when off', async () => {
    const handle = stack.env.client.schedule.getHandle(bulletinScheduleId);
    const day = async () => (await handle.describe()).spec.calendars?.[0]?.dayOfMonth;
    await ensureBulletinSchedule(stack.env.client, 'duban', 1);
    await ensureBulletinSchedule(stack.env.client, 'duban', 1);
    const described = await handle.describe();
    expect(described.spec.timezone).toBe('Asia/Shanghai');
    expect(described.spec.calendars?.[0]).toMatchObject({ dayOfMonth: [{ start: 1, end: 1, step: 1 }], hour: [{ start: 9, end: 9, step: 1 }] });
    await ensureBulletinSchedule(stack.env.client, 'duban', 5);
    expect(await day()).toEqual([{ start: 5, end: 5, step: 1 }]);
    await ensureBulletinSchedule(stack.env.client, 'duban', null);
    expect((await handle.describe()).state.paused).toBe(true);
    await ensureBulletinSchedule(stack.env.client, 'duban', 1);
    expect((await handle.describe()).state.paused).toBe(false);
    expect(await day()).toEqual([{ start: 1, end: 1, step: 1 }]);
  });

  it('a firing delivers the plan\'s bulletin to the office\'s inbox and to a unit\'s, which downloads it', async () => {
    await ensureBulletinSchedule(stack.env.client, 'duban', 1);
    const handle = stack.env.client.schedule.getHandle(bulletinScheduleId);
    // The firing stands for the 1st of last month, whose first working day's 09:00 has passed: it
    // delivers at once instead of waiting for the next working morning (the wait itself is proved
    // on the time-skipping server, workflows/bulletins.test.ts).
    const firedOn = `${shanghaiDate(Date.parse(`${dayBefore(0).slice(0, 7)}-01T12:00:00+08:00`) - dayMs).slice(0, 7)}-01`;
    await handle.update((previous) => ({ ...previous, action: { ...previous.action, args: [{ firedOn }] } } as typeof previous));
    await handle.trigger();

    const link = `/bulletins?plan=${encodeURIComponent(globalId('Plan', planId))}`;
    const office = await eventually(async () => {
      const found = await bulletinNotices('supervisor');
      expect(found).toHaveLength(1);
      return found[0];
    }, 60_000);
    expect(office).toEqual({ kind: 'bulletin', title: '【督查通报】《定时通报测试方案》第1期', link });
    expect(await bulletinNotices('market')).toEqual([office]);
    expect(await bulletinNotices('heping')).toEqual([]);

    const { bulletins } = await as('market', `{ bulletins(planId: "${globalId('Plan', planId)}") { edges { node { periodEnd createdBy url } } } }`);
    expect(bulletins.edges).toHaveLength(1);
    const bulletin = bulletins.edges[0].node;
    expect(bulletin.createdBy).toBe('每月定时通报 Monthly schedule');
    const response = await fetch(`${stack.base}${bulletin.url}`, { headers: { authorization: `Bearer ${tokens.get('market')}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('wordprocessingml');
  });
});
