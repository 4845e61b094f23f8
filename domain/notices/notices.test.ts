import { describe, expect, it } from 'vitest';
import { bulletinNotices } from '../bulletin/notices.ts';
import type { CaseEvent } from '../credit/cases.ts';
import type { RoundState } from '../inspection/round.ts';
import { roundNotices } from '../inspection/notices.ts';
import type { ObjectionState } from '../objection/case.ts';
import { objectionNotices } from '../objection/notices.ts';
import type { RepairState } from '../repair/application.ts';
import { repairNotices } from '../repair/notices.ts';
import { unitActionNotices, unitReminderNotices } from '../rounds/notices.ts';
import { newUnit, type RoundEvent } from '../rounds/unit.ts';
import { appealNotices } from '../scoring/appeal-notices.ts';
import type { AppealWindowState } from '../scoring/appeals.ts';
import { assignment, task } from '../supervision/fixtures.ts';
import { actionNotices, reminderNotices, type Notice } from '../supervision/notices.ts';
import { receiptNotice } from '../supervision/receipt.ts';
import type { TaskEvent } from '../supervision/types.ts';
import { bilingualMessage, noticeContent } from './content.ts';

/**
 * Everything the fixtures put into a notice from outside its own words: names,
 * titles, ids, codes, seeds and comments. A notice may quote these in either
 * language; whatever else it says must be in the language it is for.
 */
const quoted = [
  '建立健全市场监管制度', '市法制办', '督办员 张三', '材料不全，请补充', '市场监管委', '2026 年第一批双随机抽查', '2026 年度监管目录备案',
  '91120000MA05KXYZ1X', '91120101MA06ABCD2Y', 'officer-7', 'officer-9', 'ab12cd34ef56', '扣分：逾期报送 1 次', '考核员',
];
const zhDrawFailure = '参加单位的执法人员不足。';
const enDrawFailure = 'Too few inspectors free of conflicts.';

const strip = (text: string) => [...quoted, zhDrawFailure, enDrawFailure].sort((a, b) => b.length - a.length).reduce((t, q) => t.split(q).join(' '), text);
/** Any Latin letter left in a Chinese notice once the quoted values are out. */
const latin = /[A-Za-z]+/g;
/** Any Chinese character or full-width punctuation left in an English notice once the quoted values are out. */
const chinese = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]+/gu;

function problems(notice: Notice): string[] {
  const found: string[] = [];
  for (const part of ['title', 'text'] as const) {
    for (const m of strip(notice.zh[part]).matchAll(latin)) found.push(`${notice.key} zh ${part}: ${m[0]}`);
    for (const m of strip(notice.en[part]).matchAll(chinese)) found.push(`${notice.key} en ${part}: ${m[0]}`);
  }
  if (!notice.zh.title.trim() || !notice.en.title.trim() || notice.zh.title === notice.en.title) found.push(`${notice.key}: titles ${notice.zh.title} / ${notice.en.title}`);
  return found;
}

const at = '2026-12-01T02:00:00.000Z';
const actor = { accountId: 'a-sup', name: '督办员 张三' };
const comment = '材料不全，请补充';
const caseEvent = (seq: number, type: string, data: Record<string, unknown> = {}, withComment = true): CaseEvent => ({ seq, type, at, actor, comment: withComment ? comment : null, data });

function taskNotices(): Notice[] {
  const a = assignment({ due: '2026-12-31T15:59:59.000Z' });
  const state = { ...task([a, assignment({ bodyName: '市场监管委', bodyId: 'market-commission', due: null })]), title: '建立健全市场监管制度' };
  const event = (seq: number, type: string, bodyName: string, data: Record<string, unknown> = {}): TaskEvent =>
    ({ seq, type, at, actor, bodyName, comment, attachments: [], data });
  return [
    ...reminderNotices(state, a, { kind: 'before', settles: [], daysLeft: 3 }, at),
    ...reminderNotices(state, a, { kind: 'before', settles: [], daysLeft: 1 }, at),
    ...reminderNotices(state, a, { kind: 'overdue', settles: [], daysLeft: -2 }, at),
    ...reminderNotices(state, a, { kind: 'weekly', settles: [], daysLeft: -9 }, at),
    ...['urge', 'return', 'accept'].flatMap((type, i) => actionNotices(state, event(i + 1, type, '市法制办'))),
    ...actionNotices(state, event(4, 'urge', '市场监管委')),
    ...actionNotices(state, event(5, 'decideExtension', '市法制办', { approve: true })),
    ...actionNotices(state, event(6, 'decideExtension', '市法制办', { approve: false })),
    ...receiptNotice(state, a, at),
  ];
}

