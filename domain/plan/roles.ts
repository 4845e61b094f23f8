import type { BodyRegistry } from '../bodies/registry.ts';
import { findDeadlines } from '../dates/chinese-dates.ts';
import { bracketDepths, bracketSpans, looksLikeBody, splitBodies, splitTopLevel, stripBrackets } from './lists.ts';
import { re } from './variants.ts';
import {
  anyLabel,
  endsWithRoleVerb,
  firstListedNote,
  firstListedWords,
  isResponsibleVerb,
  isSupportVerb,
  labelLine,
  labels,
  leadMark,
  othersSupport,
  roleMark,
  roleVerbs,
  type Slot,
  slotOf,
  supportMark,
} from './vocabulary.ts';

/**
 * Who does a task, in the ways notices write it: verb clauses ("市A牵头，市B配合",
 * "X会同Y负责", "X、Y按职责分工负责"), labels ("牵头单位：X；配合单位：Y",
 * "负责部门：X、Y；适用范围：…", "部门分工：X牵头，Y配合"), in brackets of any
 * form at the end of a task or in its text, on lines after it, or in the
 * columns of a table; and, where nothing else is said, a bare list of bodies.
 */
export interface Roles {
  leads: string[];
  supports: string[];
  /** Named under 责任单位: the leads when nothing else leads, supports beside a 牵头单位. */
  responsible: string[];
  /** Time limits written with the roles, as written ("完成时限：2016年6月底前", "2016年底前完成"). */
  timeLimits: string[];
}

/** How a notice reads its lists, stated once ("列第一位者为牵头单位，其他为配合单位"). */
export interface Conventions {
  /** The first body of a list leads and the others support. */
  othersSupport: boolean;
}

export const noConventions: Conventions = { othersSupport: false };

export const emptyRoles = (): Roles => ({ leads: [], supports: [], responsible: [], timeLimits: [] });

export const hasBodies = (r: Roles) => r.leads.length + r.supports.length + r.responsible.length > 0;

export function mergeRoles(into: Roles, from: Roles): Roles {
  into.leads.push(...from.leads);
  into.supports.push(...from.supports);
  into.responsible.push(...from.responsible);
  into.timeLimits.push(...from.timeLimits);
  return into;
}

const nothing = re('^(无|暂无|—+|-+|/|／|空)$');

/**
 * Notes on how the notice reads its lists ("列第一位者为牵头单位，其他为配合单位，下同"),
 * in a clause or a bracket of their own: not who does the task.
 */
const bracketedNote = re(`[（(][^（）()]*(?:${firstListedWords})[^（）()]*[）)]`, 'g');
const noteClause = re(
  `${firstListedWords}|^(?:以)?下同$|^(?:其他|其余|其它)[^，,。；;]{0,12}(?:配合|协办|参与|协助|责任)|不再(?:一一)?列(?:出|举)|^(?:以下|下列)[^，,。；;]*均`,
);
const trimPunct = (s: string) => s.replace(/^[\s，,；;。、：:]+|[\s，,；;。、]+$/g, '');
function stripNotes(text: string): string {
  const pieces = splitTopLevel(text.replace(bracketedNote, ''), /[，,。；;]/);
  return trimPunct(pieces.filter((p) => !noteClause.test(p.text.trim())).map((p) => p.text + p.sep).join(''));
}

/** A clause that only says when: "2016年底前完成", "长期坚持". */
const timeWords = re('^(长期坚持|持续推进|长期|持续|常态化推进|逐年推进|持续实施|长期实施|按年度推进|立即实施|已完成)$');
/** Every deadline phrase has one of these characters: a cheap test before the full grammar. */
const mayBeTime = /[年月日季周週天内內]/;
const isTimeClause = (clause: string) =>
  timeWords.test(clause) ||
  (mayBeTime.test(clause) && clause.length <= 40 && !/[:：]/.test(clause) && !endsWithRoleVerb.test(clause) &&
    findDeadlines(clause, { issuedOn: null }).length > 0);

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

const allLookLikeBodies = (names: string[], registry: BodyRegistry) =>
  names.length > 0 && names.every((n) => looksLikeBody(n, registry));

