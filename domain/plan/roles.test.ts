import { describe, expect, it } from 'vitest';
import { BodyRegistry } from '../bodies/registry.ts';
import { tianjinBodies } from '../bodies/tianjin.ts';
import { extractRoles, isRoleLine, readRoleText, resolveRoles } from './roles.ts';

const registry = new BodyRegistry(tianjinBodies);
const roles = (content: string) => {
  const read = readRoleText(content, registry);
  return read && read !== 'note' ? resolveRoles(read) : read;
};

describe('verb clauses', () => {
  it('reads 牵头 with 配合, 负责 alone and co-leads', () => {
    expect(roles('市市场监管委牵头,市有关行政主管部门、市工商联配合')).toEqual({
      leads: ['市市场监管委'], supports: ['市有关行政主管部门', '市工商联'],
    });
    expect(roles('市市场监管委负责')).toEqual({ leads: ['市市场监管委'], supports: [] });
    expect(roles('市发展改革委、市商务委、市市场监管委依据职责分工分别牵头负责')).toEqual({
      leads: ['市发展改革委', '市商务委', '市市场监管委'], supports: [],
    });
    expect(roles('市市场监管委和市级相关市场监管部门依据职责分工分别牵头负责')).toEqual({
      leads: ['市市场监管委', '市级相关市场监管部门'], supports: [],
    });
    expect(roles('市有关行政主管部门分别负责')).toEqual({ leads: ['市有关行政主管部门'], supports: [] });
  });

  it('reads 参与 and 协助 as support, full-width or half-width', () => {
    expect(roles('省发展改革委牵头，省财政厅参与；省商务厅协助')).toEqual({
      leads: ['省发展改革委'], supports: ['省财政厅', '省商务厅'],
    });
  });

  it('reads State Council lists, dropping the note on the first-listed lead', () => {
    expect(roles('人力资源社会保障部、财政部负责。列第一位者为牵头单位，下同')).toEqual({
      leads: ['人力资源社会保障部', '财政部'], supports: [],
    });
    expect(roles('税务总局、财政部、海关总署负责，排在第一位的部门为牵头部门，下同')).toEqual({
      leads: ['税务总局', '财政部', '海关总署'], supports: [],
    });
    expect(roles('人力资源社会保障部、科技部、财政部、住房城乡建设部、市场监管总局，各省级人民政府按职责分工负责')).toEqual({
      leads: ['人力资源社会保障部', '科技部', '财政部', '住房城乡建设部', '市场监管总局', '各省级人民政府'], supports: [],
    });
  });

  it('reads traditional characters and keeps names as written', () => {
    expect(roles('市市場監管委牽頭，市法制辦配合')).toEqual({ leads: ['市市場監管委'], supports: ['市法制辦'] });
  });

  it('refuses parentheticals that are not about roles', () => {
    expect(roles('含技工院校')).toBeNull();
    expect(roles('2014年市人民政府令第11号')).toBeNull();
    expect(roles('由各地负责审核')).toBeNull();
    expect(roles('请各单位认真负责')).toBeNull();
    expect(roles('牵头')).toBeNull();
  });

  it('keeps a time clause among the roles as a time limit, wherever it stands', () => {
    expect(readRoleText('市发展改革委牵头，市财政局配合，2016年底前完成', registry)).toEqual({
      leads: ['市发展改革委'], supports: ['市财政局'], responsible: [], timeLimits: ['2016年底前完成'],
    });
    expect(readRoleText('2016年底前完成，市财政局负责', registry)).toMatchObject({ responsible: ['市财政局'], timeLimits: ['2016年底前完成'] });
    expect(readRoleText('2016年底前完成', registry)).toBeNull();
  });

  it('reads 落实 as a role verb (responsible, so supporting a 牵头), but not in prose', () => {
    expect(roles('市政府督查室牵头，各区人民政府落实')).toEqual({ leads: ['市政府督查室'], supports: ['各区人民政府'] });
    expect(roles('各区人民政府落实')).toEqual({ leads: ['各区人民政府'], supports: [] });
    expect(roles('按照国家部署落实')).toBeNull();
  });

  it('reads a note alone as a note', () => {
    expect(readRoleText('列第一位者为牵头单位，下同', registry)).toBe('note');
  });
});

