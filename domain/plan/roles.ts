import type { BodyRegistry } from '../bodies/registry.ts';
import { findDeadlines } from '../dates/chinese-dates.ts';
import { looksLikeBody, splitBodies, splitTopLevel } from './lists.ts';
import { re } from './variants.ts';

/**
 * Who does a task, in the two ways notices write it: verb clauses
 * ("市市场监管委牵头，市法制办配合", "X、Y依据职责分工分别牵头负责") usually in a
 * parenthetical at the end of the task, and labels ("牵头单位：X；配合单位：Y",
 * "责任单位：X") in the task or on lines after it.
 */
export interface Roles {
  leads: string[];
  supports: string[];
  /** Named under 责任单位: the leads when nothing else leads, supports beside a 牵头单位. */
  responsible: string[];
  /** Time limits written with the roles, as written ("完成时限：2016年6月底前", "2016年底前完成"). */
  timeLimits: string[];
}

const emptyRoles = (): Roles => ({ leads: [], supports: [], responsible: [], timeLimits: [] });

export const hasBodies = (r: Roles) => r.leads.length + r.supports.length + r.responsible.length > 0;

export function mergeRoles(into: Roles, from: Roles): Roles {
  into.leads.push(...from.leads);
  into.supports.push(...from.supports);
  into.responsible.push(...from.responsible);
  into.timeLimits.push(...from.timeLimits);
  return into;
}

// "依据职责分工分别", "按职责分工", "共同": how the listed bodies share the work; all still lead or support.
const dutyBasis = '(?:(?:依据|依照|按照|根据|按|依)(?:各自)?(?:职责|职能)(?:分工)?)?(?:分别|共同|各自)?';
const leadVerb = '牵头负责|牵头|负责|主办|主责|组织实施|落实|承办|为牵头单位|为牵头部门|为责任单位|为责任部门';
const supportVerb = '配合|参与|协助|协办|参加|为配合单位|为配合部门';
const verbs = re(`${dutyBasis}(?<verb>${leadVerb}|${supportVerb})(?=$|[，,；;。、\\s])`, 'g');
const isSupportVerb = re(`^(${supportVerb})$`);

const labelWords =
  '(?:牵头责任|主要责任|牵头|主办|主责)(?:单位|部门)?|责任\\s*[（(]\\s*配合\\s*[）)]\\s*(?:单位|部门)|' +
  '(?:责任|承办|实施|落实)(?:单位|部门)|(?:配合|协办|协助|协同|参与|参加)(?:单位|部门)?|' +
  '(?:完成|办结)?(?:时限|期限)(?:要求)?|完成时间|时间(?:要求|节点|安排)|(?:牵头|责任|分管)?(?:市|省|区|县)?领导|联系人';
const labels = re(`(?<label>${labelWords})\\s*[:：]`, 'g');
const roleLine = re(`^[（(]?\\s*(?:${labelWords})\\s*[:：]`);

type LabelKind = keyof Roles | 'ignored';
const labelKinds: Array<[RegExp, LabelKind]> = [
  [re('时限|期限|时间'), 'timeLimits'],
  [re('领导|联系人'), 'ignored'],
  [re('^(配合|协办|协助|协同|参与|参加)'), 'supports'],
  [re('^(牵头|主办|主责|主要责任)'), 'leads'],
  [re('^(责任|承办|实施|落实)'), 'responsible'],
];
const labelKind = (label: string): LabelKind => labelKinds.find(([pattern]) => pattern.test(label))?.[1] ?? 'ignored';

/** In a 责任单位 list, "省发展改革委（牵头）" marks the lead. */
const leadMark = re('\\s*[（(](牵头|主办|主责)[）)]$');
const supportMark = re('\\s*[（(](配合|协办|参与)[）)]$');
const nothing = re('^(无|暂无|—+|-+|/)$');

/** "列第一位者为牵头单位，下同": how the notice reads its lists, not who does the task. */
const notes = [
  re('[，,。；;]?[（(]?[^，,。；;：:（）()]*(第一位|首位|排名第一|排第一)[^，,。；;：:（）()]*[）)]?', 'g'),
  re('[，,。；;]?\\s*(以下|下)同', 'g'),
];
const trimPunct = (s: string) => s.replace(/^[\s，,；;。、：:]+|[\s，,；;。、]+$/g, '');
const stripNotes = (s: string) => trimPunct(notes.reduce((text, note) => text.replace(note, ''), s));

/** A clause that only says when: "2016年底前完成", "长期坚持". */
const timeWords = re('^(长期坚持|持续推进|长期|持续|常态化推进|逐年推进)$');
const endsWithVerb = re(`(${leadVerb}|${supportVerb})$`);
const isTimeClause = (clause: string) =>
  timeWords.test(clause) || (findDeadlines(clause, { issuedOn: null }).length > 0 && !endsWithVerb.test(clause));

/** Takes the time clauses out of a responsibility text, wherever they stand among the roles. */
function takeTimeClauses(text: string): { rest: string; times: string[] } {
  const times: string[] = [];
  let rest = '';
  for (const { text: clause, sep } of splitTopLevel(text, /[，,；;。]/)) {
    if (isTimeClause(clause.trim())) times.push(clause.trim());
    else rest += clause + sep;
  }
  return { rest: trimPunct(rest), times };
}

