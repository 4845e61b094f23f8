import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { bulletinFigures } from '../../domain/bulletin/figures.ts';
import { novemberPlan, unitNames } from '../../domain/bulletin/fixtures.ts';
import { bulletinDocx } from './document.ts';

const figures = () => bulletinFigures(novemberPlan, { start: '2026-11-01', end: '2026-11-30' }, '2026-10-31', (u) => unitNames[u] ?? u);
const text = () => ({ planTitle: '关于加强市场主体事中事后监管的任务分工', number: 3, issuer: '天津市人民政府督查室', figures: figures() });
const documentXml = async (docx: Buffer) => (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');

describe('the bulletin .docx', () => {
  it('opens, and states the hand-counted numbers', async () => {
    const docx = await bulletinDocx(text());
    const { value } = await mammoth.extractRawText({ buffer: docx });
    const lines = value.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines[0]).toBe('督查通报');
    expect(lines).toContain('第3期');
    expect(value).toContain('截至2026年11月30日，共有任务6项，其中已办结2项、正在办理4项。');
    expect(value).toContain('绿灯（正常）1项、黄灯（预警）0项、红灯（逾期）4项、已办结5项。');
    expect(value).toContain('本期（2026年11月1日至2026年11月30日）办结分工4项，新增逾期4项。逾期最久的是市法制办承办的2.2项任务，已逾期25天。');
    expect(value).toContain('2.2 报送自查报告（期限2026年11月5日），逾期25天。');
    expect(value).toContain('逾期事项由1项变为4项，其中已消除1项、新增4项。');
    expect(value).toContain('和平区、市公安局本期到期分工全部按期办结，予以通报表扬。');
    // The ranking table, row by row: rank, unit, due, on time, rate, overdue, average days.
    const ranking = lines.slice(lines.indexOf('平均逾期天数') + 1, lines.indexOf('平均逾期天数') + 1 + 6 * 7);
    expect(ranking).toEqual([
      '1', '和平区', '1', '1', '100.0%', '0', '0',
      '1', '市公安局', '1', '1', '100.0%', '0', '0',
      '3', '市法制办', '3', '1', '33.3%', '1', '25.0',
      '4', '市环保局', '1', '0', '0.0%', '1', '2.0',
      '5', '河东区', '1', '0', '0.0%', '1', '15.0',
      '6', '市商务委', '2', '0', '0.0%', '1', '20.0',
    ]);
    expect(lines.slice(-2)).toEqual(['天津市人民政府督查室', '2026年11月30日']);
  });

  it('follows GB/T 9704: A4, the margins, the fonts and sizes by name', async () => {
    const xml = await documentXml(await bulletinDocx(text()));
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toMatch(/w:eastAsia="方正小标宋简体"[^>]*\/><w:sz w:val="44"\/>/);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="楷体_GB2312"');
    expect(xml).toContain('<w:sz w:val="32"/>');
  });

  it('the same figures give the same document body', async () => {
    const first = await documentXml(await bulletinDocx(text()));
    await new Promise((resolve) => setImmediate(resolve));
    expect(await documentXml(await bulletinDocx(text()))).toBe(first);
  });
});
