/**
 * How well a parsed plan names who does what: (ref, role, body) triples
 * against a hand annotation, as precision, recall and F1. Pure.
 */
export interface Triple {
  ref: string;
  role: 'lead' | 'support';
  body: string;
}

export interface Score {
  expected: number;
  found: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

const key = (t: Triple) => `${t.ref}\t${t.role}\t${t.body}`;

/** The triples of a plan (a task's repeated name counts once). */
export function planTriples(tasks: ReadonlyArray<{ ref: string; leads: string[]; supports: string[] }>): Triple[] {
  return tasks.flatMap((task) => [
    ...task.leads.map((body): Triple => ({ ref: task.ref, role: 'lead', body })),
    ...task.supports.map((body): Triple => ({ ref: task.ref, role: 'support', body })),
  ]);
}

/** Reads an annotation: one `ref<TAB>lead|support<TAB>body` per line; `#` starts a comment. */
export function readTriples(text: string): Triple[] {
  return text
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [ref, role, body] = line.split('\t');
      if (!ref || (role !== 'lead' && role !== 'support') || !body) throw new Error(`Bad annotation line: ${line}`);
      return { ref, role, body: body.trim() };
    });
}

function score(expected: number, found: number, correct: number): Score {
  const precision = found ? correct / found : expected ? 0 : 1;
  const recall = expected ? correct / expected : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { expected, found, correct, precision, recall, f1 };
}

export function scoreTriples(expected: Triple[], found: Triple[]): Score {
  const wanted = new Set(expected.map(key));
  const got = new Set(found.map(key));
  return score(wanted.size, got.size, [...got].filter((k) => wanted.has(k)).length);
}

/** Several notices counted as one: micro-averaged over all triples. */
export function pool(scores: Score[]): Score {
  const sum = (f: (s: Score) => number) => scores.reduce((n, s) => n + f(s), 0);
  return score(sum((s) => s.expected), sum((s) => s.found), sum((s) => s.correct));
}
