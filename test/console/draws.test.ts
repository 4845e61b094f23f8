import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { isProvisional } from '../../domain/time/calendar.ts';
import { arrangement2027 } from '../../domain/time/fixtures.ts';
import { dayMs, shanghaiDate } from '../../domain/time/instants.ts';
import { workingDayTimes } from '../../domain/time/working-day-calendar.ts';
import { testCode } from '../helpers/credit.ts';
import { graphqlClient } from '../helpers/graphql.ts';
import { consoleSession } from './session.ts';
import { phone, screenshot, skipWithoutChromium } from './stack.ts';

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 200 });
/** Nothing wider than the window: the page works without sideways scrolling. */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe.skipIf(skipWithoutChromium)('announced draws and the holiday calendar in the console', () => {
  const session = consoleSession();

  it('supervising office: announces a round, enters the beacon and draws it, opens its public page; the demo round is there too; at 390 px', async () => {
    const supervisor = await session.signIn('supervisor', phone);
    await supervisor.goto(`${session.base}/#/inspections`);
    await poll(() => supervisor.getByText('DEMO-2026-01').count()).toBe(1);
    expect(await supervisor.locator('tbody').textContent()).toContain('检查中');
    expect(await overflow(supervisor)).toBeLessThanOrEqual(0);

    await supervisor.locator('[data-action=announceRound]').click();
    const dialog = supervisor.getByRole('dialog');
    await dialog.locator('[data-field=roundId]').fill('2026-控制台');
    await dialog.locator('[data-field=title]').fill('控制台公告抽查');
    await dialog.locator('[data-field=size]').fill('3');
    await dialog.getByLabel('参加单位').click();
    await supervisor.getByRole('option', { name: '市商务委', exact: true }).click();
    await dialog.locator('[data-field=checklist]').fill('营业执照公示\n明码标价');
    await dialog.locator('[data-field=beaconSource]').fill('drand quicknet 第 99000001 轮');
    await dialog.getByTestId('confirm-action').click();
    // A round ID with Chinese characters is refused by the rule, in words; a good one is announced.
    await poll(() => dialog.getByRole('alert').textContent()).toContain('The round ID may contain letters, digits');
    await dialog.locator('[data-field=roundId]').fill('CONSOLE-2026-02');
    await dialog.getByTestId('confirm-action').click();
    await supervisor.waitForURL(/#\/inspections\/.+\/show/);
    await poll(() => supervisor.getByTestId('round-status').textContent()).toBe('已公告，待抽取');
    expect(await supervisor.getByTestId('round-seed').textContent()).toContain('尚未抽取');
    expect(await overflow(supervisor)).toBeLessThanOrEqual(0);

    await supervisor.locator('[data-action=drawRound]').click();
    await supervisor.getByRole('dialog').locator('[data-field=beacon]').fill('5d1c0e7a9b3f4c2d8e6a0b1c3d5e7f9a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d0e');
    await supervisor.getByRole('dialog').getByTestId('confirm-action').click();
    await poll(() => supervisor.getByTestId('round-status').textContent()).toBe('检查中');
    await poll(() => supervisor.getByTestId('round-seed').textContent()).toMatch(/种子：[0-9a-f]{64}/);
    expect(await supervisor.getByTestId('round-beacon').textContent()).toContain('5d1c0e7a');
    await poll(() => supervisor.getByTestId('sampled-row').count()).toBe(3);
    expect(await overflow(supervisor)).toBeLessThanOrEqual(0);
    await screenshot(supervisor, 'inspection-announced-drawn-phone', true);
    const seed = (await supervisor.getByTestId('round-seed').textContent())!.replace('种子：', '');

    const publicPage = supervisor.waitForEvent('popup');
    await supervisor.getByTestId('round-public-page').click();
    const anonymous = await publicPage;
    await anonymous.waitForLoadState();
    expect(anonymous.url()).toBe(`${session.base}/public/inspections/CONSOLE-2026-02`);
    expect(await anonymous.textContent('body')).toContain(seed);
    expect(await anonymous.textContent('body')).toContain('drand quicknet 第 99000001 轮');
    expect(await overflow(anonymous)).toBeLessThanOrEqual(0);
    const other = await (await anonymous.context().browser()!.newContext()).newPage();
    const response = await other.goto(`${session.base}/public/inspections/CONSOLE-2026-02.json`);
    expect(JSON.parse(await response!.text())).toMatchObject({ roundId: 'CONSOLE-2026-02', seed, status: 'inspecting' });
    await supervisor.context().close();
    await other.context().close();
  }, 180_000);

  it('supervising office: cancels an announced round with its reasons; the buttons come from the round\'s availableActions', async () => {
    const api = graphqlClient(session.base);
    const token = await api.login('supervisor', 'duban2026');
    const { data } = await api.request(`mutation { announceInspectionRound(input: { roundId: "CANCEL-2026", title: "待取消抽查", date: "2026-03-01", size: 1, beaconSource: "drand quicknet 第 99000002 轮", checklist: [{ id: "licence", text: "营业执照公示" }], bodies: [{ bodyId: "commerce" }] }) { __typename ... on MutationAnnounceInspectionRoundSuccess { data { id } } ... on Error { message } } }`, {}, token);
    expect(data.announceInspectionRound.__typename, JSON.stringify(data)).toBe('MutationAnnounceInspectionRoundSuccess');
    const id = data.announceInspectionRound.data.id as string;

    // A department sees the round but neither the draw nor the cancel.
    const market = await session.signIn('market');
    await market.goto(`${session.base}/#/inspections/${encodeURIComponent(id)}/show`);
    await poll(() => market.getByTestId('round-status').textContent()).toBe('已公告，待抽取');
    expect(await market.locator('[data-action=drawRound], [data-action=cancelRound]').count()).toBe(0);
    await market.context().close();

    const supervisor = await session.signIn('supervisor', phone);
    await supervisor.goto(`${session.base}/#/inspections/${encodeURIComponent(id)}/show`);
    await poll(() => supervisor.locator('[data-action=drawRound]').count()).toBe(1);
    await supervisor.locator('[data-action=cancelRound]').click();
    const dialog = supervisor.getByRole('dialog');
    expect(await dialog.getByTestId('confirm-action').isDisabled()).toBe(true);
    await dialog.getByLabel('取消理由').fill('抽查范围有误，重新公告。');
    await dialog.getByTestId('confirm-action').click();
    await poll(() => supervisor.getByTestId('round-status').textContent()).toBe('已取消');
    expect(await supervisor.locator('[data-action=drawRound], [data-action=cancelRound]').count()).toBe(0);
    expect(await overflow(supervisor)).toBeLessThanOrEqual(0);
    await supervisor.context().close();
  }, 180_000);

  it('administrator: enters 2027\'s arrangement in the console; an objection\'s provisional verification deadline is re-timed and its warning goes', async () => {
    const api = graphqlClient(session.base);
    const [sup, market, heping] = [await api.login('supervisor', 'duban2026'), await api.login('market', 'duban2026'), await api.login('heping', 'duban2026')];
    const code = testCode(7001);
    await api.request(`mutation { registerMarketEntity(input: { code: "${code}", name: "天津日历测试有限公司", registrationBody: "和平区市场监管局", district: "和平区", industry: "retail" }) { __typename } }`, {}, sup);
    const added = await api.request(`mutation { addCreditRecord(input: { entityCode: "${code}", kind: penalty, date: "2026-01-05", amountYuan: 5000, description: "未明码标价" }) { __typename ... on MutationAddCreditRecordSuccess { data { id } } } }`, {}, market);
    const filed = await api.request(`mutation { fileObjection(input: { entityCode: "${code}", recordId: "${added.data.addCreditRecord.data.id}", reasons: "金额有误" }) { __typename ... on MutationFileObjectionSuccess { data { id } } } }`, {}, heping);
    const id = filed.data.fileObjection.data.id as string;
    const accepted = await api.request(`mutation { actOnObjection(input: { caseId: "${id}", type: accept }) { __typename ... on MutationActOnObjectionSuccess { data { acceptedAt verifyBy deadlineProvisional } } } }`, {}, sup);
    const { acceptedAt, verifyBy, deadlineProvisional } = accepted.data.actOnObjection.data as { acceptedAt: string; verifyBy: string; deadlineProvisional: boolean };
    const from = Date.parse(acceptedAt) - 7 * dayMs;
    expect(deadlineProvisional).toBe(isProvisional(Date.parse(verifyBy), workingDayTimes(from, 500).provisionalFrom));
    if (shanghaiDate(verifyBy).startsWith('2027')) expect(deadlineProvisional).toBe(true);

    const supervisor = await session.signIn('supervisor', phone);
    await supervisor.goto(`${session.base}/#/objections/${encodeURIComponent(id)}/show`);
    await poll(() => supervisor.getByTestId('objection-status').textContent()).toBe('核查中');
    expect(await supervisor.getByTestId('provisional-deadline').count()).toBe(deadlineProvisional ? 1 : 0);
    if (deadlineProvisional) expect(await supervisor.getByTestId('provisional-deadline').textContent()).toContain('期限暂按周末计算');

    const admin = await session.signIn('admin', phone);
    await admin.goto(`${session.base}/#/holiday-calendar`);
    const year2027 = admin.locator('[data-testid=calendar-days][data-year="2027"]');
    await poll(() => year2027.getAttribute('data-source')).toBe('missing');
    expect(await admin.locator('[data-testid=calendar-days][data-year="2026"]').getAttribute('data-source')).toBe('package');
    await admin.getByTestId('calendar-year').filter({ has: year2027 }).locator('[data-action=enterYear]').click();
    const form = admin.getByTestId('calendar-enter-2027');
    await form.locator('[data-field=holidays]').fill('2027-01-01~2027-01-03\n2027-02-06~2027-02-12');
    await form.locator('[data-field=workingWeekends]').fill('2027-01-29\n2027-02-20');
    await form.locator('[data-action=saveCalendar]').click();
    await poll(() => form.getByRole('alert').textContent()).toContain('A working weekend must be a Saturday or Sunday: 2027-01-29');
    await form.locator('[data-field=workingWeekends]').fill('2027-01-30\n2027-02-20');
    await form.locator('[data-action=saveCalendar]').click();
    await poll(() => admin.getByTestId('calendar-saved').textContent()).toMatch(/已保存。\d+ 项在办事项收到新日历/);
    await poll(() => year2027.getAttribute('data-source')).toBe('office');
    expect(await year2027.textContent()).toContain('放假日期：2027-01-01~2027-01-03、2027-02-06~2027-02-12');
    expect(await overflow(admin)).toBeLessThanOrEqual(0);
    await screenshot(admin, 'holiday-calendar-phone', true);

    const expected = isProvisional(Date.parse(verifyBy), workingDayTimes(from, 500, [arrangement2027]).provisionalFrom);
    await supervisor.reload();
    await poll(() => supervisor.getByTestId('provisional-deadline').count()).toBe(expected ? 1 : 0);
    const { data } = await api.request(`{ node(id: "${id}") { ... on ObjectionCase { verifyBy deadlineProvisional } } }`, {}, sup);
    expect(data.node.deadlineProvisional).toBe(expected);
    await admin.context().close();
    await supervisor.context().close();
  }, 180_000);
});
