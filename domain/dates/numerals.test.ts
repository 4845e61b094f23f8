import { describe, expect, it } from 'vitest';
import { parseNumber } from './numerals.ts';

describe('parseNumber', () => {
  it('reads arabic numerals, half- and full-width', () => {
    expect(parseNumber('12')).toBe(12);
    expect(parseNumber('１２')).toBe(12);
  });

  it('reads positional Chinese numerals', () => {
    expect(parseNumber('一')).toBe(1);
    expect(parseNumber('十')).toBe(10);
    expect(parseNumber('十一')).toBe(11);
    expect(parseNumber('二十')).toBe(20);
    expect(parseNumber('二十一')).toBe(21);
    expect(parseNumber('一百零五')).toBe(105);
  });

  it('reads years written digit by digit', () => {
    expect(parseNumber('二〇一六')).toBe(2016);
    expect(parseNumber('二零一九')).toBe(2019);
  });

  it('refuses anything else', () => {
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('十a')).toBeNull();
    expect(parseNumber('第一')).toBeNull();
  });
});
