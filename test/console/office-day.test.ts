import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { testCode } from '../helpers/credit.ts';
import { graphqlClient } from '../helpers/graphql.ts';
import { consoleSession } from './session.ts';
import { phone, screenshot, skipWithoutChromium } from './stack.ts';

const wide = { width: 1440, height: 900 };
/** Nothing wider than the window: the page works without sideways scrolling. */
const fits = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
const dayMs = 86_400_000;

/** Waits for what the page shows after a round trip through the API and the workflow. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 200 });

/** Fills an action's dialog (its text field, any files) and confirms; waits for it to close. */
async function act(page: Page, scope: Locator, action: string, field: string, text: string, files: Array<{ name: string; text: string }> = []): Promise<void> {
  await scope.locator(`[data-action=${action}]`).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(field).fill(text);
  if (files.length) {
    await dialog.getByTestId('attachments-input').setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'text/plain', buffer: Buffer.from(f.text) })));
    await poll(() => dialog.getByText('已上传').count()).toBe(files.length);
  }
  await dialog.getByTestId('confirm-action').click();
  await poll(() => dialog.count()).toBe(0);
}

/** Turns the queue's pages (oldest first) until the item shows; returns it. */
async function inQueue(page: Page, item: Locator): Promise<Locator> {
  await poll(async () => {
    if ((await item.count()) > 0) return true;
    const next = page.locator('.MuiTablePagination-actions button').last();
    if (await next.isEnabled()) await next.click();
    else await page.reload();
    return false;
  }).toBe(true);
  return item;
}

