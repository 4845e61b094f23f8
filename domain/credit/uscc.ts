import { ValidationError } from '../errors.ts';

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18
 * characters from a 31-character alphabet (no I, O, S, V, Z); the last is a
 * check character over the first 17, weighted by powers of 3 modulo 31.
 */
const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character the first 17 characters call for. */
export function usccCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((total, char, i) => total + alphabet.indexOf(char) * weights[i]!, 0);
  return alphabet[(31 - (sum % 31)) % 31]!;
}

/** A code as stored and compared: trimmed, upper case (not yet checked). */
export const canonicalUscc = (input: string) => input.trim().toUpperCase();

/** Why a code is not valid, in words for the person who typed it; null when it is valid. */
export function usccProblem(input: string): string | null {
  const code = canonicalUscc(input);
  if (code.length !== 18) return `统一社会信用代码应为 18 位，实为 ${code.length} 位。 A unified social credit code has 18 characters, not ${code.length}.`;
  const bad = [...code].find((char) => !alphabet.includes(char));
  if (bad) return `统一社会信用代码不能含有"${bad}"。 "${bad}" cannot appear in a unified social credit code (no I, O, S, V or Z).`;
  if (!/^\d{6}$/.test(code.slice(2, 8))) return '第 3–8 位应为行政区划代码（数字）。 Characters 3–8 must be the administrative division code (digits).';
  const expected = usccCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) return `校验位应为"${expected}"，请核对。 The check character should be "${expected}": the code is mistyped.`;
  return null;
}

/** The code in its canonical form, or a ValidationError with the reason. */
export function normalizeUscc(input: string): string {
  const problem = usccProblem(input);
  if (problem) throw new ValidationError(problem);
  return canonicalUscc(input);
}
