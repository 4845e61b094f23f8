import { describe, expect, it } from 'vitest';
import { BodyRegistry } from '../bodies/registry.ts';
import { tianjinBodies } from '../bodies/tianjin.ts';
import { looksLikeBody, splitBodies } from './lists.ts';

const registry = new BodyRegistry(tianjinBodies);
const split = (list: string) => splitBodies(list, registry);

describe('splitBodies', () => {
  it('splits on 、 and on commas of either width', () => {
    expect(split('市有关行政主管部门、市工商联')).toEqual(['市有关行政主管部门', '市工商联']);
    expect(split('人力资源社会保障部、科技部、财政部、住房城乡建设部、市场监管总局，各省级人民政府')).toEqual([
      '人力资源社会保障部', '科技部', '财政部', '住房城乡建设部', '市场监管总局', '各省级人民政府',
    ]);
    expect(split('市法制办,市公安局')).toEqual(['市法制办', '市公安局']);
    expect(split('省发展改革委 省财政厅　省商务厅')).toEqual(['省发展改革委', '省财政厅', '省商务厅']);
  });

  it('splits on 和 only between two whole names', () => {
    expect(split('市市场监管委和市级相关市场监管部门')).toEqual(['市市场监管委', '市级相关市场监管部门']);
    expect(split('具有行政审批职能的市级部门和单位')).toEqual(['具有行政审批职能的市级部门和单位']);
    expect(split('工业和信息化部')).toEqual(['工业和信息化部']);
    expect(split('文化和旅游部')).toEqual(['文化和旅游部']);
    expect(split('各有关部门和单位')).toEqual(['各有关部门和单位']);
    expect(split('市发展改革委及市财政局')).toEqual(['市发展改革委', '市财政局']);
    expect(split('财政部和工业和信息化部')).toEqual(['财政部', '工业和信息化部']);
    expect(split('国家发展和改革委员会、人民银行')).toEqual(['国家发展和改革委员会', '人民银行']);
    expect(split('政府和社会资本合作中心')).toEqual(['政府和社会资本合作中心']);
  });

  it('keeps compound jurisdictions whole', () => {
    expect(split('各区、县人民政府')).toEqual(['各区、县人民政府']);
    expect(split('各省、自治区、直辖市人民政府，国务院各部委')).toEqual(['各省、自治区、直辖市人民政府', '国务院各部委']);
  });

  it('lets 各 run over the bare kinds after it, and starts a new body at a piece with its own 各 or a name of its own', () => {
    expect(split('各区、县级市')).toEqual(['各区、县级市']);
    expect(split('各有关区、县级市')).toEqual(['各有关区、县级市']);
    expect(split('各县、市、区财政局')).toEqual(['各县、市、区财政局']);
    expect(split('各地、各部门')).toEqual(['各地', '各部门']);
    expect(split('各乡镇、各街道')).toEqual(['各乡镇', '各街道']);
    expect(split('各街道、区直各部门')).toEqual(['各街道', '区直各部门']);
    expect(split('各乡镇、县直有关部门')).toEqual(['各乡镇', '县直有关部门']);
    expect(split('省政府各部门、各直属机构')).toEqual(['省政府各部门', '各直属机构']);
  });

  it('reads 等 before a group as the group, and drops a bare 等', () => {
    expect(split('财政部、人力资源社会保障部、民政部等有关部门和单位')).toEqual([
      '财政部', '人力资源社会保障部', '民政部', '有关部门和单位',
    ]);
    expect(split('海关总署、商务部等部门')).toEqual(['海关总署', '商务部']);
    expect(split('市发改委、市财政局等')).toEqual(['市发改委', '市财政局']);
    expect(split('各高等学校')).toEqual(['各高等学校']);
  });

  it('keeps brackets inside a name and drops a leading 由', () => {
    expect(split('市场监管总局（知识产权局）、海关总署')).toEqual(['市场监管总局（知识产权局）', '海关总署']);
    expect(split('由市审批办')).toEqual(['市审批办']);
  });
});

describe('looksLikeBody', () => {
  it('accepts offices, governments, groups and registered names', () => {
    for (const name of ['市市场监管委', '各省级人民政府', '人民银行天津分行', '银保监会', '海关总署', '各地', '市政府督查室', '天津银监局', '农发行', '市人大常委会', '市电视台']) {
      expect(looksLikeBody(name, registry), name).toBe(true);
    }
  });

  it('refuses prose and bare nouns', () => {
    for (const name of ['请各单位认真', '各区要认真', '单位', '制定具体办法', '排在第一位的部门为牵头', '按照国家部署', '动员全社会', '依托统一平台', '组建专家团队']) {
      expect(looksLikeBody(name, registry), name).toBe(false);
    }
  });
});