/**
 * Verb clauses, each ending with its verb; the whole text must be such clauses,
 * naming at least one body. Bodies that are 负责 support a 牵头 named in the same
 * clauses ("X牵头，Y按职责分工负责": Y supports), as 责任单位 does beside 牵头单位;
 * alone they are responsible, which leads when nothing else does.
 */
export function verbClauses(text: string, registry: BodyRegistry): Roles | null {
  const clauses: Array<{ role: 'leads' | 'supports' | 'responsible'; names: string[] }> = [];
  let cut = 0;
  for (const m of text.matchAll(roleVerbs)) {
    const names = splitBodies(text.slice(cut, m.index), registry);
    if (names.length === 0) return null;
    const verb = m.groups!.verb!;
    clauses.push({ role: isSupportVerb.test(verb) ? 'supports' : isResponsibleVerb.test(verb) ? 'responsible' : 'leads', names });
    cut = m.index + m[0].length;
  }
  if (cut === 0 || trimPunct(text.slice(cut)) !== '') return null;
  const led = clauses.some((c) => c.role === 'leads');
  const roles = emptyRoles();
  for (const { role, names } of clauses) roles[role === 'responsible' && led ? 'supports' : role].push(...names);
  return namesOf(roles).some((n) => looksLikeBody(n, registry)) ? roles : null;
}

const namesOf = (roles: Roles) => [...roles.leads, ...roles.supports, ...roles.responsible];

/** "X、Y牵头，Z、W": verb clauses, then names without a verb of their own. */
function clausesThenNames(value: string, registry: BodyRegistry): { head: Roles; tail: string } | null {
  const last = [...value.matchAll(roleVerbs)].at(-1);
  if (!last) return null;
  const end = last.index + last[0].length;
  const head = verbClauses(value.slice(0, end), registry);
  const tail = trimPunct(value.slice(end));
  return head && allLookLikeBodies(splitBodies(tail, registry), registry) ? { head, tail } : null;
}

/**
 * A list of bodies under a label or in a column: marks decide (省A（牵头）, 省B（配合）;
 * "省A、省B牵头，省C": the names after a 牵头 support), else the slot, else the notice's convention.
 */
export function addList(roles: Roles, slot: Slot, value: string, registry: BodyRegistry, conventions: Conventions): void {
  if (slot === 'ignored' || value === '' || nothing.test(value)) return;
  if (slot === 'timeLimits') {
    roles.timeLimits.push(value);
    return;
  }
  const byVerb = verbClauses(value, registry);
  if (byVerb) {
    mergeRoles(roles, byVerb);
    return;
  }
  const mixed = clausesThenNames(value, registry);
  if (mixed) mergeRoles(roles, mixed.head);
  const names = splitBodies(mixed?.tail ?? value, registry).map((n) => (leadMark.test(n) || supportMark.test(n) ? n : n.replace(roleMark, '')));
  const marked = (mixed?.head.leads.length ?? 0) > 0 || names.some((n) => leadMark.test(n) || supportMark.test(n));
  const slotOfName = (i: number): 'leads' | 'supports' | 'responsible' => {
    if (slot === 'supports') return 'supports';
    if (marked) return slot === 'leads' ? 'leads' : 'supports';
    if (conventions.othersSupport && slot !== 'leads' && i > 0) return 'supports';
    return slot === 'division' ? 'leads' : slot;
  };
  names.forEach((name, i) => {
    if (supportMark.test(name)) roles.supports.push(name.replace(supportMark, ''));
    else if (leadMark.test(name)) roles.leads.push(name.replace(leadMark, ''));
    else roles[slotOfName(i)].push(name);
  });
}

/**
 * A label's bodies run to the end of its sentence; a sentence after it counts
 * only when it is role clauses too ("…按职责分工负责。涉及各市的工作不再另行分工" ends at 负责).
 */
function roleSentences(value: string, registry: BodyRegistry): string {
  const [first, ...more] = splitTopLevel(value, /[。]/);
  return trimPunct([first!.text, ...more.filter((p) => verbClauses(p.text, registry)).map((p) => p.text)].join('。'));
}

