import { describe, expect, it } from 'vitest';
import { assignment, task } from './fixtures.ts';
import { escalationNotices } from './slips.ts';

/** What an English title says in its own words: without the names and numbers it quotes. */
const ownWords = (title: string) => title.replace(/“[^”]*”/g, ' ');
const chinese = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

describe('escalation notices', () => {
  const state = task([assignment()]);
  const slip = { id: 's', year: 2026, serial: 7, respondBy: '2026-10-12T15:59:59.999Z' };

  it('give the slip its printed number in both languages, quoted in English', () => {
    const [notice] = escalationNotices(state, state.assignments[0]!, 'yellowSlip', 3, 5, slip);
    expect(notice!.zh.title).toBe('【督办单】督办〔2026〕7号 任务 1.1「任务」');
    expect(notice!.en.title).toBe('Supervision slip “督办〔2026〕7号”: task 1.1 “任务”');
    expect(notice!.en.text).toContain('A yellow supervision slip “督办〔2026〕7号” is issued');
  });

  it('word every English title without Chinese outside its quotes, for the unit and the office', () => {
    const titles = (['urge', 'yellowSlip', 'redSlip', 'interview'] as const).flatMap((action) =>
      escalationNotices(state, state.assignments[0]!, action, 3, 5, action.endsWith('Slip') ? slip : null).map((n) => n.en.title));
    expect(titles).toHaveLength(6);
    expect(titles.filter((title) => chinese.test(ownWords(title)))).toEqual([]);
  });
});
