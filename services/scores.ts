import { defaultRegistryId } from '../domain/bodies/registry.ts';
import { reportingUnits } from '../domain/filing/bodies.ts';
import { defaultRubric, scoredPopulation, type Rubric } from '../domain/scoring/rubric.ts';
import { bodyRecord, scoringInstant, type EscalationRow } from '../domain/scoring/record.ts';
import { scoreBody } from '../domain/scoring/score.ts';
import { endOfShanghaiDay } from '../domain/time/instants.ts';
import type { PrismaClient } from '../runtime/db.ts';

/** A Shanghai calendar year: after the end of the last one, up to the end of its own. */
const yearRange = (year: number) => ({ gt: endOfShanghaiDay(`${year - 1}-12-31`), lte: endOfShanghaiDay(`${year}-12-31`) });

/** The stored rubric of a version; the default one is written on first use. */
export async function rubricVersion(prisma: PrismaClient, version: string | null): Promise<Rubric | null> {
  if (!version || version === defaultRubric.version) {
    const stored = await prisma.rubricVersion.upsert({
      where: { version: defaultRubric.version },
      create: { version: defaultRubric.version, rubric: JSON.stringify(defaultRubric), note: '默认评分规则 Default rubric', createdAt: new Date(0), createdBy: 'Duban' },
      update: {},
    });
    if (!version) {
      const latest = await prisma.rubricVersion.findFirst({ orderBy: { createdAt: 'desc' } });
      return JSON.parse((latest ?? stored).rubric) as Rubric;
    }
    return JSON.parse(stored.rubric) as Rubric;
  }
  const row = await prisma.rubricVersion.findUnique({ where: { version } });
  return row ? (JSON.parse(row.rubric) as Rubric) : null;
}

type AssignmentWithTask = Awaited<ReturnType<PrismaClient['assignment']['findMany']>>[number] & { task: { ref: string } };

/**
 * Each body's assignments: its own, and those of a group it belongs to that
 * name the group itself (tasks imported before groups were split into members'
 * own assignments) unless it has its own on that task.
 */
function assignmentsByBody(assignments: AssignmentWithTask[], members: Array<{ groupId: string; memberId: string }>) {
  const byBody = new Map<string, AssignmentWithTask[]>();
  const add = (bodyId: string, a: AssignmentWithTask) => byBody.set(bodyId, [...(byBody.get(bodyId) ?? []), a]);
  for (const a of assignments) add(a.bodyId!, a);
  for (const { groupId, memberId } of members) {
    for (const a of byBody.get(groupId) ?? []) {
      if (!(byBody.get(memberId) ?? []).some((own) => own.taskId === a.taskId)) add(memberId, a);
    }
  }
  return byBody;
}

/** The escalation ladder's `escalated` events up to the scoring instant, each named by its assignment (taskId/bodyName). */
async function escalationsBy(prisma: PrismaClient, asOf: number): Promise<EscalationRow[]> {
  const events = await prisma.taskEvent.findMany({ where: { type: 'escalated', at: { lte: new Date(asOf) }, bodyName: { not: null } }, select: { id: true, taskId: true, bodyName: true, at: true, data: true } });
  return events.map((e) => {
    const data = JSON.parse(e.data) as { action?: unknown; points?: unknown; slipNumber?: unknown };
    return {
      id: e.id, assignmentId: `${e.taskId}/${e.bodyName}`, at: e.at, action: String(data.action ?? ''),
      points: typeof data.points === 'number' ? data.points : 0, slipNumber: typeof data.slipNumber === 'string' ? data.slipNumber : null,
    };
  });
}

/**
 * Scores a year from the read model into a new draft sheet (the next
 * version). Each criterion reads the round that applies: the report from the
 * year's evaluation round, the catalogue from every filing round whose
 * deadline falls in the year (closed or open), the ladder's escalations of the
 * year's assignments from the escalated events. The rubric says who is scored
 * (body kinds, exclusions); within that, reporting units and every body with
 * an assignment, report or filing that year. Earlier drafts are superseded;
 * published sheets stay as they are.
 */
export async function computeScoreSheet(prisma: PrismaClient, year: number, rubric: Rubric, by: string, now = new Date()) {
  const range = yearRange(year);
  const { kinds, excluded } = scoredPopulation(rubric);
  const [bodies, members, assignments, evaluation, filingRounds] = await Promise.all([
    prisma.body.findMany({ where: { kind: { in: kinds }, id: { notIn: excluded }, mergedIntoId: null, registryId: defaultRegistryId }, orderBy: { id: 'asc' } }),
    prisma.bodyMember.findMany(),
    prisma.assignment.findMany({ where: { due: range, bodyId: { not: null } }, include: { task: { select: { ref: true } } } }),
    prisma.evaluationRound.findUnique({ where: { year }, include: { reports: true } }),
    prisma.filingRound.findMany({ where: { deadline: range }, include: { filings: true } }),
  ]);
  const byBody = assignmentsByBody(assignments, members);
  const reports = evaluation?.reports ?? [];
  const filings = filingRounds.flatMap((r) => r.filings.map((f) => ({ ...f, round: r.title })));
  const scored = new Set([...reportingUnits(bodies).map((b) => b.id), ...byBody.keys(), ...reports.map((r) => r.bodyId), ...filings.map((f) => f.bodyId)]);
  const asOf = scoringInstant(year, now.getTime());
  const escalations = await escalationsBy(prisma, asOf);
  const rows = bodies.filter((b) => scored.has(b.id)).map((body) => {
    const { record, sources } = bodyRecord(
      body.id, year,
      (byBody.get(body.id) ?? []).map((a) => ({ ...a, taskRef: a.task.ref })),
      reports.find((r) => r.bodyId === body.id),
      filings.filter((f) => f.bodyId === body.id),
      asOf,
      escalations,
    );
    const score = scoreBody(record, rubric, asOf);
    return { bodyId: body.id, bodyName: body.shortName, score: score.score, record: JSON.stringify({ ...record, sources }), breakdown: JSON.stringify(score.breakdown) };
  });
  return prisma.$transaction(async (tx) => {
    const last = await tx.scoreSheet.findFirst({ where: { year }, orderBy: { version: 'desc' } });
    const version = (last?.version ?? 0) + 1;
    const id = `${year}v${version}`;
    await tx.scoreSheet.updateMany({ where: { year, status: { in: ['draft', 'reviewed'] } }, data: { status: 'superseded' } });
    return tx.scoreSheet.create({
      data: {
        id, year, version, status: 'draft', rubricVersion: rubric.version, rubric: JSON.stringify(rubric), asOf: new Date(asOf), computedAt: now, computedBy: by,
        scores: { create: rows.map((r) => ({ id: `${id}/${r.bodyId}`, ...r })) },
      },
    });
  });
}
