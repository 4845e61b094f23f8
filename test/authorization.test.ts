import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitPlan, type PlanDraft } from '../services/plans/commit.ts';
import { taskWorkflowId } from '../workflows/task.ts';
import { addEntity, addOfficers, addRecord, testCode } from './helpers/credit.ts';
import { eventually } from './helpers/eventually.ts';
import { startTestStack, type TestStack } from './helpers/stack.ts';

type Role = 'anonymous' | 'supervisor' | 'market' | 'legal' | 'performance' | 'admin';
const roles: Role[] = ['anonymous', 'supervisor', 'market', 'legal', 'performance', 'admin'];
const departments = { market: 'market-commission', legal: 'legal-affairs-office' } as Record<Role, string>;
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
const fromGlobalId = (id: string) => Buffer.from(id, 'base64').toString().replace(/^[A-Za-z]+:/, '');
const attachmentId = 'a'.repeat(64);
const dayMs = 86_400_000;

/**
 * allowed: the mutation answered with its success payload; denied: refused for who asked
 * (FORBIDDEN, ForbiddenError, NotFoundError for an object hidden from the role, or the
 * workflow's InvalidTransitionError naming who may act). Anything else is a broken probe.
 */
type Outcome = 'allowed' | 'denied' | `broken: ${string}`;
const denials = new Set(['ForbiddenError', 'NotFoundError', 'InvalidTransitionError']);

/** One request: a GraphQL document, its variables, and a file to send as `$f` (multipart). */
interface Probe {
  query: string;
  variables?: Record<string, unknown>;
  file?: { name: string; content: BlobPart };
}

/** A mutation with the payload every probe asks for. */
const m = (field: string, args: string, variables = ''): string =>
  `mutation${variables ? ` (${variables})` : ''} { ${field}(${args}) { __typename ... on Error { message } } }`;

