import { describe, expect, it } from 'vitest';
import { mergeTasks, nextRef, sourceSpan, splitPoint, splitTask, type EditableTask } from './draft-edits.ts';

const task = (ref: string, text: string, extra: Partial<EditableTask> = {}): EditableTask => ({
  ref,
  section: '重点任务',
  text,
  leads: ['区司法局'],
  supports: [],
  due: null,
  recurrence: null,
  ...extra,
});

const draft = () => ({
  title: '通知',
  tasks: [
    task('1.1', '建设公共法律服务中心。为企业提供法律咨询。', { supports: ['区财政局'], due: '2026-06-30T23:59:59+08:00' }),
    task('1.2', '推行企业开办一日办结', { leads: ['区行政审批局', '区财政局'], due: '2026-05-31T23:59:59+08:00', recurrence: '每月' }),
    task('2.1', '完善考核机制', { section: '保障措施' }),
  ],
  warnings: [
    { code: 'noDate', ref: null },
    { code: 'unknownBody', ref: '1.2' },
  ],
});

describe('splitting a task', () => {
  it('keeps the first part under its ref and gives the second the next free ref of the section, right after it', () => {
    const split = splitTask(draft(), '1.1', splitPoint(draft().tasks[0]!.text)!);
    expect(split.tasks.map((t) => [t.ref, t.text])).toEqual([
      ['1.1', '建设公共法律服务中心。'],
      ['1.3', '为企业提供法律咨询。'],
      ['1.2', '推行企业开办一日办结'],
      ['2.1', '完善考核机制'],
    ]);
    const second = split.tasks[1]!;
    expect([second.leads, second.supports, second.due, second.section]).toEqual([['区司法局'], ['区财政局'], '2026-06-30T23:59:59+08:00', '重点任务']);
    expect(split.title).toBe('通知');
    expect(split.warnings).toEqual(draft().warnings);
  });

  it('numbers past every task of the same ordinal, and refuses a split that leaves an empty part', () => {
    expect(nextRef(draft().tasks, '保障措施')).toBe('2.2');
    expect(nextRef([], '一、')).toBe('1.1');
    expect(() => splitTask(draft(), '1.2', 0)).toThrow(/empty/);
    expect(() => splitTask(draft(), '9.9', 1)).toThrow(/No task/);
  });

  it('offers the sentence end nearest the middle, or none for a single sentence', () => {
    expect(splitPoint('甲。乙乙乙。丙丙丙丙丙丙。')).toBe(6);
    expect(splitPoint('只有一句话。')).toBeNull();
    expect(splitPoint('  只有一句话。 ')).toBeNull();
  });
});

describe('merging two tasks', () => {
  it('joins the texts under the first ref, unites the bodies with the first lead first, keeps the earlier deadline and moves the warnings', () => {
    const merged = mergeTasks(draft(), '1.1', '1.2');
    expect(merged.tasks.map((t) => t.ref)).toEqual(['1.1', '2.1']);
    const one = merged.tasks[0]!;
    expect(one.text).toBe('建设公共法律服务中心。为企业提供法律咨询。推行企业开办一日办结');
    expect(one.leads).toEqual(['区司法局', '区行政审批局', '区财政局']);
    expect(one.supports).toEqual([]);
    expect(one.due).toBe('2026-05-31T23:59:59+08:00');
    expect(one.recurrence).toBe('每月');
    expect(merged.warnings).toEqual([{ code: 'noDate', ref: null }, { code: 'unknownBody', ref: '1.1' }]);
  });

  it('puts a full stop between texts that lack one, and refuses to merge a task with itself', () => {
    expect(mergeTasks(draft(), '1.2', '2.1').tasks[1]!.text).toBe('推行企业开办一日办结。完善考核机制');
    expect(() => mergeTasks(draft(), '1.1', '1.1')).toThrow(/Cannot merge/);
  });
});

describe('where a draft task stands in the notice', () => {
  const source = '一、重点任务\n1.建设公共法律服务中心，\n为企业提供法律咨询。（牵头单位：区司法局）\n2.推行企业开办一日办结(ABC)。';
  const marked = (span: { start: number; end: number } | null) => (span ? source.slice(span.start, span.end) : null);

  it('finds a text the notice holds across a line break and across full and half width', () => {
    expect(marked(sourceSpan(source, '建设公共法律服务中心，为企业提供法律咨询。', null))).toBe('建设公共法律服务中心，\n为企业提供法律咨询。');
    expect(marked(sourceSpan(source, '推行企业开办一日办结（ＡＢＣ）', null))).toBe('推行企业开办一日办结(ABC)');
  });

  it('places the parser\'s own text by its opening words, even where it differs from the notice', () => {
    const parsed = '建设公共法律服务中心，为企业提供法律咨询服务';
    expect(sourceSpan(source, parsed, parsed)?.start).toBe(source.indexOf('建设'));
  });

  it('has no place for an edited text the notice does not hold, nor for an empty one', () => {
    expect(sourceSpan(source, '建设公共法律服务中心，为企业提供免费咨询', '建设公共法律服务中心，为企业提供法律咨询。')).toBeNull();
    expect(sourceSpan(source, '建设公共法律服务中心。推行企业开办一日办结', null)).toBeNull();
    expect(sourceSpan(source, ' ', null)).toBeNull();
  });
});
