import { describe, expect, it } from 'vitest';
import { guessKind } from './kinds.ts';
import { BodyRegistry } from './registry.ts';

describe('guessKind', () => {
  it.each([
    ['有关部门', 'placeholder'],
    ['各有关单位', 'placeholder'],
    ['区政府有关部门', 'placeholder'],
    ['各街道办事处', 'placeholder'],
    ['区司法局', 'department'],
    ['市住房城乡建设委', 'department'],
    ['五华区人民政府', 'district'],
    ['某某县政府', 'district'],
    ['国家发展改革委', 'external'],
    ['财政部', 'external'],
    ['中国人民银行', 'external'],
    ['云南银保监局', 'regulator'],
    ['人民银行昆明中心支行', 'regulator'],
  ])('%s → %s', (name, kind) => expect(guessKind(name)).toBe(kind));
});

describe('BodyRegistry with merged bodies', () => {
  const registry = new BodyRegistry([
    { id: 'justice', shortName: '区司法局', fullName: '某市某区司法局', kind: 'department', aliases: [] },
    { id: 'legal', shortName: '区法制办', fullName: '某区人民政府法制办公室', kind: 'department', aliases: ['区政府法制办'], mergedInto: 'justice' },
  ]);

  it('resolves a merged body by id and by each of its names to the survivor', () => {
    expect(registry.get('legal')?.id).toBe('justice');
    expect(registry.find('区法制办')?.id).toBe('justice');
    expect(registry.find('区政府法制办')?.id).toBe('justice');
    expect(registry.find('区司法局')?.id).toBe('justice');
  });
});
