import { describe, expect, it } from 'vitest';
import { normalizeUscc, usccCheckCharacter, usccProblem } from './uscc.ts';

// The example code widely cited with GB 32100-2015.
const valid = ['91350100M000100Y43'];

describe('unified social credit code', () => {
  it('accepts valid codes, in any case', () => {
    for (const code of valid) expect([code, usccProblem(code)]).toEqual([code, null]);
    expect(normalizeUscc(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
  });

  it('computes the check character', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it('rejects every single-character corruption of a valid code', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const code = valid[0]!;
    for (let i = 0; i < 18; i += 1) {
      for (const char of alphabet) {
        if (char === code[i]) continue;
        const corrupted = code.slice(0, i) + char + code.slice(i + 1);
        expect([corrupted, usccProblem(corrupted)]).not.toEqual([corrupted, null]);
      }
    }
  });

  it('rejects transposed neighbours', () => {
    expect(usccProblem('93150100M000100Y43')).toMatch(/check character/);
  });

  it('explains malformed codes', () => {
    expect(usccProblem('9135010')).toMatch(/18 characters, not 7/);
    expect(usccProblem('91350100M000100I43')).toMatch(/"I" cannot appear/);
    expect(usccProblem('9135A100M000100Y43')).toMatch(/administrative division/);
    expect(() => normalizeUscc('91350100M000100Y44')).toThrow(/should be "3"/);
  });
});
