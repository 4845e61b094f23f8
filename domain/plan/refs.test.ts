import { describe, expect, it } from 'vitest';
import { compareTaskRefs } from './refs.ts';

describe('compareTaskRefs', () => {
  it('orders refs by number, part by part', () => {
    expect(['1.10', '2.1', '1.2', '10.1', '1.1', '2'].sort(compareTaskRefs)).toEqual(['1.1', '1.2', '1.10', '2', '2.1', '10.1']);
    expect(compareTaskRefs('3.4', '3.4')).toBe(0);
  });

  it('falls back to text for a part that is not a number', () => {
    expect(['1.b', '1.a', '1.2'].sort(compareTaskRefs)).toEqual(['1.2', '1.a', '1.b']);
  });
});
