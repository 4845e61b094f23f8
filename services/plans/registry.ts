import { BodyRegistry, defaultRegistryId, type BodyEntry } from '../../domain/bodies/registry.ts';
import type { PrismaClient } from '../../runtime/db.ts';

export { defaultRegistryId };

/**
 * A body registry as the read model holds it now (the office may have added,
 * edited and merged bodies). Merged bodies resolve to their survivor, wherever
 * it is registered.
 */
export async function loadRegistry(prisma: PrismaClient, registryId = defaultRegistryId): Promise<BodyRegistry> {
  const rows = await prisma.body.findMany({ where: { registryId }, include: { members: true } });
  const survivors = await prisma.body.findMany({
    where: { id: { in: rows.flatMap((r) => (r.mergedIntoId ? [r.mergedIntoId] : [])) }, registryId: { not: registryId } },
    include: { members: true },
  });
  return new BodyRegistry(
    [...rows, ...survivors].map(
      (row): BodyEntry => ({
        id: row.id,
        shortName: row.shortName,
        fullName: row.fullName,
        kind: row.kind as BodyEntry['kind'],
        aliases: JSON.parse(row.aliases) as string[],
        members: row.members.map((m) => m.memberId),
        mergedInto: row.mergedIntoId,
      }),
    ),
  );
}
