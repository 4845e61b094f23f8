import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBodies } from '../runtime/reference-data.ts';
import { taskWorkflowId } from '../workflows/task.ts';
import { eventually } from './helpers/eventually.ts';
import { startTestStack, type TestStack } from './helpers/stack.ts';

const run = promisify(execFile);
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

/** A district notice in our own words: none of its bodies is in the Tianjin registry. */
const districtNotice = `某某区人民政府办公室关于印发某某区优化营商环境重点任务分工方案的通知

各街道办事处，区政府各委、办、局：
经区政府同意，现将《某某区优化营商环境重点任务分工方案》印发给你们，请认真贯彻落实。

某某区人民政府办公室
2024年3月1日

某某区优化营商环境重点任务分工方案

一、提升政务服务效能
1.推行企业开办一日办结，压缩审批环节。（牵头单位：区行政审批局；配合单位：区市场监管局）
2.建设区级公共法律服务中心，为企业提供法律咨询。（牵头单位：区司法局；配合单位：有关部门）
`;

const parse = `mutation ($text: String, $r: ID) { parseNotice(text: $text, registryId: $r) { __typename
  ... on MutationParseNoticeSuccess { data { title issuer issuedOn basis sourceText warnings { code message ref body detail }
    tasks { ref section text leads supports due recurrence } requirements { text due recurrence appliesTo } bodies { name match bodyId suggestedKind } } }
  ... on Error { message } } }`;
const commit = `mutation ($d: NoticeDraftInput!, $r: ID, $res: [DraftBodyResolutionInput!]) { commitPlan(draft: $d, timeline: rebased, registryId: $r, resolutions: $res) { __typename
  ... on MutationCommitPlanSuccess { data { id warnings registry { id name } } } ... on UnresolvedBodiesError { message names } ... on Error { message } } }`;
const createBody = `mutation ($i: CreateBodyInput!) { createBody(input: $i) { __typename
  ... on MutationCreateBodySuccess { data { body { id shortName kind aliases registry { name } } account { account { login } oneTimePassword } } } ... on Error { message } } }`;

