import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNotice } from './parse.ts';
import type { ParsedPlan, ParsedRequirement, ParsedTask } from './types.ts';

/** The plan, with each warning as its message (the codes are checked in parse.test.ts). */
type Read = Omit<ParsedPlan, 'warnings'> & { warnings: string[] };
const fixture = (name: string): Read => {
  const plan = parseNotice(readFileSync(new URL(`./fixtures/${name}.txt`, import.meta.url), 'utf8'));
  return { ...plan, warnings: plan.warnings.map((w) => w.message) };
};

const task = (ref: string, section: string, text: string, leads: string[], supports: string[] = []): ParsedTask => ({
  ref, section, text, leads, supports,
});
const due = (text: string, date: string, appliesTo: string[]): ParsedRequirement => ({
  text, due: `${date}T23:59:59+08:00`, recurrence: null, appliesTo,
});
const unknown = (...names: string[]) => names.map((n) => `未登记单位 Unknown body: ${n} — please confirm`);
const placeholder = (name: string) => `待指定 Placeholder group, to be designated: ${name}`;

describe('hand-written notices in other layouts', () => {
  it('reads 牵头单位/配合单位/完成时限 lines after each task (labels-after-task)', () => {
    const s1 = '压减企业开办时间';
    const s2 = '提升工程建设项目审批效率';
    expect(fixture('labels-after-task')).toEqual<Read>({
      title: '河北省人民政府办公厅关于印发河北省优化营商环境重点任务分工方案的通知',
      issuer: '河北省人民政府办公厅',
      issuedOn: '2019-03-08',
      basis: '国办发〔2018〕104号',
      tasks: [
        task('1.1', s1, '推行企业开办全程网上办理，将企业开办时间压减至5个工作日以内。', ['省市场监管局'], ['省公安厅', '省税务局', '省人力资源社会保障厅']),
        task('1.2', s1, '推广电子营业执照应用。', ['省市场监管局'], ['省政务服务办']),
        task('2.1', s2, '全面推行工程建设项目审批“一张表单”。', ['省住房城乡建设厅'], ['省发展改革委', '省自然资源厅']),
        task('2.2', s2, '建立工程建设项目审批管理系统，与国家系统对接。', ['省住房城乡建设厅']),
      ],
      requirements: [
        due('推行企业开办全程网上办理，将企业开办时间压减至5个工作日以内（完成时限：2019年6月底前）', '2019-06-30', ['省市场监管局']),
        due('推广电子营业执照应用（完成时限：2019年年底前）', '2019-12-31', ['省市场监管局']),
        due('建立工程建设项目审批管理系统，与国家系统对接（完成时限：2019年9月30日前）', '2019-09-30', ['省住房城乡建设厅']),
        due('各牵头单位要于2019年4月15日前制定具体落实方案，报省政府办公厅', '2019-04-15', ['各牵头单位']),
      ],
      warnings: unknown(
        '省市场监管局', '省公安厅', '省税务局', '省人力资源社会保障厅', '省政务服务办', '省住房城乡建设厅', '省发展改革委', '省自然资源厅',
      ),
    });
  });

  it('reads 责任单位 alone as leads and beside 牵头单位 as supports (responsible-units)', () => {
    const s1 = '教育惠民工程';
    const s2 = '健康养老惠民工程';
    expect(fixture('responsible-units')).toEqual<Read>({
      title: '天津市河西区人民政府办公室关于印发河西区2017年民心工程责任分工的通知',
      issuer: '天津市河西区人民政府办公室',
      issuedOn: '2017-02-20',
      basis: null,
      tasks: [
        task('1.1', s1, '新建、改扩建幼儿园3所，新增学位900个。', ['区教育局']),
        task('1.2', s1, '完成20所中小学校舍维修改造。', ['区教育局'], ['区财政局', '区建委']),
        task('2.1', s2, '为辖区65岁以上老年人免费体检。', ['区卫生计生委'], ['各街道办事处']),
        task('2.2', s2, '建设社区卫生服务中心2个。', ['区卫生计生委'], ['区发展改革委', '区规划局']),
        task('2.3', s2, '新建老年日间照料中心5个。', ['区民政局']),
      ],
      requirements: [
        due('新建老年日间照料中心5个（完成时限：2017年9月底前）', '2017-09-30', ['区民政局']),
        due('各责任单位要于3月31日前将实施方案报区政府办公室', '2017-03-31', ['各责任单位']),
        { text: '每月10日前报送工作进展情况', due: null, recurrence: 'FREQ=MONTHLY;BYMONTHDAY=10', appliesTo: ['各责任单位'] },
      ],
      warnings: unknown('区教育局', '区财政局', '区建委', '区卫生计生委', '各街道办事处', '区发展改革委', '区规划局', '区民政局'),
    });
  });

  it('reads a provincial notice whose tasks are （1） items under （一） headings (provincial-items)', () => {
    const hr = '省人力资源社会保障厅';
    const pboc = '人民银行济南分行';
    expect(fixture('provincial-items')).toEqual<Read>({
      title: '山东省人民政府办公厅关于印发山东省贯彻落实国发〔2018〕39号文件做好促进就业工作任务分工的通知',
      issuer: '山东省人民政府办公厅',
      issuedOn: '2019-01-20',
      basis: '国发〔2018〕39号',
      tasks: [
        task('1.1', '加大稳岗支持力度', '对不裁员或少裁员的参保企业，返还其上年度实际缴纳失业保险费的50%。', [hr, '省财政厅']),
        task('1.2', '加大稳岗支持力度', '2019年3月底前，完成稳岗返还政策调整工作。', [hr], ['省财政厅', '省税务局']),
        task('2.1', '发挥政府性融资担保机构作用', '各市政府性融资担保机构优先为小微企业提供担保支持。', ['省财政厅', '省工业和信息化厅', pboc]),
        task('3.1', '加大创业担保贷款贴息力度', '符合条件的人员可申请最高不超过15万元的创业担保贷款。', ['省财政厅', hr, pboc]),
        task('3.2', '加大创业担保贷款贴息力度', '推动奖补政策落到实处。', ['各市人民政府']),
      ],
      requirements: [
        due('2019年3月底前，完成稳岗返还政策调整工作', '2019-03-31', [hr]),
        due('各市人民政府要在本通知印发之日起30日内制定具体实施办法', '2019-02-19', ['各市人民政府']),
      ],
      warnings: unknown(hr, '省财政厅', '省税务局', '省工业和信息化厅', pboc, '各市人民政府'),
    });
  });

  it('reads traditional characters and keeps the names as written (traditional)', () => {
    expect(fixture('traditional')).toEqual<Read>({
      title: '澳門特別行政區政府關於印發優化公共服務重點工作分工方案的通知',
      issuer: '澳門特別行政區政府',
      issuedOn: '2020-05-04',
      basis: null,
      tasks: [
        task('1.1', '推進電子政務', '建設統一的公共服務網上平台。', ['行政公職局'], ['財政局', '經濟局']),
        task('1.2', '推進電子政務', '推行電子證照互認。', ['行政公職局', '身份證明局']),
        task('2.1', '優化審批流程', '精簡審批環節，公佈審批事項清單。', ['經濟局'], ['土地工務運輸局', '環境保護局']),
        task('2.2', '優化審批流程', '建立審批事項動態調整機制。', ['各局']),
      ],
      requirements: [due('各牽頭單位應於2020年9月30日前報送落實情況', '2020-09-30', ['各牽頭單位'])],
      warnings: unknown('行政公職局', '財政局', '經濟局', '身份證明局', '土地工務運輸局', '環境保護局', '各局'),
    });
  });

  it('reads half-width punctuation throughout (half-width)', () => {
    expect(fixture('half-width')).toEqual<Read>({
      title: '天津市人民政府办公厅关于印发天津市加强安全生产监管任务分工的通知',
      issuer: '天津市人民政府办公厅',
      issuedOn: '2016-02-01',
      basis: '津政发[2016]3号',
      tasks: [
        task('1.1', '落实企业主体责任', '建立企业安全生产风险分级管控制度.', ['市安全监管局'], ['市有关行政主管部门']),
        task('1.2', '落实企业主体责任', '推行企业安全生产标准化建设.', ['市安全监管局']),
        task('2.1', '强化监管执法', '开展安全生产大检查,2016年上半年完成全市重点企业检查.', ['市安全监管局', '市公安局']),
        task('2.2', '强化监管执法', '加强执法队伍建设.', ['市编办'], ['市财政局']),
      ],
      requirements: [due('开展安全生产大检查,2016年上半年完成全市重点企业检查', '2016-06-30', ['市安全监管局', '市公安局'])],
      warnings: [placeholder('市有关行政主管部门'), ...unknown('市财政局')],
    });
  });

  it('puts the tasks of a single-level notice in section 1: 1.1, 1.2, … (single-level)', () => {
    const title = '国务院办公厅关于印发全国深化“放管服”改革优化营商环境电视电话会议重点任务分工方案的通知';
    const first = ['市场监管总局', '司法部'];
    expect(fixture('single-level')).toEqual<Read>({
      title,
      issuer: '国务院办公厅',
      issuedOn: '2019-08-01',
      basis: '国办发〔2019〕39号',
      tasks: [
        task('1.1', title, '在全国推开“证照分离”改革，年底前实现“照后减证”。', first, ['国务院有关部门', '各省级人民政府']),
        task('1.2', title, '制定出台优化营商环境条例配套措施。', ['司法部', '发展改革委']),
        task('1.3', title, '清理规范行政审批中介服务事项，2019年10月底前公布清单。', ['国务院审改办'], ['各有关部门']),
        task('1.4', title, '推进政务服务“一网通办”。', ['国务院办公厅']),
      ],
      requirements: [
        due('在全国推开“证照分离”改革，年底前实现“照后减证”', '2019-12-31', first),
        due('清理规范行政审批中介服务事项，2019年10月底前公布清单', '2019-10-31', ['国务院审改办']),
      ],
      warnings: [
        ...unknown('市场监管总局', '司法部'), placeholder('国务院有关部门'), ...unknown('各省级人民政府', '发展改革委', '国务院审改办'),
        placeholder('各有关部门'), ...unknown('国务院办公厅'),
      ],
    });
  });

  it('reads wrapped lines, a role line without brackets, sub-items of a task and a deadline among the roles (wrapped-lines)', () => {
    expect(fixture('wrapped-lines')).toEqual<Read>({
      title: '成都市人民政府办公厅关于印发成都市推进数字政府建设工作任务分工的通知',
      issuer: '成都市人民政府办公厅',
      issuedOn: '2021-03-15',
      basis: '成办函〔2021〕8号',
      tasks: [
        task('1.1', '重点任务', '建设统一的政务云平台，推进市级部门业务系统迁移上云。', ['市网络理政办'], ['市经信局', '市财政局']),
        task('1.2', '重点任务', '推进数据共享开放。', ['市网络理政办', '市大数据中心']),
        task('1.3', '重点任务', '完善一体化政务服务平台。\n1.统一身份认证。\n2.统一电子证照库，2021年底前实现高频证照全覆盖。', ['市政务服务中心']),
        task('1.4', '重点任务', '推进政务数据归集。', ['市大数据中心'], ['各区（市）县政府']),
      ],
      requirements: [
        due('统一电子证照库，2021年底前实现高频证照全覆盖', '2021-12-31', ['市政务服务中心']),
        due('推进政务数据归集（2021年6月底前完成）', '2021-06-30', ['市大数据中心']),
      ],
      warnings: unknown('市网络理政办', '市经信局', '市财政局', '市大数据中心', '市政务服务中心', '各区（市）县政府'),
    });
  });
});
