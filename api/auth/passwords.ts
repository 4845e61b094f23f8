import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
export { generatePassword } from '../../runtime/secret.ts';

export const minPasswordLength = 10;
export const maxPasswordLength = 200;

let checks = 0;
/** How many passwords this process has checked (tests prove an unknown login costs a check too). */
export const passwordChecks = () => checks;

/** A hash of nothing anyone knows, checked when the login does not exist, so both cases take the same time (made at start, not on the first sign-in). */
const decoy = hash(`decoy ${randomInt(2 ** 47)}`);

/**
 * Checks a password against an account's hash, or against the decoy when there
 * is no account: the answer takes as long either way. Overlong passwords are
 * checked against the decoy too (and fail), so their length costs nothing.
 */
export async function checkPassword(passwordHash: string | null, password: string): Promise<boolean> {
  checks += 1;
  const overlong = password.length > maxPasswordLength;
  const valid = await verify(passwordHash && !overlong ? passwordHash : await decoy, overlong ? '' : password).catch(() => false);
  return valid && passwordHash !== null && !overlong;
}

export const hashPassword = (password: string) => hash(password);

/** The password policy, in words a user understands; null when the password is acceptable. */
export function passwordProblem(password: string, login: string): string | null {
  if (password.length < minPasswordLength) return `密码至少 ${minPasswordLength} 个字符。 A password has at least ${minPasswordLength} characters.`;
  if (password.length > maxPasswordLength) return `密码最多 ${maxPasswordLength} 个字符。 A password has at most ${maxPasswordLength} characters.`;
  if (login && password.toLowerCase().includes(login.toLowerCase())) return '密码不能包含登录名。 A password must not contain the login.';
  if (new Set(password).size < 4) return '密码过于简单。 The password is too simple.';
  return null;
}
