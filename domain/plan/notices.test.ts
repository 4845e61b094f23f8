import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseNotice } from './parse.ts';
import { planTriples, pool, readTriples, type Score, scoreTriples } from './score.ts';

// The real notices sit beside the clone, never in it (../shared/notices/); DUBAN_NOTICES_DIR points elsewhere.
const dir = process.env.DUBAN_NOTICES_DIR ? `${process.env.DUBAN_NOTICES_DIR.replace(/\/$/, '')}/` : fileURLToPath(new URL('../../../shared/notices/', import.meta.url));
const seed = fileURLToPath(new URL('../../prisma/seed/', import.meta.url));
const annotations = new URL('./annotations/', import.meta.url);
const read = (name: string) => parseNotice(readFileSync(`${dir}${name}`, 'utf8'));
const leadsOf = (plan: ReturnType<typeof parseNotice>, ref: string) => plan.tasks.find((t) => t.ref === ref)?.leads;

describe.skipIf(!existsSync(dir))('State Council notices', () => {
  describe('国发〔2018〕39号: tasks numbered across sections, first listed is the primary lead', () => {
    const plan = existsSync(dir) ? read('guofa-2018-39-jiuye.txt') : null!;

    it('reads the document', () => {
      expect(plan).toMatchObject({
        title: '国务院关于做好当前和今后一个时期促进就业工作的若干意见',
        issuer: '国务院',
        issuedOn: '2018-11-16',
        basis: '国发〔2018〕39号',
      });
    });

    it('numbers 15 tasks by section and written number', () => {
      expect(plan.tasks.map((t) => t.ref)).toEqual([
        '1.1', '1.2', '2.3', '2.4', '2.5', '3.6', '3.7', '3.8', '4.9', '4.10', '4.11', '5.12', '5.13', '5.14', '5.15',
      ]);
      expect(plan.tasks[0]!.section).toBe('支持企业稳定发展');
      expect(plan.tasks[0]!.text.startsWith('加大稳岗支持力度。对不裁员')).toBe(true);
      expect(plan.tasks[0]!.text.endsWith('上述资金由失业保险基金列支。')).toBe(true);
    });

    it('makes every listed body a lead, in written order', () => {
      expect(leadsOf(plan, '1.1')).toEqual(['人力资源社会保障部', '财政部']);
      expect(leadsOf(plan, '1.2')).toEqual(['财政部', '工业和信息化部', '人民银行', '银保监会']);
      expect(leadsOf(plan, '2.4')).toEqual(['人力资源社会保障部', '科技部', '财政部', '住房城乡建设部', '市场监管总局', '各省级人民政府']);
      expect(leadsOf(plan, '4.11')).toEqual(['财政部', '人力资源社会保障部', '民政部', '有关部门和单位']);
      expect(leadsOf(plan, '5.13')).toEqual(['各有关部门和单位']);
      expect(leadsOf(plan, '5.15')).toEqual(['各有关部门和单位', '各省级人民政府']);
      expect(plan.tasks.every((t) => t.supports.length === 0)).toBe(true);
    });

    it('reads the 30-day deadline for the provincial governments from the notice date', () => {
      expect(plan.requirements).toEqual([
        expect.objectContaining({ due: '2018-12-16T23:59:59+08:00', recurrence: null, appliesTo: ['各省级人民政府'] }),
      ]);
      expect(plan.requirements[0]!.text).toContain('本意见印发之日起30日内');
    });
  });

  describe('国发〔2019〕3号: three levels, numbered principles that are not tasks', () => {
    const plan = existsSync(dir) ? read('guofa-2019-3-zongbao.txt') : null!;

    it('reads the document', () => {
      expect(plan).toMatchObject({
        title: '国务院关于促进综合保税区高水平开放高质量发展的若干意见',
        issuer: '国务院',
        issuedOn: '2019-01-12',
        basis: '国发〔2019〕3号',
      });
    });

    it('takes the 21 assigned items as tasks, under the five （一） headings of 四、主要任务', () => {
      expect(plan.tasks).toHaveLength(21);
      expect(plan.tasks.map((t) => t.ref).slice(0, 6)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '2.6']);
      expect(plan.tasks.at(-1)!.ref).toBe('5.21');
      expect([...new Set(plan.tasks.map((t) => t.section))]).toEqual([
        '统筹两个市场，打造加工制造中心', '推动创新创业，打造研发设计中心', '推进贸易便利化，打造物流分拨中心',
        '延伸产业链条，打造检测维修中心', '培育新动能新优势，打造销售服务中心',
      ]);
      expect(plan.tasks.some((t) => t.text.includes('坚持深化改革'))).toBe(false);
    });

    it('reads the leads, keeping names with 和 whole', () => {
      expect(leadsOf(plan, '1.1')).toEqual(['税务总局', '财政部', '海关总署']);
      expect(plan.tasks[0]!.text).toBe('拓展两个市场。积极稳妥地在综合保税区推广增值税一般纳税人资格试点。');
      expect(leadsOf(plan, '3.13')).toEqual(['海关总署', '文化和旅游部', '文物局']);
      expect(leadsOf(plan, '4.14')).toEqual(['商务部', '工业和信息化部', '生态环境部', '海关总署']);
      expect(leadsOf(plan, '2.6')).toEqual(['海关总署', '商务部', '有关部门']);
    });

    it('has no deadlines', () => {
      expect(plan.requirements).toEqual([]);
    });
  });
});

/**
 * The measure of issue 17: (ref, role, body) F1 against hand annotations of
 * the visible notices (annotations/*.tsv; the seed is always there, the
 * others when ../shared/notices/ is).
 */
describe('hand annotations of the visible notices', () => {
  const scored: Array<[string, Score]> = [];
  for (const name of readdirSync(annotations).filter((f) => f.endsWith('.tsv')).sort()) {
    const stem = name.replace(/\.tsv$/, '');
    const file = [`${dir}${stem}.txt`, `${seed}${stem}.txt`].find(existsSync);
    if (!file) continue;
    const expected = readTriples(readFileSync(new URL(name, annotations), 'utf8'));
    scored.push([stem, scoreTriples(expected, planTriples(parseNotice(readFileSync(file, 'utf8')).tasks))]);
  }

  it('finds who leads and who supports each task, pooled F1 at least 0.95', () => {
    const table = scored.map(([stem, s]) => `${stem}: F1 ${s.f1.toFixed(3)} (${s.correct}/${s.expected}, found ${s.found})`).join('\n');
    expect(scored.length, 'the seed at least').toBeGreaterThan(0);
    expect(pool(scored.map(([, s]) => s)).f1, table).toBeGreaterThanOrEqual(0.95);
  });
});
