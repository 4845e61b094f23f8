// `npx tsx scripts/make-notice-fixtures.ts`: writes the document fixtures of
// api/plans/fixtures/ — one task-division notice (our own words, laid out the
// way offices receive such notices) as a .docx table, an .xlsx sheet, an HTML
// page, a PDF with a drawn table, a prose PDF, a scanned (image-only) PDF, an
// OFD package and, through LibreOffice (Debian's libreoffice-writer-nogui), a
// legacy .doc. The PDFs embed Debian's Droid Sans Fallback (fonts-droid-fallback).
// The outputs are committed; run this again only to change them.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fontkit from '@pdf-lib/fontkit';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { docx, paragraphs } from '../test/helpers/documents.ts';

const out = fileURLToPath(new URL('../api/plans/fixtures/', import.meta.url));
const fontPath = '/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf';

const title = '某某市人民政府办公室关于印发某某市2024年优化营商环境重点任务分工表的通知';
const letter = [
  '某政办发〔2024〕6号',
  '各区人民政府，市政府各委、办、局：',
  '《某某市2024年优化营商环境重点任务分工表》已经市人民政府同意，现印发给你们，请认真抓好落实。',
  '某某市人民政府办公室',
  '2024年3月8日',
];
const caption = '某某市2024年优化营商环境重点任务分工表';
const header = ['序号', '重点任务', '牵头单位', '配合单位', '完成时限'];
type Row = [string, string, string, string, string] | string;
const rows: Row[] = [
  '一、提升政务服务效能',
  ['1', '推行企业开办“一网通办”，将开办时间压缩至1个工作日以内。', '市市场监管局', '市公安局、市税务局', '2024年6月底前'],
  ['2', '推进高频政务服务事项“跨省通办”，年内新增通办事项50项。', '市政务服务中心', '市各有关部门', '2024年12月底前'],
  '二、优化投资建设环境',
  ['3', '深化工程建设项目审批制度改革，全流程审批时间控制在60个工作日以内。', '市住房城乡建设局', '市发展改革委、市自然资源局', '2024年9月底前'],
  ['4', '推行“标准地”出让，新增工业用地按“标准地”供应。', '市自然资源局', '', '2024年9月底前'],
  ['5', '完善水电气网联合报装服务。', '市城管委、某某供电公司', '市水务集团', '长期坚持'],
];
const closing = ['各牵头单位要于2024年4月15日前制定具体落实方案，报市政府办公室。'];

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A .docx: paragraphs, then the table (group rows span the columns; 完成时限 of rows 3 and 4 is one merged cell). */
function tableDocx(): Buffer {
  const p = (text: string) => paragraphs([escapeXml(text)]);
  const cell = (text: string, extra = '') => `<w:tc><w:tcPr>${extra}</w:tcPr>${text.split('\n').map(p).join('') || '<w:p/>'}</w:tc>`;
  const tableRows = [
    `<w:tr>${header.map((h) => cell(h)).join('')}</w:tr>`,
    ...rows.map((row) => {
      if (typeof row === 'string') return `<w:tr>${cell(row, '<w:gridSpan w:val="5"/>')}</w:tr>`;
      const due = row[0] === '3' ? cell(row[4], '<w:vMerge w:val="restart"/>') : row[0] === '4' ? cell('', '<w:vMerge/>') : cell(row[4]);
      // The task of row 2 is written as two paragraphs in its cell.
      const task = row[0] === '2' ? row[1].replace('，', '，\n') : row[1];
      return `<w:tr>${cell(row[0])}${cell(task)}${cell(row[2])}${cell(row[3])}${due}</w:tr>`;
    }),
  ];
  return docx([title, ...letter, caption].map(p).join('') + `<w:tbl><w:tblPr/>${tableRows.join('')}</w:tbl>` + closing.map(p).join(''));
}

