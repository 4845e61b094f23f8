import { describe, expect, it } from 'vitest';
import { classChange, classify, classRuleFrom, defaultClassRule, type CreditRecord } from './classes.ts';

const penalty = (id: string, amountYuan: number, status: CreditRecord['status'] = 'active'): CreditRecord => ({ id, kind: 'penalty', amountYuan, date: '2016-03-01', status });
const penalties = (n: number, each: number) => Array.from({ length: n }, (_, i) => penalty(`p${i}`, each));

describe('classify', () => {
  it('rates an entity without live records good', () => {
    expect(classify([])).toEqual({ creditClass: 'good', ruleVersion: 'default-2026.1', reasons: [] });
    expect(classify([penalty('p', 5000, 'repaired'), penalty('q', 5000, 'corrected')]).creditClass).toBe('good');
  });

  it('warns for up to 5 penalties and ¥100,000, or an abnormal-list entry', () => {
    expect(classify(penalties(5, 20_000)).creditClass).toBe('warning');
    expect(classify([{ id: 'a', kind: 'abnormal', date: '2016-01-01', status: 'active' }])).toMatchObject({
      creditClass: 'warning', reasons: ['列入经营异常名录 On the abnormal-operations list'],
    });
  });

  it('is dishonest from the 6th penalty or above ¥100,000, or on the serious-violation list', () => {
    expect(classify(penalties(6, 1000)).creditClass).toBe('dishonest');
    expect(classify([penalty('p', 100_001)]).creditClass).toBe('dishonest');
    expect(classify([{ id: 's', kind: 'seriousViolation', date: '2016-01-01', status: 'active' }]).creditClass).toBe('dishonest');
  });

  it('is seriously dishonest above 10 penalties or ¥500,000', () => {
    expect(classify(penalties(10, 50_000)).creditClass).toBe('dishonest');
    expect(classify(penalties(11, 1000))).toMatchObject({ creditClass: 'seriouslyDishonest', reasons: ['11 次行政处罚，罚款合计 ¥11,000 11 penalties totalling ¥11,000'] });
    expect(classify([penalty('p', 500_001)]).creditClass).toBe('seriouslyDishonest');
  });

  it('keeps counting a record under objection until it is decided', () => {
    expect(classify([penalty('p', 200_000, 'underObjection')]).creditClass).toBe('dishonest');
  });

  it('applies the configured thresholds and names their version', () => {
    const strict = { ...defaultClassRule, version: 'strict', warningMaxPenalties: 1 };
    expect(classify(penalties(2, 100), strict)).toMatchObject({ creditClass: 'dishonest', ruleVersion: 'strict' });
  });

  it('reads thresholds from configuration, refusing unnamed or disordered ones', () => {
    const rule = classRuleFrom({ version: 'tianjin-2016', warningMaxYuan: 50_000 });
    expect(classify([penalty('p', 60_000)], rule)).toMatchObject({ creditClass: 'dishonest', ruleVersion: 'tianjin-2016' });
    expect(() => classRuleFrom({ warningMaxYuan: 50_000 })).toThrow(/new rule version/);
    expect(() => classRuleFrom({ version: 'bad', dishonestMaxPenalties: 2 })).toThrow(/must not be below/);
    expect(classRuleFrom({})).toEqual(defaultClassRule);
  });

  it('records a change of class only when the class changes', () => {
    const before = classify([penalty('p', 1000)]);
    expect(classChange('warning', before, '2016-03-01T00:00:00Z', 'import')).toBeNull();
    const after = classify([penalty('p', 1000), { id: 's', kind: 'seriousViolation', date: '2016-03-02', status: 'active' }]);
    expect(classChange('warning', after, '2016-03-02T00:00:00Z', 'record s')).toEqual({
      from: 'warning', to: 'dishonest', ruleVersion: 'default-2026.1', reasons: ['列入严重违法失信企业名单 On the serious-violation list'],
      at: '2016-03-02T00:00:00Z', cause: 'record s',
    });
  });
});
