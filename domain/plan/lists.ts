import type { BodyRegistry } from '../bodies/registry.ts';
import { re } from './variants.ts';

/**
 * Lists of bodies: 、 ， , ； and spaces separate names; 和 及 与 join two names
 * only where both sides are whole names, because many single bodies have 和
 * in their own name (工业和信息化部, 具有行政审批职能的市级部门和单位).
 */

/**
 * How the name of an office, a government or a group of them ends; the
 * lookbehinds keep out common words that end the same way (部署, 社会, 平台,
 * 执行, 团队, 有关, 城市, 内部).
 */
const bodyEnding = re(
  '((?<![内全外东西南北局])部|委|局|办|厅|室|(?<![社机体])会|(?<![执运进推实试先施履])行|院|政府|(?<!部)署|处|(?<![学专本])科|' +
    '(?<![场住])所|站|(?<!团)队|中心|公司|集团|联|协|社|(?<![有相])关|团中央|庭|(?<!平)台|馆|大学|学校|学院|' +
    '区|县|省|(?<![城超])市|镇|乡|街道|单位|部门|机构|(?<![重改])组)$',
);
/** A generic noun that is not a body by itself: the 单位 of 部门和单位. */
const bareNoun = re('^(单位|部门|机构|企业|组织|个人|政府)$');
/** Names with 和 inside, kept whole whatever the heuristics say. */
const namesWithHe = re(
  '工业和信息化|文化和旅游|住房和城乡建设|人力资源和社会保障|发展和改革|市场和质量|卫生和计划生育|' +
    '规划和自然资源|自然资源和规划|粮食和物资储备|政府和社会资本|中央和国家机关|新闻出版和广|部门和单位',
  'g',
);
const joiner = re('以及|和|及|与|会同|联合', 'g');
/** 等 before a group: 民政部等有关部门和单位 names 民政部 and the group 有关部门和单位; 等部门 names nothing more. */
const etcGroup = re('等(?=[^、，,]{0,8}(部门|单位|机构|部委|方面|地区|地方)(和单位|和部门)?$)');
const keptGroup = re('^[^、，,]{0,6}(其他|其它|有关|相关|各)');
/** A bare 等 (等部门, 等单位) at the end of a name adds nothing. */
const trailingEtc = re('等(部门|单位|机构|方面|部委)?$');
/**
 * Compound jurisdictions: 各 runs over the bare kinds listed after it (各区、县级市, 各省、自治区、直辖市人民政府,
 * 各有关区、县级市 are one group each); a piece with its own 各 or a name of its own (区直各部门) is another body.
 */
const kinds = '(?:省|市|区|县|自治区|直辖市|自治州|州|盟|旗|地|乡|镇|乡镇|街道|县级市|计划单列市)(?:[（(][^（）()]*[）)])?';
const jurisdiction = re(`^各?(?:有关|相关)?${kinds}$`);
const bareKind = re(`^${kinds}$`);
/** The last piece of a compound: a kind and what they all are (区人民政府, 区财政局), not a body directly under one (县直有关部门). */
const kindsTail = re(`^${kinds}(?![直属])[^各]*$`);
const leadingBy = re('^(具体|分别|统一)?(由|会同|联合|并会同)');

/** Brackets and quotes: separators inside them do not split a list. */
const opening = '（(《“〔[【［「';
const closing = '）)》”〕]】］」';
/** The brackets a responsibility can be written in: （） () 〔〕 【】 [] ［］. */
const roleOpening = '（(〔【[［';
const roleClosing = '）)〕】]］';

/** The spans of brackets at depth 0, outermost first in written order (any pair of role brackets). */
export function bracketSpans(text: string): Array<[start: number, end: number]> {
  const spans: Array<[number, number]> = [];
  let depth = 0;
  let start = 0;
  [...text].forEach((c, i) => {
    if (roleOpening.includes(c)) {
      if (depth === 0) start = i;
      depth++;
    } else if (roleClosing.includes(c) && depth > 0 && --depth === 0) {
      spans.push([start, i + 1]);
    }
  });
  return spans;
}

/** How deep in role brackets each position of the text is (before its character), in one pass. */
export function bracketDepths(text: string): number[] {
  const depths: number[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    depths.push(depth);
    const c = text[i]!;
    if (roleOpening.includes(c)) depth++;
    else if (roleClosing.includes(c)) depth = Math.max(0, depth - 1);
  }
  return depths;
}

/** A text without the one pair of brackets around all of it: "（责任单位：X）" → "责任单位：X". */
export function stripBrackets(text: string): string {
  const spans = bracketSpans(text);
  const whole = spans.length === 1 && spans[0]![0] === 0 && spans[0]![1] === [...text].length;
  return whole ? [...text].slice(1, -1).join('').trim() : text;
}

