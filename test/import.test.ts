import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedNotice } from '../services/demo.ts';
import { localActivities } from '../services/rebuild.ts';
import { eventually } from './helpers/eventually.ts';
import { startTestStack, type TestStack } from './helpers/stack.ts';

const run = promisify(execFile);
const seedText = fs.readFileSync(seedNotice, 'utf8');
const endOfJanuary2016 = new Date('2016-01-31T23:59:59+08:00');

const parseMutation = `mutation ($text: String) { parseNotice(text: $text) {
  ... on MutationParseNoticeSuccess { data { title issuer issuedOn basis sourceText warnings { code message ref body detail }
    tasks { ref section text leads supports } requirements { text due recurrence appliesTo } bodies { name match bodyId } } }
  ... on Error { message } } }`;
const commitMutation = `mutation ($draft: NoticeDraftInput!) { commitPlan(draft: $draft, timeline: historic) {
  ... on MutationCommitPlanSuccess { data { id title timeline } } ... on Error { __typename message } } }`;

describe('importing the seed notice', () => {
  let stack: TestStack;
  let db: TestStack['db'];
  let env: TestStack['env'];
  let api: TestStack['api'];
  beforeAll(async () => {
    stack = await startTestStack();
    ({ db, env, api } = stack);
  });
  afterAll(() => stack?.stop());

  it('prints the plan as JSON from the command line, and refuses bad input with a clear error', async () => {
    const { stdout } = await run('npm', ['run', '-s', 'plan:parse', '--', fileURLToPath(seedNotice)]);
    const plan = JSON.parse(stdout);
    expect(plan.tasks).toHaveLength(35);
    expect(plan.issuedOn).toBe('2015-12-15');
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-'));
    const empty = path.join(scratch, 'empty.txt');
    fs.writeFileSync(empty, '');
    const failed = await run('npm', ['run', '-s', 'plan:parse', '--', empty]).catch((e: { code: number; stdout: string; stderr: string }) => e).finally(() => fs.rmSync(scratch, { recursive: true, force: true }));
    expect(failed).toMatchObject({ code: 1, stdout: '' });
    expect((failed as { stderr: string }).stderr).toContain('The file is empty.');
  });

  it('parses into a draft for the supervising office only', async () => {
    const department = await api.request(parseMutation, { text: seedText }, await api.login('market'));
    expect(department.errors?.[0]?.message).toMatch(/Not authorized/);
    const bad = await api.request(parseMutation, { text: '今天是:\n没有编号任务的文字。' }, await api.login('supervisor'));
    expect(bad.data.parseNotice.message).toMatch(/No numbered tasks/);
  });

  it('stores the plan and starts 35 task workflows with the right assignments; a second import changes nothing', async () => {
    const token = await api.login('supervisor');
    const draft = (await api.request(parseMutation, { text: seedText }, token)).data.parseNotice.data;
    expect(draft.bodies.find((b: { name: string }) => b.name === '市有关行政主管部门')).toMatchObject({ match: 'placeholder' });
    const { bodies: _bodies, ...input } = draft;
    const response = await api.request(commitMutation, { draft: input }, token);
    const committed = response.data.commitPlan.data;
    expect(committed).toMatchObject({ title: draft.title, timeline: 'historic' });

    const tasks = await eventually(async () => {
      const rows = await db.prisma.task.findMany({ include: { assignments: true } });
      expect(rows).toHaveLength(35);
      expect(rows.every((t) => t.projectedAt !== null)).toBe(true);
      return rows;
    }, 60_000);
    for (const parsed of draft.tasks as Array<{ ref: string; leads: string[]; supports: string[] }>) {
      const task = tasks.find((t) => t.ref === parsed.ref)!;
      // A registered group's members each hold their own assignment, the group kept as its origin.
      const names = (role: string) => [...new Set(task.assignments.filter((a) => a.role === role).map((a) => a.origin ?? a.bodyName))].sort();
      expect([parsed.ref, names('lead')]).toEqual([parsed.ref, [...parsed.leads].sort()]);
      expect([parsed.ref, names('support')]).toEqual([parsed.ref, [...parsed.supports].sort()]);
    }
    const districts = tasks.find((t) => t.ref === '9.1')!.assignments;
    expect(districts).toHaveLength(16);
    expect(districts.find((a) => a.bodyId === 'district-heping')).toMatchObject({ bodyName: '和平区人民政府', origin: '各区县人民政府', role: 'lead', placeholder: false });
    const lead = tasks.find((t) => t.ref === '6.4')!.assignments.find((a) => a.bodyName === '市环保局')!;
    expect(lead).toMatchObject({ role: 'lead', primary: true, due: endOfJanuary2016, light: 'red', status: 'assigned' });
    const approval = tasks.find((t) => t.ref === '9.2')!.assignments[0]!;
    expect(approval).toMatchObject({ bodyName: '具有行政审批职能的市级部门和单位', placeholder: true, due: endOfJanuary2016 });

    const again = (await api.request(commitMutation, { draft: input }, token)).data.commitPlan.data;
    expect(again.id).toBe(committed.id);
    expect(await db.prisma.plan.count()).toBe(1);
    expect(await db.prisma.task.count()).toBe(35);
    const started = await env.client.workflow.count(`WorkflowType = 'taskWorkflowV2'`);
    expect(started.count).toBe(35);
    const events = (await env.client.workflow.getHandle(tasks.find((t) => t.ref === '6.4')!.id).fetchHistory()).events!;
    // The second type takes every patched change from its start: no patch marker, no TemporalChangeVersion upsert.
    expect(events.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch')).toEqual([]);
    expect(events.filter((e) => e.upsertWorkflowSearchAttributesEventAttributes)).toEqual([]);
    // Its overdue notices are written with its projection, in one local activity.
    const localActivityTypes = localActivities(events).map((a) => a.type);
    expect(localActivityTypes).toContain('projectTaskWithNotices');
    expect(localActivityTypes).not.toContain('storeNoticesInInbox');

    const { data } = await api.request('{ dashboard { tasks { green yellow red done } sections { ordinal counts { red } } bodies { bodyName open overdue } } }', {}, token);
    expect(data.dashboard.tasks.red + data.dashboard.tasks.green).toBe(35);
    expect(data.dashboard.sections).toHaveLength(9);
    const named = (draft.tasks as Array<{ leads: string[]; supports: string[] }>).filter((t) => [...t.leads, ...t.supports].includes('市市场监管委'));
    // Every deadline of the historic plan (end of January 2016) has passed.
    expect(data.dashboard.bodies[0]).toEqual({ bodyName: '市市场监管委', open: named.length, overdue: named.length });
  });
});
