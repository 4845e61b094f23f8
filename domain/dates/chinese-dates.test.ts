import { describe, expect, it } from 'vitest';
import { type DateContext, findDeadlines, parseCalendarDate } from './chinese-dates.ts';

const seed: DateContext = { issuedOn: '2015-12-15' };
/** The first deadline phrase in a text, or null. */
const parseDeadline = (text: string, context: DateContext) => findDeadlines(text, context)[0] ?? null;
const due = (text: string, context: DateContext = seed) => parseDeadline(text, context)?.due;
const rrule = (text: string) => parseDeadline(text, seed)?.recurrence;

describe('one-off deadlines', () => {
  it('reads month ends, with or without 前', () => {
    expect(due('于2016年1月底前完成')).toBe('2016-01-31T23:59:59+08:00');
    expect(due('于2016年1月底送市市场监管委')).toBe('2016-01-31T23:59:59+08:00');
    expect(due('2016年2月末')).toBe('2016-02-29T23:59:59+08:00');
    expect(due('二〇一六年十二月底前')).toBe('2016-12-31T23:59:59+08:00');
  });

  it('reads days, before and inclusive', () => {
    expect(due('2016年3月31日前')).toBe('2016-03-31T23:59:59+08:00');
    expect(due('2016年3月31日之前报送')).toBe('2016-03-31T23:59:59+08:00');
  });

  it('takes a year-less date in the notice year, or the next one if already past', () => {
    expect(due('3月31日前')).toBe('2016-03-31T23:59:59+08:00');
    expect(due('12月31日前')).toBe('2015-12-31T23:59:59+08:00');
    expect(due('3月31日前', { issuedOn: '2015-01-10' })).toBe('2015-03-31T23:59:59+08:00');
    expect(due('1月底前')).toBe('2016-01-31T23:59:59+08:00');
  });

  it('reads "before month M" as the end of month M', () => {
    expect(due('2019年6月前完成')).toBe('2019-06-30T23:59:59+08:00');
    expect(due('2019年6月前期')).toBeUndefined();
  });

  it('reads year ends and "within the year"', () => {
    expect(due('年底前')).toBe('2015-12-31T23:59:59+08:00');
    expect(due('年内完成')).toBe('2015-12-31T23:59:59+08:00');
    expect(due('2017年底前')).toBe('2017-12-31T23:59:59+08:00');
    expect(due('2017年年底')).toBe('2017-12-31T23:59:59+08:00');
    expect(due('明年底前')).toBe('2016-12-31T23:59:59+08:00');
    expect(due('今年内')).toBe('2015-12-31T23:59:59+08:00');
  });

  it('does not take periods or past references for deadlines', () => {
    expect(due('三年内')).toBeUndefined();
    expect(due('上年底')).toBeUndefined();
    expect(due('2019年1月1日至12月31日，对参保企业')).toBeUndefined();
    expect(due('从2019年1月1日起')).toBeUndefined();
    expect(due('津政发〔2015〕5号')).toBeUndefined();
    expect(due('年内部')).toBeUndefined();
  });

  it('reads halves and quarters of the year', () => {
    const context = { issuedOn: '2019-01-12' };
    expect(due('上半年', context)).toBe('2019-06-30T23:59:59+08:00');
    expect(due('下半年', context)).toBe('2019-12-31T23:59:59+08:00');
    expect(due('第三季度末', context)).toBe('2019-09-30T23:59:59+08:00');
    expect(due('三季度末', context)).toBe('2019-09-30T23:59:59+08:00');
    expect(due('2020年第一季度内', context)).toBe('2020-03-31T23:59:59+08:00');
    expect(due('上半年', { issuedOn: '2019-08-01' })).toBe('2020-06-30T23:59:59+08:00');
  });

  it('counts days and months from the notice date', () => {
    const context = { issuedOn: '2018-11-16' };
    expect(due('各省、自治区、直辖市人民政府要在本意见印发之日起30日内，制定', context)).toBe('2018-12-16T23:59:59+08:00');
    expect(due('本通知印发后3个月内', context)).toBe('2019-02-16T23:59:59+08:00');
    expect(due('印发之日起三十日内', context)).toBe('2018-12-16T23:59:59+08:00');
    expect(due('本意見印發之日起30日內', context)).toBe('2018-12-16T23:59:59+08:00');
  });

  it('keeps phrases it cannot resolve without a notice date or a holiday calendar', () => {
    const noDate = { issuedOn: null };
    expect(parseDeadline('3月31日前', noDate)).toMatchObject({ phrase: '3月31日前', due: null, recurrence: null });
    expect(parseDeadline('印发之日起15个工作日内', seed)).toMatchObject({ phrase: '印发之日起15个工作日内', due: null });
    expect(due('2016年1月底前', noDate)).toBe('2016-01-31T23:59:59+08:00');
  });
});

describe('recurring deadlines', () => {
  it('reads yearly ones as RRULEs', () => {
    expect(parseDeadline('市市场监管委于每年12月底前将', seed)).toEqual({
      phrase: '每年12月底前',
      index: 7,
      due: null,
      recurrence: 'FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31',
    });
    expect(rrule('每年3月31日前')).toBe('FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=31');
    expect(rrule('每年2月底前')).toBe('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1');
    expect(rrule('每年年底前')).toBe('FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31');
    expect(rrule('每年上半年')).toBe('FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=30');
  });

  it('reads monthly and quarterly ones', () => {
    expect(rrule('每月底前')).toBe('FREQ=MONTHLY;BYMONTHDAY=-1');
    expect(rrule('每月10日前')).toBe('FREQ=MONTHLY;BYMONTHDAY=10');
    expect(rrule('每季度末')).toBe('FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1');
  });
});

describe('findDeadlines', () => {
  it('finds every phrase in order, without overlaps', () => {
    const found = findDeadlines('2016年6月底前出台办法，2017年底前全面实施', seed);
    expect(found.map((d) => [d.phrase, d.index, d.due])).toEqual([
      ['2016年6月底前', 0, '2016-06-30T23:59:59+08:00'],
      ['2017年底前', 14, '2017-12-31T23:59:59+08:00'],
    ]);
  });
});

describe('parseCalendarDate', () => {
  it('reads full dates', () => {
    expect(parseCalendarDate('2015年12月15日')).toBe('2015-12-15');
    expect(parseCalendarDate('二〇一五年十二月十五日')).toBe('2015-12-15');
    expect(parseCalendarDate('2015 年 1 月 5 日')).toBe('2015-01-05');
  });

  it('refuses impossible dates and other text', () => {
    expect(parseCalendarDate('2015年2月30日')).toBeNull();
    expect(parseCalendarDate('发布时间：2020-04-27')).toBeNull();
  });
});