describe('labels', () => {
  it('reads 牵头单位 and 配合单位', () => {
    expect(roles('牵头单位：市发展改革委；配合单位：市财政局、市商务委')).toEqual({
      leads: ['市发展改革委'], supports: ['市财政局', '市商务委'],
    });
    expect(roles('牵头单位:市发展改革委 配合单位:市财政局')).toEqual({ leads: ['市发展改革委'], supports: ['市财政局'] });
  });

  it('reads 责任单位 alone as leads, beside 牵头单位 as supports', () => {
    expect(roles('责任单位：各区人民政府、市教委')).toEqual({ leads: ['各区人民政府', '市教委'], supports: [] });
    expect(roles('牵头单位：市教委；责任单位：各区人民政府')).toEqual({ leads: ['市教委'], supports: ['各区人民政府'] });
    expect(roles('牵头单位：市教委 责任（配合）单位：市财政局')).toEqual({ leads: ['市教委'], supports: ['市财政局'] });
  });

  it('reads a (牵头) mark inside a 责任单位 list', () => {
    expect(roles('责任单位：省发展改革委（牵头），省财政厅，省商务厅')).toEqual({
      leads: ['省发展改革委'], supports: ['省财政厅', '省商务厅'],
    });
  });

  it('keeps time limits and ignores persons', () => {
    const read = readRoleText('牵头单位：市教委；牵头市领导：张三；完成时限：2016年6月底前', registry);
    expect(read).toMatchObject({ leads: ['市教委'], timeLimits: ['完成时限：2016年6月底前'] });
  });

  it('recognizes a role line', () => {
    expect(isRoleLine('牵头单位：市发展改革委')).toBe(true);
    expect(isRoleLine('（責任單位：市教委）')).toBe(true);
    expect(isRoleLine('完成时限：2016年底前')).toBe(true);
    expect(isRoleLine('各牵头单位要按照分工')).toBe(false);
  });
});

describe('extractRoles', () => {
  it('removes the responsibility parenthetical and keeps the rest of the text', () => {
    const { text, roles: found } = extractRoles(
      '实施《天津市市场监管随机抽查联合检查暂行办法》。(市市场监管委牵头,市法制办配合)',
      registry,
    );
    expect(text).toBe('实施《天津市市场监管随机抽查联合检查暂行办法》。');
    expect(resolveRoles(found)).toEqual({ leads: ['市市场监管委'], supports: ['市法制办'] });
  });

  it('leaves other parentheticals alone', () => {
    const { text, roles: found } = extractRoles(
      '落实《天津市街道综合执法暂行办法》(2014年市人民政府令第11号)，建立执法体制。(市法制办、市编办、各区县人民政府牵头)',
      registry,
    );
    expect(text).toBe('落实《天津市街道综合执法暂行办法》(2014年市人民政府令第11号)，建立执法体制。');
    expect(found.leads).toEqual(['市法制办', '市编办', '各区县人民政府']);
  });

  it('cuts inline labels off the text', () => {
    const { text, roles: found } = extractRoles('加强监管。牵头单位：市发展改革委；配合单位：市财政局', registry);
    expect(text).toBe('加强监管。');
    expect(resolveRoles(found)).toEqual({ leads: ['市发展改革委'], supports: ['市财政局'] });
  });
});

