import { byCodeUnits, drawRound, populationHash, seedInput, type Beacon } from './draw.ts';
import { coversIndustry, sampleCount, type JoiningBody, type RoundStatus, type SampleRule } from './round.ts';

/** An entity of a round's population as frozen at announcement. */
export interface PopulationEntry {
  code: string;
  industry: string;
  district: string;
}

/** An officer of a joining body as at draw time: conflicts as entity codes only, never the reasons. */
export interface PublishedOfficer {
  id: string;
  bodyId: string;
  active: boolean;
  conflicts: string[];
}

export interface PublishedSample {
  code: string;
  inspectors: string[];
}

/**
 * Everything a round's draw used, as published without sign-in
 * (GET /public/inspections/<roundId>.json); docs/draw.md specifies each field.
 */
export interface PublishedRound {
  algorithm: string;
  roundId: string;
  title: string;
  status: RoundStatus;
  date: string;
  beaconSource: string | null;
  announcedAt: string | null;
  beacon: Beacon;
  population: PopulationEntry[];
  populationHash: string;
  populationSize: number;
  bodies: JoiningBody[];
  inspectorsPerBody: number;
  sampleRule: SampleRule;
  sampleSize: number;
  officers: PublishedOfficer[];
  /** Null until drawn. */
  seedInput: string | null;
  seed: string | null;
  drawnAt: string | null;
  sample: PublishedSample[];
  /** False for rounds drawn before draws were recorded: industries, districts and the pool are as they stand now, not as at the draw. */
  recordedAtDraw: boolean;
}

/** The pool as published: every officer of the joining bodies, sorted by id, with their conflicts among the population, sorted. */
export function publishedPool(officers: Array<{ id: string; bodyId: string; active: boolean; conflicts: string[] }>, population: ReadonlySet<string>): PublishedOfficer[] {
  return [...officers]
    .sort((a, b) => byCodeUnits(a.id, b.id))
    .map((o) => ({ id: o.id, bodyId: o.bodyId, active: o.active, conflicts: o.conflicts.filter((c) => population.has(c)).sort(byCodeUnits) }));
}

/** The draw made again from published data alone: what anyone (or scripts/redraw.py) can check a round against. */
export function redraw(round: Pick<PublishedRound, 'roundId' | 'date' | 'beacon' | 'population' | 'bodies' | 'inspectorsPerBody' | 'sampleRule' | 'officers'>) {
  const codes = round.population.map((e) => e.code);
  const industry = new Map(round.population.map((e) => [e.code, e.industry]));
  const staff = round.officers.filter((o) => o.active).map((o) => ({ id: o.id, bodyId: o.bodyId, conflicts: o.conflicts }));
  const draw = drawRound(
    { id: round.roundId, date: round.date, beacon: round.beacon }, codes, sampleCount(round.sampleRule, codes.length), staff,
    round.bodies.map((b) => b.bodyId), round.inspectorsPerBody, coversIndustry(round.bodies, (code) => industry.get(code)!),
  );
  return {
    populationHash: populationHash(codes),
    seedInput: seedInput({ id: round.roundId, date: round.date, populationHash: draw.populationHash, beacon: round.beacon }),
    seed: draw.seed,
    sample: draw.entities.map((code) => ({ code, inspectors: draw.inspectors[code]! })),
  };
}