/** Verb clauses, each ending with its verb; the whole text must be such clauses. */
function clauses(text: string, registry: BodyRegistry): Roles | null {
  const roles = emptyRoles();
  let cut = 0;
  for (const m of text.matchAll(verbs)) {
    const names = splitBodies(text.slice(cut, m.index), registry);
    if (names.length === 0) return null;
    (isSupportVerb.test(m.groups!.verb!) ? roles.supports : roles.leads).push(...names);
    cut = m.index + m[0].length;
  }
  if (cut === 0 || trimPunct(text.slice(cut)) !== '') return null;
  return [...roles.leads, ...roles.supports].some((n) => looksLikeBody(n, registry)) ? roles : null;
}

function addLabelled(roles: Roles, kind: LabelKind, label: string, value: string, registry: BodyRegistry): void {
  if (kind === 'ignored' || value === '' || nothing.test(value)) return;
  if (kind === 'timeLimits') {
    roles.timeLimits.push(`${label}：${value}`);
    return;
  }
  const byVerb = clauses(value, registry);
  if (byVerb) {
    mergeRoles(roles, byVerb);
    return;
  }
  for (const name of splitBodies(value, registry)) {
    if (leadMark.test(name)) roles.leads.push(name.replace(leadMark, ''));
    else if (supportMark.test(name)) roles.supports.push(name.replace(supportMark, ''));
    else roles[kind].push(name);
  }
}

/** Labelled roles; the text must start with a label. */
function labelled(text: string, registry: BodyRegistry): Roles | null {
  const found = [...text.matchAll(labels)];
  if (found[0]?.index !== 0) return null;
  const roles = emptyRoles();
  found.forEach((m, i) => {
    const label = m.groups!.label!;
    const value = trimPunct(text.slice(m.index + m[0].length, found[i + 1]?.index ?? text.length));
    addLabelled(roles, labelKind(label), label, value, registry);
  });
  return roles;
}

/**
 * Reads a responsibility text (a parenthetical's content or a line): roles,
 * 'note' when it only says how to read lists, null when it is not about roles.
 */
export function readRoleText(content: string, registry: BodyRegistry): Roles | 'note' | null {
  const text = stripNotes(content);
  if (text === '') return trimPunct(content) === '' ? null : 'note';
  const { rest, times } = takeTimeClauses(text);
  const roles = rest === '' ? null : (labelled(rest, registry) ?? clauses(rest, registry));
  if (roles) roles.timeLimits.push(...times);
  return roles;
}

/** Whether a line after a task carries its roles under a label. */
export const isRoleLine = (line: string) => roleLine.test(line);

/** The spans of brackets at depth 0, outermost first in written order. */
function bracketSpans(text: string): Array<[start: number, end: number]> {
  const spans: Array<[number, number]> = [];
  let depth = 0;
  let start = 0;
  [...text].forEach((c, i) => {
    if (c === '（' || c === '(') {
      if (depth === 0) start = i;
      depth++;
    } else if ((c === '）' || c === ')') && depth > 0 && --depth === 0) {
      spans.push([start, i + 1]);
    }
  });
  return spans;
}

function depthAt(text: string, index: number): number {
  let depth = 0;
  for (const c of text.slice(0, index)) {
    if (c === '（' || c === '(') depth++;
    else if (c === '）' || c === ')') depth = Math.max(0, depth - 1);
  }
  return depth;
}

/** Where the first label outside brackets starts ("…加强监管。牵头单位：市发改委"). */
function inlineLabelStart(text: string): number | null {
  for (const m of text.matchAll(labels)) if (depthAt(text, m.index) === 0) return m.index;
  return null;
}

/**
 * A task's text without its responsibility parts, and the roles they carry, in
 * written order: every parenthetical that reads as roles (or as a note), then
 * labels outside brackets, which run to the end of the text.
 */
export function extractRoles(text: string, registry: BodyRegistry): { text: string; roles: Roles } {
  const roles = emptyRoles();
  let rest = text;
  let byLabel: Roles | null = null;
  const labelAt = inlineLabelStart(rest);
  if (labelAt !== null) {
    byLabel = labelled(rest.slice(labelAt), registry);
    if (byLabel) rest = rest.slice(0, labelAt);
  }
  const chars = [...rest];
  const spans = bracketSpans(rest);
  const reads = spans.map(([start, end]) => readRoleText(chars.slice(start + 1, end - 1).join(''), registry));
  for (const read of reads) if (read && read !== 'note') mergeRoles(roles, read);
  for (let i = spans.length - 1; i >= 0; i--) {
    const [start, end] = spans[i]!;
    if (reads[i] !== null) chars.splice(start, end - start);
  }
  if (byLabel) mergeRoles(roles, byLabel);
  return { text: chars.join('').trim(), roles };
}

/** The roles a line after a task names: in brackets, under labels, or as bare verb clauses. */
export function rolesOfLine(line: string, registry: BodyRegistry): Roles {
  const { roles } = extractRoles(line, registry);
  if (hasBodies(roles) || roles.timeLimits.length) return roles;
  const read = readRoleText(line, registry);
  return read && read !== 'note' ? read : roles;
}

const unique = (names: string[]) => [...new Set(names)];

/** Leads and supports: 责任单位 lead when nothing else leads, and support a 牵头单位. */
export function resolveRoles(roles: Roles): { leads: string[]; supports: string[] } {
  const hasLead = roles.leads.length > 0;
  const leads = unique(hasLead ? roles.leads : roles.responsible);
  const supports = unique([...(hasLead ? roles.responsible : []), ...roles.supports]).filter((n) => !leads.includes(n));
  return { leads, supports };
}