describe.skipIf(skipWithoutChromium)('the office\'s day in the console', () => {
  const session = consoleSession();

  it('a department reads its inbox and submits with a file; the supervising office decides from its queue with the evidence in view', async () => {
    // The department: notices wait in its inbox (the demo's deadlines and overdue tasks sent them).
    const market = await session.signIn('market', wide);
    const badge = market.getByTestId('inbox-unread').locator('.MuiBadge-badge');
    await poll(async () => Number((await badge.textContent()) || 0)).toBeGreaterThan(0);
    await market.getByTestId('inbox-bell').click();
    await market.waitForURL(/#\/inbox/);
    await poll(() => market.locator('[data-testid=inbox-item][data-read=no]').count()).toBeGreaterThan(0);
    await screenshot(market, 'inbox');
    // A notice about a task opens that task, and is read from then on.
    const aboutTask = () => market.locator('[data-testid=inbox-item][data-link^="/tasks/"]').first();
    const title = (await aboutTask().getByTestId('inbox-title').textContent())!;
    await aboutTask().click();
    await market.waitForURL(/#\/tasks\/.+\/show/);
    await market.goto(`${session.base}/#/inbox`);
    await poll(() => aboutTask().getAttribute('data-read')).toBe('yes');
    expect(await aboutTask().getByTestId('inbox-title').textContent()).toBe(title);
    await market.getByTestId('inbox-mark-all').click();
    await poll(() => market.locator('[data-testid=inbox-item][data-read=no]').count()).toBe(0);
    await poll(() => badge.evaluate((e) => e.classList.contains('MuiBadge-invisible'))).toBe(true);

    // It submits one assignment with a file, and asks to extend another with the reasons attached.
    await market.goto(`${session.base}/#/my-assignments`);
    const submittable = market.locator('[data-testid=my-assignment]').filter({ has: market.locator('[data-action=submit]') });
    await poll(() => submittable.count()).toBeGreaterThan(1);
    const ref = (await submittable.first().getAttribute('data-ref'))!;
    const card = market.locator(`[data-testid=my-assignment][data-ref="${ref}"]`);
    await card.locator('[data-action=submit]').click();
    const dialog = market.getByRole('dialog');
    await dialog.getByLabel('说明').fill('已制定实施细则，附细则文本。');
    await dialog.getByTestId('attachments-input').setInputFiles({ name: '实施细则（第一稿）.txt', mimeType: 'text/plain', buffer: Buffer.from('第一条 为规范监管……') });
    await poll(() => dialog.getByText('已上传').count()).toBe(1);
    await screenshot(market, 'submit-with-attachment');
    await dialog.getByTestId('confirm-action').click();
    await poll(() => dialog.count()).toBe(0);
    await poll(() => card.getAttribute('data-status')).toBe('submitted');

    const extendRef = (await market.locator('[data-testid=my-assignment]').filter({ has: market.locator('[data-action=requestExtension]') }).first().getAttribute('data-ref'))!;
    expect(extendRef).not.toBe(ref);
    const extendCard = market.locator(`[data-testid=my-assignment][data-ref="${extendRef}"]`);
    await extendCard.locator('[data-action=requestExtension]').click();
    await dialog.getByTestId('extension-until').fill(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(Date.now() + 90 * dayMs));
    await dialog.getByLabel('理由').fill('需征求法制办意见。');
    await dialog.getByTestId('attachments-input').setInputFiles({ name: '征求意见函.txt', mimeType: 'text/plain', buffer: Buffer.from('关于征求意见的函') });
    await poll(() => dialog.getByText('已上传').count()).toBe(1);
    await dialog.getByTestId('confirm-action').click();
    await poll(() => dialog.count()).toBe(0);

    // The supervising office: the submission waits in its queue, text and file in view; it reads the file and returns it.
    const supervisor = await session.signIn('supervisor', wide);
    await supervisor.getByRole('menuitem', { name: '待我决定' }).click();
    await supervisor.waitForURL(/#\/decisions/);
    const submission = supervisor.locator('[data-testid=decision-item][data-kind=submission]').filter({ hasText: `任务 ${ref} · 市市场监管委` });
    await poll(() => submission.count()).toBe(1);
    expect(await submission.getByTestId('evidence-text').textContent()).toBe('已制定实施细则，附细则文本。');
    const download = supervisor.waitForEvent('download');
    await submission.getByText('实施细则（第一稿）.txt').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('实施细则（第一稿）.txt');
    expect(await new Response((await file.createReadStream()) as unknown as ReadableStream).text()).toBe('第一条 为规范监管……');
    await screenshot(supervisor, 'decision-queue');
    await act(supervisor, submission, 'return', '理由', '请补充抽查细则。');
    await poll(() => submission.count()).toBe(0);

    // The department sees the return (in its inbox too) and submits again.
    await market.reload();
    await poll(() => card.getAttribute('data-status')).toBe('returned');
    await act(market, card, 'submit', '说明', '已补充抽查细则。', [{ name: '抽查细则.txt', text: '第一条 抽查……' }]);
    await poll(() => card.getAttribute('data-status')).toBe('submitted');
    await market.goto(`${session.base}/#/inbox`);
    await poll(() => market.locator('[data-testid=inbox-item][data-read=no]').filter({ hasText: '退回' }).count()).toBeGreaterThan(0);
    await market.context().close();

    // The supervising office accepts the new submission and approves the extension, both from the queue.
    await supervisor.reload();
    await poll(() => submission.count()).toBe(1);
    expect(await submission.getByTestId('evidence-text').textContent()).toBe('已补充抽查细则。');
    await poll(() => submission.getByText('抽查细则.txt').count()).toBe(1);
    await act(supervisor, submission, 'accept', '说明', '同意办结。');
    await poll(() => submission.count()).toBe(0);

    const extension = supervisor.locator('[data-testid=decision-item][data-kind=extension]').filter({ hasText: `任务 ${extendRef} · 市市场监管委` });
    await poll(() => extension.count()).toBe(1);
    expect(await extension.getByTestId('evidence-text').textContent()).toBe('需征求法制办意见。');
    await poll(() => extension.getByText('征求意见函.txt').count()).toBe(1);
    await extension.locator('[data-action=decideExtension]').click();
    await supervisor.getByRole('dialog').getByTestId('confirm-action').click();
    await poll(() => supervisor.getByRole('dialog').count()).toBe(0);
    await poll(() => extension.count()).toBe(0);
    await supervisor.context().close();

    // The department's task page heads with the deadline now in force, and the one it replaced.
    const again = await session.signIn('market', wide);
    await again.goto(`${session.base}/#/my-assignments`);
    await again.locator(`[data-testid=my-assignment][data-ref="${extendRef}"] a`).first().click();
    await again.waitForURL(/#\/tasks\/.+\/show/);
    await poll(() => again.getByTestId('task-deadline').textContent()).toMatch(/^期限 \S+（已延期，原期限 \S+）$/);
    await again.context().close();
  }, 480_000);

  it('the supervising office decides an objection and a repair from its queue, the grounds and files in view', async () => {
    const api = graphqlClient(session.base);
    const [supervisorToken, market, heping] = await Promise.all(['supervisor', 'market', 'heping'].map((l) => api.login(l, 'duban2026')));
    const mutate = async (query: string, token: string, variables: Record<string, unknown> = {}) => {
      const { data, errors } = await api.request(query, variables, token);
      const payload = Object.values(data ?? {})[0] as { __typename: string; data?: { id: string } } | undefined;
      if (errors || !payload || payload.__typename.endsWith('Error')) throw new Error(`${query}: ${JSON.stringify(errors ?? payload)}`);
      return payload.data!;
    };
    const upload = async (name: string, content: string) => {
      const form = new FormData();
      form.append('operations', JSON.stringify({ query: 'mutation ($f: File!) { uploadAttachment(file: $f) { __typename ... on MutationUploadAttachmentSuccess { data { id } } } }', variables: { f: null } }));
      form.append('map', JSON.stringify({ 0: ['variables.f'] }));
      form.append('0', new Blob([content]), name);
      const response = await fetch(`${session.base}/graphql`, { method: 'POST', body: form, headers: { authorization: `Bearer ${heping}` } });
      return ((await response.json()) as { data: { uploadAttachment: { data: { id: string } } } }).data.uploadAttachment.data.id;
    };
    // An entity of its own with a fine (objected to) and an abnormal-operation record (repaired), filed by 和平区 with files.
    const name = '天津待决定测试有限公司';
    const code = testCode(4291);
    await mutate(`mutation { registerMarketEntity(input: { code: "${code}", name: "${name}", registrationBody: "和平区市场监管局", district: "和平区", industry: "retail" }) { __typename } }`, supervisorToken!);
    const record = async (kind: string, extra: string, description: string) =>
      (await mutate(`mutation { addCreditRecord(input: { entityCode: "${code}", kind: ${kind}, date: "2026-01-05"${extra}, description: "${description}" }) { __typename ... on MutationAddCreditRecordSuccess { data { id } } } }`, market!)).id;
    const fine = await record('penalty', ', amountYuan: 50000', '虚假宣传');
    const abnormal = await record('abnormal', '', '未报送年报');
    const receipt = await upload('缴款凭证.txt', '罚款已按 5000 元缴纳');
    await mutate('mutation ($i: FileObjectionInput!) { fileObjection(input: $i) { __typename ... on MutationFileObjectionSuccess { data { id } } } }', heping!, {
      i: { entityCode: code, recordId: fine, reasons: '罚款金额登记有误，应为 5000 元。', evidence: [receipt] },
    });
    const report = await upload('年报补报回执.txt', '已补报 2025 年度年报');
    await mutate('mutation ($i: ApplyForRepairInput!) { applyForRepair(input: $i) { __typename } }', heping!, {
      i: { recordId: abnormal, statement: '已补报年报并公示。', evidence: [report], commitment: report },
    });

    const supervisor = await session.signIn('supervisor', wide);
    await supervisor.goto(`${session.base}/#/decisions`);
    // The objection: its grounds and file before the buttons; accepted, then upheld with reasons (required before confirming).
    const objection = await inQueue(supervisor, supervisor.locator('[data-testid=decision-item][data-kind=objection]').filter({ hasText: name }));
    expect(await objection.getByTestId('evidence-text').textContent()).toBe('罚款金额登记有误，应为 5000 元。');
    expect(await objection.getByText('缴款凭证.txt').count()).toBe(1);
    await objection.locator('[data-action=accept]').click();
    await supervisor.getByRole('dialog').getByTestId('confirm-action').click();
    await poll(() => supervisor.getByRole('dialog').count()).toBe(0);
    await poll(() => objection.locator('[data-action=uphold]').count()).toBe(1);
    await objection.locator('[data-action=uphold]').click();
    const dialog = supervisor.getByRole('dialog');
    expect(await dialog.getByTestId('confirm-action').isDisabled()).toBe(true);
    await dialog.getByLabel('理由或答复').fill('经核实，处罚决定书载明罚款 5 万元，登记无误。');
    await dialog.getByTestId('confirm-action').click();
    await poll(() => dialog.count()).toBe(0);
    await poll(() => objection.count()).toBe(0);

    // The repair: statement and file in view; refusing waits for reasons; it is approved.
    await supervisor.reload();
    const repair = await inQueue(supervisor, supervisor.locator('[data-testid=decision-item][data-kind=repair]').filter({ hasText: name }));
    expect(await repair.getByTestId('evidence-text').textContent()).toBe('已补报年报并公示。');
    expect(await repair.getByText('年报补报回执.txt').count()).toBe(1);
    expect(await repair.locator('[data-action=refuse]').isDisabled()).toBe(true);
    await screenshot(supervisor, 'decision-queue-case');
    await repair.locator('[data-action=approve]').click();
    await poll(() => repair.count()).toBe(0);

    // Both cases show the decisions on their own pages.
    const cases = await api.request(`{ objections(first: 50) { edges { node { status entity { code } } } } repairApplications(first: 50) { edges { node { status entity { code } } } } }`, {}, supervisorToken);
    const mine = (c: { edges: Array<{ node: { status: string; entity: { code: string } } }> }) => c.edges.map((e) => e.node).filter((n) => n.entity.code === code).map((n) => n.status);
    expect(mine(cases.data.objections)).toEqual(['upheld']);
    expect(mine(cases.data.repairApplications)).toEqual(['approved']);
    await supervisor.context().close();
  }, 300_000);

  it('the supervising office designates bodies for a placeholder group, each with its own deadline', async () => {
    const api = graphqlClient(session.base);
    const token = await api.login('supervisor', 'duban2026');
    type Row = { bodyName: string; placeholder: boolean; due: string | null; availableActions: string[] };
    const tasks = await api.request<{ tasks: { edges: Array<{ node: { id: string; ref: string; assignments: Row[] } }> } }>(
      '{ tasks(first: 200) { edges { node { id ref assignments { bodyName placeholder due availableActions } } } } }', {}, token);
    const task = tasks.data!.tasks.edges.map((e) => e.node).find((t) => t.assignments.some((a) => a.placeholder && a.due && a.availableActions.includes('designate')))!;
    const group = task.assignments.find((a) => a.placeholder && a.availableActions.includes('designate'))!;
    const [first, second] = ['市商务委', '市环保局', '市公安局', '市民政局', '市金融局'].filter((b) => !task.assignments.some((a) => a.bodyName === b));
    const own = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(Date.parse(group.due!) + 45 * dayMs);

    const supervisor = await session.signIn('supervisor', wide);
    await supervisor.goto(`${session.base}/#/tasks/${encodeURIComponent(task.id)}/show`);
    const row = supervisor.locator(`[data-testid=assignment-row][data-body="${group.bodyName}"]`);
    await row.locator('[data-action=designate]').click();
    const dialog = supervisor.getByRole('dialog');
    for (const body of [first!, second!]) {
      await dialog.getByRole('combobox').fill(body);
      await supervisor.getByRole('option', { name: body, exact: true }).click();
    }
    // Each body's deadline starts at the group's; the first gets one of its own.
    const groupDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(Date.parse(group.due!));
    expect(await dialog.locator(`[data-testid=designate-due][data-body="${second}"]`).inputValue()).toBe(groupDay);
    await dialog.locator(`[data-testid=designate-due][data-body="${first}"]`).fill(own);
    await screenshot(supervisor, 'designate-deadlines');
    await dialog.getByTestId('confirm-action').click();
    await poll(() => dialog.count()).toBe(0);
    await poll(() => supervisor.locator(`[data-testid=assignment-row][data-body="${first}"]`).count()).toBe(1);

    const after = await api.request<{ node: { assignments: Row[] } }>(`{ node(id: "${task.id}") { ... on Task { assignments { bodyName placeholder due availableActions } } } }`, {}, token);
    const dueOf = (body: string) => after.data!.node.assignments.find((a) => a.bodyName === body)!.due!;
    expect(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(Date.parse(dueOf(first!)))).toBe(own);
    expect(dueOf(second!)).toBe(group.due);
    await supervisor.context().close();
  }, 300_000);

  it('the supervising office\'s day fits a 390 px phone: queue, decisions, ledger export and the task page', async () => {
    const api = graphqlClient(session.base);
    const [supervisorToken, market] = await Promise.all(['supervisor', 'market'].map((l) => api.login(l, 'duban2026')));
    // The department submits one assignment and asks to extend another (through the API: the phone story is the supervisor's).
    type Mine = { bodyName: string; availableActions: string[]; task: { id: string; ref: string } };
    const mine = await api.request<{ assignments: { edges: Array<{ node: Mine }> } }>('{ assignments(first: 200) { edges { node { bodyName availableActions task { id ref } } } } }', {}, market);
    const owed = mine.data!.assignments.edges.map((e) => e.node).filter((a) => a.bodyName === '市市场监管委' && a.availableActions.includes('submit') && a.availableActions.includes('requestExtension'));
    const [submitted, extended] = owed.slice(-2) as [Mine, Mine];
    const act = async (a: Mine, extra: string) => {
      const { data } = await api.request(`mutation { act(input: { taskId: "${a.task.id}", bodyName: "市市场监管委", ${extra} }) { __typename ... on Error { message } } }`, {}, market);
      expect(data.act.__typename).toBe('MutationActSuccess');
    };
    await act(submitted, 'type: submit, comment: "手机端验收用报送。"');
    await act(extended, `type: requestExtension, until: "${new Date(Date.now() + 120 * dayMs).toISOString()}", comment: "手机端审批用延期。"`);

    const page = await session.signIn('supervisor', phone);
    await poll(() => fits(page)).toBe(true);
    await page.goto(`${session.base}/#/decisions`);
    const submission = await inQueue(page, page.locator('[data-testid=decision-item][data-kind=submission]').filter({ hasText: `任务 ${submitted.task.ref} · 市市场监管委` }));
    expect(await fits(page)).toBe(true);
    await screenshot(page, 'decision-queue-phone');
    await act390(page, submission, 'accept');
    await poll(() => submission.count()).toBe(0);
    await page.reload();
    const extension = await inQueue(page, page.locator('[data-testid=decision-item][data-kind=extension]').filter({ hasText: `任务 ${extended.task.ref} · 市市场监管委` }));
    await act390(page, extension, 'decideExtension');
    await poll(() => extension.count()).toBe(0);

    // The ledger, filtered to the department, exports from its button; the page still fits.
    const body = await api.request<{ bodies: { edges: Array<{ node: { id: string; shortName: string } }> } }>('{ bodies(first: 500) { edges { node { id shortName } } } }', {}, supervisorToken);
    const bodyId = body.data!.bodies.edges.map((e) => e.node).find((b) => b.shortName === '市市场监管委')!.id;
    await page.goto(`${session.base}/#/assignments?filter=${encodeURIComponent(JSON.stringify({ bodyId }))}`);
    const cards = page.getByTestId('ledger-card');
    await poll(() => cards.count()).toBeGreaterThan(0);
    expect(new Set(await cards.evaluateAll((all) => all.map((card) => card.getAttribute('data-body'))))).toEqual(new Set(['市市场监管委']));
    await poll(() => fits(page)).toBe(true);
    const download = page.waitForEvent('download');
    await page.getByTestId('export-ledger').click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

    // The task page: its actions reachable inside the screen.
    await page.goto(`${session.base}/#/tasks/${encodeURIComponent(extended.task.id)}/show`);
    const row = page.locator('[data-testid=assignment-row][data-body="市市场监管委"]');
    await poll(() => row.count()).toBe(1);
    await poll(() => page.getByTestId('task-deadline').textContent()).toContain('期限');
    expect(await fits(page)).toBe(true);
    // The assignments stack on a phone: their buttons are on the screen without the page moving sideways.
    const urge = page.locator('[data-action=urge]').first();
    if (await urge.count()) {
      await urge.scrollIntoViewIfNeeded();
      expect(await fits(page)).toBe(true);
      const box = (await urge.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(phone.width);
    }
    await page.context().close();
  }, 300_000);
});

/** Decides a queue item at phone width: the button and its dialog within the screen, then confirmed with a comment. */
async function act390(page: Page, scope: Locator, action: string): Promise<void> {
  const button = scope.locator(`[data-action=${action}]`);
  const box = (await button.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(phone.width);
  await button.click();
  const dialog = page.getByRole('dialog');
  expect(await fits(page)).toBe(true);
  await dialog.getByTestId('confirm-action').click();
  await poll(() => dialog.count()).toBe(0);
}