describe('a registry the office owns', () => {
  let stack: TestStack;
  let supervisor: string;
  let registryId: string;
  beforeAll(async () => {
    stack = await startTestStack();
    supervisor = await stack.api.login('supervisor');
    const made = await stack.api.request(`mutation { createRegistry(name: "某某区人民政府") { __typename ... on MutationCreateRegistrySuccess { data { id name } } ... on Error { message } } }`, {}, supervisor);
    registryId = made.data.createRegistry.data.id;
  });
  afterAll(() => stack?.stop());

  it('registers, edits, aliases and merges bodies for the supervising office and the administrator only', async () => {
    const { api, db } = stack;
    const market = await api.login('market');
    const refused = await api.request(createBody, { i: { shortName: '区司法局', kind: 'department', registryId } }, market);
    expect(refused.errors?.[0]?.message).toMatch(/Not authorized/);

    // Two districts each register their own 区司法局.
    const other = (await api.request(`mutation { createRegistry(name: "另一区人民政府") { ... on MutationCreateRegistrySuccess { data { id } } } }`, {}, supervisor)).data.createRegistry.data.id;
    const justice = (await api.request(createBody, { i: { shortName: '区司法局', fullName: '某某区司法局', kind: 'department', registryId } }, supervisor)).data.createBody.data;
    expect(justice.body).toMatchObject({ shortName: '区司法局', registry: { name: '某某区人民政府' } });
    const elsewhere = await api.request(createBody, { i: { shortName: '区司法局', kind: 'department', registryId: other } }, await api.login('admin'));
    expect(elsewhere.data.createBody.data.body.id).not.toBe(justice.body.id);
    const clash = await api.request(createBody, { i: { shortName: '某某区司法局', kind: 'department', registryId } }, supervisor);
    expect(clash.data.createBody).toMatchObject({ __typename: 'ValidationError' });

    // An alias (a former name), then a merge: the merged id resolves to the survivor.
    const updated = await api.request(`mutation ($i: UpdateBodyInput!) { updateBody(input: $i) { ... on MutationUpdateBodySuccess { data { aliases } } ... on Error { message } } }`,
      { i: { id: justice.body.id, aliases: ['区法律服务局'] } }, supervisor);
    expect(updated.data.updateBody.data.aliases).toEqual(['区法律服务局']);
    const legal = (await api.request(createBody, { i: { shortName: '区法制办', kind: 'department', registryId, account: { login: 'fazhiban', displayName: '区法制办 承办人' } } }, supervisor)).data.createBody.data;
    expect(legal.account.oneTimePassword).toMatch(/.{10,}/);
    const merged = await api.request(`mutation ($s: ID!, $m: ID!) { mergeBodies(survivorId: $s, mergedId: $m) { ... on MutationMergeBodiesSuccess { data { shortName aliases } } ... on Error { message } } }`,
      { s: justice.body.id, m: legal.body.id }, supervisor);
    expect(merged.data.mergeBodies.data.aliases).toContain('区法制办');
    const survivorId = Buffer.from(justice.body.id, 'base64').toString().split(':')[1]!;
    expect(await db.prisma.account.findUnique({ where: { login: 'fazhiban' } })).toMatchObject({ bodyId: survivorId, mustChangePassword: true });
    const draft = (await api.request(parse, { text: '一、任务\n1.完善制度。（牵头单位：区法制办）', r: registryId }, supervisor)).data.parseNotice.data;
    expect(draft.bodies).toEqual([expect.objectContaining({ name: '区法制办', match: 'known', bodyId: survivorId })]);
  });

  it('refuses a draft with unresolved bodies, and commits it once each is registered, mapped or kept as a placeholder', async () => {
    const { api, db } = stack;
    // A registry of its own that knows 区司法局, whatever the other tests register in theirs.
    const made = await api.request(`mutation { createRegistry(name: "某某区人民政府（分工方案）") { ... on MutationCreateRegistrySuccess { data { id } } ... on Error { message } } }`, {}, supervisor);
    const registryId = made.data.createRegistry.data.id as string;
    await api.request(createBody, { i: { shortName: '区司法局', kind: 'department', registryId } }, supervisor);
    const parsed = (await api.request(parse, { text: districtNotice, r: registryId }, supervisor)).data.parseNotice.data;
    const { bodies, ...draft } = parsed;
    expect(bodies.find((b: { name: string }) => b.name === '区行政审批局')).toMatchObject({ match: 'unknown', suggestedKind: 'department' });
    expect(bodies.find((b: { name: string }) => b.name === '有关部门')).toMatchObject({ suggestedKind: 'placeholder' });

    const bodiesBefore = await db.prisma.body.count();
    const refused = await api.request(commit, { d: draft, r: registryId }, supervisor);
    expect(refused.data.commitPlan).toMatchObject({ __typename: 'UnresolvedBodiesError' });
    expect(refused.data.commitPlan.names.sort()).toEqual(['区市场监管局', '区行政审批局', '有关部门'].sort());
    expect(await db.prisma.body.count()).toBe(bodiesBefore);

    const market = (await api.request(createBody, { i: { shortName: '区市场监督管理局', kind: 'department', registryId } }, supervisor)).data.createBody.data.body;
    const resolutions = [
      { name: '区行政审批局', action: 'register' },
      { name: '区市场监管局', action: 'map', bodyId: market.id },
      { name: '有关部门', action: 'placeholder' },
    ];
    const committed = await api.request(commit, { d: draft, r: registryId, res: resolutions }, supervisor);
    const planId = Buffer.from(committed.data.commitPlan.data.id, 'base64').toString().split(':')[1]!;
    expect(committed.data.commitPlan.data.warnings.filter((w: string) => /未登记|not in the registry/i.test(w))).toEqual([]);
    // The plan keeps the registry it was committed against.
    expect(committed.data.commitPlan.data.registry).toEqual({ id: registryId, name: '某某区人民政府（分工方案）' });
    await eventually(async () => expect(await db.prisma.assignment.count({ where: { task: { planId } } })).toBe(4));
    const assignments = await db.prisma.assignment.findMany({ where: { task: { planId } } });
    expect(assignments.every((a) => a.bodyId !== null)).toBe(true);
    expect(assignments.find((a) => a.bodyName === '有关部门')).toMatchObject({ placeholder: true });
    expect(assignments.find((a) => a.bodyName === '区市场监管局')!.bodyId).toBe(Buffer.from(market.id, 'base64').toString().split(':')[1]);
  });

  it('gives each member of a registered group its own assignment, which that member sees and acts on', async () => {
    const { api, db } = stack;
    const token = await api.login('supervisor');
    const draft = {
      title: '群组分工测试', sourceText: '…', warnings: [],
      tasks: [{ ref: '1.1', section: '一', text: '各区县落实属地责任。', leads: ['各区县人民政府'], supports: [] }],
      requirements: [{ text: '年底前完成', due: '2030-12-31T23:59:59+08:00', appliesTo: ['各区县人民政府'] }],
    };
    const committed = await api.request(commit, { d: draft }, token);
    expect(committed.data.commitPlan.data.registry.name).toBe('天津市人民政府');
    const planId = Buffer.from(committed.data.commitPlan.data.id, 'base64').toString().split(':')[1]!;
    const taskId = taskWorkflowId(planId, '1.1');
    await eventually(async () => expect(await db.prisma.assignment.count({ where: { taskId } })).toBe(16));
    const heping = await db.prisma.assignment.findFirstOrThrow({ where: { taskId, bodyId: 'district-heping' } });
    expect(heping).toMatchObject({ bodyName: '和平区人民政府', origin: '各区县人民政府', role: 'lead' });

    const district = await api.login('heping');
    const seen = await api.request(`query ($id: ID!) { node(id: $id) { ... on Task { assignments { bodyName origin } } } }`, { id: globalId('Task', taskId) }, district);
    expect(seen.data.node.assignments).toContainEqual({ bodyName: '和平区人民政府', origin: '各区县人民政府' });
    const acted = await api.request(`mutation ($i: TaskActionInput!) { act(input: $i) { __typename ... on Error { message } } }`,
      { i: { taskId: globalId('Task', taskId), bodyName: '和平区人民政府', type: 'progress', comment: '已部署。' } }, district);
    expect(acted.data.act.__typename).toBe('MutationActSuccess');
    const notHers = await api.request(`mutation ($i: TaskActionInput!) { act(input: $i) { __typename ... on Error { message } } }`,
      { i: { taskId: globalId('Task', taskId), bodyName: '河西区人民政府', type: 'progress', comment: '越权。' } }, district);
    expect(notHers.data.act.__typename).toBe('ForbiddenError');
  });

  it('keeps the office\'s edit of a Tianjin reference body when the server loads the reference data again', async () => {
    const { db } = stack;
    await db.prisma.body.update({ where: { id: 'civil-affairs' }, data: { fullName: '天津市民政局（已改）', aliases: '["市民政"]' } });
    await loadBodies(db.prisma);
    expect(await db.prisma.body.findUnique({ where: { id: 'civil-affairs' } })).toMatchObject({ fullName: '天津市民政局（已改）', aliases: '["市民政"]' });
  });

  it('imports from the command line: exit 1 listing unresolved bodies, or registers them with --register-unknown', async () => {
    const { db, env } = stack;
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-cli-'));
    const file = path.join(scratch, 'notice.txt');
    fs.writeFileSync(file, districtNotice.replaceAll('某某区', '甲乙区'));
    const cli = (...flags: string[]) =>
      run('npm', ['run', '-s', 'plan:import', '--', file, '--rebased', ...flags], {
        env: { ...process.env, TEMPORAL_ADDRESS: env.address, DATABASE_URL: db.url, DUBAN_DATA_DIR: db.dataDir },
      });
    try {
      const failed = await cli().catch((e: { code: number; stdout: string; stderr: string }) => e);
      expect(failed).toMatchObject({ code: 1, stdout: '' });
      for (const name of ['区行政审批局', '区市场监管局', '区司法局', '有关部门']) expect((failed as { stderr: string }).stderr).toContain(name);

      const { stdout } = await cli('--register-unknown');
      const result = JSON.parse(stdout);
      expect(result).toMatchObject({ created: true, tasks: 2 });
      expect(result.planId).toMatch(/^plan-/);
      expect(result.bodiesCreated.map((b: { name: string }) => b.name).sort()).toEqual(['区司法局', '区市场监管局', '区行政审批局'].sort());
      for (const body of result.bodiesCreated) {
        expect(body).toMatchObject({ bodyId: expect.any(String), login: expect.any(String), password: expect.stringMatching(/.{10,}/) });
        expect(await db.prisma.account.findUnique({ where: { login: body.login } })).toMatchObject({ bodyId: body.bodyId, role: 'department', mustChangePassword: true });
      }
      const registry = await db.prisma.registry.findUniqueOrThrow({ where: { name: '甲乙区人民政府' } });
      expect(await db.prisma.body.findFirst({ where: { registryId: registry.id, shortName: '有关部门' } })).toMatchObject({ kind: 'placeholder' });

      const again = JSON.parse((await cli('--register-unknown')).stdout);
      expect(again).toMatchObject({ planId: result.planId, created: false, bodiesCreated: [] });
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });
});
