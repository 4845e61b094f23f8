import type { PrismaClient } from '../../runtime/db.ts';
import { defaultRegistryId } from './registry.ts';

/** The government an issuer speaks for: its general office issues on its behalf (天津市人民政府办公厅 → 天津市人民政府). */
export const issuingGovernment = (issuer: string) => issuer.replace(/\s+/g, '').replace(/(办公厅|办公室)$/, '');

/**
 * The registry of the notice's issuing government: the one named after it,
 * made when `create` is set, else the default (Tianjin) registry.
 */
export async function issuerRegistry(prisma: PrismaClient, issuer: string | null, create: boolean): Promise<string> {
  const name = issuer ? issuingGovernment(issuer) : '';
  if (!name) return defaultRegistryId;
  const found = await prisma.registry.findUnique({ where: { name } });
  if (found) return found.id;
  if (!create) return defaultRegistryId;
  const made = await prisma.registry.upsert({ where: { name }, create: { id: `registry-${Buffer.from(name).toString('hex').slice(0, 24)}`, name }, update: {} });
  return made.id;
}