function unitNotices(): Notice[] {
  const unit = newUnit({
    roundId: 'r', unitId: 'r/legal', roundLabel: '监管目录备案「2026 年度监管目录备案」', roundLabelEn: 'catalogue filing “2026 年度监管目录备案”',
    bodyId: 'legal-affairs-office', bodyName: '市法制办', due: '2026-12-31T15:59:59.000Z',
  });
  const event = (seq: number, type: string): RoundEvent => ({ seq, type, at, actor, bodyId: 'legal-affairs-office', comment, attachments: [], data: {} });
  return [
    ...unitReminderNotices(unit, { kind: 'before', settles: [], daysLeft: 7 }, at),
    ...unitReminderNotices(unit, { kind: 'overdue', settles: [], daysLeft: -1 }, at),
    ...['urge', 'return', 'accept'].flatMap((type, i) => unitActionNotices(unit, event(i + 1, type))),
  ];
}

function objectionCaseNotices(): Notice[] {
  const state = {
    caseId: 'objection:1', entityCode: '91120000MA05KXYZ1X', providerBodyId: 'market-commission', filedBy: { accountId: 'a-legal', name: '市法制办', bodyId: 'legal-affairs-office' },
    acceptBy: Date.parse('2026-12-05T15:59:59Z'), verifyBy: Date.parse('2026-12-20T15:59:59Z'),
    provider: { askedAt: Date.parse(at), replyBy: Date.parse('2026-12-10T15:59:59Z'), question: '', repliedAt: null, confirmed: null },
  } as ObjectionState;
  const types = ['filed', 'accepted', 'refused', 'providerAsked', 'upheld', 'corrected'];
  return [
    ...types.flatMap((type, i) => objectionNotices(state, caseEvent(i + 1, type))),
    ...['acceptance', 'verification', 'provider'].flatMap((limit, i) => objectionNotices(state, caseEvent(10 + i, 'overdue', { limit, deadline: '2026-12-05T15:59:59Z' }, false))),
  ];
}

function repairCaseNotices(): Notice[] {
  const state = { applicationId: 'repair:1', entityCode: '91120101MA06ABCD2Y', filedBy: { accountId: 'a-m', name: '市场监管委', bodyId: 'market-commission' }, reviewBy: Date.parse('2026-12-15T15:59:59Z') } as RepairState;
  return [
    ...['eligible', 'approved', 'refused'].flatMap((type, i) => repairNotices(state, caseEvent(i + 1, type))),
    ...repairNotices(state, caseEvent(4, 'overdue', { deadline: '2026-12-15T15:59:59Z' }, false)),
  ];
}

function inspectionNotices(): Notice[] {
  const state = {
    plan: { roundId: 'round-1', title: '2026 年第一批双随机抽查', bodies: [{ bodyId: 'market-commission' }, { bodyId: 'legal-affairs-office' }] },
    draw: { entities: ['91120000MA05KXYZ1X', '91120101MA06ABCD2Y'], inspectors: { '91120000MA05KXYZ1X': ['officer-7', 'officer-9'], '91120101MA06ABCD2Y': ['officer-9'] }, seed: 'ab12cd34ef56' },
    inspectorBodies: { 'officer-7': 'market-commission', 'officer-9': 'legal-affairs-office' },
    limits: { publicationWorkingDays: 20 },
  } as unknown as RoundState;
  return [
    ...['drawn', 'cancelled'].flatMap((type, i) => roundNotices(state, caseEvent(i + 1, type))),
    ...roundNotices(state, { ...caseEvent(3, 'drawFailed'), comment: `${zhDrawFailure} ${enDrawFailure}` }),
    ...roundNotices(state, caseEvent(4, 'overdue', { deadline: '2026-12-30T15:59:59Z', entityCodes: ['91120000MA05KXYZ1X', '91120101MA06ABCD2Y'] }, false)),
  ];
}

