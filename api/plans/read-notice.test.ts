import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../domain/plan/parse.ts';
import { docx, expandingDocx, paragraphs, randomText } from '../../test/helpers/documents.ts';
import { NoticeInputError, readLimits, readNotice } from './read-notice.ts';

const sample = '天津市人民政府办公厅\n一、主要任务\n1.完善制度。（市法制办负责）';
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

/** The task table of the document fixtures (scripts/make-notice-fixtures.ts), as every format must give it. */
const tableTasks = [
  ['1.1', ['市市场监管局'], ['市公安局', '市税务局']],
  ['1.2', ['市政务服务中心'], ['市各有关部门']],
  ['2.3', ['市住房城乡建设局'], ['市发展改革委', '市自然资源局']],
  ['2.4', ['市自然资源局'], []],
  ['2.5', ['市城管委', '某某供电公司'], ['市水务集团']],
];

describe('readNotice', () => {
  it('reads UTF-8 text, with or without a byte-order mark', async () => {
    expect(await readNotice(new TextEncoder().encode(sample))).toBe(sample);
    expect(await readNotice(new TextEncoder().encode(`\uFEFF${sample}\r\n`))).toBe(sample);
  });

  it('detects GB18030/GBK text', async () => {
    // "一、主要任务" encoded in GBK.
    const gbk = Uint8Array.from([0xd2, 0xbb, 0xa1, 0xa2, 0xd6, 0xf7, 0xd2, 0xaa, 0xc8, 0xce, 0xce, 0xf1]);
    expect(await readNotice(gbk)).toBe('一、主要任务');
  });

  it('takes the text of an HTML page, one line per block, without scripts', async () => {
    const html = `<html><head><script>var x = 1;</script></head><body><div>一、主要任务</div><p>1.完善制度。<br>（市法制办负责）</p></body></html>`;
    expect(await readNotice(new TextEncoder().encode(html), 'notice.html')).toBe('一、主要任务\n1.完善制度。\n（市法制办负责）');
  });

  it('keeps an HTML table as rows of tab-separated cells, merged cells repeated down and left empty across', async () => {
    const html = `<table><tr><th>序号</th><th>工作任务</th><th>牵头单位</th></tr><tr><td colspan="3">一、重点工作</td></tr>
      <tr><td>1</td><td><p>完善制度。</p><p>年内完成。</p></td><td rowspan="2">市法制办<br>市编办</td></tr><tr><td>2</td><td>加强督查。</td></tr></table>`;
    expect(await readNotice(new TextEncoder().encode(html), 'table.html')).toBe(
      '序号\t工作任务\t牵头单位\n一、重点工作\t\t\n1\t完善制度。 年内完成。\t市法制办 市编办\n2\t加强督查。\t市法制办 市编办',
    );
  });

  it('numbers the items of a numbered list', async () => {
    const html = '<p>一、重点工作</p><ol><li>完善制度。（市法制办负责）</li><li>3.已有编号的条目</li></ol>';
    expect(await readNotice(new TextEncoder().encode(html), 'list.html')).toBe('一、重点工作\n1.完善制度。（市法制办负责）\n3.已有编号的条目');
  });

  it('reads a .docx document', async () => {
    expect(await readNotice(docx(paragraphs(['一、主要任务', '1.完善制度。（市法制办负责）'])), 'notice.docx')).toBe('一、主要任务\n1.完善制度。（市法制办负责）');
  });

  it.each(['table.docx', 'table.xlsx', 'table.html', 'table.pdf', 'table.doc'])('reads the task table of %s by its columns', async (name) => {
    const plan = parseNotice(await readNotice(fixture(name), name));
    expect(plan.tasks.map((t) => [t.ref, t.leads, t.supports])).toEqual(tableTasks);
    expect(plan.tasks.map((t) => t.section)).toEqual(['提升政务服务效能', '提升政务服务效能', '优化投资建设环境', '优化投资建设环境', '优化投资建设环境']);
    expect(plan.tasks[0]!.text).toBe('推行企业开办“一网通办”，将开办时间压缩至1个工作日以内。'.replace(/[“”]/g, name.endsWith('.doc') ? '"' : '$&'));
    expect(plan.requirements.find((r) => r.appliesTo[0] === '市市场监管局')).toMatchObject({ due: '2024-06-30T23:59:59+08:00' });
  });

  it('finds the title and date of the notice in a .docx, an HTML page, a PDF and a .doc', async () => {
    for (const name of ['table.docx', 'table.html', 'table.pdf', 'table.doc']) {
      const plan = parseNotice(await readNotice(fixture(name), name));
      expect([name, plan.title, plan.issuedOn]).toEqual([name, '某某市人民政府办公室关于印发某某市2024年优化营商环境重点任务分工表的通知', '2024-03-08']);
    }
  });

  it('puts the lines of a prose PDF back together', async () => {
    const text = readFileSync(new URL('../../domain/plan/fixtures/role-lines.txt', import.meta.url), 'utf8');
    const fromPdf = parseNotice(await readNotice(fixture('prose.pdf'), 'prose.pdf'));
    expect(fromPdf.tasks).toEqual(parseNotice(text).tasks);
  });

  it('refuses scans, OFD, images, empty, binary and broken files with the reason', async () => {
    await expect(readNotice(fixture('scanned.pdf'), 'scanned.pdf')).rejects.toThrow(/没有文字层.*no text layer/);
    await expect(readNotice(fixture('notice.ofd'), 'notice.ofd')).rejects.toThrow(/OFD.*OFD documents are not supported/);
    await expect(readNotice(new Uint8Array())).rejects.toThrow(new NoticeInputError('文件为空。 The file is empty.'));
    await expect(readNotice(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'x.png')).rejects.toThrow(/image \(a scan\)/);
    await expect(readNotice(Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), 'x.bin')).rejects.toThrow(/binary/);
    await expect(readNotice(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'x.docx')).rejects.toThrow(/not a readable .docx/);
    await expect(readNotice(new TextEncoder().encode(' \n\t\n'))).rejects.toThrow(/no text/);
  });

  it('refuses more than 2 MB of text at once', async () => {
    await expect(readNotice(randomText(5), 'random.txt')).rejects.toThrow(/more than 2 MB of text/);
    expect(readLimits.textBytes).toBe(2 * 1024 * 1024);
  });

  it('refuses a .docx that unpacks to more than 50 MB before inflating it, and one that lies about its size', async () => {
    const declared = expandingDocx(60);
    expect(declared.length).toBeLessThan(1024 * 1024);
    await expect(readNotice(declared, 'bomb.docx')).rejects.toThrow(/unpacks to more than 50 MB/);
    await expect(readNotice(expandingDocx(60, true), 'liar.docx')).rejects.toThrow(/unpacks to more than 50 MB/);
  });
});
