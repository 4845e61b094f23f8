import { defaultRegistryId } from '../domain/bodies/registry.ts';
import { reportingUnits } from '../domain/filing/bodies.ts';
import type { PrismaClient } from '../runtime/db.ts';

/**
 * Freezes the consolidated catalogue: every accepted body's rows, in body
 * order, with the bodies still overdue beside them. Written once: a retry
 * finds the record and leaves it.
 */
export async function consolidateCatalogue(prisma: PrismaClient, roundId: string, at: string, by: string, included: string[], overdue: string[]): Promise<void> {
  if (await prisma.filingRecord.findUnique({ where: { roundId } })) return;
  const filings = await prisma.bodyFiling.findMany({
    where: { roundId, bodyId: { in: included } },
    include: { rows: { orderBy: { ordinal: 'asc' } } },
    orderBy: { bodyName: 'asc' },
  });
  const rows = filings.flatMap((f) => f.rows.map(({ id: _id, filingId: _f, ordinal: _o, ...row }) => ({ bodyId: f.bodyId, bodyName: f.bodyName, ...row })));
  await prisma.filingRecord.create({
    data: { roundId, consolidatedAt: new Date(at), consolidatedBy: by, rows: JSON.stringify(rows), includedBodies: JSON.stringify(included), overdueBodies: JSON.stringify(overdue) },
  });
}

/** Every district/county government and approval body in the registry, districts first. */
export async function listReportingUnits(prisma: PrismaClient): Promise<Array<{ id: string; name: string; kind: string }>> {
  const bodies = await prisma.body.findMany({ where: { kind: { in: ['district', 'department'] }, mergedIntoId: null, registryId: defaultRegistryId }, orderBy: { id: 'asc' } });
  return reportingUnits(bodies).map((b) => ({ id: b.id, name: b.shortName, kind: b.kind }));
}
