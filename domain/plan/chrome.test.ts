import { describe, expect, it } from 'vitest';
import { contentLines, isChrome } from './chrome.ts';

describe('isChrome', () => {
  it('drops the page furniture of the seed', () => {
    expect(isChrome('今天是:')).toBe(true);
    expect(isChrome('来源 :天津政务网 访问次数 : 发布时间 :2020-04-27')).toBe(true);
    expect(isChrome('文章关键字: 市场 主体 信用 信息 行政')).toBe(true);
  });

  it('drops crawler and navigation lines, in either script', () => {
    expect(isChrome('source: http://www.gov.cn/zhengce/content/2018-12/05/content_5345808.htm')).toBe(true);
    expect(isChrome('首页 > 政务公开 > 政策文件')).toBe(true);
    expect(isChrome('發佈時間：2020-04-27')).toBe(true);
    expect(isChrome('（此件公开发布）')).toBe(true);
    expect(isChrome('版权所有：某某市人民政府办公室 主办：某某市人民政府办公室')).toBe(true);
    expect(isChrome('相关链接')).toBe(true);
    expect(isChrome('【字体：大 中 小】【打印】')).toBe(true);
  });

  it('keeps the text', () => {
    expect(isChrome('1.实施企业经营异常名录制度。（市市场监管委牵头）')).toBe(false);
    expect(isChrome('2015年12月15日')).toBe(false);
    expect(isChrome('二、有关要求')).toBe(false);
    expect(isChrome('主办单位：省商务厅')).toBe(false);
  });
});

describe('contentLines', () => {
  it('trims, including ideographic spaces, and drops blank lines', () => {
    expect(contentLines('\ufeff今天是:\r\n\r\n\u3000\u3000一、总体要求 \n\n')).toEqual(['一、总体要求']);
  });

  it('turns cells separated by | into tab-separated rows, one per row or one per line, and leaves other bars alone', () => {
    expect(contentLines('| 序号 | 任务 | 牵头单位 |\n|---|---|---|\n| 1 | 建设平台 |  |')).toEqual(['序号\t任务\t牵头单位', '1\t建设平台\t']);
    expect(contentLines('序号 |\n任务 |\n牵头单位 |\n1 |\n建设\n平台 |\n|\n说明文字。')).toEqual(['序号\t任务\t牵头单位', '1\t建设平台\t', '说明文字。']);
    expect(contentLines('加入收藏 | 繁體中文 | 表格下载')).toEqual(['加入收藏 | 繁體中文 | 表格下载']);
  });
});
