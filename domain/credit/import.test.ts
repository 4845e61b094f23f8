import { describe, expect, it } from 'vitest';
import { checkEntityRows, checkRecordRows, entityColumns, mapHeader, recordColumns } from './import.ts';

const code = '91350100M000100Y43';
const entity = { code, name: '天津某商贸有限公司', registrationBody: '和平区市场监管局', district: '和平区', industry: 'retail' };

describe('entity import rows', () => {
  it('maps Chinese or English headers and names a missing column', () => {
    expect(mapHeader(['统一社会信用代码', 'Name', '登记机关', 'district', '行业'], entityColumns)).toEqual({
      fields: ['code', 'name', 'registrationBody', 'district', 'industry'], errors: [],
    });
    expect(mapHeader(['code', 'name'], entityColumns).errors.map((e) => e.message)).toHaveLength(3);
  });

  it('reports every bad row by its number', () => {
    const { entities, errors } = checkEntityRows([entity, { ...entity, name: '' }, { ...entity, code: '91350100M000100Y44' }]);
    expect(entities).toHaveLength(3);
    expect(errors).toEqual([
      { row: 3, message: expect.stringContaining('Same code as row 2') },
      { row: 3, message: expect.stringContaining('Missing name') },
      { row: 4, message: expect.stringContaining('check character should be "3"') },
    ]);
  });
});

describe('record import rows', () => {
  const row = { code, kind: '行政处罚', date: '2016-03-01', amountYuan: '¥20,000', severity: '一般', description: '未明码标价', provider: '市市场监管委', repairExcluded: '' };

  it('reads Chinese kinds, amounts with separators and severities', () => {
    const { records, errors } = checkRecordRows([row, { ...row, kind: 'abnormal', amountYuan: '', severity: '' }], () => true);
    expect(errors).toEqual([]);
    expect(records.map((r) => [r.kind, r.amountYuan, r.severity, r.repairExcluded])).toEqual([['penalty', 20_000, 'general', false], ['abnormal', null, 'general', false]]);
    expect(mapHeader(Object.values(recordColumns).map((names) => names[0]), recordColumns).errors).toEqual([]);
  });

  it('refuses unknown entities, kinds, impossible dates and missing fines', () => {
    const { errors } = checkRecordRows([
      { ...row, code: '91110000100000000E' },
      { ...row, kind: '警告', date: '2016-02-30', amountYuan: '' },
      { ...row, amountYuan: '-5', repairExcluded: 'maybe' },
    ], (c) => c === code);
    expect(errors.map((e) => e.row)).toEqual([2, 3, 3, 4, 4]);
    expect(errors[0]!.message).toMatch(/not registered|check character/);
    expect(errors[2]!.message).toMatch(/real date/);
  });
});
