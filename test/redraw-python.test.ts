import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { drawAlgorithm, SeededStream } from '../domain/inspection/draw.ts';
import { redraw, type PublishedOfficer, type PublishedRound } from '../domain/inspection/published.ts';
import type { SampleRule } from '../domain/inspection/round.ts';
import { testCode } from './helpers/credit.ts';

const script = fileURLToPath(new URL('../scripts/redraw.py', import.meta.url));
const python = (...args: string[]) => spawnSync('python3', [script, ...args], { encoding: 'utf8' });

/** A round as Duban publishes it, its draw made by the TypeScript implementation. */
function round(spec: {
  roundId: string; beacon: string | null; entities: number; sampleRule: SampleRule; perBody?: number;
  bodies: Array<{ bodyId: string; industries: string[]; officers: number }>; inactive?: number; conflicts?: number;
}): PublishedRound {
  const data = new SeededStream(`test data for ${spec.roundId}`);
  const industries = ['retail', 'food', 'chemicals', 'catering'];
  const population = Array.from({ length: spec.entities }, (_, i) => ({ code: testCode(1000 + i * 7), industry: industries[data.below(industries.length)]!, district: '南开区' }));
  const officers: PublishedOfficer[] = spec.bodies.flatMap((b) => Array.from({ length: b.officers }, (_, i) => ({ id: `${b.bodyId.slice(0, 3).toUpperCase()}-${String(i).padStart(3, '0')}`, bodyId: b.bodyId, active: true, conflicts: [] as string[] })));
  for (let i = 0; i < (spec.inactive ?? 0); i += 1) officers[data.below(officers.length)]!.active = false;
  for (let i = 0; i < (spec.conflicts ?? 0); i += 1) officers[data.below(officers.length)]!.conflicts.push(population[data.below(population.length)]!.code);
  for (const o of officers) o.conflicts = [...new Set(o.conflicts)].sort();
  const base = {
    roundId: spec.roundId, date: '2027-03-01', beacon: spec.beacon, population: [...population].sort((a, b) => (a.code < b.code ? -1 : 1)),
    bodies: spec.bodies.map(({ bodyId, industries: remit }) => ({ bodyId, industries: remit })), inspectorsPerBody: spec.perBody ?? 2, sampleRule: spec.sampleRule, officers,
  };
  const drawn = redraw(base);
  return {
    ...base, algorithm: drawAlgorithm, title: spec.roundId, status: 'inspecting', beaconSource: spec.beacon === null ? null : 'drand quicknet', announcedAt: null,
    populationHash: drawn.populationHash, populationSize: population.length, sampleSize: drawn.sample.length, seedInput: drawn.seedInput, seed: drawn.seed,
    drawnAt: null, sample: drawn.sample, recordedAtDraw: true,
  };
}

const rounds = [
  round({ roundId: 'R-2027-01', beacon: '8f2d4c1a9b7e6d5c4b3a29180716f5e4d3c2b1a09f8e7d6c5b4a392817060504', entities: 120, sampleRule: { ratio: 0.05 },
    bodies: [{ bodyId: 'market-commission', industries: [], officers: 9 }, { bodyId: 'health-commission', industries: ['food', 'catering'], officers: 6 }, { bodyId: 'environment', industries: ['chemicals'], officers: 4 }],
    inactive: 3, conflicts: 25 }),
  round({ roundId: 'R-2027-02', beacon: '2027001期 03 07 12 19 25 31+09', entities: 7, sampleRule: { ratio: 0.3 }, bodies: [{ bodyId: 'market-commission', industries: [], officers: 2 }] }),
  round({ roundId: 'legacy.round_3', beacon: null, entities: 40, sampleRule: { size: 12 }, perBody: 3,
    bodies: [{ bodyId: 'commerce', industries: [], officers: 5 }, { bodyId: 'market-commission', industries: ['retail'], officers: 7 }], conflicts: 10 }),
  round({ roundId: 'R-2027-04', beacon: 'x', entities: 1, sampleRule: { size: 5 }, bodies: [{ bodyId: 'market-commission', industries: [], officers: 2 }] }),
  round({ roundId: 'R-2027-05', beacon: ' 空格 与 "引号" ', entities: 300, sampleRule: { size: 300 },
    bodies: [{ bodyId: 'market-commission', industries: [], officers: 3 }, { bodyId: 'health-commission', industries: ['food'], officers: 3 }] }),
];

function write(list: unknown[]): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-redraw-'));
  return list.map((r, i) => {
    const file = path.join(dir, `${i}.json`);
    fs.writeFileSync(file, JSON.stringify(r));
    return file;
  });
}

describe('scripts/redraw.py, the independent Python implementation of docs/draw.md', () => {
  it('re-draws several rounds exactly as the TypeScript implementation (beacons, a round without one, ratios, remits, conflicts, inactive officers)', () => {
    const out = python('--json', ...write(rounds));
    expect(out.stderr).toBe('');
    const fromPython = JSON.parse(out.stdout) as Array<Record<string, unknown>>;
    expect(fromPython).toEqual(rounds.map((r) => ({ roundId: r.roundId, ...redraw(r), failure: null })));
    expect(rounds.map((r) => r.sample.length)).toEqual([6, 3, 12, 1, 300]);
  });

  it('agrees with every published round and exits 0; a changed sample, population or beacon makes it exit 1', () => {
    const files = write(rounds);
    const agreed = python(...files);
    expect([agreed.status, agreed.stdout.match(/: agrees/g)?.length]).toEqual([0, rounds.length]);
    const tampered = structuredClone(rounds[0]!);
    tampered.sample[0]!.inspectors.reverse();
    const otherBeacon = structuredClone(rounds[1]!);
    otherBeacon.beacon = `${otherBeacon.beacon} `;
    const shrunk = structuredClone(rounds[2]!);
    shrunk.population.pop();
    for (const bad of [tampered, otherBeacon, shrunk]) {
      const result = python(...write([bad]));
      expect(result.status).toBe(1);
      expect(result.stdout).toMatch(/DOES NOT AGREE/);
    }
  });

  it('fails the same draws for the same reason: too few inspectors free of conflicts', () => {
    const base = rounds[1]!;
    const conflicted = { ...base, officers: base.officers.map((o, i) => (i === 0 ? { ...o, conflicts: base.population.map((e) => e.code) } : o)) };
    expect(() => redraw(conflicted)).toThrow(/fewer than 2 inspectors/);
    const [fromPython] = JSON.parse(python('--json', ...write([conflicted])).stdout) as Array<{ sample: unknown; failure: string }>;
    expect([fromPython!.sample, fromPython!.failure]).toEqual([null, expect.stringContaining('fewer than 2 inspectors free of conflicts')]);
  });

  it('rejects words the same way: uniform integers below large n, where about 30% of words are discarded', () => {
    const ns = [3_000_000_000, 1, 6, 2 ** 32, 2_147_483_649, 7, 3_000_000_000, 1_000_003];
    const stream = new SeededStream('rejection');
    const fromTypeScript = Array.from({ length: 40 }, (_, i) => stream.below(ns[i % ns.length]!));
    const code = `import sys; sys.path.insert(0, ${JSON.stringify(path.dirname(script))}); import redraw, json; s = redraw.Stream("rejection"); ns = ${JSON.stringify(ns)}; print(json.dumps([s.below(ns[i % len(ns)]) for i in range(40)]))`;
    expect(JSON.parse(execFileSync('python3', ['-c', code], { encoding: 'utf8' }))).toEqual(fromTypeScript);
  });
});
