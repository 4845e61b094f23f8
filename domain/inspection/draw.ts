import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * The random draw of a joint inspection round (双随机), reproducible by anyone
 * from the round's published data; docs/draw.md specifies it byte by byte
 * (algorithm `duban-draw/1`) and scripts/redraw.py is a second implementation:
 *   populationHash = SHA-256 of the sorted entity codes joined by "\n";
 *   seed           = SHA-256 of "<round id>|<date>|<populationHash>|<beacon>"
 *                    ("<round id>|<date>|<populationHash>" for rounds drawn before beacons);
 *   random stream  = SHA-256(seed ":" 0), SHA-256(seed ":" 1), … read as big-endian 32-bit words;
 *   uniform 0..n-1 = rejection sampling on those words (no modulo bias);
 *   sample         = the first k of a forward Fisher–Yates shuffle of the sorted population;
 *   inspectors     = then, per sampled entity in draw order and per joining body (in round order)
 *                    whose remit covers it, the first `perBody` of a shuffle of that body's active
 *                    staff free of conflicts with the entity, sorted by id beforehand (code-unit
 *                    order, never locale order, so every machine sorts alike), in the order drawn.
 * It does not use Temporal's workflow randomness, which is seeded from the run id.
 */
export const drawAlgorithm = 'duban-draw/1';

export const hex = (text: string) => bytesToHex(sha256(utf8ToBytes(text)));

/** Ascending by UTF-16 code units (what Array.prototype.sort does by default), never by locale. */
export const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function populationHash(codes: string[]): string {
  return hex([...codes].sort(byCodeUnits).join('\n'));
}

/** {@link populationHash} of codes already in code-unit order. */
const hashOfSorted = (sorted: string[]) => hex(sorted.join('\n'));

/** The public random value the announcement named, as entered (null: a round drawn before beacons). */
export type Beacon = string | null;

/** The text whose SHA-256 is the seed. */
export function seedInput(round: { id: string; date: string; populationHash: string; beacon?: Beacon }): string {
  const fields = [round.id, round.date, round.populationHash];
  return (round.beacon == null ? fields : [...fields, round.beacon]).join('|');
}

export function drawSeed(round: { id: string; date: string; populationHash: string; beacon?: Beacon }): string {
  return hex(seedInput(round));
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

  /**
   * The first k of a Fisher–Yates shuffle of `items` (which the caller has put in a canonical order).
   * Only the positions the first k swaps touch are tracked (the rest of the shuffle
   * is never drawn), so picking 2 of 200 or 30,000 of 1,000,000 copies nothing.
   */
  pick<T>(items: readonly T[], k: number): T[] {
    const count = Math.min(k, items.length);
    const moved = new Map<number, T>();
    const at = (i: number) => (moved.has(i) ? moved.get(i)! : items[i]!);
    const picked: T[] = [];
    for (let i = 0; i < count; i += 1) {
      const j = i + this.below(items.length - i);
      const chosen = at(j);
      moved.set(j, at(i));
      picked.push(chosen);
    }
    return picked;
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
  /** Absent from draws made before beacons. */
  beacon?: Beacon;
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
  round: { id: string; date: string; beacon?: Beacon },
  population: string[],
  size: number,
  staff: Inspector[],
  bodies: string[],
  perBody = 2,
  covers: (entity: string, bodyId: string) => boolean = () => true,
): DrawResult {
  const sorted = [...population].sort(byCodeUnits);
  const hash = hashOfSorted(sorted);
  const beacon = round.beacon ?? null;
  const seed = drawSeed({ ...round, beacon, populationHash: hash });
  const stream = new SeededStream(seed);
  const entities = stream.pick(sorted, size);
  const inspectors: Record<string, string[]> = {};
  const ordered = [...staff].sort((a, b) => byCodeUnits(a.id, b.id));
  const pools = new Map(bodies.map((bodyId) => [bodyId, ordered.filter((s) => s.bodyId === bodyId)]));
  // Per body, every entity any of its staff declared a conflict with: for any other entity the whole pool is eligible.
  const conflicted = new Map([...pools].map(([bodyId, pool]) => [bodyId, new Set(pool.flatMap((s) => s.conflicts))]));
  for (const entity of entities) {
    const serving = bodies.filter((bodyId) => covers(entity, bodyId));
    if (serving.length === 0) throw new Error(`没有参加单位负责 ${entity} 的检查 No joining body's remit covers ${entity}.`);
    inspectors[entity] = serving.flatMap((bodyId) => {
      const pool = pools.get(bodyId)!;
      const eligible = conflicted.get(bodyId)!.has(entity) ? pool.filter((s) => !s.conflicts.includes(entity)) : pool;
      if (eligible.length < perBody) {
        throw new Error(`${bodyId} 可选执法人员不足 ${perBody} 名（回避后） has fewer than ${perBody} inspectors free of conflicts for ${entity}.`);
      }
      return stream.pick(eligible, perBody).map((s) => s.id);
    });
  }
  return { beacon, seed, populationHash: hash, entities, inspectors };
}
