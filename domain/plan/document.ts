import { parseCalendarDate } from '../dates/chinese-dates.ts';
import { parseHeading } from './headings.ts';
import { isHeaderLine } from './tables.ts';
import type { PlanWarning } from './types.ts';
import { re } from './variants.ts';
import { warning } from './warnings.ts';

/** What a notice says about itself: title, issuer, date and the document it implements. */
export interface DocumentInfo {
  title: string;
  issuer: string | null;
  issuedOn: string | null;
  basis: string | null;
  /** Lines that are the document's furniture (title, number, date, signature), part of no task. */
  meta: Set<number>;
  /** The date line: it ends the letter it signs, so no numbered item runs past it. */
  dateLine: number | null;
  warnings: PlanWarning[];
}

// 津政发〔2015〕5号, 国发〔2018〕39号, 国办发[2016]1号
const docNumber = re('([\\u4e00-\\u9fff]{1,12})\\s*[〔［\\[【（(]\\s*[0-9]{4}\\s*[〕］\\]】）)]\\s*(?:第\\s*)?[0-9]+\\s*号', 'g');
/** Words that run into a document number in prose ("认真落实津政发〔2015〕5号"). */
const beforeNumber = re('^.*(贯彻落实|贯彻|落实|根据|按照|依据|执行|印发|转发|实施|和|及|与|的|见)');
/** Red-header banners and attachment marks above a title. */
const banner = re('^(.{2,20}文件|附件\\s*[0-9]*\\s*[:：]?)$');
const titleEnd = re('(通知|意见|方案|决定|办法|分工|细则|规定|纲要|计划|规划|函|批复|通报|公告|要点|措施|清单|安排|纪要)$');
/** What a document is: once a title line ends with one of these, the title is whole. */
const documentKind = re('(通知|意见|决定|函|批复|通报|公告|纪要|报告)$');
const issuerEnd = re('(国务院|政府|办公厅|办公室|委员会|委|部|局|厅|办|院|署)$');
const issuerInTitle = re('^(.{2,30}?)(关于|印发|转发)');
const implementing = re('贯彻|落实|根据|按照|依据|实施|执行');
const purposeTitle = re('^为了?(?:深入|认真|全面|进一步)*(?:贯彻落实|贯彻|落实|实施|执行)好?《([^》]+)》');
/** Who issues a document, by the prefix of its number, when the text does not say. */
const issuerByPrefix: Record<string, string> = { 国发: '国务院', 国函: '国务院', 国办发: '国务院办公厅', 国办函: '国务院办公厅' };

/** Document numbers in a text, each as written from its issuer's prefix. */
export function docNumbers(text: string): string[] {
  return [...text.matchAll(docNumber)].map((m) => {
    const prefix = m[1]!.replace(beforeNumber, '').slice(-8);
    return prefix + m[0].slice(m[1]!.length);
  });
}

const unbracket = (line: string) => line.replace(/^[（(]\s*|\s*[）)]$/g, '');
const isDocNumberLine = (line: string) => docNumbers(line)[0] === line;
const isDateLine = (line: string) => parseCalendarDate(unbracket(line)) !== null;

function isTitleLine(line: string): boolean {
  return (
    line.length <= 60 &&
    !/[。：:；;，,\t]/.test(line) &&
    !parseHeading(line) &&
    !isDateLine(line) &&
    !isDocNumberLine(line) &&
    !isHeaderLine(line)
  );
}

/** How many banner lines open the document. */
function bannerCount(lines: string[]): number {
  const first = lines.findIndex((line) => !banner.test(line));
  return first < 0 ? lines.length : first;
}

/** Site furniture a page may put above the notice: the site's name, menus, links. */
const siteLine = re('网站|门户|首页|网$|[>»＞|｜]|^(政务公开|信息公开|政府信息公开|政策文件|政策法规|通知公告|文件通知|政府文件|最新文件|无障碍|English)$', 'i');
/** Where the letter begins: the addressees ("各区人民政府，市政府各部门：") or the first numbered heading. */
const salutation = /[:：]$/;
const titleSearch = 40;

/** A page's title ends with the site's name: "…的通知-某某网", "…的通知_某某市人民政府门户网站". */
const siteSuffix = re('(?<=(?:通知|意见|方案|决定|办法|分工|细则|规定|纲要|计划|规划|通报|公告|要点|措施|清单|安排))\\s*[-_－—–|｜]+\\s*[^\\s，。；;：:]{2,30}$');
const withoutSiteName = (line: string) => line.replace(siteSuffix, '');

