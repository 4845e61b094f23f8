import { guessKind } from '../../../domain/bodies/kinds.ts';
import { nextRef } from '../../../domain/plan/draft-edits.ts';
import type { BodyMatch, DraftBody, NoticeDraft } from '../dataProvider/imports.ts';
import type { BodyRecord } from '../dataProvider/records.ts';

const normal = (name: string) => name.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');

/** The registry entry a name stands for (short name, full name or alias, as the API matches them). */
export function findBody(registry: BodyRecord[], name: string): BodyRecord | undefined {
  const wanted = normal(name);
  return registry.find((body) => [body.shortName, body.fullName, ...body.aliases].some((n) => normal(n) === wanted));
}

const matchOf = (body: BodyRecord | undefined): BodyMatch =>
  !body ? 'unknown' : body.kind === 'placeholder' ? 'placeholder' : body.kind === 'group' ? 'group' : 'known';

/** Every body the (edited) draft names, in order of first mention, with how it matches the registry (as it is now). */
export function draftBodies(draft: NoticeDraft, registry: BodyRecord[]): DraftBody[] {
  const names = [...new Set(draft.tasks.flatMap((task) => [...task.leads, ...task.supports]))];
  return names.map((name) => {
    const parsed = draft.bodies.find((b) => b.name === name);
    const body = findBody(registry, name);
    // A name the parser did not know may have been registered since, from this page.
    if (parsed && (parsed.match !== 'unknown' || !body)) return parsed;
    return { name, match: matchOf(body), bodyId: body?.id ?? null, fullName: body?.fullName ?? null, suggestedKind: body?.kind ?? guessKind(name) };
  });
}

/** `names` with `name` replaced in place by `by`, keeping the first of any repeats (so a first lead stays first). */
function replaceIn(names: string[], name: string, by: string[]): string[] {
  return [...new Set(names.flatMap((n) => (n === name ? by : [n])))];
}

/**
 * Replaces a body everywhere the draft names it (a placeholder group by the
 * bodies designated for it, or a misspelt name by the registered one), and
 * drops the parser's warning about it.
 */
export function replaceBody(draft: NoticeDraft, name: string, by: string[]): NoticeDraft {
  return {
    ...draft,
    tasks: draft.tasks.map((task) => {
      const leads = replaceIn(task.leads, name, by);
      return { ...task, leads, supports: replaceIn(task.supports, name, by).filter((n) => !leads.includes(n)) };
    }),
    requirements: draft.requirements.map((r) => ({ ...r, appliesTo: replaceIn(r.appliesTo, name, by) })),
    warnings: draft.warnings.filter((w) => w.body !== name),
  };
}

/** A new empty task at the end of a section, numbered after the section's last (`<section>.<n>`). */
export function addTask(draft: NoticeDraft, section: string): NoticeDraft {
  const inSection = draft.tasks.filter((t) => t.section === section);
  const task = { ref: nextRef(draft.tasks, section), section, text: '', leads: [], supports: [], due: null, recurrence: null };
  const at = draft.tasks.indexOf(inSection[inSection.length - 1]!) + 1;
  return { ...draft, tasks: [...draft.tasks.slice(0, at), task, ...draft.tasks.slice(at)] };
}

/** The draft without a task, and without the warnings about it. */
export function removeTask(draft: NoticeDraft, ref: string): NoticeDraft {
  return { ...draft, tasks: draft.tasks.filter((t) => t.ref !== ref), warnings: draft.warnings.filter((w) => w.ref !== ref) };
}