/** Brackets left open or closed at either end of a name, as a cut through a bracket leaves them. */
function unbalanced(name: string): string {
  let out = name;
  for (;;) {
    const before = out;
    const opens = [...out].filter((c) => opening.includes(c)).length;
    const closes = [...out].filter((c) => closing.includes(c)).length;
    if (opens > closes && opening.includes(out[0]!)) out = out.slice(1);
    else if (closes > opens && closing.includes(out[out.length - 1]!)) out = out.slice(0, -1);
    else if (opens > closes && opening.includes(out[out.length - 1]!)) out = out.slice(0, -1);
    else if (closes > opens && closing.includes(out[0]!)) out = out.slice(1);
    if (out === before) return out.trim();
  }
}

/** Whether a name looks like a body: registered, ending the way body names end, or a short 各… group (各地, 各区县). */
export function looksLikeBody(name: string, registry: BodyRegistry): boolean {
  if (registry.find(name)) return true;
  const core = name.replace(/[（(][^（）()]*[）)]$/, '');
  if (core.length < 2 || bareNoun.test(core)) return false;
  return bodyEnding.test(core) || (core.startsWith('各') && core.length <= 4);
}

/** Either side of a 和 that could stand as a name of its own. */
const whole = (side: string, registry: BodyRegistry) =>
  (side.length >= 3 || side.startsWith('各')) && looksLikeBody(side, registry);

interface Piece {
  text: string;
  /** The separator that followed the piece ('' at the end). */
  sep: string;
}

/** Splits on separators outside brackets and quotes. */
export function splitTopLevel(text: string, separators: RegExp): Piece[] {
  const pieces: Piece[] = [];
  let depth = 0;
  let current = '';
  for (const c of text) {
    if (opening.includes(c)) depth++;
    if (closing.includes(c)) depth = Math.max(0, depth - 1);
    if (depth === 0 && separators.test(c)) {
      // Runs of separators ("、 ") count once, as their first.
      if (current) pieces.push({ text: current, sep: c });
      current = '';
    } else {
      current += c;
    }
  }
  pieces.push({ text: current, sep: '' });
  return pieces;
}

/** "各区、县人民政府" is one name; so is "省直有关部门、单位", whose second piece is a bare noun. */
function mergeJurisdictions(pieces: Piece[]): string[] {
  const names: string[] = [];
  let pending = '';
  let lastSep = '';
  for (const { text, sep } of pieces) {
    if (pending && (text.startsWith('各') || !kindsTail.test(text))) {
      names.push(pending.slice(0, -1));
      pending = '';
    }
    if (sep === '、' && (pending ? bareKind.test(text) : jurisdiction.test(text))) {
      pending += text + sep;
    } else if (lastSep === '、' && names.length > 0 && !pending && bareNoun.test(text.trim())) {
      names[names.length - 1] += `、${text}`;
    } else {
      names.push(pending + text);
      pending = '';
    }
    lastSep = sep;
  }
  if (pending) names.push(pending.slice(0, -1));
  return names;
}

function splitEtc(piece: string): string[] {
  const m = etcGroup.exec(piece);
  if (!m) return [piece.replace(/等$/, '')];
  const rest = piece.slice(m.index + 1);
  return keptGroup.test(rest) ? [piece.slice(0, m.index), rest] : [piece.slice(0, m.index)];
}

function isProtected(piece: string, at: number): boolean {
  return [...piece.matchAll(namesWithHe)].some((m) => m.index < at && at < m.index + m[0].length);
}

function splitJoined(piece: string, registry: BodyRegistry): string[] {
  if (registry.find(piece)) return [piece];
  const parts: string[] = [];
  let start = 0;
  for (const m of piece.matchAll(joiner)) {
    const left = piece.slice(start, m.index);
    const right = piece.slice(m.index + m[0].length);
    if (isProtected(piece, m.index) || !whole(left, registry) || !whole(right, registry)) continue;
    parts.push(left);
    start = m.index + m[0].length;
  }
  parts.push(piece.slice(start));
  return parts;
}

/** A name without quotes, stray brackets, a final full stop or a trailing bare 等. */
const clean = (name: string) =>
  unbalanced(name.replace(/^[“"'‘\s]+|[”"'’。.\s]+$/g, ''))
    .replace(trailingEtc, '')
    .trim();

/** The bodies a list names, in written order, each exactly as written. */
export function splitBodies(list: string, registry: BodyRegistry): string[] {
  const pieces = mergeJurisdictions(splitTopLevel(list.trim(), /[、，,；;/／\s\u3000]/));
  const names = pieces
    .map((p) => clean(p).replace(leadingBy, ''))
    .flatMap((p) => splitJoined(p, registry))
    .flatMap(splitEtc)
    .map(clean)
    .filter((name) => name !== '');
  return [...new Set(names)];
}
