// Issue 20 item 6 in Chromium against `npm start`, at 390 px: the supervising office edits a plan's
// escalation ladder on the plan page and saves it, and sets its pace margin there (issue 21 item 3); on a plan committed 40 days overdue the
// ladder issues 督办单, and the unit addressed opens one on its task page at 390 px,
// downloads it and acknowledges it (签收). The office also escalates by hand: it picks the yellow
// 督办单 in the escalation dialog, confirms, and finds the slip's number in the task's 督办单 panel.
import fs from 'node:fs';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { consoleSession } from './session.ts';
import { pageGraphql, phone, skipWithoutChromium } from './stack.ts';

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 60_000, interval: 250 });
const dayMs = 86_400_000;
const shanghaiDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe.skipIf(skipWithoutChromium)('督办单 and the escalation ladder in Chromium', () => {
  const session = consoleSession();

  it('the office edits and saves a plan\'s ladder; the unit downloads and acknowledges its slip on a phone', async () => {
    const office = await session.signIn('supervisor', phone);
    const due = `${shanghaiDay(Date.now() - 40 * dayMs)}T15:59:59.999Z`;
    const committed = await pageGraphql(office, 'mutation ($d: NoticeDraftInput!) { commitPlan(draft: $d, timeline: historic) { __typename ... on MutationCommitPlanSuccess { data { id } } ... on Error { message } } }', {
      d: {
        title: '督办升级界面测试方案', issuedOn: shanghaiDay(Date.now() - 60 * dayMs), sourceText: '…', requirements: [],
        tasks: [{ ref: '1.1', section: '一', text: '久拖未办的界面任务。', leads: ['市法制办'], supports: [], due }],
      },
    });
    const planId: string = committed.commitPlan.data.id;
    const ladderOf = async () => (await pageGraphql(office, 'query ($id: ID!) { node(id: $id) { ... on Plan { escalationLadder { id triggerCount action points } } } }', { id: planId })).node.escalationLadder as { triggerCount: number; points: number }[];
    const before = await ladderOf();

    await office.goto(`${session.base}/#/plans/${encodeURIComponent(planId)}/show`);
    const editor = office.getByTestId('ladder-editor');
    await poll(() => editor.getByTestId('ladder-rung').count()).toBe(before.length);
    await editor.locator('[data-action=add-rung]').click();
    const added = editor.getByTestId('ladder-rung').last();
    await added.getByTestId('rung-count').fill('90');
    await added.getByTestId('rung-points').fill('-3');
    await editor.locator('[data-action=save-ladder]').click();
    await editor.getByText('督办升级规则已保存').waitFor();
    await poll(async () => (await ladderOf()).length).toBe(before.length + 1);
    expect((await ladderOf()).at(-1)).toMatchObject({ triggerCount: 90, points: -3 });
    expect(await overflow(office)).toBeLessThanOrEqual(0);

    // The plan's pace margin (序时进度容差), on the same page.
    const margin = office.getByTestId('pace-margin');
    await poll(() => margin.getByTestId('pace-margin-input').inputValue()).toBe('20');
    await margin.getByTestId('pace-margin-input').fill('101');
    expect(await margin.locator('[data-action=save-pace-margin]').isDisabled()).toBe(true);
    await margin.getByTestId('pace-margin-input').fill('35');
    await margin.locator('[data-action=save-pace-margin]').click();
    await margin.getByText('序时进度容差已改为 35 个百分点').waitFor();
    expect((await pageGraphql(office, 'query ($id: ID!) { node(id: $id) { ... on Plan { paceMarginPoints } } }', { id: planId })).node.paceMarginPoints).toBe(35);
    expect(await overflow(office)).toBeLessThanOrEqual(0);
    await office.context().close();

    const legal = await session.signIn('legal', phone);
    const slips = async () => (await pageGraphql(legal, '{ supervisionSlips(unacknowledgedOnly: true) { edges { node { id number fileName task { id } } } } }')).supervisionSlips.edges.map((e: any) => e.node);
    await poll(async () => (await slips()).length).toBeGreaterThan(0);
    const slip = (await slips())[0];
    // The inbox lists the slips awaiting 签收.
    await legal.goto(`${session.base}/#/inbox`);
    await poll(() => legal.getByTestId('pending-slips').getByTestId('slip').count()).toBeGreaterThan(0);
    // And so does the my-assignments page.
    await legal.goto(`${session.base}/#/my-assignments`);
    await poll(() => legal.getByTestId('pending-slips').getByTestId('slip').count()).toBeGreaterThan(0);

    await legal.goto(`${session.base}/#/tasks/${encodeURIComponent(slip.task.id)}/show`);
    const panel = legal.getByTestId('task-slips');
    const row = panel.locator(`[data-testid=slip][data-number="${slip.number}"]`);
    await row.waitFor();
    expect(await row.textContent()).toMatch(/(黄色|红色)督办单/);
    expect(await row.getByTestId('slip-state').textContent()).toBe('未签收');
    const [saved] = await Promise.all([legal.waitForEvent('download'), row.locator('[data-action=download-slip]').click()]);
    expect(saved.suggestedFilename()).toBe(slip.fileName);
    const { value } = await mammoth.extractRawText({ buffer: fs.readFileSync((await saved.path())!) });
    expect(value).toContain(slip.number);
    await row.locator('[data-action=acknowledge-slip]').click();
    await poll(() => row.getByTestId('slip-state').textContent()).toMatch(/^已于 .* 签收$/);
    expect(await row.locator('[data-action=acknowledge-slip]').count()).toBe(0);
    expect(await overflow(legal)).toBeLessThanOrEqual(0);
    await legal.context().close();
  }, 300_000);
  it('the office escalates an assignment by hand to a yellow 督办单 and sees its number on the task page, on a phone', async () => {
    const office = await session.signIn('supervisor', phone);
    // Two days late: the ladder's yellow rung (5 working days) has not fired by itself.
    const due = `${shanghaiDay(Date.now() - 2 * dayMs)}T15:59:59.999Z`;
    const committed = await pageGraphql(office, 'mutation ($d: NoticeDraftInput!) { commitPlan(draft: $d, timeline: historic) { __typename ... on MutationCommitPlanSuccess { data { id sections { tasks { id } } } } ... on Error { message } } }', {
      d: {
        title: '手动督办升级界面测试方案', issuedOn: shanghaiDay(Date.now() - 30 * dayMs), sourceText: '…', requirements: [],
        tasks: [{ ref: '1.1', section: '一', text: '刚逾期的界面任务。', leads: ['市法制办'], supports: [], due }],
      },
    });
    const taskId: string = committed.commitPlan.data.sections[0].tasks[0].id;
    const slipsOf = async () => (await pageGraphql(office, 'query ($id: ID!) { node(id: $id) { ... on Task { supervisionSlips { number level } } } }', { id: taskId })).node.supervisionSlips as { number: string; level: string }[];

    await office.goto(`${session.base}/#/tasks/${encodeURIComponent(taskId)}/show`);
    const row = office.locator('[data-testid=assignment-row][data-body=市法制办]');
    await row.getByRole('button', { name: '更多操作' }).click();
    await office.locator('[role=menuitem][data-action=escalate]').click();
    const dialog = office.getByTestId('escalate-dialog');
    await dialog.waitFor();
    await dialog.getByText('黄色督办单').first().waitFor();
    // Nothing chosen yet: 下一步 waits for a rung.
    expect(await office.getByTestId('escalate-next').isDisabled()).toBe(true);
    await dialog.locator('input[data-rung=yellowSlip]').check();
    await office.getByTestId('escalate-next').click();
    expect(await office.getByTestId('escalate-confirm').textContent()).toContain('黄色督办单');
    expect(await overflow(office)).toBeLessThanOrEqual(0);
    await office.getByTestId('confirm-action').click();

    const result = office.getByTestId('escalate-result');
    await poll(() => result.textContent()).toMatch(/督办〔\d{4}〕\d+号/);
    const number = (await result.textContent())!.match(/督办〔\d{4}〕\d+号/)![0];
    expect(await slipsOf()).toContainEqual({ number, level: 'yellow' });
    await office.getByTestId('close-escalate').click();
    const slip = office.getByTestId('task-slips').locator(`[data-testid=slip][data-number="${number}"]`);
    await slip.waitFor();
    expect(await slip.textContent()).toContain('黄色督办单');
    expect(await overflow(office)).toBeLessThanOrEqual(0);

    // The yellow rung is issued once: the dialog shows it as issued and will not pick it again.
    await row.getByRole('button', { name: '更多操作' }).click();
    await office.locator('[role=menuitem][data-action=escalate]').click();
    await poll(() => dialog.locator('input[data-rung=yellowSlip]').isDisabled()).toBe(true);
    // Its own row says so; the ladder may have issued an earlier rung by itself meanwhile.
    await dialog.locator('label', { has: office.locator('input[data-rung=yellowSlip]') }).getByText('已发出').waitFor();
    await office.context().close();
  }, 300_000);
});
