import { isZip, safeZip, ZipError, zipNames } from './zip.ts';

// The readers of each format load only when a document of theirs comes (a worker thread starts cold for every parse).
const html = () => import('./html.ts');
const office = () => import('./office.ts');
const pdf = () => import('./pdf.ts');

/** A document that cannot be read as a notice; nothing has been written. */
export class NoticeInputError extends Error {
  override name = 'NoticeInputError';
}

/** What an untrusted document may cost: its extracted text, and all it unpacks to. */
export const readLimits = {
  textBytes: 2 * 1024 * 1024,
  unpackedBytes: 50 * 1024 * 1024,
};

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const tooMuchText = () =>
  new NoticeInputError(`文件文字超过 ${mb(readLimits.textBytes)}，不像一份通知。 The document has more than ${mb(readLimits.textBytes)} of text: too long for a notice.`);
const tooLarge = () =>
  new NoticeInputError(`文件解压后超过 ${mb(readLimits.unpackedBytes)}，已拒绝。 The document unpacks to more than ${mb(readLimits.unpackedBytes)}: refused.`);

const starts = (bytes: Uint8Array, ...magic: number[]) => magic.every((b, i) => bytes[i] === b);
const isPdf = (bytes: Uint8Array) => starts(bytes, 0x25, 0x50, 0x44, 0x46, 0x2d);
/** Word 97-2003 (and Excel 97-2003) documents are OLE compound files. */
const isOle = (bytes: Uint8Array) => starts(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
const isImage = (bytes: Uint8Array) =>
  starts(bytes, 0x89, 0x50, 0x4e, 0x47) || starts(bytes, 0xff, 0xd8, 0xff) || starts(bytes, 0x47, 0x49, 0x46) ||
  starts(bytes, 0x49, 0x49, 0x2a, 0x00) || starts(bytes, 0x4d, 0x4d, 0x00, 0x2a);
const looksLikeHtml = (text: string) => /<(html|body|div|p|table)[\s>]/i.test(text.slice(0, 5000));

/** UTF-8 when the bytes are valid UTF-8, else GB18030 (a superset of GBK and GB2312). */
function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const scanned = (fileName: string) =>
  new NoticeInputError(
    `${fileName || '该 PDF'}没有文字层（可能是扫描件），无法读取；请上传带文字的 PDF、Word 文档或文本。 ` +
      'The PDF has no text layer (it looks scanned): upload a PDF with text, a Word document or the text itself.',
  );

async function readZip(bytes: Uint8Array, fileName: string): Promise<string> {
  const unreadable = () => new NoticeInputError(`无法读取 ${fileName || '该文件'}，它不是 Word（.docx）或 Excel（.xlsx）文档。 The file is not a readable .docx or .xlsx document.`);
  let names: string[];
  try {
    names = zipNames(bytes);
  } catch {
    throw unreadable();
  }
  if (names.some((n) => /^(OFD\.xml|Doc_\d+\/Document\.xml)$/i.test(n))) {
    throw new NoticeInputError('暂不支持 OFD 版式文件，请另存为 PDF 或 Word 后上传。 OFD documents are not supported: save it as PDF or Word and upload that.');
  }
  const kind = names.includes('word/document.xml') ? 'docx' : names.includes('xl/workbook.xml') ? 'xlsx' : null;
  if (!kind) throw unreadable();
  let zip: Buffer;
  try {
    zip = await safeZip(bytes, readLimits.unpackedBytes);
  } catch (error) {
    if (error instanceof ZipError && error.reason === 'too-large') throw tooLarge();
    if (error instanceof ZipError && error.reason === 'encrypted') throw new NoticeInputError('文件已加密，无法读取。 The document is encrypted.');
    throw unreadable();
  }
  const { docxText, xlsxText } = await office();
  try {
    return kind === 'docx' ? await docxText(zip) : await xlsxText(zip);
  } catch {
    throw unreadable();
  }
}

async function readBinary(bytes: Uint8Array, fileName: string): Promise<string | null> {
  if (isPdf(bytes)) {
    const { pdfText, ScannedPdfError } = await pdf();
    try {
      return await pdfText(bytes);
    } catch (error) {
      if (error instanceof ScannedPdfError) throw scanned(fileName);
      throw new NoticeInputError(`无法读取 PDF 文件 ${fileName}。 The file is not a readable PDF.`);
    }
  }
  if (isOle(bytes)) {
    const { docText } = await office();
    try {
      return await docText(bytes);
    } catch {
      throw new NoticeInputError(
        `无法读取 ${fileName || '该文件'}：只支持 Word 97-2003（.doc）；Excel 97-2003 表格请另存为 .xlsx。 ` +
          'Only Word 97-2003 (.doc) is read among the old Office formats: save an .xls workbook as .xlsx.',
      );
    }
  }
  if (isZip(bytes)) return readZip(bytes, fileName);
  if (isImage(bytes)) {
    throw new NoticeInputError('这是一张图片（扫描件），没有可读的文字；请上传文本、Word 或带文字的 PDF。 The file is an image (a scan) with no text to read.');
  }
  return null;
}

/**
 * The text of an uploaded notice: plain text in UTF-8 or GB18030/GBK, an HTML
 * page, a Word document (.docx or .doc), an Excel workbook (.xlsx) or a PDF
 * with a text layer. Tables come out one row per line, cells separated by
 * tabs. Anything else, or anything beyond {@link readLimits}, is refused with
 * the reason.
 */
export async function readNotice(bytes: Uint8Array, fileName = ''): Promise<string> {
  if (bytes.length === 0) throw new NoticeInputError('文件为空。 The file is empty.');
  if (bytes.length > readLimits.unpackedBytes) throw tooLarge();
  const binary = await readBinary(bytes, fileName);
  if (binary !== null) return clean(binary);
  const controls = bytes.slice(0, 4096).filter((b) => b < 8);
  if (controls.length > 0) {
    throw new NoticeInputError(
      `${fileName || '该文件'}不是文本、网页、Word、Excel 或 PDF 文档。 The file is binary, not text, HTML, Word, Excel or PDF.`,
    );
  }
  const text = decode(bytes);
  return clean(looksLikeHtml(text) || /\.html?$/i.test(fileName) ? (await html()).htmlToText(text) : text);
}

/** Normalised line ends and no trailing blanks, within the text limit; the parser handles the rest. */
export function clean(text: string): string {
  const result = text.replace(/\r\n?/g, '\n').replace(/[ \u3000]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  if (!result) throw new NoticeInputError('文件中没有文字。 The document contains no text.');
  if (Buffer.byteLength(result) > readLimits.textBytes) throw tooMuchText();
  return result;
}