describe('the variants of the genre', () => {
  it('reads synonyms of leading and supporting, and 会同 as joint leads', () => {
    expect(roles('主办：市商务局；协办：市财政局')).toEqual({ leads: ['市商务局'], supports: ['市财政局'] });
    expect(roles('牵头部门：市发改委；协办部门：市统计局')).toEqual({ leads: ['市发改委'], supports: ['市统计局'] });
    expect(roles('牵头责任单位：省大数据局；协同责任单位：省经信厅')).toEqual({ leads: ['省大数据局'], supports: ['省经信厅'] });
    expect(roles('教育部会同有关部门负责')).toEqual({ leads: ['教育部', '有关部门'], supports: [] });
    expect(roles('省政府办公厅负总责，省直各部门具体负责')).toEqual({ leads: ['省政府办公厅'], supports: ['省直各部门'] });
    expect(roles('各市（州）人民政府负责，省直有关部门指导')).toEqual({ leads: ['各市（州）人民政府'], supports: ['省直有关部门'] });
  });

  it('reads 部门分工 and 负责部门 labels, ignoring 适用范围 and any other label', () => {
    expect(roles('部门分工：市住建局牵头，市发改委等部门配合。')).toEqual({ leads: ['市住建局'], supports: ['市发改委'] });
    expect(roles('负责部门：发展改革委、粮食和储备局；适用范围：浙江自贸试验区')).toEqual({ leads: ['发展改革委', '粮食和储备局'], supports: [] });
    expect(roles('牵头单位：省林业局；工作目标：新增造林200万亩')).toEqual({ leads: ['省林业局'], supports: [] });
    expect(roles('牵头单位：省卫生健康委 责任单位：省医保局、省药监局 完成时限：2020年底')).toEqual({
      leads: ['省卫生健康委'], supports: ['省医保局', '省药监局'],
    });
  });

  it('reads the verb of a list in brackets, and cuts names clean', () => {
    expect(roles('省网信办、省公安厅（按职责分工负责）')).toEqual({ leads: ['省网信办', '省公安厅'], supports: [] });
    expect(roles('牵头单位：省发展改革委、省财政厅（按职责分工负责）')).toEqual({ leads: ['省发展改革委', '省财政厅'], supports: [] });
    expect(roles('财政部、人民银行、国务院办公厅等国务院相关部门及各地区按职责分工负责')).toEqual({
      leads: ['财政部', '人民银行', '国务院办公厅', '国务院相关部门', '各地区'], supports: [],
    });
    expect(roles('省政务服务管理办牵头，省直有关部门、单位按职责分工负责')).toEqual({ leads: ['省政务服务管理办'], supports: ['省直有关部门、单位'] });
    expect(roles('负责部门：人民银行等部门')).toEqual({ leads: ['人民银行'], supports: [] });
  });

  it('makes bodies that are 负责 (按职责分工负责, 负责落实) support a 牵头 named beside them, and lead alone', () => {
    expect(roles('市政府办公室、市审改办牵头，市级各有关部门及各县区政府按职责分工负责')).toEqual({
      leads: ['市政府办公室', '市审改办'], supports: ['市级各有关部门', '各县区政府'],
    });
    expect(roles('市场监管局牵头，司法厅参与，各市政府负责落实')).toEqual({ leads: ['市场监管局'], supports: ['司法厅', '各市政府'] });
    expect(roles('牵头单位：省发展改革委；责任单位：省财政厅、省商务厅按职责分工负责')).toEqual({
      leads: ['省发展改革委'], supports: ['省财政厅', '省商务厅'],
    });
    expect(roles('省财政厅、省商务厅按职责分工负责')).toEqual({ leads: ['省财政厅', '省商务厅'], supports: [] });
  });

  it('reads 牵头 after some names of a 责任单位 list: they lead, the names after them support', () => {
    expect(roles('责任单位：省政府办公厅、省财政厅牵头，省审计厅、省文旅厅（除注明“牵头”的以外，排在首位的单位牵头，下同）')).toEqual({
      leads: ['省政府办公厅', '省财政厅'], supports: ['省审计厅', '省文旅厅'],
    });
    expect(roles('责任单位：省商务厅牵头，省财政厅')).toEqual({ leads: ['省商务厅'], supports: ['省财政厅'] });
  });

  it('ends the bodies of a label at the end of its sentence: a sentence after it that names no roles is a note', () => {
    expect(roles('责任单位：省发展改革委、省市场监管局按职责分工负责。涉及各市的具体工作不再另行分工，下同。')).toEqual({
      leads: ['省发展改革委', '省市场监管局'], supports: [],
    });
    expect(roles('牵头单位：省商务厅。配合单位：省财政厅。')).toEqual({ leads: ['省商务厅'], supports: ['省财政厅'] });
  });

  it('drops notes on how the lists read, and applies 其他为配合单位 when the notice says so', () => {
    expect(roles('省发展改革委牵头，省级有关部门配合，各市县政府负责落实，不再一一列出')).toEqual({
      leads: ['省发展改革委'], supports: ['省级有关部门', '各市县政府'],
    });
    const read = readRoleText('责任单位：省审改办、省发改委、省财政厅', registry, { conventions: { othersSupport: true } });
    expect(read && read !== 'note' && resolveRoles(read)).toEqual({ leads: ['省审改办'], supports: ['省发改委', '省财政厅'] });
  });
});
