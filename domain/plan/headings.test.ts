import { describe, expect, it } from 'vitest';
import { parseHeading } from './headings.ts';

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

  it('does not take amounts, dates or parentheticals for headings', () => {
    expect(parseHeading('1.5倍以上')).toBeNull();
    expect(parseHeading('2.5万元补助')).toBeNull();
    expect(parseHeading('2015年12月15日')).toBeNull();
    expect(parseHeading('（市市场监管委牵头）')).toBeNull();
    expect(parseHeading('一是加强领导')).toBeNull();
  });
});
