import type { BodyRegistry } from '../bodies/registry.ts';
import { type DateContext, type Deadline, findDeadlines } from '../dates/chinese-dates.ts';
import { parseHeading } from './headings.ts';
import { looksLikeBody, splitBodies, splitTopLevel } from './lists.ts';
import type { Block, Item } from './outline.ts';
import { nearestTask, type TaskDraft } from './tasks.ts';
import type { DetailedRequirement, PlanWarning } from './types.ts';
import { re } from './variants.ts';
import { warning } from './warnings.ts';

/**
 * Requirements are the sentences with a deadline phrase, anywhere in the
 * notice. A sentence binds its subject ("市市场监管委于每年12月底前…"); inside a
 * task it binds the task's leads, and a time limit under a label does too.
 */

/** Where a sentence's subject ends: a modal verb or the time it is set for. 应急办 and 要求 are not modals. */
const subjectEnd = re('要(?![素点求件])|应当|应(?![急用对])|必须|须|务必|需要|需(?!求)|于|在(?![线职岗编])|将|每年|每季度|每月|负责', 'g');

/** The bodies a sentence starts with, when all of what precedes its verb is names of bodies. */
export function sentenceSubject(sentence: string, registry: BodyRegistry): string[] {
  const first = [...sentence.matchAll(subjectEnd)][0];
  if (!first) return [];
  const names = splitBodies(sentence.slice(0, first.index), registry);
  return names.length > 0 && names.every((n) => looksLikeBody(n, registry)) ? names : [];
}

function clauseEnd(sentence: string, from: number): number {
  const at = sentence.slice(from).search(/[，,]/);
  return at < 0 ? sentence.length : from + at;
}

/** A sentence with several deadlines is cut after the clause of each, so every text carries its own. */
function chunks(sentence: string, deadlines: Deadline[]): Array<{ text: string; deadline: Deadline }> {
  let start = 0;
  return deadlines.map((deadline, i) => {
    const last = i === deadlines.length - 1;
    const end = last ? sentence.length : clauseEnd(sentence, deadline.index + deadline.phrase.length);
    const text = sentence.slice(start, end).replace(/^[，,\s]+|[，,.．\s]+$/g, '');
    start = end;
    return { text: text || sentence, deadline };
  });
}

interface Scope {
  taskRef: string | null;
  /** Who a task's deadlines bind; null outside tasks, where the sentence's subject does. */
  bodies: string[] | null;
}

function paragraphRequirements(paragraph: string, scope: Scope, context: DateContext, registry: BodyRegistry): DetailedRequirement[] {
  const found: DetailedRequirement[] = [];
  let subject: string[] = [];
  for (const { text: sentence } of splitTopLevel(paragraph, /[。；;！？!?]/)) {
    const own = sentenceSubject(sentence, registry);
    if (own.length) subject = own;
    for (const { text, deadline } of chunks(sentence, findDeadlines(sentence, context))) {
      const { due, recurrence, phrase } = deadline;
      found.push({ text, due, recurrence, appliesTo: scope.bodies ?? subject, phrase, taskRef: scope.taskRef });
    }
  }
  return found;
}

/** Deadlines under a label (完成时限：2016年6月底前) belong to the task. */
function timeLimitRequirements(draft: TaskDraft, scope: Scope, context: DateContext): DetailedRequirement[] {
  const firstSentence = draft.task.text.split(/[。\n]/)[0];
  return draft.timeLimits.flatMap((limit) =>
    findDeadlines(limit, context).map(({ due, recurrence, phrase }) => ({
      text: `${firstSentence}（${limit}）`, due, recurrence, appliesTo: scope.bodies ?? [], phrase, taskRef: scope.taskRef,
    })),
  );
}

function requirementWarnings(requirements: DetailedRequirement[]): PlanWarning[] {
  return requirements.flatMap((r) => [
    ...(r.due === null && r.recurrence === null ? [warning('unresolvedDeadline', { ref: r.taskRef, detail: r.phrase, text: r.text })] : []),
    ...(r.appliesTo.length === 0 ? [warning('requirementWithoutBody', { ref: r.taskRef, detail: r.text })] : []),
  ]);
}

export function collectRequirements(
  blocks: Block[],
  drafts: TaskDraft[],
  context: DateContext,
  registry: BodyRegistry,
): { requirements: DetailedRequirement[]; warnings: PlanWarning[] } {
  const byItem = new Map(drafts.map((d) => [d.item, d]));
  const taskItems = new Set(byItem.keys());
  const outside: Scope = { taskRef: null, bodies: null };
  const ofItem = (item: Item): DetailedRequirement[] => {
    const draft = byItem.get(item);
    if (!draft) {
      if (nearestTask(item, taskItems)) return []; // read as part of its task's text
      return item.lines.flatMap((line) => paragraphRequirements(line, outside, context, registry));
    }
    const { ref, leads, supports, text } = draft.task;
    const scope: Scope = { taskRef: ref, bodies: leads.length ? leads : supports };
    return [
      // Lines after the first are the task's sub-items: read without their numbers.
      ...text.split('\n').flatMap((line) => paragraphRequirements(parseHeading(line)?.rest ?? line, scope, context, registry)),
      ...timeLimitRequirements(draft, scope, context),
    ];
  };
  const requirements = blocks.flatMap((b) =>
    b.kind === 'prose' ? paragraphRequirements(b.text, outside, context, registry) : ofItem(b.item),
  );
  return { requirements, warnings: requirementWarnings(requirements) };
}
