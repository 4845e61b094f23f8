import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createMailer } from '../activities/notices.ts';
import { commitPlan, type PlanDraft } from '../services/plans/commit.ts';
import type { TaskAction } from '../domain/supervision/actions.ts';
import type { Actor } from '../domain/supervision/types.ts';
import type { TestDatabase } from '../test/helpers/database.ts';
import { eventually } from '../test/helpers/eventually.ts';
import { startSmtpServer } from '../test/helpers/smtp.ts';
import { reconcile } from '../services/reconcile.ts';
import { workerEnvironment } from '../test/helpers/worker-environment.ts';
import { actUpdate, taskQuery, taskWorkflowId } from './task.ts';

const day = 86_400_000;
const supervisor: Actor = { accountId: 'account-supervisor', name: '督办员', role: 'supervisor', bodyId: 'supervision-office' };
const legal: Actor = { accountId: 'account-legal', name: '法制办', role: 'department', bodyId: 'legal-affairs-office' };
const market: Actor = { accountId: 'account-market', name: '市场监管委', role: 'department', bodyId: 'market-commission' };

/** A plan of three tasks: a lead with a support, two co-leads, a lead with a placeholder group to designate. */
async function newPlan({ env, db }: { env: TestWorkflowEnvironment; db: TestDatabase }, title: string, reminderDays?: number[]) {
  const now = await env.currentTimeMs();
  const due = now + 30 * day;
  const draft: PlanDraft = {
    title, issuer: '测试', issuedOn: null, basis: null, warnings: [], sourceText: '…', timeline: 'historic', reminderDays,
    tasks: [
      { ref: '1.1', section: '一', text: '完善信用信息公示系统。', leads: ['市法制办'], supports: ['市市场监管委'] },
      { ref: '1.2', section: '一', text: '共同牵头的任务。', leads: ['市法制办', '市市场监管委'], supports: [] },
      { ref: '1.3', section: '一', text: '需要指定单位的任务。', leads: ['市法制办'], supports: ['市有关行政主管部门'] },
    ],
    requirements: [{ text: '制定具体办法和实施细则', due: new Date(due).toISOString(), recurrence: null, appliesTo: ['各牵头部门'] }],
  };
  const { planId } = await commitPlan({ prisma: db.prisma, temporal: env.client, taskQueue: 'duban', dataDir: db.dataDir }, draft, new Date(now));
  const taskId = (ref: string) => taskWorkflowId(planId, ref);
  const handle = (ref: string) => env.client.workflow.getHandle(taskId(ref));
  return {
    planId, due, taskId, handle,
    act: (ref: string, actor: Actor, action: TaskAction) => handle(ref).executeUpdate(actUpdate, { args: [{ actor, action }] }),
    events: (ref: string) => db.prisma.taskEvent.findMany({ where: { taskId: taskId(ref) }, orderBy: { seq: 'asc' } }),
    assignment: (ref: string, bodyName: string) => db.prisma.assignment.findUniqueOrThrow({ where: { id: `${taskId(ref)}/${bodyName}` } }),
    /** Waits until every task of the plan is in the read model (each workflow projects on start). */
    projected: () => eventually(async () => expect(await db.prisma.assignment.count({ where: { task: { planId } } })).toBe(6)),
  };
}

/**
 * One time-skipping server, worker, database and mail server for the tests that
 * keep their tasks open (those that close one have a server of their own, below); each
 * test imports a plan of its own (its own title: its own plan id and tasks),
 * with its deadline 30 days from the server's clock when the test starts, so
 * it passes alone and in any order.
 */
