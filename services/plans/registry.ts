import { BodyRegistry, type BodyEntry } from '../../domain/bodies/registry.ts';
import type { PrismaClient } from '../../runtime/db.ts';

/** The body registry as the read model holds it now (administrators may have added bodies). */
export async function loadRegistry(prisma: PrismaClient): Promise<BodyRegistry> {
  const rows = await prisma.body.findMany({ include: { members: true } });
  return new BodyRegistry(
    rows.map(
      (row): BodyEntry => ({
        id: row.id,
        shortName: row.shortName,
        fullName: row.fullName,
        kind: row.kind as BodyEntry['kind'],
        aliases: JSON.parse(row.aliases) as string[],
        members: row.members.map((m) => m.memberId),
      }),
    ),
  );
}