/** Labelled roles; the text must start with a label. Labels the genre does not know end the value before them and are ignored. */
function labelled(text: string, registry: BodyRegistry, conventions: Conventions): Roles | null {
  const found = [...text.matchAll(labels)];
  if (found[0]?.index !== 0) return null;
  const known = new Set(found.map((m) => m.index));
  const starts = [...text.matchAll(anyLabel)]
    .filter((m) => !known.has(m.index) && !found.some((f) => f.index < m.index && m.index < f.index + f[0].length))
    .map((m) => ({ index: m.index, length: m[0].length, slot: 'ignored' as Slot, label: m.groups!.label! }));
  const all = [...found.map((m) => ({ index: m.index, length: m[0].length, slot: slotOf(m.groups!.label!)!, label: m.groups!.label! })), ...starts]
    .sort((a, b) => a.index - b.index);
  const roles = emptyRoles();
  all.forEach((l, i) => {
    const value = trimPunct(text.slice(l.index + l.length, all[i + 1]?.index ?? text.length));
    if (l.slot === 'timeLimits' && value) roles.timeLimits.push(`${l.label}：${value}`);
    else addList(roles, l.slot, roleSentences(stripNotes(value), registry), registry, conventions);
  });
  return roles;
}

/** A bare list of bodies, with nothing else: "（市发展改革委、市财政局）". */
function bareList(text: string, registry: BodyRegistry, conventions: Conventions): Roles | null {
  if (/[：:。]/.test(text)) return null;
  const names = splitBodies(text, registry);
  const strict = names.every((n) => n.length >= 3 && n.length <= 30 && !/[0-9０-９]/.test(n) && !/^[省市区县州盟旗地乡镇、]+$/.test(n));
  if (!strict || !allLookLikeBodies(names, registry)) return null;
  const roles = emptyRoles();
  addList(roles, 'responsible', text, registry, conventions);
  return roles;
}

export interface ReadOptions {
  conventions?: Conventions;
  /** Whether a list without verb or label counts (the last bracket of a task, a table cell). */
  bare?: boolean;
}

/** "X、Y（按职责分工负责）": the verb in brackets after the names it governs. */
const bracketedVerb = re('[（(]((?:按|依|根据)?[^（）()]{0,8}(?:负责|牵头|配合|参与))[）)]$');

/**
 * Reads a responsibility text (a bracket's content or a line): roles,
 * 'note' when it only says how to read lists, null when it is not about roles.
 */
export function readRoleText(content: string, registry: BodyRegistry, options: ReadOptions = {}): Roles | 'note' | null {
  const conventions = options.conventions ?? noConventions;
  const text = stripNotes(content).replace(bracketedVerb, '$1');
  if (text === '') return trimPunct(content) === '' ? null : 'note';
  const { rest, times } = takeTimeClauses(text);
  const roles =
    rest === ''
      ? null
      : (labelled(rest, registry, conventions) ?? verbClauses(rest, registry) ?? (options.bare ? bareList(rest, registry, conventions) : null));
  if (roles) roles.timeLimits.push(...times);
  return roles;
}

/** Whether a line after a task carries its roles under a label. */
export const isRoleLine = (line: string) => labelLine.test(line);

const longestRoleText = 400;

/** Where the first label outside brackets starts, at a clause boundary ("…加强监管。牵头单位：市发改委"). */
function inlineLabelStart(text: string): number | null {
  let depths: number[] | null = null;
  for (const m of text.matchAll(labels)) {
    const before = text[m.index - 1];
    depths ??= bracketDepths(text);
    if (depths[m.index] === 0 && (before === undefined || /[，,；;。.\s]/.test(before))) return m.index;
  }
  return null;
}

/** Where the clauses of a sentence start: after each comma outside brackets. */
function clauseStarts(sentence: string): number[] {
  const depths = bracketDepths(sentence);
  const starts = [0];
  for (let i = 0; i < sentence.length; i++) if ((sentence[i] === '，' || sentence[i] === ',') && depths[i] === 0) starts.push(i + 1);
  return starts;
}

/** "由发展改革委会同财政部研究提出落实意见": who the work is given to, whatever the verb. */
const givenTo = re('^由(?<who>[^，,]+?)(?:会同(?<with>[^，,]+?))?(?:按职责分工|依职责)?(?<verb>牵头|负责|落实|组织|研究|制定|提出)');

