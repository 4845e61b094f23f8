import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { bulletinFigures } from '../../domain/bulletin/figures.ts';
import { escalatedPlan, novemberPlan, unitNames } from '../../domain/bulletin/fixtures.ts';
import { bulletinDocx } from './document.ts';

const responsible: Record<string, string> = { legal: '张三', commerce: '李四' };
const figures = (plan = novemberPlan) =>
  bulletinFigures(plan, { start: '2026-11-01', end: '2026-11-30' }, '2026-10-31', (u) => unitNames[u] ?? u, (u) => responsible[u] ?? null);
const text = (plan = novemberPlan) => ({ planTitle: '关于加强市场主体事中事后监管的任务分工', number: 3, issuer: '天津市人民政府督查室', figures: figures(plan) });
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
    // The ranking table, row by row: rank, unit, its 负责人 (— when it has none), due, on time, rate, overdue, average days.
    expect(lines.slice(lines.indexOf('名次'), lines.indexOf('名次') + 8)).toEqual(['名次', '单位', '负责人', '到期', '按期办结', '按期办结率', '逾期', '平均逾期天数']);
    const ranking = lines.slice(lines.indexOf('平均逾期天数') + 1, lines.indexOf('平均逾期天数') + 1 + 6 * 8);
    expect(ranking).toEqual([
      '1', '和平区', '—', '1', '1', '100.0%', '0', '0',
      '1', '市公安局', '—', '1', '1', '100.0%', '0', '0',
      '3', '市法制办', '张三', '3', '1', '33.3%', '1', '25.0',
      '4', '市环保局', '—', '1', '0', '0.0%', '1', '2.0',
      '5', '河东区', '—', '1', '0', '0.0%', '1', '15.0',
      '6', '市商务委', '李四', '2', '0', '0.0%', '1', '20.0',
    ]);
    expect(lines).toContain('四、红色督办及约谈情况');
    expect(value).toContain('本期没有发出红色督办单，也没有单位列入约谈。');
    expect(lines.slice(-2)).toEqual(['天津市人民政府督查室', '2026年11月30日']);
  });

  it('mentions the period\'s red 督办单 and 约谈, not a yellow one nor a red one from before the period', async () => {
    const { value } = await mammoth.extractRawText({ buffer: await bulletinDocx(text(escalatedPlan)) });
    const lines = value.split('\n').map((l) => l.trim()).filter(Boolean);
    const from = lines.indexOf('四、红色督办及约谈情况');
    expect(lines.slice(from, lines.indexOf('五、与上期（截至2026年10月31日）相比'))).toEqual([
      '四、红色督办及约谈情况',
      '本期发出红色督办单2份，列入约谈1次，现予通报：',
      '市法制办承办的2.2项任务「报送自查报告」，2026年11月19日发出红色督办单（督办〔2026〕5号），时已逾期10个工作日。',
      '市商务委承办的1.1项任务「制定具体办法」，2026年11月24日发出红色督办单（督办〔2026〕6号），时已逾期10个工作日。',
      '市法制办承办的2.2项任务「报送自查报告」，2026年11月26日列入约谈，时已逾期15个工作日。',
    ]);
    expect(value).not.toContain('督办〔2026〕1号');
    expect(value).not.toContain('督办〔2026〕4号');
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
