import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deniedAttemptsWritten } from '../api/auth/denials.ts';
import { hashPassword } from '../api/auth/passwords.ts';
import { tianjinBodies } from '../domain/bodies/tianjin.ts';
import { reportingUnits } from '../domain/filing/bodies.ts';
import { commitPlan, type PlanDraft } from '../services/plans/commit.ts';
import { filingRoundQuery } from '../workflows/filing.ts';
import { taskWorkflowId } from '../workflows/task.ts';
import { addEntity, addOfficers, addRecord, testCode } from './helpers/credit.ts';
import { eventually } from './helpers/eventually.ts';
import { startTestStack, type TestStack } from './helpers/stack.ts';

type Role = 'anonymous' | 'supervisor' | 'market' | 'legal' | 'performance' | 'admin';
const roles: Role[] = ['anonymous', 'supervisor', 'market', 'legal', 'performance', 'admin'];
const signedIn = roles.filter((r) => r !== 'anonymous');
const departments = { market: 'market-commission', legal: 'legal-affairs-office' } as Record<Role, string>;
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
const fromGlobalId = (id: string) => Buffer.from(id, 'base64').toString().replace(/^[A-Za-z]+:/, '');
const attachmentId = 'a'.repeat(64);
const dayMs = 86_400_000;

/**
 * allowed: the mutation answered with its success payload; forbidden: refused for who asked
 * (FORBIDDEN, ForbiddenError, or NotFoundError for an object hidden from the role).
 * A denied role answered InvalidTransitionError was refused by the state, not by its role:
 * that is a broken probe, so a role check that went missing cannot hide behind a state refusal.
 */
type Outcome = 'allowed' | 'forbidden' | `broken: ${string}`;
const forbidden = new Set(['ForbiddenError', 'NotFoundError']);

/** One request: a GraphQL document, its variables, and a file to send as `$f` (multipart). */
interface Probe {
  query: string;
  variables?: Record<string, unknown>;
  file?: { name: string; content: BlobPart };
  /** A session of its own (for the probes that end or change sessions), instead of the role's. */
  token?: string;
  /** Puts back what the probe changed that later rows rely on. */
  after?: () => Promise<void>;
}

/** A row of the matrix: a mutation, the roles allowed it, the state it needs (made by its own setup), and each role's request. */
interface Row<S = any> {
  name: string;
  mutation: string;
  allowed: Role[];
  setup?: () => Promise<S>;
  probe: (role: Role, state: S) => Probe | Promise<Probe>;
}
const row = <S>(r: Row<S>): Row => r as Row;

/** A mutation with the payload every probe asks for. */
const m = (field: string, args: string, variables = ''): string =>
  `mutation${variables ? ` (${variables})` : ''} { ${field}(${args}) { __typename ... on Error { message } } }`;

