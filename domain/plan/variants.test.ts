import { describe, expect, it } from 'vitest';
import { re, tc } from './variants.ts';

describe('tc', () => {
  it('lets a keyword match its traditional form', () => {
    expect(re('牵头单位').test('牽頭單位')).toBe(true);
    expect(re('^牵头单位$').test('牵头单位')).toBe(true);
    expect(re('汇总').test('彙總')).toBe(true);
  });

  it('adds variants inside character classes and leaves escapes alone', () => {
    expect(tc('[办厅]')).toBe('[办辦厅廳]');
    expect(tc('\\d办')).toBe('\\d[办辦]');
    expect(re('[负配]责').test('負責')).toBe(true);
  });
});