describe('authorization matrix: every role against every mutation', () => {
  let stack: TestStack;
  let db: TestStack['db'];
  let api: TestStack['api'];
  const tokens = new Map<Role, string | undefined>();
  let taskId: string;
  let draft: PlanDraft;
  let filingRound: string;

  async function send(probe: Probe, token: string | undefined) {
    if (!probe.file) return api.request(probe.query, probe.variables ?? {}, token);
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: probe.query, variables: { ...probe.variables, f: null } }));
    form.append('map', JSON.stringify({ 0: ['variables.f'] }));
    form.append('0', new Blob([probe.file.content]), probe.file.name);
    const response = await fetch(`${stack.base}/graphql`, {
      method: 'POST', body: form, headers: { 'graphql-require-preflight': '1', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    return (await response.json()) as Awaited<ReturnType<typeof api.request>>;
  }

  /** Runs one probe as a role and classifies the answer. */
  async function outcome(role: Role, probe: Probe): Promise<Outcome> {
    const { data, errors } = await send(probe, tokens.get(role));
    if (errors?.length) return errors[0]!.extensions?.code === 'FORBIDDEN' ? 'denied' : `broken: ${errors[0]!.message}`;
    const payload = Object.values(data ?? {})[0] as { __typename?: string; message?: string } | null;
    if (payload?.__typename && denials.has(payload.__typename)) return 'denied';
    if (!payload?.__typename || /Error$/.test(payload.__typename)) return `broken: ${payload?.__typename} ${payload?.message ?? ''}`;
    return 'allowed';
  }

  /** As the supervising office, for setting a case up; fails loudly. */
  async function asSupervisor<T = any>(query: string): Promise<T> {
    const { data, errors } = await api.request(query, {}, tokens.get('supervisor'));
    const payload = Object.values(data ?? {})[0] as { __typename: string; message?: string };
    if (errors || /Error$/.test(payload.__typename)) throw new Error(JSON.stringify(errors ?? payload));
    return payload as T;
  }

  const act = (type: string, bodyName: string, extra = '') =>
    m('act', `input: { taskId: "${globalId('Task', taskId)}", bodyName: "${bodyName}", type: ${type}, comment: "测试"${extra} }`);
  const filing = (bodyId: string) => globalId('BodyFiling', `${filingRound}/${bodyId}`);
  const report = (bodyId: string) => globalId('UnitReport', `evaluation:2016/${bodyId}`);
  const latestSheet = async () => (await db.prisma.scoreSheet.findFirstOrThrow({ where: { year: 2016 }, orderBy: { version: 'desc' } })).id;
  const row = (item: string) => `{ item: "${item}", disposition: "保留", object: "企业", content: "许可条件", method: "抽查", standard: "通则", measures: "整改", procedure: "检查" }`;
  const fileCase = async (recordId: string) => {
    const filed = await asSupervisor<{ data: { id: string } }>(`mutation { fileObjection(input: { entityCode: "${testCode(1)}", recordId: "${globalId('CreditRecord', recordId)}", reasons: "金额有误" }) { __typename ... on MutationFileObjectionSuccess { data { id } } ... on Error { message } } }`);
    return filed.data.id;
  };
  const actOnCase = (caseId: string, type: string, text: string) =>
    asSupervisor(`mutation { actOnObjection(input: { caseId: "${caseId}", type: ${type}, text: "${text}" }) { __typename ... on Error { message } } }`);
  const inspectionRound = globalId('InspectionRound', 'authz-1');
  const sampled = async () => {
    const { data } = await api.request(`{ node(id: "${inspectionRound}") { ... on InspectionRound { sampled { entity { code } inspectors { officer { id } } } } } }`, {}, tokens.get('supervisor'));
    return data.node.sampled as Array<{ entity: { code: string }; inspectors: Array<{ officer: { id: string } }> }>;
  };
  const catalogue = async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('目录');
    sheet.addRow(['审批事项', '保留/取消/下放', '监管对象', '监管内容', '监管方式', '监管标准', '监管措施', '监管程序']);
    sheet.addRow(['食品经营许可', '保留', '企业', '内容', '抽查', '标准', '整改', '程序']);
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  };
  /** Each allowed role's own object, created once. */
  const once = <T>(make: (role: Role) => Promise<T>) => {
    const made = new Map<Role, Promise<T>>();
    return (role: Role) => made.get(role) ?? (made.set(role, make(role)), made.get(role)!);
  };
  const replyCase = once(async (role: Role) => {
    const caseId = await fileCase(`reply-${role}`);
    await actOnCase(caseId, 'accept', '受理');
    await actOnCase(caseId, 'askProvider', '请核实');
    return caseId;
  });
  const acceptCase = once(async () => fileCase('accept'));
  const repairToDecide = once(async () => {
    const applied = await asSupervisor<{ data: { id: string } }>(`mutation { applyForRepair(input: { recordId: "${globalId('CreditRecord', 'decide')}", statement: "已整改", evidence: ["${attachmentId}"], commitment: "${attachmentId}" }) { __typename ... on MutationApplyForRepairSuccess { data { id } } ... on Error { message } } }`);
    return applied.data.id;
  });

  /**
   * Every mutation of the schema, at least once, with the roles allowed to do it; the
   * rows run in order, and some build on the ones before (a round opened, then consolidated).
   */
  const cases: Array<[name: string, mutation: string, allowed: Role[], probe: (role: Role) => Probe | Promise<Probe>]> = [
    ['login (anyone)', 'login', roles, () => ({ query: m('login', 'login: "performance", password: "test-password"') })],
    ['parseNotice (supervising office)', 'parseNotice', ['supervisor'], () => ({ query: m('parseNotice', 'text: "一、任务\\n1.完善制度。（市法制办负责）"') })],
    ['commitPlan (supervising office; the same notice again changes nothing)', 'commitPlan', ['supervisor'], () => ({ query: m('commitPlan', 'draft: $d', '$d: NoticeDraftInput!'), variables: { d: { ...draft, timeline: undefined } } })],
    ['uploadAttachment (supervising office and departments)', 'uploadAttachment', ['supervisor', 'market', 'legal'], () => ({ query: m('uploadAttachment', 'file: $f', '$f: File!'), file: { name: '说明.txt', content: '整改说明' } })],
    ['act progress (lead body only)', 'act', ['market'], () => ({ query: act('progress', '市市场监管委') })],
    ['act urge (supervising office only)', 'act', ['supervisor'], () => ({ query: act('urge', '市市场监管委') })],
    ['act requestExtension (lead body only)', 'act', ['market'], () => ({ query: act('requestExtension', '市市场监管委', `, until: "${new Date(Date.now() + 90 * dayMs).toISOString()}"`) })],
    ['act decideExtension (supervising office only)', 'act', ['supervisor'], () => ({ query: act('decideExtension', '市市场监管委', ', approve: false') })],
    ['act designate (supervising office only)', 'act', ['supervisor'], () => ({ query: act('designate', '市有关行政主管部门', `, bodies: [{ id: "${globalId('Body', 'commerce')}" }]`) })],

    ['openFilingRound (supervising office)', 'openFilingRound', ['supervisor'], () => ({
      query: m('openFilingRound', `input: { title: "权限测试 B", deadline: "2016-01-31T23:59:59+08:00", bodyIds: ["${globalId('Body', 'market-commission')}"] }`),
    })],
    ['filingAction submit (the filing body only: 市法制办)', 'filingAction', ['legal'], () => ({
      query: m('filingAction', `input: { filingId: "${filing('legal-affairs-office')}", type: submit, measuresAttachmentId: "${attachmentId}", rows: [${row('法规审查')}] }`),
    })],
    ['filingAction return (supervising office)', 'filingAction', ['supervisor'], () => ({ query: m('filingAction', `input: { filingId: "${filing('legal-affairs-office')}", type: return, comment: "缺少下放事项" }`) })],
    ['filingAction urge (supervising office)', 'filingAction', ['supervisor'], () => ({ query: m('filingAction', `input: { filingId: "${filing('legal-affairs-office')}", type: urge, comment: "请尽快重报" }`) })],
    ['uploadCatalogue (the filing body only: 市市场监管委)', 'uploadCatalogue', ['market'], async () => ({
      query: m('uploadCatalogue', `filingId: "${filing('market-commission')}", file: $f, measuresAttachmentId: "${attachmentId}"`, '$f: File!'),
      file: { name: '目录.xlsx', content: await catalogue() },
    })],
    ['filingAction accept (supervising office)', 'filingAction', ['supervisor'], () => ({ query: m('filingAction', `input: { filingId: "${filing('market-commission')}", type: accept }`) })],
    ['consolidateFilingRound (supervising office)', 'consolidateFilingRound', ['supervisor'], () => ({ query: m('consolidateFilingRound', `roundId: "${globalId('FilingRound', filingRound)}"`) })],
    ['recordFiling (supervising office)', 'recordFiling', ['supervisor'], () => ({
      query: m('recordFiling', `roundId: "${globalId('FilingRound', filingRound)}", filedOn: "2016-02-20", filingNumber: "备1号"`),
    })],

    ['reportAction submit (the reporting unit only: 市法制办)', 'reportAction', ['legal'], () => ({
      query: m('reportAction', `input: { reportId: "${report('legal-affairs-office')}", type: submit, followUp: "已落实", benefits: "缩短时限", marketVitality: "增长", supervisionEfficiency: "全覆盖" }`),
    })],
    ['reportAction return (supervising office)', 'reportAction', ['supervisor'], () => ({ query: m('reportAction', `input: { reportId: "${report('legal-affairs-office')}", type: return, comment: "请补充数据" }`) })],
    ['reportAction urge (supervising office)', 'reportAction', ['supervisor'], () => ({ query: m('reportAction', `input: { reportId: "${report('market-commission')}", type: urge, comment: "请报送" }`) })],
    ['openEvaluationRound (supervising office)', 'openEvaluationRound', ['supervisor'], () => ({ query: m('openEvaluationRound', 'year: 2017') })],
    ['consolidateEvaluationRound (supervising office)', 'consolidateEvaluationRound', ['supervisor'], () => ({
      query: m('consolidateEvaluationRound', `roundId: "${globalId('EvaluationRound', 'evaluation:2017')}", submittedOn: "2017-12-28"`),
    })],

    ['createRubricVersion (performance office)', 'createRubricVersion', ['performance'], (role) => ({
      query: m('createRubricVersion', `input: { version: "authz-${role}", base: 100, perOverdueAssignment: 3, overdueAssignmentCap: 30, perOverdueDay: 0.1, overdueDayCap: 20, perReturn: 2, returnCap: 10, reportMissing: 10, reportLate: 5, catalogueMissing: 10, catalogueLate: 5, supportWeight: 0.5 }`),
    })],
    ['computeScores (performance office)', 'computeScores', ['performance'], () => ({ query: m('computeScores', 'year: 2016') })],
    ['reviewScoreSheet (performance office)', 'reviewScoreSheet', ['performance'], async () => ({ query: m('reviewScoreSheet', `id: "${globalId('ScoreSheet', await latestSheet())}"`) })],
    ['publishScoreSheet (performance office)', 'publishScoreSheet', ['performance'], async () => ({ query: m('publishScoreSheet', `id: "${globalId('ScoreSheet', await latestSheet())}"`) })],

    ['registerMarketEntity (supervising office)', 'registerMarketEntity', ['supervisor'], (role) => ({
      query: m('registerMarketEntity', `input: { code: "${testCode(100 + roles.indexOf(role))}", name: "甲", registrationBody: "乙", district: "和平区", industry: "retail" }`),
    })],
    ['importCreditData (supervising office)', 'importCreditData', ['supervisor'], (role) => ({
      query: m('importCreditData', 'kind: entities, file: $f', '$f: File!'),
      file: { name: '主体.csv', content: `统一社会信用代码,名称,登记机关,区县,行业\r\n${testCode(200 + roles.indexOf(role))},丙,和平区市场监管局,和平区,retail` },
    })],
    ['addCreditRecord (supervising office and departments)', 'addCreditRecord', ['supervisor', 'market', 'legal'], () => ({
      query: m('addCreditRecord', `input: { entityCode: "${testCode(1)}", kind: penalty, amountYuan: 100, date: "2026-01-05", description: "未按规定明码标价" }`),
    })],
    ['addEnforcementOfficer (supervising office; a department to its own pool)', 'addEnforcementOfficer', ['supervisor', 'market', 'legal'], (role) => ({
      query: m('addEnforcementOfficer', `id: "authz-${role}", name: "执法人员", bodyId: "${departments[role] ?? 'market-commission'}"`),
    })],
    ['addEnforcementOfficer to another body\'s pool (supervising office only)', 'addEnforcementOfficer', ['supervisor'], (role) => ({
      query: m('addEnforcementOfficer', `id: "other-${role}", name: "执法人员", bodyId: "commerce"`),
    })],
    ['deactivateEnforcementOfficer (supervising office)', 'deactivateEnforcementOfficer', ['supervisor'], () => ({ query: m('deactivateEnforcementOfficer', 'officerId: "authz-supervisor", reason: "调离"') })],
    ['reactivateEnforcementOfficer (supervising office)', 'reactivateEnforcementOfficer', ['supervisor'], () => ({ query: m('reactivateEnforcementOfficer', 'officerId: "authz-supervisor", reason: "返岗"') })],
    ['declareConflict for 市市场监管委\'s inspector (supervising office, that body)', 'declareConflict', ['supervisor', 'market'], () => ({
      query: m('declareConflict', `officerId: "mc-0", entityCode: "${testCode(1)}", reason: "亲属关系"`),
    })],
    ['fileObjection (supervising office and departments)', 'fileObjection', ['supervisor', 'market', 'legal'], (role) => ({
      query: m('fileObjection', `input: { entityCode: "${testCode(1)}", recordId: "${globalId('CreditRecord', `objection-${role}`)}", reasons: "金额有误" }`),
    })],
    ['actOnObjection accept (supervising office)', 'actOnObjection', ['supervisor'], async () => ({ query: m('actOnObjection', `input: { caseId: "${await acceptCase('supervisor')}", type: accept, text: "受理" }`) })],
    ['actOnObjection providerReply (supervising office, the providing body)', 'actOnObjection', ['supervisor', 'market'], async (role) => ({
      query: m('actOnObjection', `input: { caseId: "${await replyCase(role === 'supervisor' ? 'supervisor' : 'market')}", type: providerReply, confirmed: true, text: "记录属实" }`),
    })],
    ['applyForRepair (supervising office and departments)', 'applyForRepair', ['supervisor', 'market', 'legal'], (role) => ({
      query: m('applyForRepair', `input: { recordId: "${globalId('CreditRecord', `repair-${role}`)}", statement: "已整改", evidence: ["${attachmentId}"], commitment: "${attachmentId}" }`),
    })],
    ['decideRepair (supervising office)', 'decideRepair', ['supervisor'], async () => ({ query: m('decideRepair', `applicationId: "${await repairToDecide('supervisor')}", approve: true, text: "同意修复"`) })],
    ['openInspectionRound (supervising office)', 'openInspectionRound', ['supervisor'], () => ({
      query: m('openInspectionRound', 'input: { roundId: "authz-1", title: "抽查", date: "2026-03-01", size: 2, checklist: [{ id: "a", text: "营业执照" }], bodies: [{ bodyId: "market-commission" }] }'),
    })],
    ['actOnInspectionRound record (supervising office, the body whose inspectors were drawn)', 'actOnInspectionRound', ['supervisor', 'market'], async (role) => {
      const sample = await eventually(async () => {
        const found = await sampled();
        expect(found).toHaveLength(2);
        return found;
      });
      const entity = sample[role === 'supervisor' ? 0 : 1]!;
      return {
        query: m('actOnInspectionRound', `input: { roundId: "${inspectionRound}", type: record, entityCode: "${entity.entity.code}", inspectorIds: ${JSON.stringify(entity.inspectors.map((i) => i.officer.id))}, answers: [{ itemId: "a", outcome: pass }] }`),
      };
    }],
    ['actOnInspectionRound publish (supervising office)', 'actOnInspectionRound', ['supervisor'], async () => ({
      query: m('actOnInspectionRound', `input: { roundId: "${inspectionRound}", type: publish, entityCodes: ["${(await sampled())[0]!.entity.code}"] }`),
    })],
    ['actOnInspectionRound cancel (supervising office)', 'actOnInspectionRound', ['supervisor'], async () => {
      if (!(await db.prisma.inspectionRound.findUnique({ where: { id: 'authz-2' } }))) {
        await asSupervisor(m('openInspectionRound', 'input: { roundId: "authz-2", title: "抽查二", date: "2026-03-02", size: 1, checklist: [{ id: "a", text: "营业执照" }], bodies: [{ bodyId: "market-commission" }] }'));
      }
      return { query: m('actOnInspectionRound', `input: { roundId: "${globalId('InspectionRound', 'authz-2')}", type: cancel, reasons: "计划调整" }`) };
    }],
  ];

  beforeAll(async () => {
    stack = await startTestStack();
    ({ db, api } = stack);
    draft = {
      title: '权限测试', issuer: null, issuedOn: null, basis: null, warnings: [], sourceText: '…', timeline: 'historic',
      tasks: [{ ref: '1.1', section: '一', text: '市场监管委牵头的任务。', leads: ['市市场监管委'], supports: ['市有关行政主管部门'] }],
      requirements: [{ text: '制定细则', due: new Date(Date.now() + 30 * dayMs).toISOString(), recurrence: null, appliesTo: ['各牵头部门'] }],
    };
    const { planId } = await commitPlan({ prisma: db.prisma, temporal: stack.env.client, taskQueue: 'duban', dataDir: db.dataDir }, draft);
    taskId = taskWorkflowId(planId, '1.1');
    for (const role of roles) tokens.set(role, role === 'anonymous' ? undefined : await api.login(role));

    await db.prisma.attachment.create({ data: { id: attachmentId, name: '实施办法.docx', size: 10, type: 'application/msword', uploadedBy: 'account-supervisor' } });
    for (let n = 1; n <= 4; n += 1) await addEntity(db.prisma, n);
    for (const id of ['accept', 'reply-supervisor', 'reply-market', ...roles.map((r) => `objection-${r}`)]) await addRecord(db.prisma, id, testCode(1));
    for (const id of ['decide', ...roles.map((r) => `repair-${r}`)]) await addRecord(db.prisma, id, testCode(2), { date: '2024-01-05' });
    await addOfficers(db.prisma, 'market-commission', 'mc', 2);

    const opened = await asSupervisor<{ data: { id: string } }>(`mutation { openFilingRound(input: { title: "权限测试 A", deadline: "2016-01-31T23:59:59+08:00", bodyIds: ["${globalId('Body', 'legal-affairs-office')}", "${globalId('Body', 'market-commission')}"] }) { __typename ... on MutationOpenFilingRoundSuccess { data { id } } ... on Error { message } } }`);
    filingRound = fromGlobalId(opened.data.id);
    await asSupervisor(m('openEvaluationRound', 'year: 2016'));
    await eventually(async () => {
      expect(await db.prisma.bodyFiling.count({ where: { roundId: filingRound } })).toBe(2);
      expect(await db.prisma.unitReport.count({ where: { roundId: 'evaluation:2016', bodyId: { in: ['legal-affairs-office', 'market-commission'] } } })).toBe(2);
    });
  });
  afterAll(() => stack?.stop());

  it('has a row for every mutation of the printed schema', () => {
    const schema = buildSchema(fs.readFileSync(new URL('../api/schema.graphql', import.meta.url), 'utf8'));
    const inSchema = Object.keys(schema.getMutationType()!.getFields()).sort();
    const covered = [...new Set(cases.map(([, mutation]) => mutation))].sort();
    expect(covered).toEqual(inSchema);
  });

  it.each(cases)('%s', async (_name, _mutation, allowed, probe) => {
    // Denied roles first: a refusal must come from who asks, not from a state an allowed role just changed.
    const ordered = [...roles.filter((r) => !allowed.includes(r)), ...roles.filter((r) => allowed.includes(r))];
    const seen: Array<[Role, Outcome]> = [];
    for (const role of ordered) seen.push([role, await outcome(role, await probe(role))]);
    expect(seen).toEqual(ordered.map((role) => [role, allowed.includes(role) ? 'allowed' : 'denied']));
  });

  it('keeps a department to the tasks its own body takes part in', async () => {
    const count = async (role: Role) => (await api.request('{ tasks { totalCount } }', {}, tokens.get(role))).data.tasks.totalCount;
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

  it('logs every denied attempt', async () => {
    const before = await db.prisma.deniedAttempt.count();
    await outcome('legal', { query: act('progress', '市市场监管委') });
    await outcome('anonymous', { query: '{ plans { totalCount } }' });
    await eventually(async () => expect(await db.prisma.deniedAttempt.count()).toBe(before + 2));
  });
});
