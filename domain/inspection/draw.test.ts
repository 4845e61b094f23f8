import { describe, expect, it } from 'vitest';
import { drawRound, hex, populationHash, sampleSize, SeededStream, type Inspector } from './draw.ts';

const population = Array.from({ length: 200 }, (_, i) => `E${String(i).padStart(4, '0')}`);
const staff: Inspector[] = [
  ...Array.from({ length: 6 }, (_, i) => ({ id: `market-${i}`, bodyId: 'market-commission', conflicts: [] as string[] })),
  ...Array.from({ length: 3 }, (_, i) => ({ id: `env-${i}`, bodyId: 'environment', conflicts: [] as string[] })),
];
const round = { id: 'round-2016-03', date: '2016-03-01' };

describe('the inspection draw', () => {
  it('uses SHA-256 as documented', () => {
    expect(hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('gives the same sample from the same round and population, in any input order', () => {
    const first = drawRound(round, population, 6, staff, ['market-commission', 'environment']);
    const again = drawRound(round, [...population].reverse(), 6, staff, ['market-commission', 'environment']);
    expect(again).toEqual(first);
    expect(first.entities).toHaveLength(6);
    expect(new Set(first.entities).size).toBe(6);
    for (const entity of first.entities) expect(first.inspectors[entity]).toHaveLength(4);
  });

  it('gives a different sample when the population changes', () => {
    const first = drawRound(round, population, 6, staff, ['market-commission']);
    const changed = drawRound(round, population.slice(1), 6, staff, ['market-commission']);
    expect(changed.populationHash).not.toBe(first.populationHash);
    expect(changed.entities).not.toEqual(first.entities);
  });

  it('never sends an inspector with a declared conflict (recusal)', () => {
    const first = drawRound(round, population, 10, staff, ['market-commission']);
    const entity = first.entities[0]!;
    const conflicted = staff.map((s) => (first.inspectors[entity]!.includes(s.id) ? { ...s, conflicts: [entity] } : s));
    const redrawn = drawRound(round, population, 10, conflicted, ['market-commission']);
    expect(redrawn.inspectors[entity]).toHaveLength(2);
    for (const id of redrawn.inspectors[entity]!) expect(first.inspectors[entity]).not.toContain(id);
  });

  it('refuses a draw when a body has too few inspectors free of conflicts', () => {
    const few = staff.map((s) => (s.bodyId === 'environment' ? { ...s, conflicts: population } : s));
    expect(() => drawRound(round, population, 3, few, ['environment'])).toThrow(/fewer than 2 inspectors/);
  });

  it('draws uniformly (each of 4 values about a quarter of 40,000 draws)', () => {
    const stream = new SeededStream('uniformity');
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i += 1) counts[stream.below(4)]! += 1;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
  });

  it('sizes samples by ratio, rounding up', () => {
    expect([sampleSize(1000, 0.03), sampleSize(10, 0.03), sampleSize(0, 0.5), sampleSize(3, 2)]).toEqual([30, 1, 0, 3]);
    expect(populationHash(['b', 'a'])).toBe(populationHash(['a', 'b']));
  });
});
