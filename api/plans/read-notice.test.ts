import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { NoticeInputError, readNotice } from './read-notice.ts';

const sample = '天津市人民政府办公厅\n一、主要任务\n1.完善制度。（市法制办负责）';

/** A minimal .docx: one paragraph per line, as Word writes them. */
async function docx(lines: string[]): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  const body = lines.map((l) => `<w:p><w:r><w:t>${l}</w:t></w:r></w:p>`).join('');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array' });
}

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

  it('reads a .docx document', async () => {
    expect(await readNotice(await docx(['一、主要任务', '1.完善制度。（市法制办负责）']), 'notice.docx')).toBe('一、主要任务\n\n1.完善制度。（市法制办负责）');
  });

  it('refuses empty, binary and broken files with the reason', async () => {
    await expect(readNotice(new Uint8Array())).rejects.toThrow(new NoticeInputError('文件为空。 The file is empty.'));
    await expect(readNotice(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'x.png')).rejects.toThrow(/binary/);
    await expect(readNotice(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'x.docx')).rejects.toThrow(/not a readable .docx/);
    await expect(readNotice(new TextEncoder().encode(' \n\t\n'))).rejects.toThrow(/no text/);
  });
});
