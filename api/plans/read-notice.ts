import * as cheerio from 'cheerio';
import mammoth from 'mammoth';

/** A document that cannot be read as a notice; nothing has been written. */
export class NoticeInputError extends Error {
  override name = 'NoticeInputError';
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
const looksLikeHtml = (text: string) => /<(html|body|div|p|table)[\s>]/i.test(text.slice(0, 5000));

/** UTF-8 when the bytes are valid UTF-8, else GB18030 (a superset of GBK and GB2312). */
function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Block elements end a line; everything else is kept as the text it shows. */
function htmlToText(html: string): string {
  const $ = cheerio.load(html);
  $('script, style, noscript').remove();
  $('br').replaceWith('\n');
  $('p, div, h1, h2, h3, h4, h5, h6, li, tr, table, section, article').each((_, el) => {
    $(el).append('\n');
  });
  return $.root().text();
}

/**
 * The text of an uploaded notice: plain text in UTF-8 or GB18030/GBK, an HTML
 * page, or a .docx. Anything else is refused with the reason.
 */
export async function readNotice(bytes: Uint8Array, fileName = ''): Promise<string> {
  if (bytes.length === 0) throw new NoticeInputError('文件为空。 The file is empty.');
  if (isZip(bytes)) {
    try {
      const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
      return clean(value);
    } catch {
      throw new NoticeInputError(`无法读取 Word 文档 ${fileName}。 The file is not a readable .docx document.`);
    }
  }
  const controls = bytes.slice(0, 4096).filter((b) => b < 8);
  if (controls.length > 0) {
    throw new NoticeInputError(`${fileName || '该文件'}不是文本、网页或 .docx 文档。 The file is binary, not text, HTML or .docx.`);
  }
  const text = decode(bytes);
  return clean(looksLikeHtml(text) || /\.html?$/i.test(fileName) ? htmlToText(text) : text);
}

/** Normalised line ends and no trailing blanks; the parser handles the rest. */
function clean(text: string): string {
  const result = text.replace(/\r\n?/g, '\n').replace(/[ \t\u3000]+\n/g, '\n').trim();
  if (!result) throw new NoticeInputError('文件中没有文字。 The document contains no text.');
  return result;
}
