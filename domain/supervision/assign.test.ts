import { describe, expect, it } from 'vitest';
import { BodyRegistry } from '../bodies/registry.ts';
import { buildTaskState } from './assign.ts';
import { validateAction } from './transitions.ts';

const registry = new BodyRegistry([
  { id: 'east', shortName: '东区政府', fullName: '某市东区人民政府', kind: 'district', aliases: [] },
  { id: 'west', shortName: '西区政府', fullName: '某市西区人民政府', kind: 'district', aliases: [] },
  { id: 'districts', shortName: '各区政府', fullName: '某市各区人民政府', kind: 'group', aliases: [], members: ['east', 'west'] },
  { id: 'justice', shortName: '市司法局', fullName: '某市司法局', kind: 'department', aliases: [] },
  { id: 'legal', shortName: '市法制办', fullName: '某市法制办', kind: 'department', aliases: [], mergedInto: 'justice' },
]);
const options = { planId: 'p', taskId: 't', registry, requirements: [], reminderDays: [7], shiftDays: 0 };

describe('buildTaskState', () => {
  it('gives each member of a registered group its own assignment, the group kept as origin', () => {
    const state = buildTaskState({ ref: '1.1', text: '落实。', leads: ['各区政府'], supports: ['市司法局'], due: '2030-06-30T23:59:59+08:00' }, options);
    expect(state.assignments.map((a) => [a.bodyName, a.bodyId, a.role, a.origin ?? null, a.primary])).toEqual([
      ['东区政府', 'east', 'lead', '各区政府', true],
      ['西区政府', 'west', 'lead', '各区政府', false],
      ['市司法局', 'justice', 'support', null, false],
    ]);
    // The task's own deadline is the leads'; supports follow their leads.
    const due = Date.parse('2030-06-30T23:59:59+08:00');
    expect(state.assignments.map((a) => Date.parse(a.due!))).toEqual([due, due, due]);
  });

  it('lets a department act on an assignment held under a body merged into its own', () => {
    const state = { ...buildTaskState({ ref: '1.1', text: '落实。', leads: ['市司法局'], supports: [] }, options) };
    state.assignments[0]!.bodyId = 'legal'; // a workflow started before the merge keeps the old id
    const action = { type: 'progress' as const, bodyName: '市司法局', comment: '进展' };
    const actor = { accountId: 'a', name: '承办人', role: 'department' as const, bodyId: 'justice' };
    expect(() => validateAction(state, { actor, action }, Date.now())).toThrow(/own body/);
    expect(() => validateAction(state, { actor: { ...actor, mergedBodyIds: ['legal'] }, action }, Date.now())).not.toThrow();
  });
});
