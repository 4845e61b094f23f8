import { ValidationError } from '../errors.ts';

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18
 * characters from a 31-character alphabet (no I, O, S, V, Z); the last is a
 * check character over the first 17, weighted by powers of 3 modulo 31.
 */
const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Each ASCII character's place in the alphabet, -1 outside it. */
const places = new Int8Array(128).fill(-1);
for (let i = 0; i < alphabet.length; i += 1) places[alphabet.charCodeAt(i)] = i;
const inAlphabet = (c: number) => c < 128 && places[c]! >= 0;

/** The weighted sum of the first `length` characters, or null when one is outside the alphabet. */
function weightedSum(text: string, length: number): number | null {
  let sum = 0;
  for (let i = 0; i < length; i += 1) {
    const c = text.charCodeAt(i);
    if (!inAlphabet(c)) return null;
    sum += places[c]! * weights[i]!;
  }
  return sum;
}

const checkCharacter = (sum: number) => alphabet[(31 - (sum % 31)) % 31]!;

/** The check character the first 17 characters call for. */
export function usccCheckCharacter(first17: string): string {
  // A bulk import checks every row's code: a loop over char codes, with the general form for any other input.
  const fast = first17.length === 17 ? weightedSum(first17, 17) : null;
  if (fast !== null) return checkCharacter(fast);
  const sum = [...first17].reduce((total, char, i) => total + alphabet.indexOf(char) * weights[i]!, 0);
  return checkCharacter(sum);
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** A code as stored and compared: trimmed, upper case (not yet checked). */
export const canonicalUscc = (input: string) => input.trim().toUpperCase();

/** Why a code is not valid, in words for the person who typed it; null when it is valid. */
export function usccProblem(input: string): string | null {
  const code = canonicalUscc(input);
  // The common case, all 18 characters in the alphabet, without building arrays; the same answers.
  const sum = code.length === 18 && inAlphabet(code.charCodeAt(17)) ? weightedSum(code, 17) : null;
  if (sum !== null) {
    for (let i = 2; i < 8; i += 1) if (!isDigit(code.charCodeAt(i))) return '第 3–8 位应为行政区划代码（数字）。 Characters 3–8 must be the administrative division code (digits).';
    const expected = checkCharacter(sum);
    return code[17] === expected ? null : `校验位应为"${expected}"，请核对。 The check character should be "${expected}": the code is mistyped.`;
  }
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
