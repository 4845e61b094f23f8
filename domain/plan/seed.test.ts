import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeNotice, parseNotice } from './parse.ts';

// The repository's copy of ../shared/seed/000_e2e484d32a2a7b66.txt (identical), so the test runs in every clone.
const seedPath = fileURLToPath(new URL('../../prisma/seed/tianjin-2015-market-supervision.txt', import.meta.url));

const V = '市市场监管委';
const R = '市有关行政主管部门';
const approval = '具有行政审批职能的市级部门和单位';

/** Every task of the seed: ref, leads, supports. */
const expected: Array<[string, string[], string[]]> = [
  ['1.1', [V], [R, '市工商联']],
  ['1.2', [V], []],
  ['1.3', [V], [R]],
  ['2.1', [V], ['市法制办']],
  ['2.2', [V], [R]],
  ['2.3', [V], [R]],
  ['3.1', [V], ['市法制办']],
  ['3.2', [V], [R]],
  ['4.1', [V], [R]],
  ['4.2', [V], [R]],
  ['5.1', [V], []],
  ['5.2', [V], [R]],
  ['6.1', ['市发展改革委', '市商务委', V], []],
  ['6.2', ['市知识产权局'], []],
  ['6.3', ['市安全监管局'], []],
  ['6.4', ['市环保局'], []],
  ['6.5', ['市法制办', '市编办', '各区县人民政府'], []],
  ['6.6', [V], ['市法制办', '市公安局']],
  ['7.1', [V, '市商务委', '市金融局', '天津银监局', '天津证监局', '天津保监局'], []],
  ['7.2', [V], []],
  ['7.3', [R], []],
  ['7.4', ['市政府应急办'], [V, '市卫生计生委']],
  ['8.1', ['市民政局'], ['市发展改革委', V, '市工商联', '市其他有关行政主管部门']],
  ['8.2', [V, '市环保局'], []],
  ['8.3', ['人民银行天津分行'], []],
  ['8.4', [V, '市级相关市场监管部门'], []],
  ['9.1', ['各区县人民政府'], []],
  ['9.2', [approval], []],
  ['9.3', [V], ['市法制办', R]],
  ['9.4', ['市法制办', '市审批办'], []],
  ['9.5', [V, '市编办'], [R]],
  ['9.6', [V], []],
  ['9.7', ['市政府督查室'], []],
  ['9.8', ['市绩效办'], []],
  ['9.9', ['各区县人民政府', approval], []],
];

const sections = [
  '推进信用信息公示全覆盖', '实行信用等级分类监管', '实施随机抽查联合监管', '实行跨部门信用激励和惩戒',
  '实施质量安全全程追溯监管', '加大各领域行政执法办案力度', '加强风险监测与防控', '发挥社会协同共治作用',
  '加强事中事后监管基础建设和保障',
];

describe('the seed notice', () => {
  const text = readFileSync(seedPath, 'utf8');

  it('reads the document: title joined, issuer, the notice date (not the page date), basis', () => {
    const plan = parseNotice(text);
    expect(plan.title).toBe('天津市人民政府办公厅印发贯彻落实天津市人民政府关于加强市场主体事中事后监管意见任务分工的通知');
    expect(plan.issuer).toBe('天津市人民政府办公厅');
    expect(plan.issuedOn).toBe('2015-12-15');
    expect(plan.basis).toBe('津政发〔2015〕5号');
  });

  it('finds all 35 tasks with every lead and support exactly', () => {
    const { tasks } = parseNotice(text);
    expect(tasks.map((t) => [t.ref, t.leads, t.supports])).toEqual(expected);
  });

  it('names each section without its number, and keeps the task text without number or parenthetical', () => {
    const { tasks } = parseNotice(text);
    expect([...new Set(tasks.map((t) => t.section))]).toEqual(sections);
    expect(tasks[0]).toEqual({
      ref: '1.1',
      section: '推进信用信息公示全覆盖',
      text: '完善市场主体信用信息公示系统,拓展职能部门信用信息公示的广度、深度,逐步覆盖司法审判信用信息、行业协会等社会组织信用信息。',
      leads: [V],
      supports: [R, '市工商联'],
    });
    const task65 = tasks.find((t) => t.ref === '6.5')!;
    expect(task65.text).toBe(
      '推进跨领域综合执法,落实《天津市街道综合执法暂行办法》(2014年市人民政府令第11号),建立集中统一、快捷高效的基层执法体制,实现“一支队伍管执法”。',
    );
    expect(tasks.every((t) => !/牵头|负责|配合/.test(t.text.slice(-12)))).toBe(true);
  });

  it('reads the deadlines of Part 二', () => {
    const { requirements } = analyzeNotice(text);
    expect(requirements).toEqual([
      {
        text: '各牵头部门要按照上述责任分工,制定具体办法和实施细则,于2016年1月底前完成',
        due: '2016-01-31T23:59:59+08:00', recurrence: null, appliesTo: ['各牵头部门'],
        phrase: '2016年1月底前', taskRef: null,
      },
      {
        text: '具有行政审批职能的市级部门要制定加强事中事后监管的实施办法和监管目录,于2016年1月底送市市场监管委汇总后报市人民政府备案',
        due: '2016-01-31T23:59:59+08:00', recurrence: null, appliesTo: ['具有行政审批职能的市级部门'],
        phrase: '2016年1月底', taskRef: null,
      },
      {
        text: '市市场监管委于每年12月底前将各区县人民政府、具有行政审批职能的市级部门报送的专题报告汇总后报市人民政府',
        due: null, recurrence: 'FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31', appliesTo: [V],
        phrase: '每年12月底前', taskRef: null,
      },
    ]);
  });

  it('warns only about the placeholder groups, which the supervising office must designate', () => {
    expect(parseNotice(text).warnings.map((w) => w.message)).toEqual([
      '待指定 Placeholder group, to be designated: 市有关行政主管部门',
      '待指定 Placeholder group, to be designated: 市其他有关行政主管部门',
      '待指定 Placeholder group, to be designated: 市级相关市场监管部门',
      '待指定 Placeholder group, to be designated: 具有行政审批职能的市级部门和单位',
    ]);
  });

  it('parses well under a second', () => {
    const start = performance.now();
    parseNotice(text);
    expect(performance.now() - start).toBeLessThan(250);
  });
});
