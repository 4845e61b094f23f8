import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNotice } from './parse.ts';

/**
 * Notices in the layouts of the genre (fixtures/, our own words modelled on
 * real notices): who leads and who supports each task, and the warnings that
 * are not about the registry.
 */
const read = (name: string) => parseNotice(readFileSync(new URL(`./fixtures/${name}.txt`, import.meta.url), 'utf8'));
const roles = (name: string) => read(name).tasks.map((t) => [t.ref, t.leads, t.supports]);
const checks = (name: string) => read(name).warnings.filter((w) => w.code !== 'unknownBody' && w.code !== 'placeholderBody').map((w) => [w.code, w.ref]);

describe('layouts of the genre', () => {
  it('reads 部门分工：X牵头，Y配合。 lines, 会同 and 分别负责, ignores 分管领导 and finds the title below page chrome (role-lines)', () => {
    expect(roles('role-lines')).toEqual([
      ['1.1', ['市政务办'], ['市各相关部门']],
      ['1.2', ['市市场监管局'], ['市公安局', '市税务局', '市人社局']],
      ['1.3', ['市自然资源和规划局', '市税务局', '市住建局'], []],
      ['2.4', ['市住建局'], ['市发改委', '市自然资源和规划局', '市生态环境局']],
      ['2.5', ['市自然资源和规划局', '市发改委'], []],
      ['2.6', ['市城管局', '国网某某供电公司', '市水务集团'], []],
    ]);
    const plan = read('role-lines');
    expect(plan).toMatchObject({ title: '某某市人民政府办公室关于印发某某市2020年优化营商环境重点任务分工的通知', issuedOn: '2020-05-28' });
    expect(plan.tasks.some((t) => /分管领导|王副市长|部门分工/.test(t.text))).toBe(false);
    expect(checks('role-lines')).toEqual([]);
  });

  it('reads 牵头责任单位/协同责任单位 lines, and keeps a numbered item whose bodies cannot be read (synergy-labels)', () => {
    expect(roles('synergy-labels')).toEqual([
      ['1.1', ['省大数据局'], ['省委网信办', '省经信厅', '各设区市政府']],
      ['1.2', ['省大数据局'], ['省级有关单位']],
      ['2.3', ['省大数据局', '省委办公厅'], []],
      ['2.4', ['省机关事务管理局'], ['省级各部门']],
      ['2.5', [], []],
      ['3.6', ['省大数据局'], ['省级有关单位', '各设区市政府']],
    ]);
    expect(checks('synergy-labels')).toEqual([['rolesUnread', '2.5']]);
    expect(read('synergy-labels').tasks[4]!.text).toBe('完善政府数字化履职能力评价。');
  });

  it('reads a task table flattened one row per line, cells by what they hold (table-rows)', () => {
    expect(roles('table-rows')).toEqual([
      ['1.1', ['省人力资源社会保障厅'], ['省财政厅', '省税务局']],
      ['1.2', ['省财政厅'], ['人民银行某某中心支行', '省人力资源社会保障厅']],
      ['1.3', ['省地方金融监管局'], []],
      ['2.4', ['省人力资源社会保障厅'], ['各市州人民政府']],
      ['2.5', ['省教育厅', '省人力资源社会保障厅'], ['省财政厅']],
      ['2.6', ['省人力资源社会保障厅'], []],
    ]);
    const plan = read('table-rows');
    expect(plan.tasks[2]!.text).toBe('扩大中小微企业融资担保规模');
    expect(plan.requirements.map((r) => [r.text, r.due])).toContainEqual(['扩大中小微企业融资担保规模（完成时限：2022年9月底前）', '2022-09-30T23:59:59+08:00']);
  });

  it('reads a task table flattened one cell per line, cells wrapped over lines (table-cells)', () => {
    expect(roles('table-cells')).toEqual([
      ['1.1', ['市住房城乡建设局'], ['各区人民政府']],
      ['1.2', ['市城管委'], ['市水务局', '市燃气集团']],
      ['1.3', ['市园林局'], []],
      ['1.4', ['市发展改革委'], ['市住房城乡建设局', '市自然资源局']],
    ]);
    expect(read('table-cells').tasks[3]!.text).toBe('完善城市更新项目储备库，实行动态管理。');
    // The sentence after the table is no part of its last row.
    expect(read('table-cells').requirements.at(-1)).toMatchObject({ appliesTo: ['各责任单位'], recurrence: 'FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1' });
  });

  it('reads a table of tab-separated cells: 责任单位 alone leads, (牵头) marks, 责任领导 ignored, an empty row kept (table-tabs)', () => {
    expect(roles('table-tabs')).toEqual([
      ['1.1', ['区教育局'], []],
      ['1.2', ['区人力资源社会保障局', '各街道办事处'], []],
      ['2.3', ['区民政局'], ['区卫生健康委']],
      ['2.4', [], []],
    ]);
    expect(checks('table-tabs')).toEqual([['rolesUnread', '2.4']]);
    expect(read('table-tabs').tasks.map((t) => t.section)).toEqual(['教育和就业', '教育和就业', '健康和养老', '健康和养老']);
  });

  it('reads roles in every bracket form, 负责部门 with 适用范围, a bare list of bodies, and cuts names cleanly (bracket-forms)', () => {
    expect(roles('bracket-forms')).toEqual([
      ['1.1', ['县委宣传部'], ['县应急局']],
      ['1.2', ['县应急局'], ['县融媒体中心', '各乡镇人民政府']],
      ['2.3', ['县应急局', '县市场监管局'], []],
      ['2.4', ['县应急局'], ['县有关部门']],
      ['2.5', [], []],
      ['2.6', ['县应急局', '县工信局'], []],
      ['2.7', ['县应急局', '县消防救援大队'], []],
    ]);
    const { tasks } = read('bracket-forms');
    expect(tasks[0]!.text).toBe('深入学习宣传。组织全县各级党委（党组）理论学习中心组开展专题学习。');
    expect(tasks.map((t) => t.text).join('')).not.toMatch(/[〔【\[]|牵头单位|负责部门|适用范围/);
    expect(tasks.flatMap((t) => [...t.leads, ...t.supports]).filter((n) => /[〔〕【】[\]（）()]|等$/.test(n))).toEqual([]);
    expect(checks('bracket-forms')).toEqual([['rolesUnread', '2.5']]);
  });

  it('applies the first-listed rule the notice states: the first body leads, the others support (first-listed)', () => {
    expect(roles('first-listed')).toEqual([
      ['1.1', ['省审改办'], ['省发改委', '省财政厅', '各设区市人民政府', '平潭综合实验区管委会']],
      ['1.2', ['省司法厅'], ['省直有关部门']],
      ['1.3', ['省审改办'], []],
      ['2.4', ['省市场监管局'], ['省直有关部门', '各设区市人民政府']],
      ['2.5', ['省发改委'], ['人行福州中心支行']],
    ]);
  });

  it('makes X and Y joint leads in X会同Y负责, also in the words of the task (joint-leads)', () => {
    expect(roles('joint-leads')).toEqual([
      ['1.1', ['发展改革委', '财政部', '农业部'], []],
      ['1.2', ['财政部', '农业部'], []],
      ['1.3', ['农业部'], ['环境保护部', '水利部']],
    ]);
    expect(read('joint-leads').tasks[0]!.text).toBe('关于“完善粮食等重要农产品价格形成机制”的问题');
  });

  it('reads 第一部分 headings above three levels, numbering running on across sections (levels)', () => {
    expect(roles('levels')).toEqual([
      ['1.1', ['市工信局'], ['市财政局']],
      ['1.2', ['市工信局'], []],
      ['2.3', ['市发展改革委', '市商务局'], []],
      ['3.4', ['市住房城乡建设局'], ['各区人民政府']],
      ['3.5', ['市园林局'], []],
    ]);
    expect([...new Set(read('levels').tasks.map((t) => t.section))]).toEqual(['实施制造业倍增计划', '发展生产性服务业', '推进城市更新']);
  });

  it('reads labels inline after the task and on lines below it, bare role clauses and 责任领导 lines (inline-labels)', () => {
    expect(roles('inline-labels')).toEqual([
      ['1.1', ['省林业局'], ['各省辖市政府']],
      ['1.2', ['省林业局'], ['省住房城乡建设厅', '省农业农村厅']],
      ['1.3', ['省交通运输厅', '省林业局'], []],
      ['2.4', ['省林业局'], []],
      ['2.5', ['省应急管理厅'], ['省林业局', '省公安厅']],
      ['2.6', [], []],
    ]);
    const plan = read('inline-labels');
    expect(plan.tasks.map((t) => t.text)).toEqual(['完成造林任务200万亩。', '开展森林乡村建设。', '实施廊道绿化提升工程。', '严格林地管理。', '强化森林防火。', '加强古树名木保护。']);
    expect(plan.requirements.map((r) => r.due)).toEqual(['2020-12-31T23:59:59+08:00', '2020-11-30T23:59:59+08:00']);
  });
  it('reads an item whose title starts with digits as one item, not a sub-number: 5.12345… continues 4. (digit-titles)', () => {
    expect(roles('digit-titles')).toEqual([
      ['1.2', ['市科技局'], ['市人力资源和社会保障局', '各区、县级市']],
      ['1.3', ['市科技局'], ['市财政局']],
      ['1.4', ['市工业和信息化局'], ['各有关区、县级市']],
      ['2.5', ['市政务服务数据管理局'], ['市委组织部']],
      ['2.6', ['团市委'], ['各区、县级市']],
      ['3.7', ['市财政局'], []],
    ]);
    const texts = read('digit-titles').tasks.map((t) => t.text);
    expect(texts.slice(1, 4).map((t) => t.slice(0, 6))).toEqual(['100个创新', '5G应用工程', '12345人']);
    expect(checks('digit-titles')).toEqual([['noDate', null]]);
  });

  it('reads two-level numbers (1.1, 1.2 under 1.) where the notice numbers its items that way (dotted-levels)', () => {
    expect(roles('dotted-levels')).toEqual([
      ['1.1', ['县农业农村局'], ['各乡镇人民政府']],
      ['1.2', ['县农业农村局'], ['县财政局', '县自然资源局']],
      ['1.3', ['县发展改革委'], []],
      ['2.1', ['县农业农村局'], ['县市场监管局']],
      ['2.2', ['县农业农村局'], ['县财政局']],
    ]);
    expect(read('dotted-levels').tasks.map((t) => t.section)).toEqual(['稳定粮食生产', '稳定粮食生产', '稳定粮食生产', '发展乡村产业', '发展乡村产业']);
    expect(read('dotted-levels').tasks[4]!.text).toBe('3个省级现代农业产业园通过验收。');
  });

  it('reads numbers written with ﹒ ､ ． ⒈ and leader lines after the task (separators)', () => {
    expect(roles('separators')).toEqual([
      ['1.1', ['省发展改革委'], ['省政府各部门', '各直属机构']],
      ['1.2', ['省人力资源社会保障厅'], ['省教育厅', '省财政厅']],
      ['1.3', ['省发展改革委'], ['省市场监管局', '省统计局']],
      ['2.1', ['省发展改革委'], ['省自然资源厅', '省生态环境厅']],
      ['2.2', ['省交通运输厅'], []],
      ['3.1', ['省市场监管局'], []],
      ['3.2', ['省政务服务管理局'], []],
    ]);
    expect(read('separators').tasks.slice(0, 2).map((t) => t.text)).toEqual(['全省地区生产总值增长6.5%以上。', '城镇新增就业65万人以上。']);
    expect(checks('separators')).toEqual([['noDate', null]]);
  });
  it('reads a table copied from a web page, one cell per line each ending with |, a leader column ignored (table-pipes)', () => {
    expect(roles('table-pipes')).toEqual([
      ['1.1', ['区住建局', '各街道'], []],
      ['1.2', ['区城管局'], []],
      ['2.3', ['区园林中心', '区体育中心'], []],
    ]);
    const plan = read('table-pipes');
    expect(plan.tasks.map((t) => t.section)).toEqual(['改善居住条件', '改善居住条件', '提升公共空间']);
    expect(plan.tasks[2]!.text).toBe('新建口袋公园5个，提升城市绿化水平，打造15分钟健身圈。');
    expect(plan.tasks.map((t) => t.text).join('')).not.toMatch(/王明|李华|赵刚|\|/);
    expect(checks('table-pipes')).toEqual([['noDate', null]]);
  });

  it('reads a markdown table, its rule row skipped and an empty cell kept in place (table-markdown)', () => {
    expect(roles('table-markdown')).toEqual([
      ['1.1', ['县教育局'], ['县住建局', '县财政局']],
      ['1.2', ['县交通运输局'], []],
      ['1.3', ['县卫生健康委'], ['各乡镇人民政府']],
    ]);
    const plan = read('table-markdown');
    expect(plan.tasks.map((t) => t.text)).toEqual(['新建城区公办幼儿园2所', '改造农村公路50公里', '为65岁以上老人免费体检']);
    expect(plan.requirements.map((r) => r.due)).toEqual(['2024-09-30T23:59:59+08:00', '2024-11-30T23:59:59+08:00']);
  });
  it('reads 牵头 inside a 责任单位 list, stops a role at its sentence, drops notes, and makes 负责 beside a 牵头 a support (role-notes)', () => {
    expect(roles('role-notes')).toEqual([
      ['1.1', ['省财政厅'], []],
      ['1.2', ['省政府办公厅', '省财政厅'], ['省审计厅', '省机关事务管理局']],
      ['1.3', ['省财政厅', '省发展改革委'], []],
      ['2.4', ['省数据局', '省发展改革委', '省市场监管局'], []],
      ['2.5', ['省政务服务中心', '省数据局'], ['省直各有关部门', '各市人民政府']],
      ['2.6', ['省市场监管局'], ['省司法厅', '各市人民政府']],
    ]);
    expect(read('role-notes').tasks[3]!.text).toBe('推进数据要素市场化配置改革，建设省级数据交易平台。');
  });
  it('keeps the leaders of a 责任领导 column out of the task text in a table flattened one cell per line (table-leaders)', () => {
    expect(roles('table-leaders')).toEqual([
      ['1.1', ['县住建局', '县水务局'], []],
      ['1.2', ['县农业农村局'], []],
      ['1.3', ['县商务局'], []],
    ]);
    expect(read('table-leaders').tasks.map((t) => t.text)).toEqual([
      '推进县城污水管网改造，新建管网20公里。', '开展农村人居环境整治，完成改厕3000户。', '建设县级物流配送中心，畅通农产品上行渠道。',
    ]);
  });
});
