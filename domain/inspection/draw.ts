import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * The random draw of a joint inspection round (双随机), reproducible by anyone:
 *   populationHash = SHA-256 of the sorted entity codes joined by "\n";
 *   seed           = SHA-256 of "<round id>|<date>|<populationHash>";
 *   random stream  = SHA-256(seed ":" 0), SHA-256(seed ":" 1), … read as big-endian 32-bit words;
 *   uniform 0..n-1 = rejection sampling on those words (no modulo bias);
 *   sample         = the first k of a Fisher–Yates shuffle of the sorted population;
 *   inspectors     = then, per sampled entity in draw order and per joining body whose remit covers
 *                    it, the first 2 of a shuffle of that body's staff free of conflicts, sorted by id
 *                    (code-unit order, never locale order, so every machine sorts alike).
 * It does not use Temporal's workflow randomness, which is seeded from the run id.
 */
export const hex = (text: string) => bytesToHex(sha256(utf8ToBytes(text)));

export function populationHash(codes: string[]): string {
  return hex([...codes].sort().join('\n'));
}

export function drawSeed(round: { id: string; date: string; populationHash: string }): string {
  return hex(`${round.id}|${round.date}|${round.populationHash}`);
}

/** A deterministic stream of uniform integers from a seed (SHA-256 in counter mode). */
export class SeededStream {
  private block = new Uint8Array(0);
  private offset = 0;
  private counter = 0;

  constructor(private readonly seed: string) {}

  private word(): number {
    if (this.offset + 4 > this.block.length) {
      this.block = sha256(utf8ToBytes(`${this.seed}:${this.counter++}`));
      this.offset = 0;
    }
    const view = new DataView(this.block.buffer, this.block.byteOffset + this.offset, 4);
    this.offset += 4;
    return view.getUint32(0);
  }

  /** A uniform integer in [0, n). */
  below(n: number): number {
    if (!Number.isInteger(n) || n <= 0 || n > 2 ** 32) throw new RangeError(`cannot draw below ${n}`);
    const limit = 2 ** 32 - (2 ** 32 % n);
    for (;;) {
      const w = this.word();
      if (w < limit) return w % n;
    }
  }

  /** The first k of a Fisher–Yates shuffle of `items` (which the caller has put in a canonical order). */
  pick<T>(items: readonly T[], k: number): T[] {
    const pool = [...items];
    const count = Math.min(k, pool.length);
    for (let i = 0; i < count; i += 1) {
      const j = i + this.below(pool.length - i);
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    return pool.slice(0, count);
  }
}

/** Sample size for a ratio of the population, rounded up, at least one when there is anyone to draw. */
export function sampleSize(population: number, ratio: number): number {
  return population === 0 ? 0 : Math.min(population, Math.max(1, Math.ceil(population * ratio)));
}

export interface Inspector {
  id: string;
  bodyId: string;
  /** Entity codes this inspector has declared a conflict with (回避). */
  conflicts: string[];
}

export interface DrawResult {
  seed: string;
  populationHash: string;
  entities: string[];
  /** Entity code → inspector ids, per joining body. */
  inspectors: Record<string, string[]>;
}

/**
 * Draws the entities, then for each (in draw order) `perBody` inspectors from
 * every joining body's own staff, leaving out anyone with a declared conflict.
 * `covers` limits a body to the entities in its remit (every entity by default).
 */
export function drawRound(
  round: { id: string; date: string },
  population: string[],
  size: number,
  staff: Inspector[],
  bodies: string[],
  perBody = 2,
  covers: (entity: string, bodyId: string) => boolean = () => true,
): DrawResult {
  const sorted = [...population].sort();
  const hash = populationHash(sorted);
  const seed = drawSeed({ ...round, populationHash: hash });
  const stream = new SeededStream(seed);
  const entities = stream.pick(sorted, size);
  const inspectors: Record<string, string[]> = {};
  const ordered = [...staff].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const pools = new Map(bodies.map((bodyId) => [bodyId, ordered.filter((s) => s.bodyId === bodyId)]));
  for (const entity of entities) {
    const serving = bodies.filter((bodyId) => covers(entity, bodyId));
    if (serving.length === 0) throw new Error(`没有参加单位负责 ${entity} 的检查 No joining body's remit covers ${entity}.`);
    inspectors[entity] = serving.flatMap((bodyId) => {
      const eligible = pools.get(bodyId)!.filter((s) => !s.conflicts.includes(entity));
      if (eligible.length < perBody) {
        throw new Error(`${bodyId} 可选执法人员不足 ${perBody} 名（回避后） has fewer than ${perBody} inspectors free of conflicts for ${entity}.`);
      }
      return stream.pick(eligible, perBody).map((s) => s.id);
    });
  }
  return { seed, populationHash: hash, entities, inspectors };
}