describe('task workflow on the time-skipping server', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
  const environment = workerEnvironment('time-skipping', {
    mailer: async () => {
      smtp = await startSmtpServer();
      return createMailer({ url: smtp.url, from: '督办系统 <duban@localhost>' });
    },
  });
  let env: TestWorkflowEnvironment;
  let db: TestDatabase;

  beforeAll(() => {
    ({ env, db } = environment);
  });
  afterAll(() => smtp?.close());

  it('assigns leads and supports, with the requirement deadline', async () => {
    const { taskId, due } = await newPlan({ env, db }, '分工与期限');
    const state = await eventually(async () => {
      const task = await db.prisma.task.findUniqueOrThrow({ where: { id: taskId('1.1') }, include: { assignments: true } });
      expect(task.assignments).toHaveLength(2);
      return task;
    });
    expect(state.assignments.map((a) => [a.bodyName, a.role, a.due?.getTime()]).sort()).toEqual([
      ['市市场监管委', 'support', due],
      ['市法制办', 'lead', due],
    ]);
    expect(state.light).toBe('green');
  });

  it('reminds 7 days and 1 day before the deadline, in the inbox and by mail', async () => {
    const { taskId, due, events, assignment, projected } = await newPlan({ env, db }, '提前提醒');
    await projected();
    await env.sleep(due - 7 * day - (await env.currentTimeMs()) + 60_000);
    const reminder = await eventually(async () => {
      const found = (await events('1.1')).find((e) => e.type === 'reminder' && e.bodyName === '市法制办');
      expect(found).toBeDefined();
      return found!;
    });
    expect(reminder.at.getTime()).toBeCloseTo(due - 7 * day, -4);
    const tasks = ['1.1', '1.2', '1.3'].map(taskId);
    await eventually(async () => {
      const inbox = await db.prisma.notification.findMany({ where: { accountId: 'account-legal', kind: 'reminder', taskId: { in: tasks } } });
      expect(inbox).toHaveLength(3);
      expect(smtp!.received.some((m) => m.to.includes('legal@duban.example') && m.raw.includes(encodeURIComponent(taskId('1.1'))))).toBe(true);
    });
    expect((await assignment('1.1', '市法制办')).light).toBe('yellow');

    await env.sleep(6 * day);
    await eventually(async () => {
      const reminders = (await events('1.1')).filter((e) => e.type === 'reminder' && e.bodyName === '市法制办');
      expect(reminders).toHaveLength(2);
      expect(reminders[1]!.at.getTime()).toBeCloseTo(due - day, -4);
    });
  });

  it('reminds a body once to acknowledge receipt (签收) when it has not, and not one that has or that acted', async () => {
    const { act, events, assignment, projected, taskId } = await newPlan({ env, db }, '签收提醒');
    await projected();
    const window = (await assignment('1.2', '市法制办')).acknowledgeBy!.getTime();
    expect(window).toBeGreaterThan(await env.currentTimeMs());
    await act('1.1', legal, { type: 'acknowledge', bodyName: '市法制办' });
    await act('1.3', legal, { type: 'progress', bodyName: '市法制办', comment: '已部署' });
    await env.sleep(window - (await env.currentTimeMs()) + 60_000);
    const receiptReminders = async (ref: string) => (await events(ref)).filter((e) => e.type === 'receiptReminder' && e.bodyName === '市法制办');
    await eventually(async () => {
      expect(await receiptReminders('1.2')).toHaveLength(1);
      const inbox = await db.prisma.notification.findMany({ where: { accountId: 'account-legal', kind: 'receipt', taskId: { in: ['1.1', '1.2', '1.3'].map(taskId) } } });
      expect(inbox).toHaveLength(1);
    });
    expect((await receiptReminders('1.2'))[0]!.at.getTime()).toBeGreaterThanOrEqual(window);
    expect(await receiptReminders('1.1')).toHaveLength(0);
    expect(await receiptReminders('1.3')).toHaveLength(0);
    expect((await assignment('1.1', '市法制办')).acknowledgedAt).not.toBeNull();
    expect((await assignment('1.3', '市法制办')).acknowledgedAt).not.toBeNull();
    expect((await assignment('1.2', '市法制办')).acknowledgedAt).toBeNull();
    await env.sleep(5 * day);
    await act('1.2', legal, { type: 'acknowledge', bodyName: '市法制办' });
    await eventually(async () => expect((await assignment('1.2', '市法制办')).acknowledgedAt).not.toBeNull());
    expect(await receiptReminders('1.2')).toHaveLength(1);
  });

  it('rejects a wrong actor with a clear reason and leaves no trace', async () => {
    const { handle, act, assignment, projected } = await newPlan({ env, db }, '拒绝越权');
    await projected();
    const updates = async () =>
      (await handle('1.1').fetchHistory()).events!.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length;
    const before = await updates();
    const attempt = act('1.1', market, { type: 'submit', bodyName: '市法制办', comment: '代报' });
    await expect(attempt).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
    await expect(attempt).rejects.toMatchObject({ cause: { type: 'ForbiddenError', message: expect.stringContaining("You may act only on your own body's assignment") } });
    await expect(act('1.1', legal, { type: 'accept', bodyName: '市法制办' })).rejects.toMatchObject({
      cause: { type: 'ForbiddenError', message: expect.stringContaining('Only the supervising office') },
    });
    await expect(act('1.1', supervisor, { type: 'accept', bodyName: '市法制办' })).rejects.toMatchObject({
      cause: { type: 'ActionRefused', message: expect.stringContaining('Not allowed while the assignment is assigned') },
    });
    expect(await updates()).toBe(before);
    expect((await assignment('1.1', '市法制办')).status).toBe('assigned');
  });

  it('turns overdue at the deadline, tells the supervising office, and re-reminds weekly', async () => {
    const { taskId, due, events, assignment, projected } = await newPlan({ env, db }, '逾期与每周催办');
    await projected();
    await env.sleep(due - (await env.currentTimeMs()) + 60_000);
    await eventually(async () => {
      const overdue = (await events('1.3')).find((e) => e.type === 'overdue');
      expect(overdue?.at.getTime()).toBeCloseTo(due, -4);
      expect(await db.prisma.notification.count({ where: { accountId: 'account-supervisor', kind: 'overdue', taskId: taskId('1.3') } })).toBeGreaterThan(0);
    });
    expect((await assignment('1.3', '市法制办')).light).toBe('red');
    await env.sleep(7 * day);
    await eventually(async () => {
      const weekly = (await events('1.3')).filter((e) => e.type === 'weekly' && e.bodyName === '市法制办');
      expect(weekly.length).toBeGreaterThanOrEqual(1);
      expect(weekly[0]!.at.getTime()).toBeCloseTo(due + 7 * day, -3);
    });
  });

  it('moves a deadline only by an approved extension', async () => {
    const { taskId, due, act, assignment } = await newPlan({ env, db }, '延期审批');
    const until = new Date(due + 60 * day).toISOString();
    await act('1.3', legal, { type: 'requestExtension', bodyName: '市法制办', until, comment: '需征求各区意见' });
    await act('1.3', supervisor, { type: 'decideExtension', bodyName: '市法制办', approve: false, comment: '不同意' });
    expect((await assignment('1.3', '市法制办')).due?.getTime()).toBe(due);
    await act('1.3', legal, { type: 'requestExtension', bodyName: '市法制办', until, comment: '再次申请' });
    await act('1.3', supervisor, { type: 'decideExtension', bodyName: '市法制办', approve: true });
    expect(await assignment('1.3', '市法制办')).toMatchObject({ due: new Date(until), originalDue: new Date(due), light: 'green' });
    await eventually(async () => {
      const decisions = await db.prisma.notification.findMany({ where: { accountId: 'account-legal', kind: 'decision', taskId: taskId('1.3') } });
      expect(decisions.map((n) => n.subject)).toEqual(expect.arrayContaining([expect.stringMatching(/^【延期未批准】/), expect.stringMatching(/^【延期已批准】/)]));
      expect(decisions.map((n) => n.subjectEn)).toEqual(expect.arrayContaining([expect.stringMatching(/^Extension refused: /), expect.stringMatching(/^Extension approved: /)]));
    });
  });

  it('adds assignments when the supervising office designates bodies for a placeholder group', async () => {
    const { taskId, act } = await newPlan({ env, db }, '指定单位');
    const commerceDue = new Date(Date.now() + 400 * 86_400_000).toISOString();
    // A deadline already past is refused by the update's validator, before anything changes.
    await expect(act('1.3', supervisor, { type: 'designate', bodyName: '市有关行政主管部门', bodies: [{ name: '市编办', id: 'staffing-office', due: '2001-01-01T00:00:00.000Z' }] }))
      .rejects.toMatchObject({ cause: { message: expect.stringContaining('must be in the future') } });
    await act('1.3', supervisor, {
      type: 'designate',
      bodyName: '市有关行政主管部门',
      bodies: [{ name: '市商务委', id: 'commerce', due: commerceDue }, { name: '市环保局', id: 'environment' }],
    });
    const rows = await db.prisma.assignment.findMany({ where: { taskId: taskId('1.3') }, orderBy: { bodyName: 'asc' } });
    expect(rows.map((a) => [a.bodyName, a.role, a.status])).toEqual([
      ['市商务委', 'support', 'assigned'],
      ['市有关行政主管部门', 'support', 'designated'],
      ['市法制办', 'lead', 'assigned'],
      ['市环保局', 'support', 'assigned'],
    ]);
    // 市商务委 has the deadline it was given; 市环保局 the group's.
    const group = rows.find((a) => a.bodyName === '市有关行政主管部门')!;
    expect(rows.find((a) => a.bodyName === '市商务委')!.due).toEqual(new Date(commerceDue));
    expect(rows.find((a) => a.bodyName === '市环保局')!.due).toEqual(group.due);
  });

  it('reconciles the read model with the workflows, and repairs what was lost', async () => {
    const { planId, taskId, act, events, projected } = await newPlan({ env, db }, '对账与修复');
    await projected();
    await act('1.1', legal, { type: 'submit', bodyName: '市法制办', comment: '报送' });
    await act('1.1', supervisor, { type: 'return', bodyName: '市法制办', comment: '请补充' });
    // Other tests' tasks share the database: this one looks at its own plan's.
    const ours = async (options?: { repair: boolean }) => {
      const { checked, differences } = await reconcile(db.prisma, env.client, options);
      expect(checked).toBeGreaterThanOrEqual(3);
      return differences.filter((d) => d.taskId.startsWith(`task:${planId}:`)).map((d) => `${d.taskId} ${d.field}`).sort();
    };
    expect(await ours()).toEqual([]);
    const lost = taskId('1.1');
    await db.prisma.taskEvent.deleteMany({ where: { taskId: lost } });
    await db.prisma.assignment.update({ where: { id: `${lost}/市法制办` }, data: { status: 'assigned', returnCount: 0 } });
    expect(await ours({ repair: true })).toEqual([`${lost} events`, `${lost} 市法制办.returnCount`, `${lost} 市法制办.status`]);
    expect(await ours()).toEqual([]);
    expect((await events('1.1')).map((e) => [e.seq, e.type])).toEqual([[1, 'submit'], [2, 'return']]);
  });

  it('turns an assignment yellow when it falls behind pace (序时进度), and green again when its progress catches up', async () => {
    const now = await env.currentTimeMs();
    const { planId } = await commitPlan(
      { prisma: db.prisma, temporal: env.client, taskQueue: 'duban', dataDir: db.dataDir },
      {
        title: '序时进度', issuer: null, issuedOn: null, basis: null, warnings: [], sourceText: '…', timeline: 'historic', reminderDays: [], paceMarginPoints: 20,
        tasks: [{ ref: '1', section: '任务', text: '按序时进度推进的任务。', leads: ['市法制办'], supports: [] }],
        requirements: [{ text: '报送', due: new Date(now + 100 * day).toISOString(), recurrence: null, appliesTo: ['市法制办'] }],
      },
      new Date(now),
    );
    const id = `${taskWorkflowId(planId, '1')}/市法制办`;
    const stored = () => db.prisma.assignment.findUniqueOrThrow({ where: { id } });
    await eventually(async () => expect((await stored()).behindPaceFrom?.getTime()).toBe(now + 20 * day));
    expect((await stored()).light).toBe('green');
    await env.sleep(21 * day);
    await eventually(async () => expect((await stored()).light).toBe('yellow'));
    const handle = env.client.workflow.getHandle(taskWorkflowId(planId, '1'));
    await handle.executeUpdate(actUpdate, { args: [{ actor: legal, action: { type: 'progress', bodyName: '市法制办', comment: '过半', percent: 50 } }] });
    await eventually(async () => expect(await stored()).toMatchObject({ light: 'green', progressPercent: 50 }));
    expect((await stored()).behindPaceFrom?.getTime()).toBe(now + 70 * day);
  });

  it('projects a light that time alone changes, with no reminder configured', async () => {
    const now = await env.currentTimeMs();
    const { planId: quiet } = await commitPlan(
      { prisma: db.prisma, temporal: env.client, taskQueue: 'duban', dataDir: db.dataDir },
      {
        title: '无提醒方案', issuer: null, issuedOn: null, basis: null, warnings: [], sourceText: '…', timeline: 'historic', reminderDays: [],
        tasks: [{ ref: '1', section: '任务', text: '无提醒的任务。', leads: ['市法制办'], supports: [] }],
        requirements: [{ text: '报送', due: new Date(now + 10 * day).toISOString(), recurrence: null, appliesTo: ['市法制办'] }],
      },
      new Date(now),
    );
    const id = `${taskWorkflowId(quiet, '1')}/市法制办`;
    await eventually(async () => expect((await db.prisma.assignment.findUniqueOrThrow({ where: { id } })).light).toBe('green'));
    await env.sleep(4 * day);
    await eventually(async () => expect((await db.prisma.assignment.findUniqueOrThrow({ where: { id } })).light).toBe('yellow'));
    // The light changed with no event of its own (the receipt reminder, due after two working days, is another matter).
    expect(await db.prisma.taskEvent.count({ where: { taskId: taskWorkflowId(quiet, '1'), type: { not: 'receiptReminder' } } })).toBe(0);
  });
});