describe('authorization matrix: every role against every mutation', () => {
  let stack: TestStack;
  let db: TestStack['db'];
  let api: TestStack['api'];
  const tokens = new Map<Role, string | undefined>();

  async function send(probe: Probe, token: string | undefined) {
    if (!probe.file) return api.request(probe.query, probe.variables ?? {}, token);
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: probe.query, variables: { ...probe.variables, f: null } }));
    form.append('map', JSON.stringify({ 0: ['variables.f'] }));
    form.append('0', new Blob([probe.file.content]), probe.file.name);
    const response = await fetch(`${stack.base}/graphql`, {
      method: 'POST', body: form, headers: { 'x-graphql-yoga-csrf': '1', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    return (await response.json()) as Awaited<ReturnType<typeof api.request>>;
  }

  /** Runs one probe as a role and classifies the answer. */
  async function outcome(role: Role, probe: Probe): Promise<Outcome> {
    const { data, errors } = await send(probe, 'token' in probe ? probe.token : tokens.get(role));
    await probe.after?.();
    if (errors?.length) return errors[0]!.extensions?.code === 'FORBIDDEN' ? 'forbidden' : `broken: ${errors[0]!.message}`;
    const payload = Object.values(data ?? {})[0] as { __typename?: string; message?: string } | null;
    if (payload?.__typename && forbidden.has(payload.__typename)) return 'forbidden';
    if (!payload?.__typename || /Error$/.test(payload.__typename)) return `broken: ${payload?.__typename} ${payload?.message ?? ''}`;
    return 'allowed';
  }

  /** As a role, for setting a case up; fails loudly. */
  async function as<T = any>(role: Role, query: string, file?: Probe['file']): Promise<T> {
    const { data, errors } = await send({ query, file }, tokens.get(role));
    const payload = Object.values(data ?? {})[0] as { __typename: string; message?: string };
    if (errors || /Error$/.test(payload.__typename)) throw new Error(JSON.stringify(errors ?? payload));
    return payload as T;
  }
  const asSupervisor = <T = any>(query: string) => as<T>('supervisor', query);
  let fresh = 0;
  /** A name no other row uses. */
  const unique = (prefix: string) => `${prefix}-${(fresh += 1)}`;

  /** A task of its own, led by 市市场监管委 with a placeholder group as support, due in 30 days; its assignments projected. */
  async function task(): Promise<string> {
    const { planId } = await commitPlan({ prisma: db.prisma, temporal: stack.env.client, taskQueue: 'duban', dataDir: db.dataDir }, {
      ...planDraft, title: unique('权限测试'),
    });
    const taskId = taskWorkflowId(planId, '1.1');
    await eventually(async () => expect(await db.prisma.assignment.count({ where: { taskId } })).toBe(2));
    return taskId;
  }
  const act = (taskId: string, type: string, bodyName: string, extra = '') =>
    m('act', `input: { taskId: "${globalId('Task', taskId)}", bodyName: "${bodyName}", type: ${type}, comment: "测试"${extra} }`);

  /** A task of its own whose lead, 市市场监管委, owes monthly reports since 70 days ago: the first period's start and end. */
  async function reportingTask(): Promise<{ taskId: string; planId: string; periodStart: string; periodEnd: string }> {
    const { planId } = await commitPlan({ prisma: db.prisma, temporal: stack.env.client, taskQueue: 'duban', dataDir: db.dataDir }, {
      ...planDraft, title: unique('定期报告权限测试'), reportsFrom: new Date(Date.now() - 70 * dayMs).toISOString(), requirements: [],
      tasks: [{ ...planDraft.tasks[0]!, due: new Date(Date.now() + 300 * dayMs).toISOString(), recurrence: 'FREQ=MONTHLY;BYMONTHDAY=5' }],
    });
    const taskId = taskWorkflowId(planId, '1.1');
    const first = await eventually(async () => {
      const found = await db.prisma.reportObligation.findFirst({ where: { taskId }, orderBy: { periodStart: 'asc' } });
      expect(found).not.toBeNull();
      return found!;
    });
    return { taskId, planId, periodStart: first.periodStart.toISOString(), periodEnd: first.periodEnd.toISOString() };
  }
  const reportAct = (r: { taskId: string; periodStart: string }, type: string) =>
    m('actOnReport', `input: { taskId: "${globalId('Task', r.taskId)}", bodyName: "市市场监管委", periodStart: "${r.periodStart}", type: ${type}, comment: "测试", percent: 50 }`);

  const drafters = new Map<string, Promise<string>>();
  /** A 承办人 of a department's own (its demo account stays the 负责人), signed in; made once. */
  function drafter(role: 'market' | 'legal'): Promise<string> {
    const login = `drafter.${role}`;
    if (!drafters.has(login)) {
      drafters.set(login, (async () => {
        await db.prisma.account.create({
          data: { id: `account-${login}`, login, displayName: `${role} 承办人`, role: 'department', bodyId: departments[role], duty: 'drafter', passwordHash: await hashPassword('Drafter-2026-x') },
        });
        return api.login(login, 'Drafter-2026-x');
      })());
    }
    return drafters.get(login)!;
  }
  /** A task whose 市市场监管委 assignment holds a 承办人's draft awaiting the unit's sign-off. */
  async function drafted(): Promise<string> {
    const taskId = await task();
    const { data } = await api.request(act(taskId, 'submit', '市市场监管委'), {}, await drafter('market'));
    expect(data?.act?.__typename).toBe('MutationActSuccess');
    await eventually(async () => expect((await db.prisma.assignment.findUniqueOrThrow({ where: { id: `${taskId}/市市场监管委` } })).signOffDraft).not.toBeNull());
    return taskId;
  }

  /** A filing round of its own, due in 2016 (so past), for the bodies given; its filings projected. */
  async function filingRound(bodies: string[]): Promise<string> {
    const ids = bodies.map((b) => `"${globalId('Body', b)}"`).join(', ');
    const opened = await asSupervisor<{ data: { id: string } }>(`mutation { openFilingRound(input: { title: "${unique('权限测试')}", deadline: "2016-01-31T23:59:59+08:00", bodyIds: [${ids}] }) { __typename ... on MutationOpenFilingRoundSuccess { data { id } } ... on Error { message } } }`);
    const roundId = fromGlobalId(opened.data.id);
    await eventually(async () => expect(await db.prisma.bodyFiling.count({ where: { roundId } })).toBe(bodies.length));
    return roundId;
  }
  const filing = (roundId: string, bodyId: string) => globalId('BodyFiling', `${roundId}/${bodyId}`);
  const submitFiling = (roundId: string, bodyId: string) =>
    m('filingAction', `input: { filingId: "${filing(roundId, bodyId)}", type: submit, measuresAttachmentId: "${attachmentId}", rows: [${catalogueRow('法规审查')}] }`);
  /** Waits until the round's workflow has heard of its units' statuses. */
  const roundKnows = (roundId: string, status: string) =>
    eventually(async () => expect((await stack.env.client.workflow.getHandle(roundId).query(filingRoundQuery)).units.every((u) => u.status === status)).toBe(true));

  /** The year's evaluation round, opened once (rows act on different units of it); its reports projected. */
  /** A registry of its own for the bodies the rows register, so the city's reporting units stay the reference ones. */
  let registry: Promise<string> | undefined;
  const testRegistry = () =>
    (registry ??= asSupervisor<{ data: { id: string } }>(`mutation { createRegistry(name: "权限测试区人民政府") { __typename ... on MutationCreateRegistrySuccess { data { id } } ... on Error { message } } }`).then((r) => r.data.id));

  const evaluationRounds = new Map<number, Promise<void>>();
  function evaluationRound(year: number): Promise<void> {
    if (!evaluationRounds.has(year)) {
      evaluationRounds.set(year, (async () => {
        await asSupervisor(m('openEvaluationRound', `year: ${year}`));
        await eventually(async () => expect(await db.prisma.unitReport.count({ where: { roundId: `evaluation:${year}` } })).toBe(reportingUnits(tianjinBodies).length));
      })());
    }
    return evaluationRounds.get(year)!;
  }
  const report = (year: number, bodyId: string) => globalId('UnitReport', `evaluation:${year}/${bodyId}`);
  const submitReport = (year: number, bodyId: string) =>
    m('reportAction', `input: { reportId: "${report(year, bodyId)}", type: submit, followUp: "已落实", benefits: "缩短时限", marketVitality: "增长", supervisionEfficiency: "全覆盖" }`);

  const computeScores = m('computeScores', 'year: 2016');
  const latestSheet = async (year = 2016) => (await db.prisma.scoreSheet.findFirstOrThrow({ where: { year }, orderBy: { version: 'desc' } })).id;
  /** A year's sheet computed and reviewed by the performance office; answers its id. */
  const reviewedSheet = async (year: number) => {
    await as('performance', m('computeScores', `year: ${year}`));
    const sheet = await latestSheet(year);
    await as('performance', m('reviewScoreSheet', `id: "${globalId('ScoreSheet', sheet)}"`));
    return sheet;
  };
  /** 2017's sheet, announced once with a five-working-day appeal period: every reporting unit owes its 2017 report (a line to appeal). */
  let announced: Promise<string> | undefined;
  const announced2017 = () => (announced ??= (async () => {
    await evaluationRound(2017);
    const sheet = await reviewedSheet(2017);
    await as('performance', m('announceScoreSheet', `id: "${globalId('ScoreSheet', sheet)}", appealWorkingDays: 5`));
    return sheet;
  })());
  const appealLine = (sheet: string, bodyId: string) =>
    m('appealScoreLine', `input: { sheetId: "${globalId('ScoreSheet', sheet)}", bodyId: "${bodyId}", criterion: "report", source: "evaluation:2017/${bodyId}", reason: "已按时报送" }`);

  const catalogueRow = (item: string) => `{ item: "${item}", disposition: "保留", object: "企业", content: "许可条件", method: "抽查", standard: "通则", measures: "整改", procedure: "检查" }`;
  const catalogue = async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('目录');
    sheet.addRow(['审批事项', '保留/取消/下放', '监管对象', '监管内容', '监管方式', '监管标准', '监管措施', '监管程序']);
    sheet.addRow(['食品经营许可', '保留', '企业', '内容', '抽查', '标准', '整改', '程序']);
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  };

  /** An objection of its own to a fresh record of entity 1, filed by the supervising office. */
  async function objection(): Promise<string> {
    const recordId = unique('objected');
    await addRecord(db.prisma, recordId, testCode(1));
    const filed = await asSupervisor<{ data: { id: string } }>(`mutation { fileObjection(input: { entityCode: "${testCode(1)}", recordId: "${globalId('CreditRecord', recordId)}", reasons: "金额有误" }) { __typename ... on MutationFileObjectionSuccess { data { id } } ... on Error { message } } }`);
    return filed.data.id;
  }
  const actOnObjection = (caseId: string, type: string, text: string) =>
    asSupervisor(`mutation { actOnObjection(input: { caseId: "${caseId}", type: ${type}, text: "${text}" }) { __typename ... on Error { message } } }`);

  /** A district of its own (no other round draws from it) with `entities` entities of its own. */
  async function district(entities: number): Promise<string> {
    const name = `抽查区 ${unique('authz-district')}`;
    for (let i = 0; i < entities; i += 1) await addEntity(db.prisma, 300 + (fresh += 1), { district: name });
    return name;
  }
  /** The fields of an announcement: a round drawing `size` from a district, the market commission's inspectors joining. */
  const roundInput = (roundId: string, districtName: string, size = 2) =>
    `roundId: "${roundId}", title: "抽查", date: "2026-03-01", size: ${size}, districts: ["${districtName}"], beaconSource: "drand quicknet round 99000000", checklist: [{ id: "a", text: "营业执照" }], bodies: [{ bodyId: "market-commission" }]`;
  /** A round of its own announced (its population frozen, waiting for its beacon); answers its global id. */
  async function announcedRound(districtName: string, size = 2): Promise<string> {
    const announced = await asSupervisor<{ data: { id: string } }>(
      `mutation { announceInspectionRound(input: { ${roundInput(unique('authz-round'), districtName, size)} }) { __typename ... on MutationAnnounceInspectionRoundSuccess { data { id } } ... on Error { message } } }`,
    );
    return announced.data.id;
  }

  /** An inspection round of its own over two entities of its own (a district no other round draws from), announced, then drawn once its beacon is entered; answers the sample. */
  async function inspectionRound(): Promise<{ id: string; sample: Array<{ entity: { code: string }; inspectors: Array<{ officer: { id: string } }> }> }> {
    const id = await announcedRound(await district(2));
    await asSupervisor(m('drawInspectionRound', `roundId: "${id}", beacon: "${unique('beacon')}"`));
    const sample = await eventually(async () => {
      const { data } = await api.request(`{ node(id: "${id}") { ... on InspectionRound { sampled { entity { code } inspectors { officer { id } } } } } }`, {}, tokens.get('supervisor'));
      expect(data.node.sampled).toHaveLength(2);
      return data.node.sampled;
    });
    return { id, sample };
  }
  const record = (round: string, entity: { entity: { code: string }; inspectors: Array<{ officer: { id: string } }> }) =>
    m('actOnInspectionRound', `input: { roundId: "${round}", type: record, entityCode: "${entity.entity.code}", inspectorIds: ${JSON.stringify(entity.inspectors.map((i) => i.officer.id))}, answers: [{ itemId: "a", outcome: pass }] }`);

  /** A repair application of its own, for a fresh record old enough to repair. */
  async function repair(): Promise<string> {
    const recordId = unique('repaired');
    await addRecord(db.prisma, recordId, testCode(2), { date: '2024-01-05' });
    const applied = await asSupervisor<{ data: { id: string } }>(`mutation { applyForRepair(input: { recordId: "${globalId('CreditRecord', recordId)}", statement: "已整改", evidence: ["${attachmentId}"], commitment: "${attachmentId}" }) { __typename ... on MutationApplyForRepairSuccess { data { id } } ... on Error { message } } }`);
    return applied.data.id;
  }

  /** A session of the role's own, so a probe that ends or changes sessions leaves the role's token alone. */
  const freshSession = (role: Role) => (role === 'anonymous' ? Promise.resolve(undefined) : api.login(role));
  /** An account of its own, made by the administrator: a department account of 和平区, or an account of the supervising office. */
  async function account(role: 'department' | 'supervisor'): Promise<string> {
    const body = role === 'department' ? 'district-heping' : 'supervision-office';
    const created = await as<{ data: { account: { id: string } } }>('admin', `mutation { createAccount(input: { login: "${unique('authz-account')}", displayName: "测试账号", role: ${role}, bodyId: "${globalId('Body', body)}" }) { __typename ... on MutationCreateAccountSuccess { data { account { id } } } ... on Error { message } } }`);
    return created.data.account.id;
  }

  const planDraft: PlanDraft = {
    title: '权限测试', issuer: null, issuedOn: null, basis: null, warnings: [], sourceText: '…', timeline: 'historic',
    tasks: [{ ref: '1.1', section: '一', text: '市场监管委牵头的任务。', leads: ['市市场监管委'], supports: ['市有关行政主管部门'] }],
    requirements: [{ text: '制定细则', due: new Date(Date.now() + 30 * dayMs).toISOString(), recurrence: null, appliesTo: ['各牵头部门'] }],
  };

  /** Every mutation of the schema, at least once, with the roles allowed to do it; each row makes the state it needs. */
  const cases: Row[] = [
    row({ name: 'login (anyone)', mutation: 'login', allowed: roles, probe: () => ({ query: m('login', 'login: "performance", password: "test-password"') }) }),
    row({ name: 'markNotificationsRead (anyone signed in, their own inbox)', mutation: 'markNotificationsRead', allowed: signedIn, probe: () => ({ query: m('markNotificationsRead', 'all: true') }) }),
    row({
      name: 'logout (any session)', mutation: 'logout', allowed: signedIn,
      probe: async (role) => ({ query: 'mutation { logout { __typename ... on Error { message } } }', token: await freshSession(role) }),
    }),
    row({
      name: 'changePassword (any session, its own)', mutation: 'changePassword', allowed: signedIn,
      probe: async (role) => ({
        query: m('changePassword', 'currentPassword: "test-password", newPassword: "another-password-1"'),
        token: await freshSession(role),
        after: async () => {
          // Back to the fixtures' password, and a new session for the role: a change ends the account's other sessions.
          if (role === 'anonymous') return;
          await db.prisma.account.update({ where: { login: role }, data: { passwordHash: await hashPassword('test-password') } });
          tokens.set(role, await api.login(role));
        },
      }),
    }),
    row({
      name: 'createAccount (administrator; supervising office: department accounts)', mutation: 'createAccount', allowed: ['supervisor', 'admin'],
      probe: () => ({ query: m('createAccount', `input: { login: "${unique('authz-new')}", displayName: "新承办人", role: department, bodyId: "${globalId('Body', 'market-commission')}" }`) }),
    }),
    row({
      name: 'createAccount of another office account (administrator only)', mutation: 'createAccount', allowed: ['admin'],
      probe: () => ({ query: m('createAccount', `input: { login: "${unique('authz-office')}", displayName: "督办员", role: supervisor, bodyId: "${globalId('Body', 'supervision-office')}" }`) }),
    }),
    row({
      name: 'resetPassword of a department account (administrator, supervising office)', mutation: 'resetPassword', allowed: ['supervisor', 'admin'], setup: () => account('department'),
      probe: (_r, accountId: string) => ({ query: m('resetPassword', `accountId: "${accountId}"`) }),
    }),
    row({
      name: 'resetPassword of an office account (administrator only)', mutation: 'resetPassword', allowed: ['admin'], setup: () => account('supervisor'),
      probe: (_r, accountId: string) => ({ query: m('resetPassword', `accountId: "${accountId}"`) }),
    }),
    row({
      name: 'setAccountActive of a department account (administrator, supervising office)', mutation: 'setAccountActive', allowed: ['supervisor', 'admin'], setup: () => account('department'),
      probe: (_r, accountId: string) => ({ query: m('setAccountActive', `accountId: "${accountId}", active: false`) }),
    }),
    row({
      name: 'regenerateCalendarUrl for 市市场监管委 (supervising office, that body)', mutation: 'regenerateCalendarUrl', allowed: ['supervisor', 'market'],
      probe: () => ({ query: m('regenerateCalendarUrl', `bodyId: "${globalId('Body', 'market-commission')}"`) }),
    }),
    row({
      name: 'setBodyWebhook (supervising office, administrator)', mutation: 'setBodyWebhook', allowed: ['supervisor', 'admin'],
      probe: () => ({ query: m('setBodyWebhook', `bodyId: "${globalId('Body', 'civil-affairs')}", url: "https://example.org/robot?key=${unique('k')}"`) }),
    }),
    row({
      name: 'createBody (supervising office, administrator)', mutation: 'createBody', allowed: ['supervisor', 'admin'],
      probe: async () => ({ query: m('createBody', `input: { registryId: "${await testRegistry()}", shortName: "${unique('权限测试局')}", kind: department }`) }),
    }),
    row({
      name: 'updateBody (supervising office, administrator)', mutation: 'updateBody', allowed: ['supervisor', 'admin'],
      probe: () => ({ query: m('updateBody', `input: { id: "${globalId('Body', 'civil-affairs')}", aliases: ["${unique('民政别名')}"] }`) }),
    }),
    row({
      name: 'mergeBodies (supervising office, administrator)', mutation: 'mergeBodies', allowed: ['supervisor', 'admin'],
      // Each probe merges a pair of its own: a merged body cannot be merged again.
      probe: async () => {
        const [survivor, merged] = await Promise.all(['存续局', '并入局'].map(async (prefix) => (await asSupervisor<{ data: { body: { id: string } } }>(
          `mutation { createBody(input: { registryId: "${await testRegistry()}", shortName: "${unique(prefix)}", kind: department }) { __typename ... on MutationCreateBodySuccess { data { body { id } } } ... on Error { message } } }`,
        )).data.body.id));
        return { query: m('mergeBodies', `survivorId: "${survivor}", mergedId: "${merged}"`) };
      },
    }),
    row({ name: 'createRegistry (supervising office, administrator)', mutation: 'createRegistry', allowed: ['supervisor', 'admin'], probe: () => ({ query: m('createRegistry', `name: "${unique('某区人民政府')}"`) }) }),
    row({ name: 'parseNotice (supervising office)', mutation: 'parseNotice', allowed: ['supervisor'], probe: () => ({ query: m('parseNotice', 'text: "一、任务\\n1.完善制度。（市法制办负责）"') }) }),
    row({
      name: 'commitPlan (supervising office; the same notice again changes nothing)', mutation: 'commitPlan', allowed: ['supervisor'],
      setup: async () => {
        const draft = { ...planDraft, title: unique('权限测试') };
        await commitPlan({ prisma: db.prisma, temporal: stack.env.client, taskQueue: 'duban', dataDir: db.dataDir }, draft);
        return draft;
      },
      probe: (_role, draft: PlanDraft) => ({ query: m('commitPlan', 'draft: $d', '$d: NoticeDraftInput!'), variables: { d: { ...draft, timeline: undefined } } }),
    }),
    row({ name: 'uploadAttachment (supervising office and departments)', mutation: 'uploadAttachment', allowed: ['supervisor', 'market', 'legal'], probe: () => ({ query: m('uploadAttachment', 'file: $f', '$f: File!'), file: { name: '说明.txt', content: '整改说明' } }) }),
    row({ name: 'act progress (lead body only)', mutation: 'act', allowed: ['market'], setup: task, probe: (_r, taskId: string) => ({ query: act(taskId, 'progress', '市市场监管委') }) }),
    row({ name: 'act acknowledge (the assigned body only)', mutation: 'act', allowed: ['market'], setup: task, probe: (_r, taskId: string) => ({ query: act(taskId, 'acknowledge', '市市场监管委') }) }),
    row({ name: 'act signOff (the unit\'s 负责人 only)', mutation: 'act', allowed: ['market'], setup: drafted, probe: (_r, taskId: string) => ({ query: act(taskId, 'signOff', '市市场监管委') }) }),
    row({ name: 'act returnDraft (the unit\'s 负责人 only)', mutation: 'act', allowed: ['market'], setup: drafted, probe: (_r, taskId: string) => ({ query: act(taskId, 'returnDraft', '市市场监管委') }) }),
    row({
      name: 'delegateSignOff (a department\'s 负责人, to a colleague)', mutation: 'delegateSignOff', allowed: ['market', 'legal'],
      setup: () => Promise.all([drafter('market'), drafter('legal')]),
      probe: (role) => {
        const to = role === 'legal' ? 'account-drafter.legal' : 'account-drafter.market';
        // Starting tomorrow: a delegation in force would let the drafter sign its own drafts, which other rows rely on waiting.
        return { query: m('delegateSignOff', `accountId: "${globalId('Account', to)}", from: "${new Date(Date.now() + dayMs).toISOString()}", until: "${new Date(Date.now() + 2 * dayMs).toISOString()}"`) };
      },
    }),
    row({
      name: 'revokeSignOffDelegation (the 负责人 who delegated)', mutation: 'revokeSignOffDelegation', allowed: ['market'],
      setup: async () => {
        await drafter('market');
        const made = await as<{ data: { id: string } }>('market', `mutation { delegateSignOff(accountId: "${globalId('Account', 'account-drafter.market')}", from: "${new Date(Date.now() + dayMs).toISOString()}", until: "${new Date(Date.now() + 2 * dayMs).toISOString()}") { __typename ... on MutationDelegateSignOffSuccess { data { id } } ... on Error { message } } }`);
        return made.data.id;
      },
      probe: (_r, id: string) => ({ query: m('revokeSignOffDelegation', `id: "${id}"`) }),
    }),
    row({
      name: 'setAccountDuty (supervising office, administrator)', mutation: 'setAccountDuty', allowed: ['supervisor', 'admin'], setup: () => drafter('legal'),
      probe: () => ({ query: m('setAccountDuty', `accountId: "${globalId('Account', 'account-drafter.legal')}", duty: drafter`) }),
    }),
    row({ name: 'act urge (supervising office only)', mutation: 'act', allowed: ['supervisor'], setup: task, probe: (_r, taskId: string) => ({ query: act(taskId, 'urge', '市市场监管委') }) }),
    row({
      name: 'act requestExtension (lead body only)', mutation: 'act', allowed: ['market'], setup: task,
      probe: (_r, taskId: string) => ({ query: act(taskId, 'requestExtension', '市市场监管委', `, until: "${new Date(Date.now() + 90 * dayMs).toISOString()}"`) }),
    }),
    row({
      name: 'act decideExtension (supervising office only)', mutation: 'act', allowed: ['supervisor'],
      setup: async () => {
        const taskId = await task();
        await as('market', act(taskId, 'requestExtension', '市市场监管委', `, until: "${new Date(Date.now() + 90 * dayMs).toISOString()}"`));
        return taskId;
      },
      probe: (_r, taskId: string) => ({ query: act(taskId, 'decideExtension', '市市场监管委', ', approve: false') }),
    }),
    row({
      name: 'act designate (supervising office only)', mutation: 'act', allowed: ['supervisor'], setup: task,
      probe: (_r, taskId: string) => ({ query: act(taskId, 'designate', '市有关行政主管部门', `, bodies: [{ id: "${globalId('Body', 'commerce')}" }]`) }),
    }),

    row({
      name: 'openFilingRound (supervising office)', mutation: 'openFilingRound', allowed: ['supervisor'],
      probe: () => ({ query: m('openFilingRound', `input: { title: "${unique('权限测试')}", deadline: "2016-01-31T23:59:59+08:00", bodyIds: ["${globalId('Body', 'market-commission')}"] }`) }),
    }),
    row({
      name: 'filingAction submit (the filing body only: 市法制办)', mutation: 'filingAction', allowed: ['legal'], setup: () => filingRound(['legal-affairs-office']),
      probe: (_r, roundId: string) => ({ query: submitFiling(roundId, 'legal-affairs-office') }),
    }),
    row({
      name: 'filingAction return (supervising office)', mutation: 'filingAction', allowed: ['supervisor'],
      setup: async () => {
        const roundId = await filingRound(['legal-affairs-office']);
        await as('legal', submitFiling(roundId, 'legal-affairs-office'));
        return roundId;
      },
      probe: (_r, roundId: string) => ({ query: m('filingAction', `input: { filingId: "${filing(roundId, 'legal-affairs-office')}", type: return, comment: "缺少下放事项" }`) }),
    }),
    row({
      name: 'filingAction urge (supervising office)', mutation: 'filingAction', allowed: ['supervisor'], setup: () => filingRound(['legal-affairs-office']),
      probe: (_r, roundId: string) => ({ query: m('filingAction', `input: { filingId: "${filing(roundId, 'legal-affairs-office')}", type: urge, comment: "请尽快报送" }`) }),
    }),
    row({
      name: 'uploadCatalogue (the filing body only: 市市场监管委)', mutation: 'uploadCatalogue', allowed: ['market'], setup: () => filingRound(['market-commission']),
      probe: async (_r, roundId: string) => ({
        query: m('uploadCatalogue', `filingId: "${filing(roundId, 'market-commission')}", file: $f, measuresAttachmentId: "${attachmentId}"`, '$f: File!'),
        file: { name: '目录.xlsx', content: await catalogue() },
      }),
    }),
    row({
      name: 'filingAction accept (supervising office)', mutation: 'filingAction', allowed: ['supervisor'],
      setup: async () => {
        const roundId = await filingRound(['market-commission']);
        await as('market', submitFiling(roundId, 'market-commission'));
        return roundId;
      },
      probe: (_r, roundId: string) => ({ query: m('filingAction', `input: { filingId: "${filing(roundId, 'market-commission')}", type: accept }`) }),
    }),
    row({
      name: 'consolidateFilingRound (supervising office)', mutation: 'consolidateFilingRound', allowed: ['supervisor'],
      setup: async () => {
        const roundId = await filingRound(['legal-affairs-office']);
        await as('legal', submitFiling(roundId, 'legal-affairs-office'));
        await asSupervisor(m('filingAction', `input: { filingId: "${filing(roundId, 'legal-affairs-office')}", type: accept }`));
        await roundKnows(roundId, 'accepted');
        return roundId;
      },
      probe: (_r, roundId: string) => ({ query: m('consolidateFilingRound', `roundId: "${globalId('FilingRound', roundId)}"`) }),
    }),
    row({
      name: 'recordFiling (supervising office)', mutation: 'recordFiling', allowed: ['supervisor'],
      setup: async () => {
        const roundId = await filingRound(['legal-affairs-office']);
        await as('legal', submitFiling(roundId, 'legal-affairs-office'));
        await asSupervisor(m('filingAction', `input: { filingId: "${filing(roundId, 'legal-affairs-office')}", type: accept }`));
        await roundKnows(roundId, 'accepted');
        await asSupervisor(m('consolidateFilingRound', `roundId: "${globalId('FilingRound', roundId)}"`));
        return roundId;
      },
      probe: (_r, roundId: string) => ({ query: m('recordFiling', `roundId: "${globalId('FilingRound', roundId)}", filedOn: "2016-02-20", filingNumber: "备1号"`) }),
    }),

    row({
      name: 'reportAction submit (the reporting unit only: 市法制办)', mutation: 'reportAction', allowed: ['legal'], setup: () => evaluationRound(2016),
      probe: () => ({ query: submitReport(2016, 'legal-affairs-office') }),
    }),
    row({
      name: 'reportAction return (supervising office)', mutation: 'reportAction', allowed: ['supervisor'],
      setup: async () => {
        await evaluationRound(2016);
        await as('market', submitReport(2016, 'market-commission'));
      },
      probe: () => ({ query: m('reportAction', `input: { reportId: "${report(2016, 'market-commission')}", type: return, comment: "请补充数据" }`) }),
    }),
    row({
      name: 'reportAction urge (supervising office)', mutation: 'reportAction', allowed: ['supervisor'], setup: () => evaluationRound(2016),
      probe: () => ({ query: m('reportAction', `input: { reportId: "${report(2016, 'district-heping')}", type: urge, comment: "请报送" }`) }),
    }),
    row({ name: 'openEvaluationRound (supervising office)', mutation: 'openEvaluationRound', allowed: ['supervisor'], probe: () => ({ query: m('openEvaluationRound', 'year: 2018') }) }),
    row({
      name: 'consolidateEvaluationRound (supervising office)', mutation: 'consolidateEvaluationRound', allowed: ['supervisor'], setup: () => evaluationRound(2017),
      probe: () => ({ query: m('consolidateEvaluationRound', `roundId: "${globalId('EvaluationRound', 'evaluation:2017')}", submittedOn: "2017-12-28"`) }),
    }),

    row({
      name: 'createRubricVersion (performance office)', mutation: 'createRubricVersion', allowed: ['performance'],
      probe: (role) => ({
        query: m('createRubricVersion', `input: { version: "authz-${role}", base: 100, perOverdueAssignment: 3, overdueAssignmentCap: 30, perOverdueDay: 0.1, overdueDayCap: 20, perReturn: 2, returnCap: 10, reportMissing: 10, reportLate: 5, catalogueMissing: 10, catalogueLate: 5, supportWeight: 0.5 }`),
      }),
    }),
    row({
      name: 'generateBulletin (supervising office)', mutation: 'generateBulletin', allowed: ['supervisor'],
      setup: async () => (await db.prisma.task.findUniqueOrThrow({ where: { id: await task() } })).planId,
      probe: (_role, planId: string) => ({ query: m('generateBulletin', `planId: "${globalId('Plan', planId)}"`) }),
    }),
    row({
      name: 'setEscalationLadder (supervising office)', mutation: 'setEscalationLadder', allowed: ['supervisor'],
      setup: async () => (await db.prisma.task.findUniqueOrThrow({ where: { id: await task() } })).planId,
      probe: (_role, planId: string) => ({ query: m('setEscalationLadder', `planId: "${globalId('Plan', planId)}", rungs: [{ triggerKind: workingDaysOverdue, triggerCount: 1, action: urge, points: 0 }]`) }),
    }),
    row({
      name: 'setPaceMargin (supervising office)', mutation: 'setPaceMargin', allowed: ['supervisor'],
      setup: async () => (await db.prisma.task.findUniqueOrThrow({ where: { id: await task() } })).planId,
      probe: (_role, planId: string) => ({ query: m('setPaceMargin', `planId: "${globalId('Plan', planId)}", points: 20`) }),
    }),
    row({ name: 'actOnReport fileReport (the body that owes it)', mutation: 'actOnReport', allowed: ['market'], setup: reportingTask, probe: (_r, t) => ({ query: reportAct(t, 'fileReport') }) }),
    row({ name: 'actOnReport urgeReport (supervising office)', mutation: 'actOnReport', allowed: ['supervisor'], setup: reportingTask, probe: (_r, t) => ({ query: reportAct(t, 'urgeReport') }) }),
    row({
      name: 'urgeMissingReports (supervising office)', mutation: 'urgeMissingReports', allowed: ['supervisor'], setup: reportingTask,
      probe: (_r, t) => ({ query: m('urgeMissingReports', `planId: "${globalId('Plan', t.planId)}", periodEnd: "${t.periodEnd}"`) }),
    }),
    row({ name: 'computeScores (performance office)', mutation: 'computeScores', allowed: ['performance'], probe: () => ({ query: computeScores }) }),
    row({
      name: 'reviewScoreSheet (performance office)', mutation: 'reviewScoreSheet', allowed: ['performance'],
      setup: async () => {
        await as('performance', computeScores);
        return latestSheet();
      },
      probe: (_r, sheet: string) => ({ query: m('reviewScoreSheet', `id: "${globalId('ScoreSheet', sheet)}"`) }),
    }),
    row({
      name: 'publishScoreSheet (performance office)', mutation: 'publishScoreSheet', allowed: ['performance'],
      setup: async () => {
        await as('performance', computeScores);
        const sheet = await latestSheet();
        await as('performance', m('reviewScoreSheet', `id: "${globalId('ScoreSheet', sheet)}"`));
        // 公示 without an appeal period, so the sheet may be published at once.
        await as('performance', m('announceScoreSheet', `id: "${globalId('ScoreSheet', sheet)}", appealWorkingDays: 0`));
        return sheet;
      },
      probe: (_r, sheet: string) => ({ query: m('publishScoreSheet', `id: "${globalId('ScoreSheet', sheet)}"`) }),
    }),
    row({
      name: 'announceScoreSheet (performance office)', mutation: 'announceScoreSheet', allowed: ['performance'],
      setup: () => reviewedSheet(2019),
      probe: (_r, sheet: string) => ({ query: m('announceScoreSheet', `id: "${globalId('ScoreSheet', sheet)}", appealWorkingDays: 5`) }),
    }),
    row({
      name: 'appealScoreLine (a unit, its own line only: 市市场监管委)', mutation: 'appealScoreLine', allowed: ['market'], setup: announced2017,
      probe: (_r, sheet: string) => ({ query: appealLine(sheet, 'market-commission') }),
    }),
    row({
      name: 'decideScoreAppeal (performance office)', mutation: 'decideScoreAppeal', allowed: ['performance'],
      setup: async () => {
        const appealed = await as<{ data: { id: string } }>('legal', appealLine(await announced2017(), 'legal-affairs-office').replace('{ __typename', '{ __typename ... on MutationAppealScoreLineSuccess { data { id } }'));
        return appealed.data.id;
      },
      probe: (_r, appealId: string) => ({ query: m('decideScoreAppeal', `input: { appealId: "${appealId}", decision: uphold, reason: "扣分依据充分" }`) }),
    }),

    row({
      name: 'registerMarketEntity (supervising office)', mutation: 'registerMarketEntity', allowed: ['supervisor'],
      probe: (role) => ({ query: m('registerMarketEntity', `input: { code: "${testCode(100 + roles.indexOf(role))}", name: "甲", registrationBody: "乙", district: "和平区", industry: "retail" }`) }),
    }),
    row({
      name: 'importCreditData (supervising office)', mutation: 'importCreditData', allowed: ['supervisor'],
      probe: (role) => ({
        query: m('importCreditData', 'kind: entities, file: $f', '$f: File!'),
        file: { name: '主体.csv', content: `统一社会信用代码,名称,登记机关,区县,行业\r\n${testCode(200 + roles.indexOf(role))},丙,和平区市场监管局,和平区,retail` },
      }),
    }),
    row({
      name: 'addCreditRecord (supervising office and departments)', mutation: 'addCreditRecord', allowed: ['supervisor', 'market', 'legal'],
      probe: () => ({ query: m('addCreditRecord', `input: { entityCode: "${testCode(1)}", kind: penalty, amountYuan: 100, date: "2026-01-05", description: "未按规定明码标价" }`) }),
    }),
    row({
      name: 'addEnforcementOfficer (supervising office; a department to its own pool)', mutation: 'addEnforcementOfficer', allowed: ['supervisor', 'market', 'legal'],
      probe: (role) => ({ query: m('addEnforcementOfficer', `id: "authz-${role}", name: "执法人员", bodyId: "${departments[role] ?? 'market-commission'}"`) }),
    }),
    row({
      name: 'addEnforcementOfficer to another body\'s pool (supervising office only)', mutation: 'addEnforcementOfficer', allowed: ['supervisor'],
      probe: (role) => ({ query: m('addEnforcementOfficer', `id: "other-${role}", name: "执法人员", bodyId: "commerce"`) }),
    }),
    row({
      name: 'deactivateEnforcementOfficer (supervising office)', mutation: 'deactivateEnforcementOfficer', allowed: ['supervisor'],
      setup: async () => (await addOfficers(db.prisma, 'commerce', unique('leaving'), 1))[0]!,
      probe: (_r, officer: string) => ({ query: m('deactivateEnforcementOfficer', `officerId: "${officer}", reason: "调离"`) }),
    }),
    row({
      name: 'reactivateEnforcementOfficer (supervising office)', mutation: 'reactivateEnforcementOfficer', allowed: ['supervisor'],
      setup: async () => {
        const [officer] = await addOfficers(db.prisma, 'commerce', unique('returning'), 1);
        await db.prisma.enforcementOfficer.update({ where: { id: officer }, data: { active: false } });
        return officer!;
      },
      probe: (_r, officer: string) => ({ query: m('reactivateEnforcementOfficer', `officerId: "${officer}", reason: "返岗"`) }),
    }),
    row({
      name: 'declareConflict for 市市场监管委\'s inspector (supervising office, that body)', mutation: 'declareConflict', allowed: ['supervisor', 'market'],
      probe: () => ({ query: m('declareConflict', `officerId: "mc-0", entityCode: "${testCode(1)}", reason: "亲属关系"`) }),
    }),
    row({
      name: 'fileObjection (supervising office and departments)', mutation: 'fileObjection', allowed: ['supervisor', 'market', 'legal'],
      setup: async () => {
        const records = Object.fromEntries(roles.map((role) => [role, unique(`objection-${role}`)])) as Record<Role, string>;
        for (const id of Object.values(records)) await addRecord(db.prisma, id, testCode(1));
        return records;
      },
      probe: (role, records: Record<Role, string>) => ({ query: m('fileObjection', `input: { entityCode: "${testCode(1)}", recordId: "${globalId('CreditRecord', records[role])}", reasons: "金额有误" }`) }),
    }),
    row({
      name: 'actOnObjection accept (supervising office)', mutation: 'actOnObjection', allowed: ['supervisor'], setup: objection,
      probe: (_r, caseId: string) => ({ query: m('actOnObjection', `input: { caseId: "${caseId}", type: accept, text: "受理" }`) }),
    }),
    row({
      name: 'actOnObjection providerReply (supervising office, the providing body)', mutation: 'actOnObjection', allowed: ['supervisor', 'market'],
      setup: async () => {
        // One case per allowed role, each accepted and put to the providing body (市市场监管委).
        const cases: Record<string, string> = {};
        for (const role of ['supervisor', 'market']) {
          cases[role] = await objection();
          await actOnObjection(cases[role]!, 'accept', '受理');
          await actOnObjection(cases[role]!, 'askProvider', '请核实');
        }
        return cases;
      },
      probe: (role, cases: Record<string, string>) => ({ query: m('actOnObjection', `input: { caseId: "${cases[role === 'supervisor' ? 'supervisor' : 'market']}", type: providerReply, confirmed: true, text: "记录属实" }`) }),
    }),
    row({
      name: 'applyForRepair (supervising office and departments)', mutation: 'applyForRepair', allowed: ['supervisor', 'market', 'legal'],
      setup: async () => {
        const records = Object.fromEntries(roles.map((role) => [role, unique(`repair-${role}`)])) as Record<Role, string>;
        for (const id of Object.values(records)) await addRecord(db.prisma, id, testCode(2), { date: '2024-01-05' });
        return records;
      },
      probe: (role, records: Record<Role, string>) => ({
        query: m('applyForRepair', `input: { recordId: "${globalId('CreditRecord', records[role])}", statement: "已整改", evidence: ["${attachmentId}"], commitment: "${attachmentId}" }`),
      }),
    }),
    row({
      name: 'decideRepair (supervising office)', mutation: 'decideRepair', allowed: ['supervisor'], setup: repair,
      probe: (_r, applicationId: string) => ({ query: m('decideRepair', `applicationId: "${applicationId}", approve: true, text: "同意修复"`) }),
    }),
    row({
      name: 'announceInspectionRound (supervising office)', mutation: 'announceInspectionRound', allowed: ['supervisor'], setup: () => district(2),
      probe: (_r, districtName: string) => ({ query: m('announceInspectionRound', `input: { ${roundInput(unique('authz-announce'), districtName)} }`) }),
    }),
    row({
      name: 'drawInspectionRound (supervising office)', mutation: 'drawInspectionRound', allowed: ['supervisor'],
      // One announced round: the denied roles are refused before the round is touched, and the supervising office draws it.
      setup: async () => announcedRound(await district(2)),
      probe: (_r, roundId: string) => ({ query: m('drawInspectionRound', `roundId: "${roundId}", beacon: "12345"`) }),
    }),
    row({
      name: 'actOnInspectionRound record (supervising office, the body whose inspectors were drawn)', mutation: 'actOnInspectionRound', allowed: ['supervisor', 'market'], setup: inspectionRound,
      // Denied roles try the entity the market commission records; the supervising office records the other.
      probe: (role, round: Awaited<ReturnType<typeof inspectionRound>>) => ({ query: record(round.id, round.sample[role === 'supervisor' ? 0 : 1]!) }),
    }),
    row({
      name: 'actOnInspectionRound publish (supervising office)', mutation: 'actOnInspectionRound', allowed: ['supervisor'],
      setup: async () => {
        const round = await inspectionRound();
        await asSupervisor(record(round.id, round.sample[0]!));
        return round;
      },
      probe: (_r, round: Awaited<ReturnType<typeof inspectionRound>>) => ({ query: m('actOnInspectionRound', `input: { roundId: "${round.id}", type: publish, entityCodes: ["${round.sample[0]!.entity.code}"] }`) }),
    }),
    row({
      name: 'actOnInspectionRound cancel (supervising office)', mutation: 'actOnInspectionRound', allowed: ['supervisor'], setup: inspectionRound,
      probe: (_r, round: Awaited<ReturnType<typeof inspectionRound>>) => ({ query: m('actOnInspectionRound', `input: { roundId: "${round.id}", type: cancel, reasons: "计划调整" }`) }),
    }),

    row({
      name: 'setHolidayCalendar (administrators)', mutation: 'setHolidayCalendar', allowed: ['admin'],
      probe: () => ({ query: m('setHolidayCalendar', 'year: 2027, holidays: ["2027-01-01~2027-01-03"], workingWeekends: []') }),
    }),
    row({
      name: 'importHolidayCalendar (administrators)', mutation: 'importHolidayCalendar', allowed: ['admin'],
      probe: () => ({
        query: m('importHolidayCalendar', 'file: $f', '$f: File!'),
        file: { name: '2028.json', content: JSON.stringify({ year: 2028, holidays: ['2028-01-01'], workingWeekends: [] }) },
      }),
    }),
  ];

  beforeAll(async () => {
    stack = await startTestStack();
    ({ db, api } = stack);
    for (const role of roles) tokens.set(role, role === 'anonymous' ? undefined : await api.login(role));
    // Reference data every row may use: an attachment, entities, the market commission's two inspectors.
    await db.prisma.attachment.create({ data: { id: attachmentId, name: '实施办法.docx', size: 10, type: 'application/msword', uploadedBy: 'account-supervisor' } });
    for (let n = 1; n <= 4; n += 1) await addEntity(db.prisma, n);
    await addOfficers(db.prisma, 'market-commission', 'mc', 2);
  });
  afterAll(() => stack?.stop());

  it('has a row for every mutation of the printed schema', () => {
    const schema = buildSchema(fs.readFileSync(new URL('../api/schema.graphql', import.meta.url), 'utf8'));
    const inSchema = Object.keys(schema.getMutationType()!.getFields()).sort();
    const covered = [...new Set(cases.map((c) => c.mutation))].sort();
    expect(covered).toEqual(inSchema);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const state = c.setup ? await c.setup() : undefined;
    // Denied roles first, on the state the allowed roles act on: each must be refused for who it is.
    const ordered = [...roles.filter((r) => !c.allowed.includes(r)), ...roles.filter((r) => c.allowed.includes(r))];
    const seen: Array<[Role, Outcome]> = [];
    for (const role of ordered) seen.push([role, await outcome(role, await c.probe(role, state))]);
    expect(seen).toEqual(ordered.map((role) => [role, c.allowed.includes(role) ? 'allowed' : 'forbidden']));
  });

  it('keeps a department to the tasks its own body takes part in', async () => {
    const taskId = await task();
    const planId = (await db.prisma.task.findUniqueOrThrow({ where: { id: taskId } })).planId;
    const count = async (role: Role) => (await api.request(`{ tasks(planId: "${globalId('Plan', planId)}") { totalCount } }`, {}, tokens.get(role))).data.tasks.totalCount;
    expect(await count('supervisor')).toBe(1);
    expect(await count('market')).toBe(1);
    expect(await count('legal')).toBe(0);
    const node = await api.request(`{ node(id: "${globalId('Task', taskId)}") { id } }`, {}, tokens.get('legal'));
    expect(node.data?.node ?? null).toBeNull();
  });

  it('lets every signed-in role read the lists, and nobody else', async () => {
    for (const query of ['{ plans { totalCount } }', '{ dashboard { tasks { red } } }', '{ assignments { totalCount } }']) {
      for (const role of roles) {
        const { errors } = await api.request(query, {}, tokens.get(role));
        expect([query, role, errors?.[0]?.extensions?.code ?? 'ok']).toEqual([query, role, role === 'anonymous' ? 'FORBIDDEN' : 'ok']);
      }
    }
  });

  it('logs every denied attempt (one row per who, what and minute, with a count)', async () => {
    const taskId = await task();
    const attempts = async () => (await db.prisma.deniedAttempt.aggregate({ _sum: { count: true } }))._sum.count ?? 0;
    await deniedAttemptsWritten();
    const before = await attempts();
    await outcome('legal', { query: act(taskId, 'progress', '市市场监管委') });
    await outcome('anonymous', { query: '{ plans { totalCount } }' });
    await outcome('anonymous', { query: '{ plans { totalCount } }' });
    await eventually(async () => expect(await attempts()).toBe(before + 3));
  });
});
