import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { isProvisional } from '../domain/time/calendar.ts';
import { arrangement2027 } from '../domain/time/fixtures.ts';
import { dayMs } from '../domain/time/instants.ts';
import { workingDayTimes } from '../domain/time/working-day-calendar.ts';
import { addWorkingDays } from '../domain/time/working-days.ts';
import { reclassifyEntity } from '../readmodel/classes.ts';
import { addEntity, addOfficers, addRecord, testCode } from './helpers/credit.ts';
import { eventually } from './helpers/eventually.ts';
import { startTestStack, type TestStack } from './helpers/stack.ts';

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
const entityCsv = (codes: string[]) => ['统一社会信用代码,名称,登记机关,区县,行业', ...codes.map((c, i) => `${c},"天津测试商贸有限公司 ${i}",和平区市场监管局,和平区,retail`)].join('\r\n');

describe('credit, objections, repairs and inspections through the API', () => {
  let stack: TestStack;
  let api: TestStack['api'];
  let tokens: Record<'supervisor' | 'market' | 'heping' | 'legal' | 'performance', string>;

  const payload = async (query: string, token?: string, variables: Record<string, unknown> = {}) => {
    const { data, errors } = await api.request(query, variables, token);
    return { result: data ? (Object.values(data)[0] as { __typename: string; message?: string; data?: any }) : null, errors };
  };
  const upload = async (kind: 'entities' | 'records', name: string, content: BlobPart, token: string) => {
    const form = new FormData();
    const query = `mutation ($f: File!) { importCreditData(kind: ${kind}, file: $f) { __typename ... on MutationImportCreditDataSuccess { data { imported skipped reclassified errors { row message } } } ... on Error { message } } }`;
    form.append('operations', JSON.stringify({ query, variables: { f: null } }));
    form.append('map', JSON.stringify({ 0: ['variables.f'] }));
    form.append('0', new Blob([content]), name);
    const response = await fetch(`${stack.base}/graphql`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as {
      data: { importCreditData: { __typename: string; data: { imported: number; skipped: number; reclassified: number; errors: Array<{ row: number; message: string }> } } | null };
      errors?: Array<{ extensions?: { code?: string } }>;
    };
    if (!body.data?.importCreditData && body.errors?.[0]?.extensions?.code !== 'FORBIDDEN') throw new Error(JSON.stringify(body));
    return { ...body.data?.importCreditData!, ...(body.errors ? { code: body.errors[0]?.extensions?.code } : {}) };
  };

  /** Stores a file as the district (heping) and returns its attachment id. */
  const attach = async (name: string, content: string) => {
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: 'mutation ($f: File!) { uploadAttachment(file: $f) { __typename ... on MutationUploadAttachmentSuccess { data { id } } } }', variables: { f: null } }));
    form.append('map', JSON.stringify({ 0: ['variables.f'] }));
    form.append('0', new Blob([content]), name);
    const response = await fetch(`${stack.base}/graphql`, { method: 'POST', body: form, headers: { authorization: `Bearer ${tokens.heping}` } });
    return ((await response.json()) as { data: { uploadAttachment: { data: { id: string } } } }).data.uploadAttachment.data.id;
  };

  beforeAll(async () => {
    stack = await startTestStack();
    api = stack.api;
    tokens = { supervisor: await api.login('supervisor'), market: await api.login('market'), heping: await api.login('heping'), legal: await api.login('legal'), performance: await api.login('performance') };
  });
  afterAll(() => stack?.stop());

  it('refuses a malformed credit code in words, and changes nothing', async () => {
    const mutation = (code: string) => `mutation { registerMarketEntity(input: { code: "${code}", name: "甲", registrationBody: "乙", district: "和平区", industry: "retail" }) { __typename ... on Error { message } } }`;
    const wrongCheck = testCode(1).slice(0, 17) + (testCode(1).endsWith('0') ? '1' : '0');
    expect((await payload(mutation(wrongCheck), tokens.supervisor)).result).toMatchObject({ __typename: 'ValidationError', message: expect.stringContaining('check character should be') });
    expect((await payload(mutation('12345'), tokens.supervisor)).result).toMatchObject({ __typename: 'ValidationError', message: expect.stringContaining('18 characters, not 5') });
    expect((await payload(`{ marketEntity(code: "9135010") { __typename ... on Error { message } } }`, tokens.market)).result).toMatchObject({ __typename: 'ValidationError' });
    expect(await stack.db.prisma.marketEntity.count({ where: { code: { in: [wrongCheck, '12345'] } } })).toBe(0);
  });

  it('keeps each role to its own actions', async () => {
    const register = `mutation { registerMarketEntity(input: { code: "${testCode(1)}", name: "甲", registrationBody: "乙", district: "和平区", industry: "retail" }) { __typename } }`;
    expect((await payload(register, tokens.market)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await payload(register)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const file = `mutation { fileObjection(input: { entityCode: "${testCode(1)}", reasons: "x" }) { __typename } }`;
    expect((await payload(file, tokens.performance)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await payload('{ marketEntities { totalCount } }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await payload(register, tokens.supervisor)).result?.__typename).toBe('MutationRegisterMarketEntitySuccess');
    expect(await stack.db.prisma.deniedAttempt.count({ where: { operation: { contains: 'registerMarketEntity' } } })).toBeGreaterThanOrEqual(2);
  });

  it('imports all or nothing: row errors reported, then a clean file imported once', async () => {
    const codes = [20, 21, 22].map(testCode);
    const before = await stack.db.prisma.marketEntity.count();
    const bad = await upload('entities', '主体.csv', entityCsv([...codes, '91350100M000100Y44']), tokens.supervisor);
    expect(bad.data).toMatchObject({ imported: 0, errors: [{ row: 5, message: expect.stringContaining('check character') }] });
    expect(await stack.db.prisma.marketEntity.count()).toBe(before);
    expect((await upload('entities', '主体.txt', 'x', tokens.supervisor)).data.errors[0]!.message).toMatch(/Only CSV and .xlsx/);
    expect((await upload('entities', '主体.csv', entityCsv(codes), tokens.supervisor)).data).toMatchObject({ imported: 3, skipped: 0, errors: [] });
    expect((await upload('entities', '主体.csv', entityCsv(codes), tokens.supervisor)).data).toMatchObject({ imported: 0, skipped: 3 });

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('记录');
    sheet.addRow(['统一社会信用代码', '记录类型', '日期', '罚款金额', '情节', '事由', '提供单位', '不予修复']);
    sheet.addRow([codes[0], '行政处罚', '2026-01-05', 300_000, '一般', '虚假宣传', '市市场监管委', '否']);
    sheet.addRow([codes[1], '经营异常名录', '2026-02-01', null, '', '未报送年报', '市市场监管委', '']);
    const good = Buffer.from(await workbook.xlsx.writeBuffer());
    sheet.addRow([testCode(99), '行政处罚', '2026-13-01', null, '', '', '某某局', '']);
    const broken = Buffer.from(await workbook.xlsx.writeBuffer());
    const refused = await upload('records', '记录.xlsx', broken, tokens.supervisor);
    expect(refused.data.imported).toBe(0);
    expect(new Set(refused.data.errors.map((e) => e.row))).toEqual(new Set([4]));
    expect(await stack.db.prisma.creditRecord.count({ where: { entityCode: { in: codes } } })).toBe(0);
    expect((await upload('records', '记录.xlsx', good, tokens.market)).code).toBe('FORBIDDEN');
    expect((await upload('records', '记录.xlsx', good, tokens.supervisor)).data).toMatchObject({ imported: 2, reclassified: 2 });
    const { result } = await payload(`{ marketEntity(code: "${codes[0]}") { __typename ... on QueryMarketEntitySuccess { data { creditClass colour classHistory { from to cause } } } } }`, tokens.performance);
    expect(result!.data).toMatchObject({ creditClass: 'dishonest', colour: 'red', classHistory: [{ from: null, to: 'good' }, { from: 'good', to: 'dishonest' }] });
  });

  it('takes an objection through the API; the public listing marks the record under objection', async () => {
    const { prisma } = stack.db;
    const code = await addEntity(prisma, 30);
    await addRecord(prisma, 'objected-penalty', code, { amountYuan: 300_000 });
    await prisma.$transaction((tx) => reclassifyEntity(tx, code, 'import:test', new Date()));
    const record = await prisma.creditRecord.findUniqueOrThrow({ where: { id: 'objected-penalty' } });
    const filed = await payload(`mutation { fileObjection(input: { entityCode: "${code}", recordId: "${globalId('CreditRecord', record.id)}", reasons: "金额有误" }) { __typename ... on MutationFileObjectionSuccess { data { id status acceptBy } } ... on Error { message } } }`, tokens.heping);
    expect(filed.result!.data.status).toBe('filed');
    const act = (type: string, token: string, extra = '') =>
      payload(`mutation { actOnObjection(input: { caseId: "${filed.result!.data.id}", type: ${type}${extra} }) { __typename ... on MutationActOnObjectionSuccess { data { status verifyBy } } ... on Error { message } } }`, token);
    expect((await act('accept', tokens.performance)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await act('accept', tokens.legal)).result).toMatchObject({ __typename: 'NotFoundError' });
    expect((await act('accept', tokens.heping)).result).toMatchObject({ __typename: 'ForbiddenError', message: expect.stringContaining('Only the supervising office') });
    expect((await act('uphold', tokens.supervisor, ', text: "x"')).result).toMatchObject({ __typename: 'InvalidTransitionError', message: expect.stringContaining('not possible now') });
    expect((await act('accept', tokens.supervisor)).result!.data.status).toBe('verifying');
    const listing = await (await fetch(`${stack.base}/public/credit.json?search=${code}`)).json() as { entities: Array<{ creditClass: string; records: Array<{ underObjection: boolean }> }> };
    expect(listing.entities[0]).toMatchObject({ creditClass: 'dishonest', records: [{ underObjection: true }] });
    const page = await (await fetch(`${stack.base}/public/credit?search=${code}`)).text();
    expect(page).toContain('data-class="dishonest"');
    expect(page).toContain('异议处理中 under objection');
    const publicQuery = await payload(`{ publicCreditListing(search: "${code}") { total entities { classZh colour underObjection } } }`);
    expect(publicQuery.result).toMatchObject({ total: 1, entities: [{ classZh: '失信', colour: 'red', underObjection: true }] });
    expect((await act('correct', tokens.supervisor, ', text: "更正"')).result).toMatchObject({ __typename: 'ValidationError', message: expect.stringContaining('corrected fine') });
    expect((await act('correct', tokens.supervisor, ', text: "更正", amountYuan: 1000')).result!.data.status).toBe('corrected');
    await eventually(async () => expect((await stack.db.prisma.marketEntity.findUniqueOrThrow({ where: { code } })).creditClass).toBe('warning'));

    // The typed fields say what the deprecated JSON strings say.
    const { data } = await api.request(`{ node(id: "${globalId('CreditRecord', record.id)}") { ... on CreditRecord {
      status severity source publication history changes { caseId type at statusBefore amountYuanBefore correction { annul amountYuan } } } } }`, {}, tokens.supervisor);
    const [entry] = JSON.parse(data.node.history) as Array<{ caseId: string; at: string; before: { status: string; amountYuan: number } }>;
    expect(data.node).toMatchObject({ status: 'active', severity: 'general', source: 'manual', publication: 'published' });
    expect(data.node.changes).toEqual([{
      caseId: entry!.caseId, type: 'corrected', at: entry!.at, statusBefore: entry!.before.status, amountYuanBefore: entry!.before.amountYuan, correction: { annul: false, amountYuan: 1000 },
    }]);
    const timeline = await eventually(async () => {
      const found = (await api.request(`{ node(id: "${filed.result!.data.id}") { ... on ObjectionCase { status overdue timeline { type data details { recordId evidence verifyBy correction { annul amountYuan } } } } } }`, {}, tokens.supervisor)).data.node;
      expect(found.timeline.map((e: { type: string }) => e.type)).toEqual(['filed', 'accepted', 'corrected']);
      return found;
    });
    expect(timeline).toMatchObject({ status: 'corrected', overdue: [] });
    const [filedEvent, accepted, corrected] = timeline.timeline as Array<{ data: string; details: Record<string, unknown> }>;
    expect(filedEvent!.details).toMatchObject({ recordId: record.id, evidence: [] });
    expect(accepted!.details.verifyBy).toBe(new Date(JSON.parse(accepted!.data).verifyBy).toISOString());
    expect(corrected!.details.correction).toEqual({ annul: false, amountYuan: 1000 });
  });

  const announce = (roundId: string, fields: string, token = tokens.supervisor, beaconSource = 'drand quicknet 第 99000000 轮') =>
    payload(`mutation { announceInspectionRound(input: { roundId: "${roundId}", beaconSource: ${JSON.stringify(beaconSource)}, checklist: [{ id: "a", text: "营业执照" }], ${fields} }) { __typename ... on MutationAnnounceInspectionRoundSuccess { data { id status beaconSource announcedAt populationHash populationSize seed publicPath } } ... on Error { message } } }`, token);
  const draw = (id: string, beacon: string, token = tokens.supervisor) =>
    payload(`mutation { drawInspectionRound(roundId: "${id}", beacon: ${JSON.stringify(beacon)}) { __typename ... on MutationDrawInspectionRoundSuccess { data { status beacon seed } } ... on Error { message } } }`, token);

  it('refuses a repair of an unknown record and an inspection round with a bad plan; announces a good one, then draws it once its beacon is entered', async () => {
    const repair = await payload(`mutation { applyForRepair(input: { recordId: "${globalId('CreditRecord', 'nope')}", statement: "x" }) { __typename ... on Error { message } } }`, tokens.heping);
    expect(repair.result).toMatchObject({ __typename: 'NotFoundError' });
    // The round draws from a district of its own, and the commission of commerce's pool is this test's.
    const population = await Promise.all([40, 41, 42, 43].map((n) => addEntity(stack.db.prisma, n, { district: '河东区' })));
    const open = (extra: string, token = tokens.supervisor, beaconSource?: string) =>
      announce('api-1', `title: "抽查", date: "2026-03-01", districts: ["河东区"], bodies: [{ bodyId: "commerce" }]${extra}`, token, beaconSource);
    expect((await open('')).result).toMatchObject({ __typename: 'ValidationError', message: expect.stringContaining('either a ratio or a size') });
    expect((await open(', ratio: 0.5')).result).toMatchObject({ __typename: 'ValidationError', message: expect.stringContaining('fewer than 2 inspectors') });
    expect((await open(', ratio: 0.5', tokens.market)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await addOfficers(stack.db.prisma, 'commerce', 'api-cm', 2);
    expect((await open(', ratio: 1.5')).result).toMatchObject({ __typename: 'ValidationError', message: expect.stringContaining('ratio in (0, 1]') });
    expect((await open(', size: 3', tokens.supervisor, ' ')).result).toMatchObject({ __typename: 'ValidationError', message: expect.stringContaining('Name the public randomness') });
    expect(await stack.db.prisma.inspectionRound.count({ where: { id: 'api-1' } })).toBe(0);
    const announced = (await open(', size: 3')).result!;
    expect(announced.data).toMatchObject({
      status: 'announced', beaconSource: 'drand quicknet 第 99000000 轮', populationHash: expect.stringMatching(/^[0-9a-f]{64}$/), populationSize: population.length, seed: null, publicPath: '/public/inspections/api-1',
    });
    expect((await draw(announced.data.id, 'c0ffee', tokens.market)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await draw(announced.data.id, 'c0ffee')).result!.data).toMatchObject({ status: 'inspecting', beacon: 'c0ffee', seed: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await draw(announced.data.id, 'c0ffee')).result).toMatchObject({ __typename: 'InvalidTransitionError', message: expect.stringContaining('not waiting for its beacon') });
    const round = await eventually(async () => {
      const { data } = await api.request(`{ node(id: "${globalId('InspectionRound', 'api-1')}") { ... on InspectionRound {
        seed populationHash populationSize population status populationFilter { districts industries } sample { ratio size } checklistItems { id text }
        joiningBodies { bodyId industries } filter sampleRule checklist bodies sampled { entity { code } inspectors { officer { id } } } timeline { type data details { date seed populationSize sampled sample { size } filter { districts } } } } } }`, {}, tokens.performance);
      const found = data.node;
      expect(found.seed).toMatch(/^[0-9a-f]{64}$/);
      return found;
    });
    expect(round.populationSize).toBe(population.length);
    expect(round.population.split('\n')).toEqual([...population].sort());
    expect(round.sampled).toHaveLength(3);
    // The typed fields say what the deprecated JSON strings say.
    expect(round.populationFilter).toEqual(JSON.parse(round.filter));
    expect(round.sample).toEqual({ ratio: null, ...JSON.parse(round.sampleRule) });
    expect(round.checklistItems).toEqual(JSON.parse(round.checklist));
    expect(round.joiningBodies).toEqual(JSON.parse(round.bodies));
    const [created, announcement, drawn] = round.timeline as Array<{ type: string; data: string; details: Record<string, any> }>;
    expect(created).toMatchObject({ type: 'created', details: { date: '2026-03-01', sample: { size: 3 }, filter: { districts: ['河东区'] } } });
    expect(announcement).toMatchObject({ type: 'announced', details: { populationSize: 4 } });
    expect(drawn).toMatchObject({ type: 'drawn', details: { seed: round.seed, populationSize: 4, sampled: 3 } });
  });

  it('shows a repair application\'s evidence and signed commitment by name, each downloadable from the attachments route', async () => {
    const files = { '整改报告.txt': '已补报年报。', '现场照片.txt': '照片说明', '信用承诺书.txt': '本企业承诺守信经营。' };
    const [report, photo, commitment] = await Promise.all(Object.entries(files).map(([name, content]) => attach(name, content)));
    const code = await addEntity(stack.db.prisma, 50);
    await addRecord(stack.db.prisma, 'evidence-record', code, { kind: 'abnormal', amountYuan: null, date: '2024-01-05' });
    const record = await stack.db.prisma.creditRecord.findUniqueOrThrow({ where: { id: 'evidence-record' } });
    const fields = 'evidence { id name size url } commitment { name url }';
    const applied = await payload(
      `mutation { applyForRepair(input: { recordId: "${globalId('CreditRecord', record.id)}", statement: "已补报年报", evidence: ["${report}", "${photo}"], commitment: "${commitment}" }) { __typename ... on MutationApplyForRepairSuccess { data { id ${fields} } } ... on Error { message } } }`,
      tokens.heping,
    );
    expect(applied.result!.data).toMatchObject({
      evidence: [{ id: report, name: '整改报告.txt', size: Buffer.byteLength(files['整改报告.txt']), url: `/attachments/${report}` }, { id: photo, name: '现场照片.txt', url: `/attachments/${photo}` }],
      commitment: { name: '信用承诺书.txt', url: `/attachments/${commitment}` },
    });
    // The supervising office reads the same through the node, and each link gives back the file under its name.
    const { data } = await api.request(`{ node(id: "${applied.result!.data.id}") { ... on RepairApplication { ${fields} } } }`, {}, tokens.supervisor);
    expect(data.node).toEqual({ evidence: applied.result!.data.evidence, commitment: applied.result!.data.commitment });
    for (const file of [...data.node.evidence, data.node.commitment] as Array<{ name: keyof typeof files; url: string }>) {
      const response = await fetch(`${stack.base}${file.url}`, { headers: { authorization: `Bearer ${tokens.supervisor}` } });
      expect(response.status).toBe(200);
      expect(decodeURIComponent(response.headers.get('content-disposition') ?? '')).toContain(file.name);
      expect(await response.text()).toBe(files[file.name]);
    }
    expect((await fetch(`${stack.base}/attachments/${report}`)).status).toBe(401);
  });

  it('acts once on a call retried under the same request id, even after the case has closed', async () => {
    const { prisma } = stack.db;
    const code = await addEntity(prisma, 7);
    await addRecord(prisma, 'keyed-penalty', code, { date: '2025-01-05' });
    const closed = (workflowId: string) => eventually(async () => expect((await stack.env.client.workflow.getHandle(workflowId).describe()).status.name).toBe('COMPLETED'));

    const file = (requestId: string) =>
      payload(`mutation { fileObjection(input: { entityCode: "${code}", recordId: "${globalId('CreditRecord', 'keyed-penalty')}", reasons: "重复提交", requestId: "${requestId}" }) { __typename ... on MutationFileObjectionSuccess { data { id caseId } } ... on Error { message } } }`, tokens.heping);
    expect((await file('bad id!')).result).toMatchObject({ __typename: 'ValidationError', message: expect.stringContaining('The request id must be') });
    expect(await prisma.objectionCase.count({ where: { entityCode: code } })).toBe(0);
    const filed = (await file('objection-1')).result!.data;
    expect((await file('objection-1')).result!.data).toEqual(filed);
    expect((await file('objection-2')).result).toMatchObject({ __typename: 'ValidationError', message: expect.stringContaining('already under way') });
    expect(await prisma.objectionCase.count({ where: { entityCode: code } })).toBe(1);

    const refuse = (requestId: string) =>
      payload(`mutation { actOnObjection(input: { caseId: "${filed.id}", type: refuse, text: "材料不全", requestId: "${requestId}" }) { __typename ... on MutationActOnObjectionSuccess { data { status } } ... on Error { message } } }`, tokens.supervisor);
    expect((await refuse('refuse-1')).result!.data.status).toBe('refused');
    await closed(filed.caseId);
    expect((await refuse('refuse-1')).result!.data.status).toBe('refused');
    expect((await refuse('refuse-2')).result?.__typename).toBe('InvalidTransitionError');
    await eventually(async () => expect(await prisma.caseEvent.count({ where: { caseId: filed.caseId, type: 'refused' } })).toBe(1));

    const [evidence, commitment] = [await attach('整改报告.txt', '已整改'), await attach('信用承诺书.txt', '承诺守信')];
    const apply = () =>
      payload(`mutation { applyForRepair(input: { recordId: "${globalId('CreditRecord', 'keyed-penalty')}", statement: "已整改", evidence: ["${evidence}"], commitment: "${commitment}", requestId: "repair-1" }) { __typename ... on MutationApplyForRepairSuccess { data { id applicationId } } ... on Error { message } } }`, tokens.heping);
    const applied = (await apply()).result!.data;
    expect((await apply()).result!.data).toEqual(applied);
    expect(await prisma.repairApplication.count({ where: { recordId: 'keyed-penalty' } })).toBe(1);
    const decide = () =>
      payload(`mutation { decideRepair(applicationId: "${applied.id}", approve: true, text: "同意", requestId: "decide-1") { __typename ... on MutationDecideRepairSuccess { data { status } } ... on Error { message } } }`, tokens.supervisor);
    expect((await decide()).result!.data.status).toBe('approved');
    await closed(applied.applicationId);
    expect((await decide()).result!.data.status).toBe('approved');
    expect(await prisma.caseEvent.count({ where: { caseId: applied.applicationId, type: 'approved' } })).toBe(1);
    expect(JSON.parse((await prisma.creditRecord.findUniqueOrThrow({ where: { id: 'keyed-penalty' } })).history)).toHaveLength(1);
  });

  it('shows a department only its own body\'s staff pool, conflicts included; the supervising office sees every pool', async () => {
    const { prisma } = stack.db;
    await addOfficers(prisma, 'market-commission', 'pool-mk', 2);
    await addOfficers(prisma, 'district-heping', 'pool-hp', 2);
    const pools = async (token: string, body?: string) =>
      ((await api.request(`{ enforcementOfficers${body ? `(bodyId: "${body}")` : ''} { id bodyId conflicts { reason } } }`, {}, token)).data as { enforcementOfficers: Array<{ bodyId: string }> }).enforcementOfficers;
    const bodies = (list: Array<{ bodyId: string }>) => [...new Set(list.map((o) => o.bodyId))].sort();
    expect(bodies(await pools(tokens.heping))).toEqual(['district-heping']);
    expect(await pools(tokens.heping, 'market-commission')).toEqual([]);
    expect(bodies(await pools(tokens.heping, 'district-heping'))).toEqual(['district-heping']);
    expect(bodies(await pools(tokens.supervisor))).toEqual(expect.arrayContaining(['district-heping', 'market-commission']));
  });

  it('deactivates and reactivates officers (supervising office only): an inactive officer is never drawn for a new round, a drawn round keeps its inspectors', async () => {
    const { prisma } = stack.db;
    const pool = await addOfficers(prisma, 'legal-affairs-office', 'api-lg', 6);
    const setActive = (officerId: string, active: boolean, token: string) =>
      payload(`mutation { ${active ? 'reactivate' : 'deactivate'}EnforcementOfficer(officerId: "${officerId}", reason: "调离执法岗位") { __typename ... on Error { message } ... on Mutation${active ? 'Reactivate' : 'Deactivate'}EnforcementOfficerSuccess { data { id active } } } }`, token);
    const snapshot = async () => ({
      officers: await prisma.enforcementOfficer.findMany({ orderBy: { id: 'asc' }, select: { id: true, active: true } }),
      audit: await prisma.auditEntry.count({ where: { action: { startsWith: 'staff.' } } }),
    });

    // Bad input and wrong roles change nothing.
    const before = await snapshot();
    expect((await setActive(pool[0]!, false, tokens.legal)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await setActive(pool[0]!, false, tokens.performance)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await setActive('no-such-officer', false, tokens.supervisor)).result).toMatchObject({ __typename: 'NotFoundError', message: expect.stringContaining('No inspector has the enforcement ID no-such-officer') });
    expect((await setActive(pool[0]!, true, tokens.supervisor)).result).toMatchObject({ __typename: 'ValidationError', message: expect.stringContaining('is already active') });
    expect(await snapshot()).toEqual(before);

    // A round drawn before anyone leaves: its inspectors stay its own.
    const population = await Promise.all([60, 61, 62].map((n) => addEntity(prisma, n, { district: '东丽区' })));
    // Announced, then drawn at once with a beacon of its own; an announcement refused is answered as it is.
    const open = async (roundId: string, perBody: number) => {
      const announced = await announce(roundId, `title: "停用后抽查", date: "2026-04-01", size: 10, inspectorsPerBody: ${perBody}, districts: ["东丽区"], bodies: [{ bodyId: "legal-affairs-office" }]`);
      return announced.result?.data ? draw(announced.result.data.id, `beacon of ${roundId}`) : announced;
    };
    const assigned = (roundId: string) => eventually(async () => {
      const rows = await prisma.inspectorAssignment.findMany({ where: { sampled: { roundId } }, orderBy: { id: 'asc' } });
      expect(rows).toHaveLength(2 * population.length);
      return rows;
    });
    expect((await open('api-staff-before', 2)).result?.__typename).toBe('MutationDrawInspectionRoundSuccess');
    const drawnBefore = await assigned('api-staff-before');

    // Four of the six leave the pool, one of them drawn in that round: the two left are the only ones a new round may draw.
    const leaving = drawnBefore[0]!.officerId;
    const leave = [leaving, ...pool.filter((id) => id !== leaving)].slice(0, 4);
    const staying = pool.filter((id) => !leave.includes(id));
    for (const id of leave) expect((await setActive(id, false, tokens.supervisor)).result!.data).toEqual({ id, active: false });
    expect((await setActive(leaving, false, tokens.supervisor)).result).toMatchObject({ __typename: 'ValidationError', message: expect.stringContaining('is already inactive') });
    expect(await prisma.auditEntry.count({ where: { action: 'staff.deactivated', target: { in: pool } } })).toBe(4);

    expect((await open('api-staff-after', 3)).result).toMatchObject({ __typename: 'ValidationError', message: expect.stringContaining('fewer than 3 inspectors') });
    expect((await open('api-staff-after', 2)).result?.__typename).toBe('MutationDrawInspectionRoundSuccess');
    const drawn = await assigned('api-staff-after');
    expect(new Set(drawn.map((a) => a.officerId))).toEqual(new Set(staying));
    expect(await prisma.inspectorAssignment.findMany({ where: { sampled: { roundId: 'api-staff-before' } }, orderBy: { id: 'asc' } })).toEqual(drawnBefore);
    const { result } = await payload(`{ enforcementOfficers(bodyId: "legal-affairs-office") { id active } }`, tokens.supervisor);
    expect((result as unknown as Array<{ id: string; active: boolean }>).filter((o) => o.active).map((o) => o.id)).toEqual(staying);

    // Back in the pool: a round asking for three per body can be drawn again.
    expect((await setActive(leaving, true, tokens.supervisor)).result!.data).toEqual({ id: leaving, active: true });
    expect((await open('api-staff-back', 3)).result?.__typename).toBe('MutationDrawInspectionRoundSuccess');
    expect(await prisma.auditEntry.count({ where: { action: 'staff.reactivated', target: leaving } })).toBe(1);
  });

  it('publishes every announced or drawn round without sign-in, conflicts as entity codes only; the Python checker re-draws them from the public JSON', async () => {
    const { prisma } = stack.db;
    // A round of its own: a district no other round draws from, and the health commission's pool, this test's alone:
    // one officer out of the pool, one with a conflict declared (its reason never published).
    const population = await Promise.all([70, 71, 72, 73].map((n) => addEntity(prisma, n, { district: '西青区' })));
    const [inactive, conflicted] = await addOfficers(prisma, 'health', 'api-pub', 4);
    expect((await payload(`mutation { deactivateEnforcementOfficer(officerId: "${inactive}", reason: "调离执法岗位") { __typename ... on Error { message } } }`, tokens.supervisor)).result?.__typename).toBe('MutationDeactivateEnforcementOfficerSuccess');
    expect((await payload(`mutation { declareConflict(officerId: "${conflicted}", entityCode: "${population[0]}", reason: "其配偶在该企业任财务总监") { __typename ... on Error { message } } }`, tokens.supervisor)).result?.__typename).toBe('MutationDeclareConflictSuccess');
    const announced = (await announce('api-publish', 'title: "<script>alert(1)</script> 第四批", date: "2026-05-01", size: 3, districts: ["西青区"], bodies: [{ bodyId: "health" }]')).result!;
    const get = async (path: string) => {
      const response = await fetch(`${stack.base}${path}`);
      return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
    };
    const before = JSON.parse((await get('/public/inspections/api-publish.json')).text);
    expect(before).toMatchObject({ roundId: 'api-publish', status: 'announced', beaconSource: 'drand quicknet 第 99000000 轮', beacon: null, seed: null, sample: [], officers: [], populationSize: population.length });
    expect(before.populationHash).toBe(announced.data.populationHash);
    expect((await draw(announced.data.id, 'f3a1c9e07b2d4e6f8a0c1e3d5b7f9a2c4e6d8b0a1c3e5f7d9b2a4c6e8f0d1b3a')).result!.data.status).toBe('inspecting');

    // A second round of its own stays announced, waiting for its beacon: it is published too.
    const waiting = (await announce('api-publish-waiting', 'title: "待抽取", date: "2026-05-02", size: 1, districts: ["西青区"], bodies: [{ bodyId: "health" }]')).result!;
    expect(waiting.data).toMatchObject({ status: 'announced' });

    const list = JSON.parse((await get('/public/inspections.json')).text) as { rounds: Array<{ roundId: string; date: string; status: string }> };
    expect(list.rounds).toEqual(expect.arrayContaining([
      expect.objectContaining({ roundId: 'api-publish', date: '2026-05-01', status: 'inspecting' }), expect.objectContaining({ roundId: 'api-publish-waiting', date: '2026-05-02', status: 'announced' }),
    ]));
    const published = await get('/public/inspections/api-publish.json');
    expect([published.status, published.type]).toEqual([200, expect.stringContaining('application/json')]);
    const round = JSON.parse(published.text);
    for (const field of ['roundId', 'date', 'population', 'populationHash', 'beacon', 'seed', 'bodies', 'inspectorsPerBody', 'sampleRule', 'officers', 'sample', 'algorithm', 'beaconSource', 'announcedAt', 'seedInput']) {
      expect(round).toHaveProperty(field);
    }
    expect(round).toMatchObject({ algorithm: 'duban-draw/1', bodies: [{ bodyId: 'health', industries: [] }], inspectorsPerBody: 2, sampleRule: { size: 3 }, recordedAtDraw: true });
    expect(round.population.map((e: { code: string }) => e.code)).toEqual([...population].sort());
    expect(Object.keys(round.population[0]).sort()).toEqual(['code', 'district', 'industry']);
    expect(round.officers.every((o: object) => Object.keys(o).sort().join() === 'active,bodyId,conflicts,id')).toBe(true);
    expect(round.officers.find((o: { id: string }) => o.id === conflicted)).toEqual({ id: conflicted, bodyId: 'health', active: true, conflicts: [population[0]] });
    expect(round.officers.find((o: { id: string }) => o.id === inactive)).toMatchObject({ active: false });
    expect(round.sample).toHaveLength(3);
    expect(published.text).not.toContain('财务总监');

    const page = await get('/public/inspections/api-publish');
    expect([page.status, page.type]).toEqual([200, expect.stringContaining('text/html')]);
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; 第四批');
    expect(page.text).not.toMatch(/<script/i);
    expect(page.text).toContain(round.seed);
    expect(page.text).not.toContain('财务总监');
    expect((await get('/public/inspections')).text).toContain('/public/inspections/api-publish');
    expect((await get('/public/inspections/no-such-round.json')).status).toBe(404);
    expect((await get('/public/inspections/no-such-round')).status).toBe(404);
    expect((await get('/public/draw.md')).text).toContain('duban-draw/1');

    // Asynchronously: the server answering the checker runs in this process.
    const checker = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn('python3', [fileURLToPath(new URL('../scripts/redraw.py', import.meta.url)), `${stack.base}/public/inspections.json`]);
      const out = { stdout: '', stderr: '' };
      child.stdout.on('data', (chunk) => (out.stdout += chunk));
      child.stderr.on('data', (chunk) => (out.stderr += chunk));
      child.on('close', (status) => resolve({ status, ...out }));
    });
    expect(checker.stderr).toBe('');
    expect(checker.status).toBe(0);
    for (const id of ['api-publish', 'api-publish-waiting']) expect(checker.stdout).toMatch(new RegExp(`^${id} \\(.*\\): agrees$`, 'm'));
  });

  it('an administrator keeps the holiday calendar: a provisional verification deadline is re-timed when 2027 is imported, and the warning goes', async () => {
    const { prisma } = stack.db;
    const admin = await api.login('admin');
    const set = (args: string, token = admin) =>
      payload(`mutation { setHolidayCalendar(${args}) { __typename ... on MutationSetHolidayCalendarSuccess { data { checked retimed years { year source holidays workingWeekends enteredBy } } } ... on Error { message } } }`, token);
    expect((await set('year: 2027, holidays: ["2027-01-01"], workingWeekends: []', tokens.supervisor)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await set('year: 2026, holidays: ["2026-01-01"], workingWeekends: []')).result).toMatchObject({ __typename: 'ValidationError', message: expect.stringContaining("already has 2026's arrangement") });
    expect((await set('year: 2027, holidays: ["2027-01-01"], workingWeekends: ["2027-01-04"]')).result).toMatchObject({ __typename: 'ValidationError', message: expect.stringContaining('must be a Saturday or Sunday') });
    expect(await prisma.holidayCalendar.count()).toBe(0);

    const code = await addEntity(prisma, 8);
    await addRecord(prisma, 'calendar-penalty', code);
    const filed = await payload(`mutation { fileObjection(input: { entityCode: "${code}", recordId: "${globalId('CreditRecord', 'calendar-penalty')}", reasons: "金额有误" }) { __typename ... on MutationFileObjectionSuccess { data { id } } } }`, tokens.heping);
    const fields = 'acceptedAt verifyBy deadlineProvisional';
    const accepted = await payload(`mutation { actOnObjection(input: { caseId: "${filed.result!.data.id}", type: accept }) { __typename ... on MutationActOnObjectionSuccess { data { ${fields} } } } }`, tokens.supervisor);
    const { acceptedAt, verifyBy } = accepted.result!.data as { acceptedAt: string; verifyBy: string };
    const now = Date.parse(acceptedAt);
    expect(new Date(verifyBy)).toEqual(addWorkingDays(new Date(acceptedAt), 20));
    expect(accepted.result!.data.deadlineProvisional).toBe(isProvisional(Date.parse(verifyBy), workingDayTimes(now - 7 * dayMs, 500).provisionalFrom));

    const upload = async (name: string, content: BlobPart) => {
      const form = new FormData();
      form.append('operations', JSON.stringify({ query: 'mutation ($f: File!) { importHolidayCalendar(file: $f) { __typename ... on MutationImportHolidayCalendarSuccess { data { checked years { year source holidays workingWeekends } } } ... on Error { message } } }', variables: { f: null } }));
      form.append('map', JSON.stringify({ 0: ['variables.f'] }));
      form.append('0', new Blob([content]), name);
      const response = await fetch(`${stack.base}/graphql`, { method: 'POST', body: form, headers: { authorization: `Bearer ${admin}` } });
      return ((await response.json()) as { data: { importHolidayCalendar: { __typename: string; message?: string; data?: any } } }).data.importHolidayCalendar;
    };
    expect(await upload('2027.json', '{"year": 2027}')).toMatchObject({ __typename: 'ValidationError', message: expect.stringContaining('"workingWeekends"') });
    const imported = await upload('2027.json', JSON.stringify(arrangement2027));
    expect(imported.data).toMatchObject({ years: [{ year: 2027, source: 'office', holidays: arrangement2027.holidays, workingWeekends: arrangement2027.workingWeekends }] });
    expect(imported.data.checked).toBeGreaterThanOrEqual(1);
    const expected = addWorkingDays(new Date(acceptedAt), 20, [arrangement2027]);
    await eventually(async () => {
      const { data } = await api.request(`{ node(id: "${filed.result!.data.id}") { ... on ObjectionCase { ${fields} timeline { type } } } }`, {}, tokens.heping);
      expect(new Date(data.node.verifyBy)).toEqual(expected);
      expect(data.node.deadlineProvisional).toBe(isProvisional(expected.getTime(), workingDayTimes(now - 7 * dayMs, 500, [arrangement2027]).provisionalFrom));
      if (expected.getTime() !== Date.parse(verifyBy)) expect(data.node.timeline.map((e: { type: string }) => e.type)).toContain('retimed');
    });

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('2028');
    sheet.addRow(['日期 Date', '安排 Arrangement']);
    sheet.addRow([new Date('2028-01-01T00:00:00Z'), '放假']);
    sheet.addRow(['2028-01-24~2028-01-30', '放假']);
    sheet.addRow(['2028-02-05', '上班']);
    expect(await upload('2028.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()))).toMatchObject({
      data: { years: [{ year: 2028, source: 'office', holidays: ['2028-01-01', '2028-01-24', '2028-01-25', '2028-01-26', '2028-01-27', '2028-01-28', '2028-01-29', '2028-01-30'], workingWeekends: ['2028-02-05'] }] },
    });
    sheet.addRow(['2028-02-06', '加班']);
    expect(await upload('2028.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()))).toMatchObject({ __typename: 'ValidationError', message: expect.stringContaining('Row 5 must be') });
    const { data } = await api.request('{ holidayCalendars { year source enteredBy } }', {}, tokens.heping);
    expect(data.holidayCalendars).toEqual(expect.arrayContaining([{ year: 2026, source: 'package', enteredBy: null }, { year: 2027, source: 'office', enteredBy: '系统管理员' }, { year: 2028, source: 'office', enteredBy: '系统管理员' }]));
    expect(await prisma.auditEntry.count({ where: { action: 'holidayCalendar.set' } })).toBe(2);
  });
});
