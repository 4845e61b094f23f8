import type { BodyEntry } from './registry.ts';

/** Districts and counties of Tianjin at the end of 2015: the members of 各区县人民政府. */
const districts: Array<[id: string, name: string]> = [
  ['heping', '和平区'], ['hedong', '河东区'], ['hexi', '河西区'], ['nankai', '南开区'],
  ['hebei', '河北区'], ['hongqiao', '红桥区'], ['dongli', '东丽区'], ['xiqing', '西青区'],
  ['jinnan', '津南区'], ['beichen', '北辰区'], ['wuqing', '武清区'], ['baodi', '宝坻区'],
  ['binhai', '滨海新区'], ['ninghe', '宁河区'], ['jinghai', '静海区'], ['jixian', '蓟县'],
];

const department = (id: string, shortName: string, fullName: string, aliases: string[] = []): BodyEntry => ({
  id, shortName, fullName, kind: 'department', aliases,
});
const regulator = (id: string, shortName: string, fullName: string): BodyEntry => ({
  id, shortName, fullName, kind: 'regulator', aliases: [],
});
const placeholder = (id: string, shortName: string, aliases: string[] = []): BodyEntry => ({
  id, shortName, fullName: shortName, kind: 'placeholder', aliases,
});

/** Bodies named in the seed notice (DOMAIN.md), with the groups that stand for them. */
export const tianjinBodies: BodyEntry[] = [
  department('market-commission', '市市场监管委', '天津市市场和质量监督管理委员会', ['天津市市场监管委']),
  department('supervision-office', '市政府督查室', '天津市人民政府督查室'),
  department('performance-office', '市绩效办', '天津市绩效管理办公室'),
  department('legal-affairs-office', '市法制办', '天津市人民政府法制办公室'),
  department('approval-office', '市审批办', '天津市行政审批管理办公室'),
  department('staffing-office', '市编办', '天津市机构编制委员会办公室'),
  department('development-reform', '市发展改革委', '天津市发展和改革委员会', ['市发改委']),
  department('commerce', '市商务委', '天津市商务委员会'),
  department('intellectual-property', '市知识产权局', '天津市知识产权局'),
  department('work-safety', '市安全监管局', '天津市安全生产监督管理局'),
  department('environment', '市环保局', '天津市环境保护局'),
  department('public-security', '市公安局', '天津市公安局'),
  department('finance', '市金融局', '天津市人民政府金融服务办公室', ['市金融办']),
  department('health', '市卫生计生委', '天津市卫生和计划生育委员会'),
  department('emergency-office', '市政府应急办', '天津市人民政府应急管理办公室'),
  department('civil-affairs', '市民政局', '天津市民政局'),
  department('federation-commerce', '市工商联', '天津市工商业联合会'),
  regulator('pboc-tianjin', '人民银行天津分行', '中国人民银行天津分行'),
  regulator('cbrc-tianjin', '天津银监局', '中国银行业监督管理委员会天津监管局'),
  regulator('csrc-tianjin', '天津证监局', '中国证券监督管理委员会天津监管局'),
  regulator('circ-tianjin', '天津保监局', '中国保险监督管理委员会天津监管局'),
  ...districts.map(([id, name]): BodyEntry => ({
    id: `district-${id}`,
    shortName: `${name}人民政府`,
    fullName: `天津市${name}人民政府`,
    kind: 'district',
    aliases: [name, `${name}政府`],
  })),
  {
    id: 'district-governments',
    shortName: '各区县人民政府',
    fullName: '天津市各区县人民政府',
    kind: 'group',
    aliases: ['各区县', '各区、县人民政府', '各区县政府'],
    members: districts.map(([id]) => `district-${id}`),
  },
  placeholder('relevant-authorities', '市有关行政主管部门', ['市有关部门']),
  placeholder('other-relevant-authorities', '市其他有关行政主管部门'),
  placeholder('market-regulators', '市级相关市场监管部门'),
  placeholder('approval-bodies', '具有行政审批职能的市级部门和单位', ['具有行政审批职能的市级部门']),
];
