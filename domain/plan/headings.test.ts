import { describe, expect, it } from 'vitest';
import { parseHeading, readHeadings } from './headings.ts';

const level = (line: string) => {
  const h = parseHeading(line);
  return h && [h.rank, h.number, h.marker, h.rest];
};

describe('parseHeading', () => {
  it('reads the four usual levels, full- and half-width', () => {
    expect(level('一、主要任务及责任分工')).toEqual([0, 1, '一、', '主要任务及责任分工']);
    expect(level('(一)推进信用信息公示全覆盖。')).toEqual([1, 1, '(一)', '推进信用信息公示全覆盖。']);
    expect(level('（十一）保障困难群众基本生活。')).toEqual([1, 11, '（十一）', '保障困难群众基本生活。']);
    expect(level('1.完善市场主体信用信息公示系统')).toEqual([2, 1, '1.', '完善市场主体信用信息公示系统']);
    expect(level('12．建设')).toEqual([2, 12, '12．', '建设']);
    expect(level('3、建立')).toEqual([2, 3, '3、', '建立']);
    expect(level('（1）制定')).toEqual([3, 1, '（1）', '制定']);
    expect(level('(2) 制定')).toEqual([3, 2, '(2)', '制定']);
  });

  it('reads the rarer levels', () => {
    expect(level('二十一、其他')).toEqual([0, 21, '二十一、', '其他']);
    expect(level('1）建立')).toEqual([4, 1, '1）', '建立']);
    expect(level('③加强')).toEqual([5, 3, '③', '加强']);
    expect(level('第二部分 城市建设')).toEqual([-1, 2, '第二部分 ', '城市建设']);
    expect(level('2.3 推进数据共享')).toEqual([2.5, 3, '2.3 ', '推进数据共享']);
    expect(level('2.3推进数据共享')).toEqual([2.5, 3, '2.3', '推进数据共享']);
  });

  it('reads every width and form of the separators, and the enclosed numbers of word processors', () => {
    expect(level('1﹒全省生产总值增长')).toEqual([2, 1, '1﹒', '全省生产总值增长']);
    expect(level('２､扩大投资')).toEqual([2, 2, '２､', '扩大投资']);
    expect(level('3·加强监管')).toEqual([2, 3, '3·', '加强监管']);
    expect(level('四﹒保障措施')).toEqual([0, 4, '四﹒', '保障措施']);
    expect(level('五､其他')).toEqual([0, 5, '五､', '其他']);
    expect(level('(一）混合括号')).toEqual([1, 1, '(一）', '混合括号']);
    expect(level('㈢完善制度')).toEqual([1, 3, '㈢', '完善制度']);
    expect(level('⒓建设平台')).toEqual([2, 12, '⒓', '建设平台']);
    expect(level('⑵制定方案')).toEqual([3, 2, '⑵', '制定方案']);
    expect(level('㉑加强')).toEqual([5, 21, '㉑', '加强']);
    expect(level('2.2 3个产业园通过验收')).toEqual([2.5, 2, '2.2 ', '3个产业园通过验收']);
  });

  it('reads a line starting like 11.365 as a two-level number only where the notice numbers its items so', () => {
    const read = (lines: string[]) => readHeadings(lines).map((h) => h && [h.rank, h.number, h.rest]);
    // 11.365便民服务项目 carries on after 10.: item 11, its words starting with 365.
    expect(read(['10.社区服务项目。', '11.365便民服务项目。', '12.青年驿站项目。'])).toEqual([
      [2, 10, '社区服务项目。'], [2, 11, '365便民服务项目。'], [2, 12, '青年驿站项目。'],
    ]);
    expect(read(['（一）产业人才', '1.5G工程师计划。'])).toEqual([[1, 1, '产业人才'], [2, 1, '5G工程师计划。']]);
    // Siblings in sequence, or 1 under the item it divides: a second level.
    expect(read(['1.稳定生产', '1.1 建设农田。', '1.2 建设烘干中心。', '2.发展产业', '2.1 培育龙头企业。'])).toEqual([
      [2, 1, '稳定生产'], [2.5, 1, '建设农田。'], [2.5, 2, '建设烘干中心。'], [2, 2, '发展产业'], [2.5, 1, '培育龙头企业。'],
    ]);
    // An amount in the middle of a numbered list is no item, nor a line wrapped in the middle of a sentence.
    expect(read(['3.推进改革。', '1.5倍以上。'])).toEqual([[2, 3, '推进改革。'], null]);
    expect(read(['1.加大补助力度，给予最高', '2.5万元补助。'])).toEqual([[2, 1, '加大补助力度，给予最高'], null]);
    expect(read(['1.完成改造。', '牵头单位：市住建局', '2.1000户加装电梯。'])).toEqual([[2, 1, '完成改造。'], null, [2, 2, '1000户加装电梯。']]);
  });

  it('does not take amounts, dates or parentheticals for headings', () => {
    expect(parseHeading('1.5倍以上')).toBeNull();
    expect(parseHeading('2.5万元补助')).toBeNull();
    expect(parseHeading('2015年12月15日')).toBeNull();
    expect(parseHeading('（市市场监管委牵头）')).toBeNull();
    expect(parseHeading('一是加强领导')).toBeNull();
  });
});