function scoreNotices(): Notice[] {
  const line = { bodyId: 'legal-affairs-office', criterion: 'timeliness', source: 's', detail: '扣分：逾期报送 1 次', points: -2 };
  const state = {
    windowId: '2026v1', year: 2026, closesAt: Date.parse('2027-01-15T15:59:59Z'), lines: [line, { ...line, bodyId: 'market-commission' }],
    appeals: [{ ...line, appealId: 'appeal-1', sheetId: '2026v1', reason: '', evidence: [], filedAt: 0, filedBy: { accountId: null, name: '考核员' } }],
  } as unknown as AppealWindowState;
  return [
    ...appealNotices(state, caseEvent(1, 'announced', {}, false)),
    ...['appealUpheld', 'appealCorrected'].flatMap((type, i) => appealNotices(state, caseEvent(2 + i, type, { appealId: 'appeal-1' }))),
  ];
}

function monthlyBulletinNotices(): Notice[] {
  return bulletinNotices({ id: 'bulletin-1', number: 3, periodEnd: '2026-11-30', planTitle: '建立健全市场监管制度' }, ['market-commission', 'legal-affairs-office']);
}

const builders = { taskNotices, unitNotices, objectionCaseNotices, repairCaseNotices, inspectionNotices, scoreNotices, monthlyBulletinNotices };

describe('notices in each language', () => {
  for (const [name, build] of Object.entries(builders)) {
    it(`${name}: the Chinese says nothing in English and the English nothing in Chinese, beyond the names and refs they quote`, () => {
      const notices = build();
      expect(notices.length).toBeGreaterThan(0);
      expect(notices.flatMap(problems)).toEqual([]);
    });
  }

  it('the check itself catches a mixed notice', () => {
    const mixed = { ...taskNotices()[0]!, zh: { title: '【提醒 Reminder】任务', text: '到期' }, en: { title: 'Reminder', text: 'Due 到期' } };
    expect(problems(mixed)).toEqual([expect.stringContaining('zh title: Reminder'), expect.stringContaining('en text: 到期')]);
  });

  it('counts days in English and names the deadline in each language', () => {
    const [soon, tomorrow] = taskNotices();
    expect(soon!.en.title).toBe('Reminder: task 1.1 “建立健全市场监管制度” is due in 3 days');
    expect(tomorrow!.en.title).toBe('Reminder: task 1.1 “建立健全市场监管制度” is due in 1 day');
    expect(soon!.zh.title).toBe('【提醒】任务 1.1「建立健全市场监管制度」还有 3 天到期');
    expect(soon!.zh.text).toContain('期限 2026-12-31（北京时间）');
    expect(soon!.en.text).toContain('due 2026-12-31 (Beijing time)');
  });

  it('takes the old bilingual shape from workflows started before the split, in both languages', () => {
    expect(noticeContent({ subject: '【提醒 Reminder】任务 1.1', body: '还有 3 天到期 Due in 3 day(s).' })).toEqual({
      zh: { title: '【提醒 Reminder】任务 1.1', text: '还有 3 天到期 Due in 3 day(s).' },
      en: { title: '【提醒 Reminder】任务 1.1', text: '还有 3 天到期 Due in 3 day(s).' },
    });
    const [notice] = taskNotices();
    expect(noticeContent(notice!)).toEqual({ zh: notice!.zh, en: notice!.en });
  });

  it('a round unit started before English labels names its round in Chinese in both', () => {
    const unit = newUnit({ roundId: 'r', unitId: 'r/legal', roundLabel: '2026 年度自查评估专题报告', bodyId: 'b', bodyName: '市法制办', due: '2026-12-31T15:59:59.000Z' });
    const [notice] = unitReminderNotices(unit, { kind: 'before', settles: [], daysLeft: 2 }, at);
    expect(notice!.en.title).toBe('Reminder: 2026 年度自查评估专题报告 is due in 2 days');
  });

  it('splits a system message written 中文。 English.', () => {
    expect(bilingualMessage('参加单位的执法人员不足。 Too few inspectors free of conflicts.')).toEqual({ zh: '参加单位的执法人员不足。', en: 'Too few inspectors free of conflicts.' });
    expect(bilingualMessage('抽查批次 round-1 已取消')).toEqual({ zh: '抽查批次 round-1 已取消', en: '抽查批次 round-1 已取消' });
  });
});
