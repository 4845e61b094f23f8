import type { BodyRegistry } from '../bodies/registry.ts';
import type { ParsedTask, PlanWarning, WarningCode } from './types.ts';
import { re } from './variants.ts';

/**
 * What the parser asks a person to check, as data: a code the console shows in
 * its own language, the task and the body or text it is about, and a message
 * in Chinese then English for readers of the raw output.
 */
interface About {
  ref?: string | null;
  body?: string | null;
  detail?: string | null;
  /** The sentence a requirement warning is about, for the message only. */
  text?: string;
}

const messages: Record<WarningCode, (w: About) => string> = {
  noTitle: () => '未找到标题 No title found at the top of the document',
  noDate: () => '未找到成文日期 No date of the notice found; deadlines without a year stay unresolved',
  noRoles: () =>
    '未找到责任分工 No responsibility assignments found: the numbered items of the deepest level are taken as tasks without bodies',
  rolesUnread: ({ ref }) => `未识别责任单位 Task ${ref}: no responsible body could be read; please fill them in`,
  noLead: ({ ref }) => `无牵头单位 Task ${ref} has no lead body`,
  duplicateRef: ({ ref }) => `重复编号 Duplicate task number ${ref}`,
  unknownBody: ({ body }) => `未登记单位 Unknown body: ${body} — please confirm`,
  placeholderBody: ({ body }) => `待指定 Placeholder group, to be designated: ${body}`,
  unresolvedDeadline: ({ detail, text }) => `无法确定期限 Deadline “${detail}” could not be resolved: ${text}`,
  requirementWithoutBody: ({ detail }) => `要求未指明单位 Requirement names no body: ${detail}`,
};

/** A warning; `detail` is the words of the notice it is about (a deadline phrase, a requirement). */
export function warning(code: WarningCode, about: About = {}): PlanWarning {
  return { code, message: messages[code](about), ref: about.ref ?? null, body: about.body ?? null, detail: about.detail ?? null };
}

/** Names that stand for bodies someone must still designate: 市有关行政主管部门, 有关部门和单位. */
const placeholderWords = re('有关|相关|其他|其它|待定|待指定');

/** One warning per body name the supervising office must confirm or designate, in order of first mention. */
export function bodyWarnings(tasks: ParsedTask[], registry: BodyRegistry): PlanWarning[] {
  const names = [...new Set(tasks.flatMap((t) => [...t.leads, ...t.supports]))];
  return names.flatMap((name) => {
    const entry = registry.find(name);
    const ref = tasks.find((t) => t.leads.includes(name) || t.supports.includes(name))?.ref ?? null;
    if (entry?.kind === 'placeholder' || (!entry && placeholderWords.test(name))) return [warning('placeholderBody', { body: name, ref })];
    return entry ? [] : [warning('unknownBody', { body: name, ref })];
  });
}
