/**
 * Corrections a person makes to a parsed draft before it is committed: pure
 * functions over the draft, shared by the console's draft editor and its tests.
 */

/** The fields of a draft task these edits touch (the API's DraftTask). */
export interface EditableTask {
  ref: string;
  section: string;
  text: string;
  leads: string[];
  supports: string[];
  due: string | null;
  recurrence: string | null;
}

export interface EditableDraft<T extends EditableTask> {
  tasks: T[];
  warnings: { ref: string | null }[];
}

/** The next free ref after the last of a section: `<section ordinal>.<n>`, numbered past every task of that ordinal. */
export function nextRef(tasks: EditableTask[], section: string): string {
  const inSection = tasks.filter((t) => t.section === section);
  const last = inSection[inSection.length - 1]?.ref ?? '1.0';
  const head = last.includes('.') ? last.split('.')[0]! : '1';
  const numbers = tasks.filter((t) => t.ref.startsWith(`${head}.`)).map((t) => Number(t.ref.split('.')[1]));
  return `${head}.${Math.max(0, ...numbers) + 1}`;
}

/**
 * Splits a task's text at `at` (a character offset) into two tasks: the first
 * keeps its ref and warnings, the second takes the next free ref of its section
 * and sits right after it; both keep the bodies, deadline and recurrence, which
 * the office then corrects on each.
 */
export function splitTask<D extends EditableDraft<T>, T extends EditableTask>(draft: D, ref: string, at: number): D {
  const index = draft.tasks.findIndex((t) => t.ref === ref);
  const task = draft.tasks[index];
  if (!task) throw new Error(`No task ${ref} in the draft`);
  if (!splittable(task.text, at)) throw new Error(`Splitting task ${ref} at ${at} leaves one part empty`);
  const head = task.text.slice(0, at).trim();
  const tail = task.text.slice(at).trim();
  const second = { ...task, ref: nextRef(draft.tasks, task.section), text: tail, leads: [...task.leads], supports: [...task.supports] };
  return { ...draft, tasks: [...draft.tasks.slice(0, index), { ...task, text: head }, second, ...draft.tasks.slice(index + 1)] };
}

/** Whether splitting a text at `at` leaves words on both sides. */
export const splittable = (text: string, at: number) => text.slice(0, at).trim() !== '' && text.slice(at).trim() !== '';

/** Where a task's text is best split: after the sentence end (。；;) nearest its middle, or null when it has none. */
export function splitPoint(text: string): number | null {
  const ends = [...text.matchAll(/[。；;]/g)].map((m) => m.index + 1).filter((i) => splittable(text, i));
  if (ends.length === 0) return null;
  const middle = text.length / 2;
  return ends.reduce((best, i) => (Math.abs(i - middle) < Math.abs(best - middle) ? i : best));
}

const union = (...lists: string[][]) => [...new Set(lists.flat())];

/** The earlier of two instants, or whichever is set. */
function earlier(a: string | null, b: string | null): string | null {
  if (!a || !b) return a ?? b;
  return Date.parse(a) <= Date.parse(b) ? a : b;
}

/**
 * Merges task `other` into task `ref`: one task under `ref`, its text the two
 * texts in order, its leads and supports both sets (the first task's first
 * lead stays the primary lead; a body leading either leads the merged task),
 * the earlier own deadline, and the warnings of both.
 */
export function mergeTasks<D extends EditableDraft<T>, T extends EditableTask>(draft: D, ref: string, other: string): D {
  const first = draft.tasks.find((t) => t.ref === ref);
  const second = draft.tasks.find((t) => t.ref === other);
  if (!first || !second || first === second) throw new Error(`Cannot merge task ${other} into ${ref}`);
  const leads = union(first.leads, second.leads);
  const merged: T = {
    ...first,
    text: `${first.text.trim()}${/[。；;.!！?？]$/.test(first.text.trim()) ? '' : '。'}${second.text.trim()}`,
    leads,
    supports: union(first.supports, second.supports).filter((n) => !leads.includes(n)),
    due: earlier(first.due, second.due),
    recurrence: first.recurrence ?? second.recurrence,
  };
  return {
    ...draft,
    tasks: draft.tasks.filter((t) => t !== second).map((t) => (t === first ? merged : t)),
    warnings: draft.warnings.map((w) => (w.ref === other ? { ...w, ref } : w)),
  };
}

/** A span of the source text, [start, end). */
export interface SourceSpan {
  start: number;
  end: number;
}

/**
 * The source folded as the parser compares it (NFKC, whitespace dropped, so a
 * line break inside a sentence does not matter), with each folded character's
 * offset in the original.
 */
interface Folded {
  text: string;
  /** For each folded character, the span of the original character it came from. */
  spans: SourceSpan[];
}

function fold(source: string): Folded {
  let text = '';
  const spans: SourceSpan[] = [];
  let offset = 0;
  for (const char of source) {
    for (const folded of char.normalize('NFKC')) {
      if (/\s/.test(folded)) continue;
      text += folded;
      spans.push({ start: offset, end: offset + char.length });
    }
    offset += char.length;
  }
  return { text, spans };
}

/** The original span of `length` folded characters from `at` (cut at the end of the source). */
function spanOf(folded: Folded, at: number, length: number): SourceSpan {
  return { start: folded.spans[at]!.start, end: folded.spans[Math.min(at + length, folded.text.length) - 1]!.end };
}

/**
 * Where a draft task's text stands in the notice. A text the notice holds as
 * it is (up to width and line breaks) is found exactly. The parser's own text
 * may lack the role parenthetical it stood beside, so when the text is still
 * the parser's, its opening words place it. An edited text the notice does not
 * hold has no place: null, so the console says so rather than mark a wrong span.
 */
export function sourceSpan(source: string, text: string, parsedText: string | null): SourceSpan | null {
  const wanted = fold(text).text;
  if (!wanted) return null;
  const folded = fold(source);
  const exact = folded.text.indexOf(wanted);
  if (exact >= 0) return spanOf(folded, exact, wanted.length);
  if (text !== parsedText) return null;
  for (const length of [24, 12, 6]) {
    const at = folded.text.indexOf(wanted.slice(0, length));
    if (at >= 0) return spanOf(folded, at, wanted.length);
  }
  return null;
}
