import { describe, expect, it } from 'vitest';
import { availableSheetActions, competitionRank } from './sheet.ts';

describe('competitionRank', () => {
  it('ranks ties equal and skips the places they take (1, 1, 3)', () => {
    const scores = [98, 100, 100, 95.5, 98];
    expect(scores.map((s) => competitionRank(s, scores))).toEqual([3, 1, 1, 5, 3]);
  });
  it('ranks a lone score first', () => expect(competitionRank(80, [80])).toBe(1));
});

describe('availableSheetActions', () => {
  it('offers the performance office the next step only, and nobody else anything', () => {
    expect(availableSheetActions('draft', { role: 'performance' })).toEqual(['review']);
    expect(availableSheetActions('reviewed', { role: 'performance' })).toEqual(['announce']);
    expect(availableSheetActions('announced', { role: 'performance' })).toEqual([]);
    expect(availableSheetActions('announced', { role: 'performance' }, true)).toEqual(['publish']);
    expect(availableSheetActions('published', { role: 'performance' })).toEqual([]);
    expect(availableSheetActions('draft', { role: 'supervisor' })).toEqual([]);
    expect(availableSheetActions('reviewed', { role: 'department' })).toEqual([]);
  });
});