/** The lines of a title starting at `start`, joined while a title broken across lines has not yet ended. */
function titleRun(lines: string[], start: number): number[] {
  const indices: number[] = [];
  for (let i = start; i < lines.length && indices.length < 4 && isTitleLine(lines[i]!) && !siteLine.test(lines[i]!) && !banner.test(lines[i]!); i++) {
    indices.push(i);
    // "…任务分工" then "表的通知": a title broken after a word that can end one.
    const next = lines[i + 1];
    if (titleEnd.test(lines[i]!) && !(next && !documentKind.test(lines[i]!) && documentKind.test(next) && isTitleLine(next))) break;
  }
  return indices;
}

/** The first run of title lines from `from` that ends the way titles end, before the letter or the items begin. */
function titleFrom(lines: string[], from: number): number[] | null {
  const limit = Math.min(lines.length, from + titleSearch);
  for (let i = from; i < limit; i++) {
    if (salutation.test(lines[i]!) || parseHeading(lines[i]!)) break;
    const run = titleRun(lines, i);
    const text = run.map((k) => lines[k]).join('');
    if (run.length && text.length >= 6 && titleEnd.test(text)) return run;
  }
  return null;
}

/**
 * The title: the first run of title lines near the top that ends the way titles
 * end (…的通知, …方案), so that page chrome above it is passed over; when the
 * letter starts with its addressees, the title of the plan after its date; else
 * the first lines after the banners.
 */
function findTitle(lines: string[], banners: number, dateLine: number | null): number[] {
  return titleFrom(lines, 0) ?? (dateLine === null ? null : titleFrom(lines, dateLine + 1)) ?? titleRun(lines, banners);
}

/** A short line naming an office right above the date: the signature. */
function signatureAt(lines: string[], index: number): string | null {
  const line = lines[index];
  if (!line || line.length > 30 || /[。，,：:；;]/.test(line) || parseHeading(line)) return null;
  return issuerEnd.test(line) ? line : null;
}

/** "成文日期：…" and the like, in the page's metadata table (dropped with the page chrome). */
function metadata(raw: string, label: string): string | null {
  return re(`${label}\\s*[:：]\\s*(\\S+)`).exec(raw)?.[1] ?? null;
}

/** The document implemented: a number cited where the notice says it implements, then the title after 为贯彻落实, then its own number. */
function findBasis(lines: string[], own: string | null): string | null {
  const sentences = lines.flatMap((line) => line.split('。'));
  for (const sentence of sentences) {
    if (!implementing.test(sentence)) continue;
    const cited = docNumbers(sentence).find((n) => n !== own);
    if (cited) return cited;
  }
  for (const sentence of sentences) {
    const m = purposeTitle.exec(sentence);
    if (m) return m[1]!;
  }
  return own;
}

export function readDocument(lines: string[], raw: string): DocumentInfo {
  const banners = bannerCount(lines);
  const dateIndex = lines.findIndex(isDateLine);
  const dateLine = dateIndex >= 0 ? dateIndex : null;
  const titles = lines.map(withoutSiteName);
  const titleLines = findTitle(titles, banners, dateLine);
  const title = titleLines.map((i) => titles[i]).join('');
  const meta = new Set([...lines.keys()].slice(0, Math.min(banners, titleLines[0] ?? banners)).concat(titleLines));

  const ownIndex = lines.findIndex((line, i) => i < 12 && isDocNumberLine(line));
  if (ownIndex >= 0) meta.add(ownIndex);
  const own = ownIndex >= 0 ? lines[ownIndex]! : metadata(raw, '发文字号');

  const metaDate = (metadata(raw, '成文日期') ?? metadata(raw, '发文日期') ?? '').replace(/^([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})$/, '$1年$2月$3日');
  const issuedOn = parseCalendarDate(dateLine !== null ? unbracket(lines[dateLine]!) : metaDate);
  const signature = dateLine !== null && !meta.has(dateLine - 1) ? signatureAt(lines, dateLine - 1) : null;
  if (dateLine !== null) meta.add(dateLine);
  if (signature) meta.add(dateLine! - 1);

  const fromTitle = issuerInTitle.exec(title)?.[1];
  const issuer =
    signature ??
    (fromTitle && issuerEnd.test(fromTitle) ? fromTitle : null) ??
    metadata(raw, '发文机关') ??
    issuerByPrefix[own?.replace(/[〔［[【（(].*$/, '') ?? ''] ??
    null;

  const warnings: PlanWarning[] = [];
  if (!title) warnings.push(warning('noTitle'));
  if (!issuedOn) warnings.push(warning('noDate'));
  return { title, issuer, issuedOn, basis: findBasis(lines, own), meta, dateLine, warnings };
}
