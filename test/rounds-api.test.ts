import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { tianjinBodies } from '../domain/bodies/tianjin.ts';
import { reportingUnits } from '../domain/filing/bodies.ts';
import { filingRoundQuery } from '../workflows/filing.ts';
import { eventually } from './helpers/eventually.ts';
import { startTestStack, type TestStack } from './helpers/stack.ts';

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
const measuresId = 'c'.repeat(64);
const row = (item: string, extra = '') =>
  `{ item: "${item}", disposition: "保留", object: "企业", content: "许可条件", method: "双随机抽查", standard: "审查通则", measures: "责令整改"${extra}, procedure: "检查—整改" }`;

describe('filing, evaluation and scores through the API', () => {
  let stack: TestStack;
  let api: TestStack['api'];
  let tokens: Record<'supervisor' | 'coordinator' | 'legal' | 'market' | 'heping' | 'performance', string>;
  const filingOf = (roundId: string, bodyId = 'legal-affairs-office') => globalId('BodyFiling', `${roundId}/${bodyId}`);

  /** The mutation's payload: its __typename and message, or a GraphQL error (authorization). */
  const run = async (query: string, token: string) => {
    const { data, errors } = await api.request(query, {}, token);
    if (errors) return { __typename: 'GraphQLError', message: errors[0]!.message } as Record<string, any>;
    return Object.values(data)[0] as Record<string, any>;
  };
  const history = () => stack.db.prisma.roundEvent.count();
  const download = async (path: string, token: string) => {
    const response = await fetch(`${stack.base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const workbook = new ExcelJS.Workbook();
    if (response.ok) await workbook.xlsx.load(await response.arrayBuffer());
    return { status: response.status, workbook };
  };

  beforeAll(async () => {
    stack = await startTestStack();
    api = stack.api;
    const names = ['supervisor', 'coordinator', 'legal', 'market', 'heping', 'performance'] as const;
    tokens = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await api.login(n)]))) as typeof tokens;
    await stack.db.prisma.attachment.create({ data: { id: measuresId, name: '实施办法.docx', size: 10, type: 'application/msword', uploadedBy: 'account-legal' } });
  });
  afterAll(() => stack?.stop());

  const openMutation = (input: string) =>
    `mutation { openFilingRound(input: { ${input} }) { __typename ... on MutationOpenFilingRoundSuccess { data { id title filings { bodyId status } } } ... on Error { message } } }`;
  const twoBodies = `bodyIds: ["${globalId('Body', 'legal-affairs-office')}", "${globalId('Body', 'market-commission')}"]`;
  /** A filing round of this test's own for 市法制办 and 市市场监管委, its units in the read model. */
  const openRound = async (title: string, deadline = '2016-01-31T23:59:59+08:00') => {
    const opened = await run(openMutation(`title: "${title}", deadline: "${deadline}", ${twoBodies}`), tokens.coordinator);
    expect(opened.__typename).toBe('MutationOpenFilingRoundSuccess');
    const roundId = Buffer.from(opened.data.id, 'base64').toString().replace(/^FilingRound:/, '');
    await eventually(async () => expect(await stack.db.prisma.bodyFiling.count({ where: { roundId } })).toBe(2));
    return roundId;
  };
  const submitRows = (roundId: string, rows: string, measures = measuresId) =>
    `mutation { filingAction(input: { filingId: "${filingOf(roundId)}", type: submit, measuresAttachmentId: "${measures}", rows: [${rows}] }) { __typename ... on Error { message } ... on CatalogueRowsError { rows { row message } } } }`;

  it('lets only the supervising office open a filing round, and refuses bad input', async () => {
    const before = await stack.db.prisma.filingRound.count();
    expect(await run(openMutation(`title: "目录", deadline: "2016-01-31T23:59:59+08:00", ${twoBodies}`), tokens.legal)).toMatchObject({ __typename: 'GraphQLError', message: expect.stringContaining('无权访问') });
    expect(await run(openMutation(`title: " ", deadline: "2016-01-31T23:59:59+08:00"`), tokens.coordinator)).toMatchObject({ __typename: 'ValidationError', message: expect.stringContaining('Give a title') });
    expect(await run(openMutation(`title: "目录", deadline: "2016-01-31T23:59:59+08:00", bodyIds: ["${globalId('Body', 'district-governments')}"]`), tokens.coordinator)).toMatchObject({ __typename: 'ValidationError' });
    expect(await stack.db.prisma.filingRound.count()).toBe(before);
    const roundId = await openRound('2016 年监管目录备案');
    expect(await stack.db.prisma.filingRound.findUniqueOrThrow({ where: { id: roundId } })).toMatchObject({ title: '2016 年监管目录备案' });
  });

  it('checks a submission row by row, keeps departments to their own filing, and changes nothing on refusal', async () => {
    const roundId = await openRound('逐行检查');
    const legalFiling = () => filingOf(roundId);
    const submit = (rows: string, measures = measuresId) => submitRows(roundId, rows, measures);
    const before = await history();
    expect(await run(submit(row('法规审查'), '0'.repeat(64)), tokens.legal)).toMatchObject({ __typename: 'ValidationError', message: expect.stringContaining('attachment was not found') });
    const rows = await run(submit(`${row('法规审查')}, ${row('法规审查')}, ${row('备案审查', ', object: ""').replace('object: "企业", ', '')}`), tokens.legal);
    expect(rows.__typename).toBe('CatalogueRowsError');
    expect(rows.rows).toEqual([
      { row: 2, message: expect.stringContaining('Duplicate of row 1') },
      { row: 3, message: expect.stringContaining('Missing Supervised object') },
    ]);
    expect(await run(submit(row('法规审查')), tokens.market)).toMatchObject({ __typename: 'NotFoundError' });
    expect(await run(submit(row('法规审查')), tokens.performance)).toMatchObject({ __typename: 'GraphQLError' });
    expect(await run(`mutation { filingAction(input: { filingId: "${legalFiling()}", type: accept }) { __typename ... on Error { message } } }`, tokens.coordinator)).toMatchObject({
      __typename: 'InvalidTransitionError', message: expect.stringContaining('while the unit is assigned'),
    });
    expect(await history()).toBe(before);
    expect(await run(submit(row('法规审查')), tokens.legal)).toMatchObject({ __typename: 'MutationFilingActionSuccess' });
    expect(await run(`mutation { filingAction(input: { filingId: "${legalFiling()}", type: return }) { __typename ... on Error { message } } }`, tokens.coordinator)).toMatchObject({
      __typename: 'InvalidTransitionError', message: expect.stringContaining('Please give the reasons'),
    });
    expect(await run(`mutation { filingAction(input: { filingId: "${legalFiling()}", type: return, comment: "缺少下放事项" }) { __typename } }`, tokens.coordinator)).toEqual({ __typename: 'MutationFilingActionSuccess' });
  });

  it('refuses an uploaded catalogue with row-level errors (the template\'s example row left in among them) and submits a good one', async () => {
    const roundId = await openRound('上传目录');
    const legalFiling = () => filingOf(roundId);
    const send = async (bytes: BlobPart, name: string) => {
      const form = new FormData();
      form.append('operations', JSON.stringify({
        query: `mutation ($f: File!) { uploadCatalogue(filingId: "${legalFiling()}", file: $f, measuresAttachmentId: "${measuresId}") { __typename ... on Error { message } ... on CatalogueRowsError { rows { row message } } } }`,
        variables: { f: null },
      }));
      form.append('map', JSON.stringify({ 0: ['variables.f'] }));
      form.append('0', new Blob([bytes]), name);
      const response = await fetch(`${stack.base}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${tokens.legal}`, 'graphql-require-preflight': '1' }, body: form });
      return ((await response.json()) as { data: { uploadCatalogue: Record<string, any> } }).data.uploadCatalogue;
    };
    const upload = async (rows: string[][], name = 'catalogue.xlsx') => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('目录');
      sheet.addRow(['审批事项', '保留/取消/下放', '监管对象', '监管内容', '监管方式', '监管标准', '监管措施', '监管程序']);
      for (const r of rows) sheet.addRow(r);
      return send(await workbook.xlsx.writeBuffer(), name);
    };
    const full = (item: string, disposition = '保留') => [item, disposition, '企业', '内容', '抽查', '标准', '整改', '程序'];
    const before = await history();
    // The downloaded template, filled in below its example row: the example is refused, not filed.
    const { workbook: template } = await download('/exports/catalogue-template.xlsx', tokens.legal);
    template.worksheets[0]!.addRow(full('法规审查'));
    expect(await send(await template.xlsx.writeBuffer(), '监管目录模板.xlsx')).toEqual({
      __typename: 'CatalogueRowsError', message: expect.any(String), rows: [{ row: 2, message: expect.stringContaining("This is the template's example row") }],
    });
    const refused = await upload([full('法规审查'), full('规章备案', '废止'), ['', '', '', '', '', '', '', ''], full('法规审查')]);
    expect(refused.__typename).toBe('CatalogueRowsError');
    expect(refused.rows.map((r: { row: number }) => r.row)).toEqual([3, 5]);
    expect(refused.rows[1].message).toContain('与第 2 行重复 Duplicate of row 2.');
    expect(await history()).toBe(before);
    expect((await stack.db.prisma.bodyFiling.findUniqueOrThrow({ where: { id: `${roundId}/legal-affairs-office` } })).status).toBe('assigned');
    expect(await upload([full('法规审查')], 'catalogue.csv')).toMatchObject({ __typename: 'ValidationError' });
    expect(await upload([full('法规审查'), full('规章备案', '下放')])).toEqual({ __typename: 'MutationUploadCatalogueSuccess' });
    const entries = await stack.db.prisma.catalogueEntry.findMany({ where: { filingId: `${roundId}/legal-affairs-office` }, orderBy: { ordinal: 'asc' } });
    expect(entries.map((e) => [e.item, e.disposition])).toEqual([['法规审查', 'kept'], ['规章备案', 'delegated']]);
  });

  it('consolidates with the overdue body listed, records the filing, and exports the catalogue', async () => {
    const roundId = await openRound('汇总备案');
    const legalFiling = () => filingOf(roundId);
    const round = globalId('FilingRound', roundId);
    expect(await run(submitRows(roundId, `${row('法规审查')}, ${row('规章备案').replace('disposition: "保留"', 'disposition: "下放"')}`), tokens.legal)).toMatchObject({ __typename: 'MutationFilingActionSuccess' });
    await eventually(async () => expect((await stack.env.client.workflow.getHandle(roundId).query(filingRoundQuery)).units.map((u) => u.status)).toContain('submitted'));
    expect(await run(`mutation { consolidateFilingRound(roundId: "${round}") { __typename ... on Error { message } } }`, tokens.coordinator)).toMatchObject({
      __typename: 'InvalidTransitionError', message: expect.stringContaining('Review every submission first'),
    });
    await run(`mutation { filingAction(input: { filingId: "${legalFiling()}", type: accept }) { __typename } }`, tokens.coordinator);
    await eventually(async () => expect((await stack.env.client.workflow.getHandle(roundId).query(filingRoundQuery)).units.map((u) => u.status)).toContain('accepted'));
    expect(await run(`mutation { recordFiling(roundId: "${round}", filedOn: "2016-02-20", filingNumber: "备1号") { __typename ... on Error { message } } }`, tokens.coordinator)).toMatchObject({
      __typename: 'InvalidTransitionError', message: expect.stringContaining('Consolidate first'),
    });
    expect(await run(`mutation { consolidateFilingRound(roundId: "${round}") { __typename } }`, tokens.legal)).toMatchObject({ __typename: 'GraphQLError' });
    expect(await run(`mutation { consolidateFilingRound(roundId: "${round}") { __typename } }`, tokens.coordinator)).toEqual({ __typename: 'MutationConsolidateFilingRoundSuccess' });
    expect(await run(`mutation { recordFiling(roundId: "${round}", filedOn: "2016/02/20", filingNumber: "备1号") { __typename ... on Error { message } } }`, tokens.coordinator)).toMatchObject({
      __typename: 'InvalidTransitionError', message: expect.stringContaining('YYYY-MM-DD'),
    });
    expect(await run(`mutation { recordFiling(roundId: "${round}", filedOn: "2016-02-20", filingNumber: "津市场监管备〔2016〕1号") { __typename } }`, tokens.coordinator)).toEqual({ __typename: 'MutationRecordFilingSuccess' });
    const { data } = await api.request(`{ node(id: "${round}") { ... on FilingRound { status record { filingNumber overdueBodyIds rows { bodyName item disposition } } filings { bodyId } timeline {
      type data attachedFiles { id } details { bodyIds acceptedBodies lateBodies missingBodies filedOn filingNumber } } } } }`, {}, tokens.coordinator);
    expect(data.node).toMatchObject({ record: { filingNumber: '津市场监管备〔2016〕1号', overdueBodyIds: ['market-commission'] }, timeline: [{ type: 'open' }, { type: 'consolidate' }, { type: 'recordFiling' }] });
    // The typed details say what the deprecated JSON says.
    const [opened, consolidated, filed] = data.node.timeline as Array<{ data: string; attachedFiles: unknown[]; details: Record<string, unknown> }>;
    expect(opened!.details.bodyIds).toEqual(JSON.parse(opened!.data).bodies);
    expect(consolidated!.details).toMatchObject({ acceptedBodies: ['legal-affairs-office'], lateBodies: ['legal-affairs-office'], missingBodies: ['market-commission'] });
    expect(JSON.parse(consolidated!.data)).toEqual({ included: ['legal-affairs-office'], late: ['legal-affairs-office'], overdue: ['market-commission'] });
    expect(filed!.details).toMatchObject({ filedOn: '2016-02-20', filingNumber: '津市场监管备〔2016〕1号' });
    expect(filed!.attachedFiles).toEqual([]);
    expect(data.node.record.rows).toHaveLength(2);
    const seenByLegal = await api.request(`{ node(id: "${round}") { ... on FilingRound { filings { bodyId } } } }`, {}, tokens.legal);
    expect(seenByLegal.data.node.filings).toEqual([{ bodyId: 'legal-affairs-office' }]);

    const exported = await download(`/exports/filing/${encodeURIComponent(roundId)}/catalogue.xlsx`, tokens.market);
    expect(exported.status).toBe(200);
    const sheet = exported.workbook.worksheets[0]!;
    // The round, its deadline, filing number and date above the frozen header; each row with its body's measures file.
    expect(sheet.getCell('A1').value).toBe(await stack.db.prisma.filingRound.findUniqueOrThrow({ where: { id: roundId } }).then((r) => r.title));
    expect(sheet.getCell('A2').value).toMatch(/^报送期限 \d{4}-\d\d-\d\d（北京时间）　汇总日期 \d{4}-\d\d-\d\d　备案号 津市场监管备〔2016〕1号，备案日期 2016-02-20$/);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.getRow(3).getCell(1).value).toBe('序号 No.');
    expect(sheet.getRow(4).getCell(2).value).toBe('市法制办');
    expect(sheet.getRow(4).getCell(11).value).toBe('实施办法.docx');
    expect(sheet.getRow(5).getCell(4).value).toBe('下放');
    expect(exported.workbook.worksheets[1]!.getRow(2).getCell(1).value).toBe('市市场监管委');
    const template = await download('/exports/catalogue-template.xlsx', tokens.legal);
    expect(template.workbook.worksheets[0]!.getRow(1).getCell(8).value).toBe('监管程序 Procedure');
    expect((await fetch(`${stack.base}/exports/catalogue-template.xlsx`)).status).toBe(401);
  });

  it('opens one evaluation round a year by hand, for the supervising office only', async () => {
    const open = (year: number) => `mutation { openEvaluationRound(year: ${year}) { __typename ... on MutationOpenEvaluationRoundSuccess { data { year reports { bodyId } } } ... on Error { message } } }`;
    expect(await run(open(2014), tokens.coordinator)).toMatchObject({ __typename: 'ValidationError', message: expect.stringContaining('between 2015') });
    expect(await run(open(2016), tokens.performance)).toMatchObject({ __typename: 'GraphQLError' });
    const opened = await run(open(2016), tokens.coordinator);
    expect(opened).toMatchObject({ __typename: 'MutationOpenEvaluationRoundSuccess', data: { year: 2016 } });
    expect(await run(open(2016), tokens.supervisor)).toMatchObject({ __typename: 'InvalidTransitionError', message: expect.stringContaining('already open') });
    const report = globalId('UnitReport', 'evaluation:2016/district-heping');
    await eventually(async () => expect(await stack.db.prisma.unitReport.count({ where: { roundId: 'evaluation:2016' } })).toBe(reportingUnits(tianjinBodies).length));
    const submit = (benefits: string) =>
      `mutation { reportAction(input: { reportId: "${report}", type: submit, followUp: "已落实", benefits: "${benefits}", marketVitality: "增长", supervisionEfficiency: "全覆盖" }) { __typename ... on Error { message } } }`;
    expect(await run(submit(''), tokens.heping)).toMatchObject({ __typename: 'InvalidTransitionError', message: expect.stringContaining('Benefits to enterprises') });
    expect(await run(submit('缩短时限'), tokens.legal)).toMatchObject({ __typename: 'NotFoundError' });
    expect(await run(submit('缩短时限'), tokens.heping)).toEqual({ __typename: 'MutationReportActionSuccess' });
    const { data } = await api.request(`{ node(id: "${report}") { ... on UnitReport { status sections { key text } } } }`, {}, tokens.heping);
    expect(data.node.sections[1]).toEqual({ key: 'benefits', text: '缩短时限' });
    expect(await run(`mutation { consolidateEvaluationRound(roundId: "${globalId('EvaluationRound', 'evaluation:2016')}", submittedOn: "2016-12-28") { __typename ... on Error { message } } }`, tokens.coordinator)).toMatchObject({
      __typename: 'InvalidTransitionError', message: expect.stringContaining('Review every report first'),
    });
  });

  it('lets the performance office version the rubric, compute, review and publish; a published sheet is frozen', async () => {
    // The year 2017 is this test's own: a filing round due in it, where 市法制办 is returned once,
    // and its evaluation round, where 市法制办 and 和平区 report; every submission comes only now.
    const roundId = await openRound('2017 年监管目录备案', '2017-01-31T23:59:59+08:00');
    expect(await run(submitRows(roundId, row('法规审查')), tokens.legal)).toMatchObject({ __typename: 'MutationFilingActionSuccess' });
    expect(await run(`mutation { filingAction(input: { filingId: "${filingOf(roundId)}", type: return, comment: "缺少下放事项" }) { __typename } }`, tokens.coordinator)).toEqual({ __typename: 'MutationFilingActionSuccess' });
    expect(await run(submitRows(roundId, row('法规审查')), tokens.legal)).toMatchObject({ __typename: 'MutationFilingActionSuccess' });
    expect(await run(`mutation { openEvaluationRound(year: 2017) { __typename } }`, tokens.coordinator)).toEqual({ __typename: 'MutationOpenEvaluationRoundSuccess' });
    await eventually(async () => expect(await stack.db.prisma.unitReport.count({ where: { roundId: 'evaluation:2017' } })).toBe(reportingUnits(tianjinBodies).length));
    for (const [body, token] of [['legal-affairs-office', tokens.legal], ['district-heping', tokens.heping]] as const) {
      const report = globalId('UnitReport', `evaluation:2017/${body}`);
      expect(await run(`mutation { reportAction(input: { reportId: "${report}", type: submit, followUp: "已落实", benefits: "缩短时限", marketVitality: "增长", supervisionEfficiency: "全覆盖" }) { __typename ... on Error { message } } }`, token))
        .toEqual({ __typename: 'MutationReportActionSuccess' });
    }
    await eventually(async () => expect(await stack.db.prisma.roundEvent.count({ where: { unitId: `${roundId}/legal-affairs-office`, type: 'overdue' } })).toBe(1));

    const rubric = (version: string, perReturn: number) =>
      `{ version: "${version}", base: 100, perOverdueAssignment: 3, overdueAssignmentCap: 30, perOverdueDay: 0.1, overdueDayCap: 20, perReturn: ${perReturn}, returnCap: 10, reportMissing: 10, reportLate: 5, catalogueMissing: 10, catalogueLate: 5, supportWeight: 0.5 }`;
    const create = (input: string) => `mutation { createRubricVersion(input: ${input}) { __typename ... on Error { message } } }`;
    expect(await run(create(rubric('2016-a', -1)), tokens.performance)).toMatchObject({ __typename: 'ValidationError', message: expect.stringContaining('perReturn') });
    expect(await run(create(rubric('2016-a', 2)), tokens.supervisor)).toMatchObject({ __typename: 'GraphQLError' });
    expect(await run(create(rubric('default-2026.1', 2)), tokens.performance)).toMatchObject({ __typename: 'ValidationError', message: expect.stringContaining('exists') });
    expect(await run(create(rubric('2016-a', 2)), tokens.performance)).toEqual({ __typename: 'MutationCreateRubricVersionSuccess' });

    const compute = `mutation { computeScores(year: 2017, rubricVersion: "2016-a") { __typename ... on MutationComputeScoresSuccess { data { id version status rubricVersion scores { bodyId score reproduces breakdown { criterion points deductions { source points events { type } } } } } } ... on Error { message } } }`;
    expect(await run(compute, tokens.coordinator)).toMatchObject({ __typename: 'GraphQLError' });
    const sheet = (await run(compute, tokens.performance)).data;
    expect(sheet).toMatchObject({ version: 1, status: 'draft', rubricVersion: '2016-a' });
    // 市法制办: catalogue due 2017-01-31 and report due 2017-12-15, both submitted only now (after 2017): the rounds
    // list both as 逾期报送, so late −5 each, never 未报送; its return is a filing's, not an assignment's, so perReturn
    // does not apply: 100 − 5 − 5 = 90.
    const legal = sheet.scores.find((s: { bodyId: string }) => s.bodyId === 'legal-affairs-office');
    expect(legal).toMatchObject({ score: 90, reproduces: true });
    const scored = await api.request(`{ node(id: "${sheet.id}") { ... on ScoreSheet { scores { bodyId record scoredRecord {
      year assignments { assignmentId } report { unitId due submittedAt } reportId catalogues { unitId round due submittedAt } } } } } }`, {}, tokens.performance);
    const legalScored = scored.data.node.scores.find((s: { bodyId: string }) => s.bodyId === 'legal-affairs-office');
    const stored = JSON.parse(legalScored.record);
    expect(legalScored.scoredRecord).toEqual({
      year: 2017, assignments: [], report: { unitId: 'evaluation:2017/legal-affairs-office', due: stored.report.due, submittedAt: stored.report.submittedAt },
      reportId: 'evaluation:2017/legal-affairs-office',
      catalogues: [{ unitId: `${roundId}/legal-affairs-office`, round: '2017 年监管目录备案', due: stored.catalogues[0].due, submittedAt: stored.catalogues[0].submittedAt }],
    });
    expect(stored.report.submittedAt).not.toBeNull();
    const catalogue = legal.breakdown.find((c: { criterion: string }) => c.criterion === 'catalogue');
    expect(catalogue.deductions[0]).toMatchObject({ source: `${roundId}/legal-affairs-office`, points: 5 });
    expect(catalogue.deductions[0].events.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['submit', 'return', 'overdue']));
    // 和平区: report due 2017-12-15, submitted after 2017: late −5; no catalogue to file.
    expect(sheet.scores.find((s: { bodyId: string }) => s.bodyId === 'district-heping').score).toBe(95);

    const sheetId = sheet.id;
    const step = (name: string, token: string) => run(`mutation { ${name}(id: "${sheetId}") { __typename ... on Error { message } } }`, token);
    expect(await step('publishScoreSheet', tokens.performance)).toMatchObject({ __typename: 'InvalidTransitionError', message: expect.stringContaining('Cannot publish') });
    expect(await step('reviewScoreSheet', tokens.supervisor)).toMatchObject({ __typename: 'GraphQLError' });
    expect(await api.request('{ scoreSheets(year: 2017) { id } }', {}, tokens.legal)).toMatchObject({ data: { scoreSheets: [] } });
    expect(await step('reviewScoreSheet', tokens.performance)).toEqual({ __typename: 'MutationReviewScoreSheetSuccess' });
    expect(await step('publishScoreSheet', tokens.performance)).toMatchObject({ __typename: 'InvalidTransitionError', message: expect.stringContaining('Announce the sheet first') });
    // Announced without an appeal period (公示 with 0 working days), so it may be published at once.
    expect(await run(`mutation { announceScoreSheet(id: "${sheetId}", appealWorkingDays: 0) { __typename ... on Error { message } } }`, tokens.performance)).toEqual({ __typename: 'MutationAnnounceScoreSheetSuccess' });
    expect(await step('publishScoreSheet', tokens.performance)).toEqual({ __typename: 'MutationPublishScoreSheetSuccess' });
    expect(await step('reviewScoreSheet', tokens.performance)).toMatchObject({ __typename: 'InvalidTransitionError', message: expect.stringContaining('frozen') });

    const second = (await run(compute.replace('rubricVersion: "2016-a"', ''), tokens.performance)).data;
    expect(second).toMatchObject({ version: 2, status: 'draft' });
    const published = await stack.db.prisma.scoreSheet.findUniqueOrThrow({ where: { id: '2017v1' } });
    expect(published.status).toBe('published');
    const seen = await api.request('{ scoreSheets(year: 2017) { version scores { bodyId } } }', {}, tokens.legal);
    expect(seen.data.scoreSheets).toEqual([{ version: 1, scores: [{ bodyId: 'legal-affairs-office' }] }]);

    const exported = await download('/exports/scores/2017v1.xlsx', tokens.performance);
    expect(exported.status).toBe(200);
    const table = exported.workbook.worksheets[0]!;
    expect(table.getRow(1).getCell(3).value).toBe('得分 Scores'.replace('Scores', 'Score'));
    expect(exported.workbook.worksheets[1]!.rowCount).toBeGreaterThan(1);
    expect((await download('/exports/scores/2017v2.xlsx', tokens.legal)).status).toBe(404);
  });
});
