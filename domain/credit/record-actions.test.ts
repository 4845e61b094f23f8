import { describe, expect, it } from 'vitest';
import { availableRecordActions } from './record-actions.ts';

describe('the steps a viewer may start from a credit record', () => {
  const active = { status: 'active', underObjection: false };

  it('offers an objection and a repair on a record in force to the supervising office and departments', () => {
    expect(availableRecordActions(active, { role: 'supervisor' })).toEqual(['fileObjection', 'applyForRepair']);
    expect(availableRecordActions(active, { role: 'department' })).toEqual(['fileObjection', 'applyForRepair']);
  });

  it('offers no second objection while one is under way', () => {
    expect(availableRecordActions({ status: 'active', underObjection: true }, { role: 'department' })).toEqual(['applyForRepair']);
  });

  it('offers nothing on a corrected or repaired record, or to the performance office, the administrator or an anonymous viewer', () => {
    expect(availableRecordActions({ status: 'corrected', underObjection: false }, { role: 'supervisor' })).toEqual([]);
    expect(availableRecordActions({ status: 'repaired', underObjection: false }, { role: 'department' })).toEqual([]);
    expect(availableRecordActions(active, { role: 'performance' })).toEqual([]);
    expect(availableRecordActions(active, { role: 'admin' })).toEqual([]);
    expect(availableRecordActions(active, null)).toEqual([]);
  });
});
