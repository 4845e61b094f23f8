import type { PrismaClient } from '../runtime/db.ts';

/** Active department accounts of a body that sign off (负责人; an account without a duty is one). */
export const responsibleAccounts = (bodyId: string | { in: string[] }) => ({ bodyId, role: 'department', active: true, OR: [{ duty: null }, { duty: 'responsible' }] });

/** Which responsible account a body's 督办单 and bulletins name when it has several: the first by login. */
const byLogin = { login: 'asc' } as const;

/** The 负责人 that 督办单 and bulletins name, by body: its first active responsible account, by login. */
export async function responsiblePeople(prisma: PrismaClient, bodyIds: string[]): Promise<Map<string, string>> {
  const accounts = await prisma.account.findMany({ where: responsibleAccounts({ in: bodyIds }), orderBy: byLogin, select: { bodyId: true, displayName: true } });
  const people = new Map<string, string>();
  for (const a of accounts) if (a.bodyId && !people.has(a.bodyId)) people.set(a.bodyId, a.displayName);
  return people;
}
