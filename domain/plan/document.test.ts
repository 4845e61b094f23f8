import { describe, expect, it } from 'vitest';
import { contentLines } from './chrome.ts';
import { docNumbers, readDocument } from './document.ts';

const read = (text: string) => readDocument(contentLines(text), text);

describe('docNumbers', () => {
  it('reads numbers as written, without the prose that runs into them', () => {
    expect(docNumbers('认真落实津政发〔2015〕5号文件')).toEqual(['津政发〔2015〕5号']);
    expect(docNumbers('的意见》(津政发[2016]3号)和国办发〔2018〕104号')).toEqual(['津政发[2016]3号', '国办发〔2018〕104号']);
  });
});

describe('readDocument', () => {
  it('joins a title broken across lines and stops at the document number', () => {
    const doc = read('国务院关于做好当前和今后一个时期\n促进就业工作的若干意见\n国发〔2018〕39号\n各省：\n国务院\n2018年11月16日');
    expect(doc.title).toBe('国务院关于做好当前和今后一个时期促进就业工作的若干意见');
    expect(doc.issuer).toBe('国务院');
    expect(doc.issuedOn).toBe('2018-11-16');
    expect(doc.basis).toBe('国发〔2018〕39号');
  });

  it('skips a red-header banner and takes the issuer from the title when no signature is found', () => {
    const doc = read('天津市人民政府办公厅文件\n天津市人民政府办公厅关于印发某方案的通知\n各区人民政府：\n（2016年5月6日）');
    expect(doc.title).toBe('天津市人民政府办公厅关于印发某方案的通知');
    expect(doc.issuer).toBe('天津市人民政府办公厅');
    expect(doc.issuedOn).toBe('2016-05-06');
  });

  it('prefers the implemented document, then its title, over the notice own number', () => {
    expect(read('某通知\n津政办发〔2016〕1号\n为贯彻落实《某意见》（津政发〔2015〕5号），现通知如下：').basis).toBe('津政发〔2015〕5号');
    expect(read('某通知\n津政办发〔2016〕1号\n为深入贯彻落实《某某条例》，现通知如下：').basis).toBe('某某条例');
  });

  it('falls back on the page metadata and the number prefix', () => {
    const doc = read('关于某事的意见\n国发〔2019〕3号\n成文日期：2019年01月12日\n一、总则');
    expect(doc.issuedOn).toBe('2019-01-12');
    expect(doc.issuer).toBe('国务院');
    expect(read('关于某事的通知\n发文日期： 2019-05-20 16:05\n一、总则').issuedOn).toBe('2019-05-20');
  });

  it('ignores the page publication date', () => {
    const doc = read('今天是:\n某某的通知\n来源 :天津政务网 访问次数 : 发布时间 :2020-04-27\n2015年12月15日');
    expect(doc.issuedOn).toBe('2015-12-15');
    expect(doc.warnings).toEqual([]);
  });
  it('passes over page chrome around the title: a menu of short words, a site name after a dash, a metadata block, 全文', () => {
    expect(read('简体版 繁體版 信息无障碍\n某某市人民政府关于印发某某方案的通知\n某政〔2021〕2号').title).toBe('某某市人民政府关于印发某某方案的通知');
    expect(read('今天是：\n某某市人民政府关于2021年重点工作及责任分解的通知-某某网络平台\n各县区人民政府：').title).toBe('某某市人民政府关于2021年重点工作及责任分解的通知');
    expect(read('某某市人民政府关于2021年重点工作的通知_某某市人民政府门户网站\n各县区人民政府：').title).toBe('某某市人民政府关于2021年重点工作的通知');
    const meta = read([
      '索  引 号： 0031/2019-00164 信息分类： 重点工作',
      '名       称： 某某市人民政府关于2019年重点工作及责任分解的通知 信息来源：',
      '关  键 词： 重点工作   浏览次数： 4646',
      '内容概述： 重点工作及责任分解   有 效 性： 暂无',
      '某某市人民政府关于2019年重点工作及责任分解的通知',
      '各县、市、区人民政府：',
    ].join('\n'));
    expect(meta.title).toBe('某某市人民政府关于2019年重点工作及责任分解的通知');
    expect(read('全文\n以新发展理念为指导，深化改革。\n一、推进审批').title).toBe('');
  });

  it('takes the title of the attached plan when the letter starts with its addressees', () => {
    const doc = read('各市人民政府、省级有关部门：\n现将《某某实施方案》印发给你们。\n某某省发展和改革委员会\n2022年10月18日\n某某省现代流通体系建设实施方案\n为贯彻落实国家部署，制定本方案。');
    expect(doc.title).toBe('某某省现代流通体系建设实施方案');
    expect(doc.issuer).toBe('某某省发展和改革委员会');
  });
});
