import { describe, expect, it } from 'vitest';
import { drawRound, drawSeed, hex, populationHash, sampleSize, SeededStream, type Inspector } from './draw.ts';
import { redraw } from './published.ts';

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

describe('the worked example of docs/draw.md', () => {
  const code = (n: number) => `91120101MA000000${n}${'CFJMQU'[n - 1]}`;
  const population = [1, 2, 3, 4, 5, 6].map((n) => ({ code: code(n), industry: n % 2 ? 'retail' : 'food', district: '和平区' }));
  const round = {
    roundId: 'R-2027-01', date: '2027-01-15', beacon: '2027001期 03 07 12 19 25 31+09', population, inspectorsPerBody: 2, sampleRule: { size: 3 },
    bodies: [{ bodyId: 'market-commission', industries: [] }, { bodyId: 'health-commission', industries: ['food'] }],
    officers: [
      { id: 'MK-01', bodyId: 'market-commission', active: true, conflicts: [] },
      { id: 'MK-02', bodyId: 'market-commission', active: true, conflicts: [code(2)] },
      { id: 'MK-03', bodyId: 'market-commission', active: false, conflicts: [] },
      { id: 'MK-04', bodyId: 'market-commission', active: true, conflicts: [] },
      ...['HC-01', 'HC-02', 'HC-03'].map((id) => ({ id, bodyId: 'health-commission', active: true, conflicts: [] })),
    ],
  };

  it('gives the documented hash, seed, words and sample', () => {
    const drawn = redraw(round);
    expect(drawn.populationHash).toBe('d9781939e0d97cb46c35a1fadafb78decb93c7fa91ab0fd0c97d3ed4e7beedac');
    expect(drawn.seedInput).toBe(`R-2027-01|2027-01-15|${drawn.populationHash}|2027001期 03 07 12 19 25 31+09`);
    expect(drawn.seed).toBe('d2c96ec8b8d218aa64c3861cf335b6ad00372e81ce4708b0859151ee518294ee');
    expect(hex(`${drawn.seed}:0`)).toBe('4d115db2f783015b3f91afc15458dccc9fe63c028495abdc3532dfdb03be78ad');
    const stream = new SeededStream(drawn.seed);
    expect(Array.from({ length: 14 }, () => stream.below(2 ** 32))).toEqual([
      1292983730, 4152557915, 1066512321, 1415109836, 2682665986, 2224401372, 892526555, 62814381, 1624111810, 3850221120, 777308596, 3987558453, 3496539009,
      expect.any(Number),
    ]);
    expect(drawn.sample).toEqual([
      { code: code(3), inspectors: ['MK-04', 'MK-02'] },
      { code: code(2), inspectors: ['MK-01', 'MK-04', 'HC-01', 'HC-02'] },
      { code: code(4), inspectors: ['MK-01', 'MK-02', 'HC-01', 'HC-03'] },
    ]);
  });

  it('seeds rounds drawn before beacons from the round ID, date and population hash alone', () => {
    const legacy = redraw({ ...round, beacon: null });
    expect(legacy.seedInput).toBe(`R-2027-01|2027-01-15|${legacy.populationHash}`);
    expect(legacy.seed).toBe(drawSeed({ id: 'R-2027-01', date: '2027-01-15', populationHash: legacy.populationHash }));
    expect(legacy.seed).not.toBe(redraw(round).seed);
  });
});
