import { describe, expect, it } from 'vitest';
import { BodyRegistry } from '../bodies/registry.ts';
import { tianjinBodies } from '../bodies/tianjin.ts';
import { contentLines } from './chrome.ts';
import { buildOutline } from './outline.ts';
import { collectRequirements, sentenceSubject } from './requirements.ts';
import { noConventions } from './roles.ts';
import { collectTasks } from './tasks.ts';

const registry = new BodyRegistry(tianjinBodies);

describe('sentenceSubject', () => {
  it('takes the bodies before the verb', () => {
    expect(sentenceSubject('各牵头部门要按照上述责任分工', registry)).toEqual(['各牵头部门']);
    expect(sentenceSubject('市市场监管委于每年12月底前将', registry)).toEqual(['市市场监管委']);
    expect(sentenceSubject('市政府应急办、市公安局应当在', registry)).toEqual(['市政府应急办', '市公安局']);
    expect(sentenceSubject('各牽頭單位應於2020年9月30日前', registry)).toEqual(['各牽頭單位']);
  });

  it('finds none in prose', () => {
    expect(sentenceSubject('为贯彻落实意见，要加强领导', registry)).toEqual([]);
    expect(sentenceSubject('加强领导', registry)).toEqual([]);
  });
});

describe('collectRequirements', () => {
  const requirements = (text: string, issuedOn = '2016-03-01') => {
    const lines = contentLines(text);
    const context = { registry, conventions: noConventions };
    const blocks = buildOutline(lines, { meta: new Set(), dateLine: null }, context);
    const { drafts } = collectTasks(blocks, '', context);
    return collectRequirements(blocks, drafts, { issuedOn }, registry).requirements;
  };

  it('cuts a sentence with two deadlines after the clause of each, keeping the subject for both', () => {
    expect(requirements('市A局要于6月底前制定办法，年底前全面实施。').map((r) => [r.text, r.due, r.appliesTo])).toEqual([
      ['市A局要于6月底前制定办法', '2016-06-30T23:59:59+08:00', ['市A局']],
      ['年底前全面实施', '2016-12-31T23:59:59+08:00', ['市A局']],
    ]);
  });

  it('binds deadlines inside a task to its leads, and carries the subject across sentences', () => {
    const found = requirements('一、工作\n1.制定办法，6月底前出台。（市A局牵头，市B局配合）\n二、要求\n市C局要加强督查。年底前报告结果。');
    expect(found.map((r) => [r.taskRef, r.appliesTo, r.phrase])).toEqual([
      ['1.1', ['市A局'], '6月底前'],
      [null, ['市C局'], '年底前'],
    ]);
  });
});
