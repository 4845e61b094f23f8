import { describe, expect, it } from 'vitest';
import { catalogueErrors, parseDisposition } from './catalogue.ts';

const row = (item: string, disposition = '保留') => ({
  item, disposition, object: '食品生产企业', content: '生产许可条件保持情况', method: '双随机抽查', standard: '食品生产许可审查通则',
  measures: '责令整改', procedure: '检查—告知—整改—复查',
});

describe('catalogueErrors', () => {
  it('accepts a complete catalogue', () => {
    expect(catalogueErrors([row('食品生产许可'), row('餐饮服务许可', 'delegated')])).toEqual([]);
  });

  it('reports missing fields, unknown dispositions and duplicate items with their row numbers', () => {
    const errors = catalogueErrors([row('食品生产许可'), { ...row('食品生产许可'), method: ' ' }, row('药品零售许可', '废止')], 2);
    expect(errors).toEqual([
      { row: 3, message: '缺少监管方式 Missing Method.' },
      { row: 3, message: '审批事项"食品生产许可"与第 2 行重复 Duplicate of row 2.' },
      { row: 4, message: '"废止" 应为 保留、取消 或 下放 must be kept, cancelled or delegated.' },
    ]);
  });

  it('refuses the template\'s example row, however its brackets are written', () => {
    expect(catalogueErrors([row('（示例）食品生产许可'), row('( 示例 )食品经营许可'), row('药品零售许可（示例除外）')], 2)).toEqual([
      { row: 2, message: expect.stringContaining("the template's example row") },
      { row: 3, message: expect.stringContaining("the template's example row") },
    ]);
  });

  it('refuses an empty catalogue', () => {
    expect(catalogueErrors([])).toEqual([{ row: 1, message: '目录为空 The catalogue has no rows.' }]);
  });
});

describe('parseDisposition', () => {
  it('reads Chinese and English', () => {
    expect(['保留', '取消', '下放', 'Kept', ' delegated '].map(parseDisposition)).toEqual(['kept', 'cancelled', 'delegated', 'kept', 'delegated']);
    expect(parseDisposition('废止')).toBeNull();
  });
});