/**
 * Tests that close a task, on a time-skipping server of their own: a task is a
 * child of its plan's import workflow, and once a child has closed the Java test
 * server stops skipping time for later sleeps of the other tests.
 */
describe('task workflow closing, on a time-skipping server of its own', () => {
  const environment = workerEnvironment('time-skipping');
  let env: TestWorkflowEnvironment;
  let db: TestDatabase;

  beforeAll(() => {
    ({ env, db } = environment);
  });

  it('takes a lead through return and resubmission to acceptance, closing the task', async () => {
    const { taskId, handle, act, events, assignment } = await newPlan({ env, db }, '退回与验收');
    await act('1.1', legal, { type: 'progress', bodyName: '市法制办', comment: '已起草初稿' });
    await act('1.1', market, { type: 'submit', bodyName: '市市场监管委', comment: '配合意见', attachments: [{ id: 'sha-1', name: '意见.docx' }] });
    await act('1.1', legal, { type: 'submit', bodyName: '市法制办', comment: '报送细则', attachments: [{ id: 'sha-2', name: '细则.docx' }] });
    await act('1.1', supervisor, { type: 'return', bodyName: '市法制办', comment: '缺少监管目录' });
    expect(await assignment('1.1', '市法制办')).toMatchObject({ status: 'returned', returnCount: 1, light: 'yellow' });
    await act('1.1', legal, { type: 'submit', bodyName: '市法制办', comment: '已补充目录' });
    await act('1.1', supervisor, { type: 'accept', bodyName: '市法制办', comment: '同意' });
    expect(await handle('1.1').result()).toMatchObject({ status: 'closed', light: 'done' });
    const task = await db.prisma.task.findUniqueOrThrow({ where: { id: taskId('1.1') } });
    expect(task).toMatchObject({ status: 'closed', light: 'done' });
    // Time-driven reminders (of the deadline, of receipt) fall wherever the server skipped time to.
    expect((await events('1.1')).map((e) => e.type).filter((t) => t !== 'reminder' && t !== 'receiptReminder')).toEqual([
      'progress', 'submit', 'submit', 'return', 'submit', 'accept',
    ]);
    const audit = await db.prisma.auditEntry.findMany({ where: { target: { startsWith: taskId('1.1') } } });
    expect(audit.find((a) => a.action === 'task.return')).toMatchObject({ actorName: '督办员' });
  });

  it('closes a co-led task only when both leads are accepted', async () => {
    const { handle, act } = await newPlan({ env, db }, '共同牵头');
    for (const [actor, body] of [[legal, '市法制办'], [market, '市市场监管委']] as const) {
      await act('1.2', actor, { type: 'submit', bodyName: body, comment: '报送' });
    }
    await act('1.2', supervisor, { type: 'accept', bodyName: '市法制办' });
    expect((await handle('1.2').query(taskQuery)).status).toBe('open');
    await act('1.2', supervisor, { type: 'accept', bodyName: '市市场监管委' });
    expect((await handle('1.2').result()).status).toBe('closed');
  });
});