/**
 * Roles said in the words of the task's last sentence, without brackets: its
 * last clauses when they are nothing but role clauses ("…加强监管。市发改委牵头，
 * 市财政局配合。", "…的问题，由农业部牵头，水利部参与"), or a last clause giving the
 * work to bodies ("由X会同Y研究提出落实意见").
 */
function trailingRoles(text: string, registry: BodyRegistry): { text: string; roles: Roles } | null {
  const body = text.replace(/[。.；;\s]+$/, '');
  const start = Math.max(body.lastIndexOf('。'), body.lastIndexOf('；'), body.lastIndexOf(';')) + 1;
  const sentence = body.slice(start);
  // Roles take a few short clauses at the end; looking further back only costs time on long prose.
  for (const at of clauseStarts(sentence).slice(-6)) {
    const clause = sentence.slice(at);
    const roles = verbClauses(clause, registry);
    if (roles && allLookLikeBodies(namesOf(roles), registry)) return { text: text.slice(0, start + at), roles };
    const given = givenTo.exec(clause);
    if (given && (given.groups!.with || ['牵头', '负责', '落实'].includes(given.groups!.verb!))) {
      const leads = [given.groups!.who!, given.groups!.with ?? ''].flatMap((names) => splitBodies(names, registry));
      if (allLookLikeBodies(leads, registry)) return { text: text.slice(0, start + at), roles: { ...emptyRoles(), leads } };
    }
  }
  return null;
}

/**
 * A task's text without its responsibility parts, and the roles they carry, in
 * written order: every bracket that reads as roles (or as a note), then labels
 * outside brackets, which run to the end of the text; failing those, a last
 * sentence of role clauses or a last bracket listing bodies.
 */
export function extractRoles(text: string, registry: BodyRegistry, conventions: Conventions = noConventions): { text: string; roles: Roles } {
  const roles = emptyRoles();
  let rest = text;
  let byLabel: Roles | null = null;
  const labelAt = inlineLabelStart(rest);
  if (labelAt !== null) {
    byLabel = labelled(rest.slice(labelAt), registry, conventions);
    if (byLabel) rest = rest.slice(0, labelAt);
  }
  const chars = [...rest];
  const spans = bracketSpans(rest);
  // A bracket of roles is short; a long one is a quotation or an aside (and reading it would only cost time).
  const reads = spans.map(([start, end]) =>
    end - start > longestRoleText ? null : readRoleText(chars.slice(start + 1, end - 1).join(''), registry, { conventions }),
  );
  for (const read of reads) if (read && read !== 'note') mergeRoles(roles, read);
  if (byLabel) mergeRoles(roles, byLabel);
  if (!hasBodies(roles) && spans.length > 0) {
    // Nothing said in words: a last bracket that only lists bodies names them.
    const [start, end] = spans[spans.length - 1]!;
    const atEnd = end - start <= longestRoleText && chars.slice(end).join('').replace(/[。.；;\s]/g, '') === '';
    const read = atEnd ? readRoleText(chars.slice(start + 1, end - 1).join(''), registry, { conventions, bare: true }) : null;
    if (read && read !== 'note') {
      mergeRoles(roles, read);
      reads[reads.length - 1] = read;
    }
  }
  for (let i = spans.length - 1; i >= 0; i--) {
    const [start, end] = spans[i]!;
    if (reads[i] !== null) chars.splice(start, end - start);
  }
  let kept = chars.join('').trim();
  if (!hasBodies(roles)) {
    const trailing = trailingRoles(kept, registry);
    if (trailing) {
      mergeRoles(roles, trailing.roles);
      kept = trailing.text.replace(/[，,\s]+$/, '').trim();
    }
  }
  return { text: kept, roles };
}

/** The roles a line after a task names: in brackets, under labels, or as bare verb clauses. */
export function rolesOfLine(line: string, registry: BodyRegistry, conventions: Conventions = noConventions): Roles {
  const { roles } = extractRoles(line, registry, conventions);
  if (hasBodies(roles) || roles.timeLimits.length) return roles;
  const read = readRoleText(stripBrackets(line), registry, { conventions });
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

/** The conventions a notice states about its lists. */
export function readConventions(text: string): Conventions {
  const note = text.match(firstListedNote);
  if (!note) return noConventions;
  const around = text.slice(note.index!, note.index! + note[0].length + 40);
  return { othersSupport: othersSupport.test(around) };
}
