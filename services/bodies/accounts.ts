import { hash } from '@node-rs/argon2';
import type { PrismaClient } from '../../runtime/db.ts';
import { generatePassword } from '../../runtime/secret.ts';

/**
 * A free login for a new body's department account: the given one, or `dept-`
 * and a short digest of the body id, with a number added while taken.
 */
export async function freeLogin(prisma: PrismaClient, wanted: string): Promise<string> {
  for (let i = 0; ; i += 1) {
    const login = i === 0 ? wanted : `${wanted}-${i + 1}`;
    if (!(await prisma.account.findUnique({ where: { login } }))) return login;
  }
}

/**
 * Creates a body's department account with a one-time password (to hand
 * over; it must be changed at the first sign-in), as createAccount does.
 */
export async function createDepartmentAccount(
  prisma: PrismaClient,
  fields: { login: string; displayName: string; bodyId: string; createdBy: string | null },
): Promise<{ accountId: string; login: string; oneTimePassword: string }> {
  const oneTimePassword = generatePassword();
  const account = await prisma.account.create({
    data: {
      id: `account-${fields.login.toLowerCase()}`,
      login: fields.login,
      displayName: fields.displayName,
      role: 'department',
      bodyId: fields.bodyId,
      email: null,
      passwordHash: await hash(oneTimePassword),
      mustChangePassword: true,
      createdBy: fields.createdBy,
    },
  });
  return { accountId: account.id, login: account.login, oneTimePassword };
}
