import type { BodyRegistry } from '../bodies/registry.ts';
import type { ParsedTask } from './types.ts';
import { re } from './variants.ts';

/** Names that stand for bodies someone must still designate: 市有关行政主管部门, 有关部门和单位. */
const placeholderWords = re('有关|相关|其他|其它|待定|待指定');

/** One warning per body name the supervising office must confirm or designate, in order of first mention. */
export function bodyWarnings(tasks: ParsedTask[], registry: BodyRegistry): string[] {
  const names = [...new Set(tasks.flatMap((t) => [...t.leads, ...t.supports]))];
  return names.flatMap((name) => {
    const entry = registry.find(name);
    if (entry?.kind === 'placeholder' || (!entry && placeholderWords.test(name))) {
      return [`待指定 Placeholder group, to be designated: ${name}`];
    }
    return entry ? [] : [`未登记单位 Unknown body: ${name} — please confirm`];
  });
}
