import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCode } from '../helpers/credit.ts';
import { graphqlClient } from '../helpers/graphql.ts';
import { buildConsoleIfStale, hasChromium, launchBrowser, screenshot, signIn, startStack, type Stack } from './stack.ts';

/** Waits for what the page shows after a round trip through the API and the workflow. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 200 });

describe.skipIf(!hasChromium)('credit pages of the console in Chromium', () => {
  let stack: Stack;
  let browser: Browser;
  let supervisor: Page;
  const code = testCode(4242);

  beforeAll(async () => {
    await buildConsoleIfStale();
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
    // An entity, a record from the market commission, and an objection filed by the district, all through the API.
    const api = graphqlClient(stack.base);
    const [sup, market, heping] = [await api.login('supervisor', 'duban2026'), await api.login('market', 'duban2026'), await api.login('heping', 'duban2026')];
    await api.request(`mutation { registerMarketEntity(input: { code: "${code}", name: "天津控制台测试商贸有限公司", registrationBody: "和平区市场监管局", district: "和平区", industry: "retail" }) { __typename } }`, {}, sup);
    const added = await api.request(`mutation { addCreditRecord(input: { entityCode: "${code}", kind: penalty, date: "2026-01-05", amountYuan: 200000, description: "虚假宣传" }) { __typename ... on MutationAddCreditRecordSuccess { data { id } } } }`, {}, market);
    const recordId = added.data.addCreditRecord.data.id as string;
    const filed = await api.request(`mutation { fileObjection(input: { entityCode: "${code}", recordId: "${recordId}", reasons: "罚款金额登记有误" }) { __typename } }`, {}, heping);
    expect(filed.data.fileObjection.__typename).toBe('MutationFileObjectionSuccess');

    // A second record, old enough to repair, with evidence and a signed commitment.
    const second = await api.request(`mutation { addCreditRecord(input: { entityCode: "${code}", kind: abnormal, date: "2026-01-05", description: "未报送年报" }) { __typename ... on MutationAddCreditRecordSuccess { data { id } } } }`, {}, market);
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: 'mutation ($f: File!) { uploadAttachment(file: $f) { __typename ... on MutationUploadAttachmentSuccess { data { id } } } }', variables: { f: null } }));
    form.append('map', JSON.stringify({ 0: ['variables.f'] }));
    form.append('0', new Blob(['已补报年报，承诺守信经营。']), '信用承诺书.txt');
    const uploaded = (await (await fetch(`${stack.base}/graphql`, { method: 'POST', body: form, headers: { authorization: `Bearer ${heping}` } })).json()) as { data: { uploadAttachment: { data: { id: string } } } };
    const attachment = uploaded.data.uploadAttachment.data.id;
    const applied = await api.request(`mutation { applyForRepair(input: { recordId: "${second.data.addCreditRecord.data.id}", statement: "已补报年报", evidence: ["${attachment}"], commitment: "${attachment}" }) { __typename } }`, {}, heping);
    expect(applied.data.applyForRepair.__typename).toBe('MutationApplyForRepairSuccess');

    // A round over the one entity rated good, with two inspectors in the pool.
    await api.request(`mutation { registerMarketEntity(input: { code: "${testCode(4243)}", name: "天津良好示范有限公司", registrationBody: "和平区市场监管局", district: "和平区", industry: "retail" }) { __typename } }`, {}, sup);
    for (const id of ['MK001', 'MK002']) await api.request(`mutation { addEnforcementOfficer(id: "${id}", name: "执法员 ${id}", bodyId: "market-commission") { __typename } }`, {}, market);
    const opened = await api.request(`mutation { openInspectionRound(input: { roundId: "console-1", title: "控制台抽查", date: "2026-03-01", size: 1, checklist: [{ id: "licence", text: "营业执照公示" }], bodies: [{ bodyId: "market-commission" }] }) { __typename ... on Error { message } } }`, {}, sup);
    expect(opened.data.openInspectionRound.__typename).toBe('MutationOpenInspectionRoundSuccess');
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('supervising office: sees the class in its colour, accepts the objection and corrects the record; the class changes', async () => {
    supervisor = await signIn(browser, stack.base, 'supervisor');
    await supervisor.goto(`${stack.base}/#/entities`);
    await poll(() => supervisor.locator('[data-class=dishonest]').count()).toBe(1);

    await supervisor.goto(`${stack.base}/#/objections`);
    await supervisor.getByText('天津控制台测试商贸有限公司').first().click();
    await supervisor.waitForURL(/#\/objections\/.+\/show/);
    await poll(() => supervisor.getByTestId('objection-status').textContent()).toBe('待受理');
    await supervisor.locator('[data-action=accept]').click();
    await supervisor.getByRole('dialog').getByLabel('理由或答复').fill('材料齐全，予以受理');
    await supervisor.getByRole('dialog').getByTestId('confirm-action').click();
    await poll(() => supervisor.getByTestId('objection-status').textContent()).toBe('核查中');

    // A correction without the fine or reasons is refused in words and changes nothing.
    await supervisor.locator('[data-action=correct]').click();
    await supervisor.getByRole('dialog').getByLabel('更正后的罚款金额（元），不填则撤销记录').fill('20000');
    await supervisor.getByRole('dialog').getByTestId('confirm-action').click();
    await poll(() => supervisor.getByRole('dialog').getByRole('alert').textContent()).toContain('Give the reasons for the correction');
    await supervisor.getByRole('dialog').getByLabel('理由或答复').fill('经提供单位核实，金额应为 2 万元');
    await supervisor.getByRole('dialog').getByTestId('confirm-action').click();
    await poll(() => supervisor.getByTestId('objection-status').textContent()).toBe('已更正');
    await poll(() => supervisor.getByTestId('objection-timeline').locator('li').count()).toBe(3);
    await poll(() => supervisor.locator('[data-class=warning]').getAttribute('data-colour')).toBe('yellow');
    await screenshot(supervisor, 'objection');

    await supervisor.goto(`${stack.base}/#/entities`);
    await poll(() => supervisor.locator('[data-class=warning]').count()).toBe(1);
    await supervisor.locator('[data-class=warning]').click();
    await poll(() => supervisor.getByTestId('class-history').locator('li').count()).toBe(3);
  }, 120_000);

  it('supervising office: approves the repair, and sees the round with its published seed and inspectors', async () => {
    await supervisor.goto(`${stack.base}/#/repairs`);
    await supervisor.getByText('天津控制台测试商贸有限公司').first().click();
    await poll(() => supervisor.getByTestId('repair-status').textContent()).toBe('审核中');
    await supervisor.locator('[data-action=approve]').click();
    await poll(() => supervisor.getByTestId('repair-status').textContent()).toBe('已修复');

    await supervisor.goto(`${stack.base}/#/inspections`);
    await supervisor.getByText('控制台抽查').click();
    await poll(() => supervisor.getByTestId('round-seed').textContent()).toMatch(/seed [0-9a-f]{64}/);
    await poll(() => supervisor.getByTestId('sampled-row').textContent()).toMatch(/天津良好示范有限公司.*执法员 MK00[12].*、执法员 MK00[12]/);
    await screenshot(supervisor, 'inspection-round');
  }, 120_000);

  it('department: sees the case it filed without the review steps; the public page needs no sign-in', async () => {
    const heping = await signIn(browser, stack.base, 'heping');
    await heping.goto(`${stack.base}/#/objections`);
    await heping.getByText('天津控制台测试商贸有限公司').first().click();
    await poll(() => heping.getByTestId('objection-status').textContent()).toBe('已更正');
    expect(await heping.locator('[data-action]').count()).toBe(0);

    // A second objection, to the corrected record, from the entity's page: the case opens awaiting acceptance.
    await heping.goto(`${stack.base}/#/entities`);
    await heping.locator('[data-class=warning]').click();
    await heping.getByTestId('entity-record').locator('[data-action=fileObjection]').first().click();
    await heping.getByRole('dialog').getByLabel('异议理由').fill('处罚决定已被复议撤销');
    await heping.getByRole('dialog').getByTestId('confirm-action').click();
    await heping.waitForURL(/#\/objections\/.+\/show/);
    await poll(() => heping.getByTestId('objection-status').textContent()).toBe('待受理');

    const anonymous = await (await browser.newContext()).newPage();
    await anonymous.goto(`${stack.base}/public/credit?search=${code}`);
    await poll(() => anonymous.locator('[data-class=warning]').textContent()).toContain('警示');
  }, 120_000);
});