/** An .xlsx: a merged title row, the header, merged group rows, the tasks. */
async function xlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('任务分工');
  sheet.addRow([caption]);
  sheet.mergeCells('A1:E1');
  sheet.addRow(header);
  for (const row of rows) {
    const added = sheet.addRow(typeof row === 'string' ? [row] : [Number(row[0]), ...row.slice(1)]);
    if (typeof row === 'string') sheet.mergeCells(`A${added.number}:E${added.number}`);
  }
  sheet.columns = [{ width: 6 }, { width: 50 }, { width: 20 }, { width: 24 }, { width: 16 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A web page: site chrome around the notice, a layout table around the article, the task table with merged cells. */
function html(): string {
  const cells = (row: Row) => {
    if (typeof row === 'string') return `<tr><td colspan="5"><b>${row}</b></td></tr>`;
    const due = row[0] === '3' ? `<td rowspan="2">${row[4]}</td>` : row[0] === '4' ? '' : `<td>${row[4]}</td>`;
    const supports = row[3].replace('、', '<br>');
    return `<tr><td>${row[0]}</td><td><p>${row[1]}</p></td><td>${row[2]}</td><td>${supports}</td>${due}</tr>`;
  };
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title><script>var visits = 0;</script></head><body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 政府文件</div>
<table class="layout"><tr><td class="side"><ul><li>政策文件</li><li>政策解读</li></ul></td><td class="main">
<div class="meta">索引号：11xx00/2024-00012　发布日期：2024-03-11　来源：市政府办公室</div>
<h1>${title}</h1>
${letter.map((l) => `<p>${l}</p>`).join('\n')}
<p>附件</p><p>${caption}</p>
<table border="1"><tr>${header.map((h) => `<th>${h}</th>`).join('')}</tr>
${rows.map(cells).join('\n')}
</table>
${closing.map((l) => `<p>${l}</p>`).join('\n')}
</td></tr></table>
<div class="footer">版权所有：某某市人民政府办公室　【打印本页】【关闭窗口】</div>
</body></html>`;
}

interface Writer {
  doc: PDFDocument;
  font: PDFFont;
  page: PDFPage;
  y: number;
}

const A4: [number, number] = [595, 842];
const margin = 56;

function newPage(w: Writer): void {
  w.page = w.doc.addPage(A4);
  w.y = A4[1] - margin;
}

/** Lines of text no wider than `width` at `size`, broken between characters as Chinese text is. */
function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const c of text) {
    if (line && font.widthOfTextAtSize(line + c, size) > width) {
      lines.push(line);
      line = '';
    }
    line += c;
  }
  return line ? [...lines, line] : lines;
}

function paragraph(w: Writer, text: string, size = 12, indent = 0): void {
  for (const line of wrap(w.font, text, size, A4[0] - 2 * margin - indent)) {
    if (w.y < margin + size) newPage(w);
    w.page.drawText(line, { x: margin + indent, y: w.y, size, font: w.font });
    w.y -= size * 1.6;
  }
}

async function writer(): Promise<Writer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fs.readFileSync(fontPath), { subset: true });
  const w = { doc, font, page: doc.addPage(A4), y: A4[1] - margin };
  return w;
}

/** A PDF with the table drawn in ruled cells, text top-aligned and wrapped inside each cell. */
async function tablePdf(): Promise<Buffer> {
  const w = await writer();
  paragraph(w, title, 15);
  for (const line of [...letter, '附件', caption]) paragraph(w, line);
  const widths = [32, 200, 90, 90, 71];
  const size = 10;
  const lead = size * 1.5;
  const x0 = margin;
  const drawRow = (cells: string[], spanAll = false) => {
    const wrapped = spanAll ? [wrap(w.font, cells[0]!, size, widths.reduce((a, b) => a + b) - 8)] : cells.map((c, i) => wrap(w.font, c, size, widths[i]! - 8));
    const height = Math.max(...wrapped.map((l) => l.length), 1) * lead + 6;
    if (w.y - height < margin) newPage(w);
    let x = x0;
    const spans = spanAll ? [widths.reduce((a, b) => a + b)] : widths;
    wrapped.forEach((lines, i) => {
      w.page.drawRectangle({ x, y: w.y - height, width: spans[i]!, height, borderColor: rgb(0, 0, 0), borderWidth: 0.5 });
      lines.forEach((line, k) => w.page.drawText(line, { x: x + 4, y: w.y - 4 - size - k * lead, size, font: w.font }));
      x += spans[i]!;
    });
    w.y -= height;
  };
  drawRow(header);
  for (const row of rows) drawRow(typeof row === 'string' ? [row] : row, typeof row === 'string');
  w.y -= 12;
  for (const line of closing) paragraph(w, line);
  return Buffer.from(await w.doc.save());
}

/** A prose notice as a PDF: lines wrapped at the page width, as a PDF of a letter comes. */
async function prosePdf(): Promise<Buffer> {
  const w = await writer();
  const text = fs.readFileSync(fileURLToPath(new URL('../domain/plan/fixtures/role-lines.txt', import.meta.url)), 'utf8');
  for (const line of text.split('\n').filter((l) => l.trim())) paragraph(w, line.trim(), 12);
  return Buffer.from(await w.doc.save());
}

/** A scan: one page holding only an image. */
async function scannedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  // A 2×2 grey PNG stands for the photographed page.
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAAAAABX3VL4AAAADklEQVR42mNgYGD4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC',
    'base64',
  );
  const image = await doc.embedPng(png);
  const page = doc.addPage(A4);
  page.drawImage(image, { x: 0, y: 0, width: A4[0], height: A4[1] });
  return Buffer.from(await doc.save());
}

async function ofd(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('OFD.xml', '<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>');
  zip.file('Doc_0/Document.xml', '<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"/>');
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Word 97-2003 through LibreOffice, from the .docx. */
function doc(docxFile: string): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-doc-'));
  execFileSync('soffice', ['--headless', '--convert-to', 'doc', '--outdir', dir, docxFile], { stdio: 'ignore' });
  return fs.readFileSync(path.join(dir, path.basename(docxFile).replace(/\.docx$/, '.doc')));
}

fs.mkdirSync(out, { recursive: true });
const write = (name: string, data: Buffer | string) => {
  fs.writeFileSync(path.join(out, name), data);
  console.log(`${name}: ${Buffer.byteLength(data)} bytes`);
};
write('table.docx', tableDocx());
write('table.xlsx', await xlsx());
write('table.html', html());
write('table.pdf', await tablePdf());
write('prose.pdf', await prosePdf());
write('scanned.pdf', await scannedPdf());
write('notice.ofd', await ofd());
write('table.doc', doc(path.join(out, 'table.docx')));
