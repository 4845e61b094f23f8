import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCode } from '../helpers/credit.ts';
import { graphqlClient } from '../helpers/graphql.ts';
import { buildConsoleIfStale, launchBrowser, screenshot, signIn, skipWithoutChromium, startStack, type Stack } from './stack.ts';

/** Waits for what the page shows after a round trip through the API and the workflow. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 200 });

/**
 * One `npm start` stack and one Chromium for the file; each test registers the
 * entities, records and cases it works on (names and codes of its own) through
 * the API, so it passes alone and in any order.
 */
describe.skipIf(skipWithoutChromium)('credit pages of the console in Chromium', () => {
  let stack: Stack;
  let browser: Browser;
  let api: ReturnType<typeof graphqlClient>;
  let tokens: Record<'supervisor' | 'market' | 'heping', string>;

  const mutate = async (query: string, token: string) => {
    const { data, errors } = await api.request(query, {}, token);
    const payload = Object.values(data ?? {})[0] as { __typename: string; data?: { id: string }; message?: string } | undefined;
    if (errors || !payload || payload.__typename.endsWith('Error')) throw new Error(`${query}: ${JSON.stringify(errors ?? payload)}`);
    return payload;
  };
  /** A registered entity, with the market commission's records (a penalty's fine decides its class). */
  const entity = async (n: number, name: string, records: Array<{ kind: string; amountYuan?: number; description: string }> = [], district = '和平区') => {
    const code = testCode(n);
    await mutate(`mutation { registerMarketEntity(input: { code: "${code}", name: "${name}", registrationBody: "和平区市场监管局", district: "${district}", industry: "retail" }) { __typename } }`, tokens.supervisor);
    const ids: string[] = [];
    for (const r of records) {
      const fine = r.amountYuan === undefined ? '' : `, amountYuan: ${r.amountYuan}`;
      ids.push((await mutate(`mutation { addCreditRecord(input: { entityCode: "${code}", kind: ${r.kind}, date: "2026-01-05"${fine}, description: "${r.description}" }) { __typename ... on MutationAddCreditRecordSuccess { data { id } } } }`, tokens.market)).data!.id);
    }
    return { code, records: ids };
  };
  const fileObjection = async (code: string, recordId: string) =>
    (await mutate(`mutation { fileObjection(input: { entityCode: "${code}", recordId: "${recordId}", reasons: "罚款金额登记有误" }) { __typename ... on MutationFileObjectionSuccess { data { id } } } }`, tokens.heping)).data!.id;
  const upload = async (name: string, content: string) => {
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: 'mutation ($f: File!) { uploadAttachment(file: $f) { __typename ... on MutationUploadAttachmentSuccess { data { id } } } }', variables: { f: null } }));
    form.append('map', JSON.stringify({ 0: ['variables.f'] }));
    form.append('0', new Blob([content]), name);
    const uploaded = (await (await fetch(`${stack.base}/graphql`, { method: 'POST', body: form, headers: { authorization: `Bearer ${tokens.heping}` } })).json()) as { data: { uploadAttachment: { data: { id: string } } } };
    return uploaded.data.uploadAttachment.data.id;
  };
  /** Two inspectors of the market commission in the pool (added once, whoever asks first). */
  const officers = async () => {
    for (const id of ['MK001', 'MK002']) {
      await api.request(`mutation { addEnforcementOfficer(id: "${id}", name: "执法员 ${id}", bodyId: "market-commission") { __typename } }`, {}, tokens.market);
    }
  };
  /** A round of one entity rated good, in a district no other test's round draws from: announced, then drawn once its beacon is entered. */
  const round = async (roundId: string, title: string, district: string) => {
    await officers();
    const announced = await mutate(`mutation { announceInspectionRound(input: { roundId: "${roundId}", title: "${title}", date: "2026-03-01", size: 1, districts: ["${district}"], beaconSource: "drand quicknet round 99000000", checklist: [{ id: "licence", text: "营业执照公示" }], bodies: [{ bodyId: "market-commission" }] }) { __typename ... on MutationAnnounceInspectionRoundSuccess { data { id } } ... on Error { message } } }`, tokens.supervisor);
    await mutate(`mutation { drawInspectionRound(roundId: "${announced.data!.id}", beacon: "8f2d4c1a") { __typename ... on Error { message } } }`, tokens.supervisor);
  };
  const rowOf = (page: Page, name: string) => page.locator('tbody .RaDataTable-row').filter({ hasText: name });

  beforeAll(async () => {
    await buildConsoleIfStale();
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
    api = graphqlClient(stack.base);
    tokens = { supervisor: await api.login('supervisor', 'duban2026'), market: await api.login('market', 'duban2026'), heping: await api.login('heping', 'duban2026') };
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('supervising office: sees the class in its colour, accepts the objection and corrects the record; the class changes', async () => {
    const name = '天津控制台测试商贸有限公司';
    const { code, records } = await entity(4242, name, [{ kind: 'penalty', amountYuan: 200_000, description: '虚假宣传' }]);
    await fileObjection(code, records[0]!);
    const supervisor = await signIn(browser, stack.base, 'supervisor');
    await supervisor.goto(`${stack.base}/#/entities`);
    await poll(() => rowOf(supervisor, name).locator('[data-class=dishonest]').count()).toBe(1);

    await supervisor.goto(`${stack.base}/#/objections`);
    await supervisor.getByText(name).first().click();
    await supervisor.waitForURL(/#\/objections\/.+\/show/);
    await poll(() => supervisor.getByTestId('objection-status').textContent()).toBe('待受理');
    await supervisor.locator('[data-action=accept]').click();
    await supervisor.getByRole('dialog').getByLabel('理由或答复').fill('材料齐全，予以受理');
    await supervisor.getByRole('dialog').getByTestId('confirm-action').click();
    await poll(() => supervisor.getByTestId('objection-status').textContent()).toBe('核查中');

    // A correction waits for its reasons (the workflow requires them).
    await supervisor.locator('[data-action=correct]').click();
    await supervisor.getByRole('dialog').getByLabel('更正后的罚款金额（元），不填则撤销记录').fill('20000');
    expect(await supervisor.getByRole('dialog').getByTestId('confirm-action').isDisabled()).toBe(true);
    await supervisor.getByRole('dialog').getByLabel('理由或答复').fill('经提供单位核实，金额应为 2 万元');
    await supervisor.getByRole('dialog').getByTestId('confirm-action').click();
    await poll(() => supervisor.getByTestId('objection-status').textContent()).toBe('已更正');
    await poll(() => supervisor.getByTestId('objection-timeline').locator('li').count()).toBe(3);
    // Each step in words, never the workflow's event names.
    const steps = await supervisor.getByTestId('objection-timeline').innerText();
    expect(steps).toMatch(/提出异议[\s\S]*受理[\s\S]*更正/);
    expect(steps).not.toMatch(/filed|accepted|corrected/);
    await poll(() => supervisor.locator('[data-class=warning]').getAttribute('data-colour')).toBe('yellow');
    await screenshot(supervisor, 'objection');

    await supervisor.goto(`${stack.base}/#/entities`);
    await poll(() => rowOf(supervisor, name).locator('[data-class=warning]').count()).toBe(1);
    await rowOf(supervisor, name).locator('[data-class=warning]').click();
    await poll(() => supervisor.getByTestId('class-history').locator('li').count()).toBe(3);
    expect(await supervisor.getByTestId('class-history').innerText()).not.toMatch(/objection:|record:|registered/);
    const recordLines = await supervisor.getByTestId('entity-records').innerText();
    expect(recordLines).toContain('行政处罚');
    expect(recordLines).not.toMatch(/penalty|active|published/);
    await supervisor.context().close();
  }, 120_000);

  it('supervising office: approves the repair, and sees the round with its published seed and inspectors', async () => {
    const name = '天津修复审核测试有限公司';
    const { records } = await entity(4245, name, [{ kind: 'abnormal', description: '未报送年报' }]);
    const attachment = await upload('信用承诺书.txt', '已补报年报，承诺守信经营。');
    await mutate(`mutation { applyForRepair(input: { recordId: "${records[0]}", statement: "已补报年报", evidence: ["${attachment}"], commitment: "${attachment}" }) { __typename } }`, tokens.heping);
    await entity(4243, '天津良好示范有限公司', [], '河北区');
    await round('console-1', '控制台抽查', '河北区');

    const supervisor = await signIn(browser, stack.base, 'supervisor');
    await supervisor.goto(`${stack.base}/#/repairs`);
    await supervisor.getByText(name).first().click();
    await poll(() => supervisor.getByTestId('repair-status').textContent()).toBe('审核中');
    await supervisor.locator('[data-action=approve]').click();
    await poll(() => supervisor.getByTestId('repair-status').textContent()).toBe('已修复');

    await supervisor.goto(`${stack.base}/#/inspections`);
    await supervisor.getByText('控制台抽查').click();
    await poll(() => supervisor.getByTestId('round-seed').textContent()).toMatch(/种子：[0-9a-f]{64}/);
    await poll(() => supervisor.getByTestId('sampled-row').textContent()).toMatch(/天津良好示范有限公司.*执法员 MK\d{3}.*、执法员 MK\d{3}/);
    await screenshot(supervisor, 'inspection-round');
    await supervisor.context().close();
  }, 120_000);

  it('department: sees the case it filed without the review steps; the public page needs no sign-in', async () => {
    const name = '天津异议查看测试有限公司';
    const { code, records } = await entity(4246, name, [{ kind: 'penalty', amountYuan: 200_000, description: '虚假宣传' }]);
    const caseId = await fileObjection(code, records[0]!);
    for (const action of ['type: accept', 'type: correct, text: "经核实更正", amountYuan: 20000']) {
      await mutate(`mutation { actOnObjection(input: { caseId: "${caseId}", ${action} }) { __typename ... on Error { message } } }`, tokens.supervisor);
    }
    const heping = await signIn(browser, stack.base, 'heping');
    await heping.goto(`${stack.base}/#/objections`);
    await heping.getByText(name).first().click();
    await poll(() => heping.getByTestId('objection-status').textContent()).toBe('已更正');
    expect(await heping.locator('[data-action]').count()).toBe(0);

    // A second objection, to the corrected record, from the entity's page: the case opens awaiting acceptance.
    await heping.goto(`${stack.base}/#/entities`);
    await rowOf(heping, name).locator('[data-class=warning]').click();
    await heping.getByTestId('entity-record').locator('[data-action=fileObjection]').first().click();
    await heping.getByRole('dialog').getByLabel('异议理由').fill('处罚决定已被复议撤销');
    await heping.getByRole('dialog').getByTestId('confirm-action').click();
    await heping.waitForURL(/#\/objections\/.+\/show/);
    await poll(() => heping.getByTestId('objection-status').textContent()).toBe('待受理');

    const anonymous = await (await browser.newContext()).newPage();
    await anonymous.goto(`${stack.base}/public/credit?search=${code}`);
    await poll(() => anonymous.locator('[data-class=warning]').textContent()).toContain('警示');
    await Promise.all([heping.context().close(), anonymous.context().close()]);
  }, 120_000);

  it('department: files a repair with its evidence and signed commitment from the entity page; the application shows them', async () => {
    const name = '天津修复测试有限公司';
    await entity(4244, name, [{ kind: 'penalty', amountYuan: 600_000, description: '销售不合格商品' }]);
    const heping = await signIn(browser, stack.base, 'heping');
    await heping.goto(`${stack.base}/#/entities`);
    await rowOf(heping, name).locator('[data-class=seriouslyDishonest]').click();
    await heping.getByTestId('entity-record').locator('[data-action=applyForRepair]').click();
    const dialog = heping.getByRole('dialog');
    await dialog.getByLabel('纠正失信行为的说明').fill('已召回全部不合格商品并完成整改');
    await dialog.getByTestId('repair-evidence').setInputFiles({ name: '整改报告.txt', mimeType: 'text/plain', buffer: Buffer.from('已召回不合格商品，整改完毕。') });
    // Without the signed commitment the rule would refuse: the form asks for it first.
    expect(await dialog.getByTestId('confirm-action').isDisabled()).toBe(true);
    await dialog.getByTestId('repair-commitment').setInputFiles({ name: '信用承诺书.txt', mimeType: 'text/plain', buffer: Buffer.from('本企业承诺守信经营。') });
    await dialog.getByTestId('confirm-action').click();
    await heping.waitForURL(/#\/repairs\/.+\/show/);
    await poll(() => heping.getByTestId('repair-status').textContent()).toBe('审核中');
    // Each file is a link under the name it was uploaded with, to the attachments' download route.
    const evidence = heping.getByTestId('repair-evidence').getByTestId('attachment-link');
    const commitment = heping.getByTestId('repair-commitment').getByTestId('attachment-link');
    await poll(() => evidence.allTextContents()).toEqual(['整改报告.txt']);
    expect(await commitment.textContent()).toBe('信用承诺书.txt');
    expect(await evidence.getAttribute('href')).toMatch(/^\/attachments\/[0-9a-f]{64}-[0-9a-f]{16}$/);
    expect(await commitment.getAttribute('href')).toMatch(/^\/attachments\/[0-9a-f]{64}-[0-9a-f]{16}$/);
    // The page is titled by the entity and the record, not by an encoded ID.
    await poll(() => heping.locator('#react-admin-title').textContent()).toContain('天津修复测试有限公司');
    const downloaded = heping.waitForEvent('download');
    await evidence.click();
    const file = await downloaded;
    expect(file.suggestedFilename()).toBe('整改报告.txt');
    expect(fs.readFileSync((await file.path())!, 'utf8')).toBe('已召回不合格商品，整改完毕。');
    await heping.context().close();
  }, 120_000);

  it('supervising office: records the sampled entity\'s result against the shared checklist with a finding, publishes it, and the finding becomes a record', async () => {
    await entity(4247, '天津抽查结果测试有限公司', [], '红桥区');
    await round('console-2', '控制台检查结果', '红桥区');
    const supervisor = await signIn(browser, stack.base, 'supervisor');
    await supervisor.goto(`${stack.base}/#/inspections`);
    await supervisor.getByText('控制台检查结果').click();
    await poll(() => supervisor.locator('#react-admin-title').textContent()).toContain('控制台检查结果（2026-03-01）');
    await supervisor.getByTestId('sampled-row').locator('[data-action=recordResult]').click();
    const dialog = supervisor.getByRole('dialog');
    const licence = dialog.locator('[data-testid=checklist-item][data-item=licence]');
    await licence.getByLabel('不合格').check();
    await licence.getByLabel('说明').fill('营业执照未悬挂');
    await dialog.getByLabel('发现问题，形成信用记录').check();
    await dialog.getByLabel('问题描述').fill('未公示营业执照');
    // A penalty without its fine is refused by the round, in words.
    await dialog.getByTestId('confirm-action').click();
    await poll(() => dialog.getByRole('alert').textContent()).toContain('A penalty needs its fine');
    await dialog.getByLabel('罚款金额（元）').fill('2000');
    await dialog.getByTestId('confirm-action').click();
    await poll(() => supervisor.getByTestId('inspection-result').textContent()).toContain('营业执照公示：不合格（营业执照未悬挂）');
    await poll(() => supervisor.getByTestId('inspection-finding').textContent()).toContain('公示后形成信用记录');

    await supervisor.locator('[data-action=publish]').click();
    await poll(() => supervisor.getByTestId('inspection-finding').textContent()).toContain('已形成信用记录');
    await supervisor.getByTestId('inspection-finding').getByText('已形成信用记录').click();
    await poll(() => supervisor.getByTestId('entity-records').textContent()).toContain('¥2,000');
    await poll(() => supervisor.locator('[data-class=warning]').count()).toBe(1);
    await supervisor.context().close();
  }, 120_000);

  it('supervising office: adds an officer to a body\'s pool and declares a conflict with an entity', async () => {
    const { code } = await entity(4248, '天津回避测试有限公司');
    const supervisor = await signIn(browser, stack.base, 'supervisor');
    await supervisor.goto(`${stack.base}/#/staff`);
    await poll(() => supervisor.getByLabel('执法证号').count()).toBe(1);
    await supervisor.getByLabel('执法证号').fill('MK003');
    await supervisor.getByLabel('姓名').fill('执法员 MK003');
    await supervisor.getByRole('combobox', { name: '所属单位' }).click();
    await supervisor.getByRole('option', { name: '市市场监管委', exact: true }).click();
    await supervisor.locator('[data-action=addOfficer]').click();
    const row = supervisor.locator('[data-testid=officer-row][data-officer=MK003]');
    await poll(() => row.textContent()).toContain('执法员 MK003');

    // A second officer under the same enforcement ID is refused in words.
    await supervisor.getByLabel('执法证号').fill('MK003');
    await supervisor.getByLabel('姓名').fill('重复');
    await supervisor.locator('[data-action=addOfficer]').click();
    await poll(() => supervisor.getByRole('alert').textContent()).toContain('already registered');

    await row.locator('[data-action=declareConflict]').click();
    const dialog = supervisor.getByRole('dialog');
    await dialog.getByLabel('统一社会信用代码').fill(code);
    await dialog.getByLabel('回避理由').fill('近亲属在该企业任职');
    await dialog.getByTestId('confirm-action').click();
    await poll(() => row.getByTestId('officer-conflicts').textContent()).toContain(`${code} · 近亲属在该企业任职`);

    // Out of the draw's pool and back: the row says so, and so does the API.
    const active = async () => ((await api.request('{ enforcementOfficers(bodyId: "market-commission") { id active } }', {}, tokens.supervisor)).data.enforcementOfficers as Array<{ id: string; active: boolean }>).find((o) => o.id === 'MK003')?.active;
    await row.locator('[data-action=deactivateOfficer]').click();
    await poll(() => row.getAttribute('data-active')).toBe('false');
    expect(await row.textContent()).toContain('已停用');
    expect(await active()).toBe(false);
    await row.locator('[data-action=reactivateOfficer]').click();
    await poll(() => row.getAttribute('data-active')).toBe('true');
    expect(await row.textContent()).not.toContain('已停用');
    expect(await active()).toBe(true);
    await supervisor.context().close();
  }, 120_000);

  it('supervising office: imports entities from CSV; a bad row is reported and nothing is stored, then the corrected file imports', async () => {
    const [first, second] = [testCode(5001), testCode(5002)];
    const count = async (search: string) =>
      ((await api.request(`query { marketEntities(search: "${search}") { totalCount } }`, {}, tokens.supervisor)).data.marketEntities.totalCount as number);
    const csv = (rows: string[]) => ({ name: '主体.csv', mimeType: 'text/csv', buffer: Buffer.from(['统一社会信用代码,名称,登记机关,区县,行业', ...rows].join('\n')) });
    const good = `${first},天津导入一号有限公司,和平区市场监管局,和平区,retail`;

    const supervisor = await signIn(browser, stack.base, 'supervisor');
    await supervisor.goto(`${stack.base}/#/credit-import`);
    await supervisor.getByTestId('credit-import-file').setInputFiles(csv([good, `${second.slice(0, 17)}X,天津导入二号有限公司,和平区市场监管局,和平区,retail`]));
    await supervisor.locator('[data-action=importCredit]').click();
    await poll(() => supervisor.getByTestId('import-row-error').count()).toBe(1);
    expect(await supervisor.getByTestId('import-row-error').locator('td').first().textContent()).toBe('3');
    await expect(supervisor.getByTestId('credit-import-errors').textContent()).resolves.toContain('未导入任何数据');
    expect(await count(first)).toBe(0);

    await supervisor.getByTestId('credit-import-file').setInputFiles(csv([good, `${second},天津导入二号有限公司,和平区市场监管局,和平区,retail`]));
    await supervisor.locator('[data-action=importCredit]').click();
    await poll(() => supervisor.getByTestId('credit-import-success').textContent()).toContain('已导入 2 行');
    expect(await supervisor.getByTestId('import-row-error').count()).toBe(0);
    expect(await count(first)).toBe(1);
    expect(await count(second)).toBe(1);
    await supervisor.context().close();
  }, 120_000);
});
