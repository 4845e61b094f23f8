import { describe, expect, it } from 'vitest';
import { BodyRegistry } from '../bodies/registry.ts';
import { NoticeParseError } from './errors.ts';
import { analyzeNotice, parseNotice, toContract } from './parse.ts';

const notice = (body: string) => `某某市人民政府办公室关于印发某某工作任务分工的通知\n2016年3月1日\n${body}`;

describe('parseNotice', () => {
  it('throws a typed, bilingual error for empty text and for a text without numbered tasks', () => {
    expect(() => parseNotice('')).toThrow(NoticeParseError);
    expect(() => parseNotice('今天是:\n\n来源 :天津政务网 访问次数 :')).toThrow('文本为空 The notice text is empty');
    expect(() => parseNotice('关于做好工作的通知\n请各单位认真落实。')).toThrow('未找到编号任务 No numbered tasks were found in the document');
    try {
      parseNotice('  ');
    } catch (error) {
      expect(error).toMatchObject({ name: 'NoticeParseError', code: 'empty' });
    }
  });

  it('keeps to the contract: no extra fields on tasks or requirements', () => {
    const plan = parseNotice(notice('一、重点工作\n1.年内完成清理。（市A局负责）'));
    expect(Object.keys(plan)).toEqual(['title', 'issuer', 'issuedOn', 'basis', 'tasks', 'requirements', 'warnings']);
    expect(Object.keys(plan.tasks[0]!)).toEqual(['ref', 'section', 'text', 'leads', 'supports']);
    expect(plan.requirements).toEqual([
      { text: '年内完成清理', due: '2016-12-31T23:59:59+08:00', recurrence: null, appliesTo: ['市A局'] },
    ]);
  });

  it('keeps the phrase and the task of each deadline in the detailed plan, and toContract strips them', () => {
    const detailed = analyzeNotice(notice('一、重点工作\n1.年内完成清理。（市A局负责）'));
    expect(detailed.requirements[0]).toMatchObject({ phrase: '年内', taskRef: '1.1' });
    expect(toContract(detailed)).toEqual(parseNotice(notice('一、重点工作\n1.年内完成清理。（市A局负责）')));
  });

  it('takes the deepest numbered items as tasks when nothing is assigned, and says so', () => {
    const plan = parseNotice(notice('一、总体要求\n（一）加强领导。\n（二）强化督查。\n二、其他\n（一）做好宣传。'));
    expect(plan.tasks.map((t) => [t.ref, t.section, t.leads])).toEqual([
      ['1.1', '总体要求', []], ['1.2', '总体要求', []], ['2.1', '其他', []],
    ]);
    expect(plan.warnings).toContainEqual({
      code: 'noRoles',
      message: '未找到责任分工 No responsibility assignments found: the numbered items of the deepest level are taken as tasks without bodies',
      ref: null, body: null, detail: null,
    });
  });

  it('warns about a task with supports only, a missing date and an unresolvable deadline', () => {
    const plan = parseNotice('一、工作\n1.做好统计。（市统计局配合）\n2.每周报送，3月31日前完成。（市A局负责）');
    expect(plan.tasks[0]).toMatchObject({ leads: [], supports: ['市统计局'] });
    expect(plan.issuedOn).toBeNull();
    expect(plan.warnings).toEqual(expect.arrayContaining([
      { code: 'noDate', message: '未找到成文日期 No date of the notice found; deadlines without a year stay unresolved', ref: null, body: null, detail: null },
      { code: 'noLead', message: '无牵头单位 Task 1.1 has no lead body', ref: '1.1', body: null, detail: null },
      {
        code: 'unresolvedDeadline',
        message: '无法确定期限 Deadline “3月31日前” could not be resolved: 每周报送，3月31日前完成',
        ref: '1.2', body: null, detail: '3月31日前',
      },
    ]));
  });

  it('keeps every numbered item among the tasks, with a warning, and leaves other matters alone', () => {
    const plan = parseNotice(notice([
      '一、总体要求', '（一）指导思想。坚持稳中求进。',
      '二、重点任务', '（二）完善制度。（市A局负责）', '（三）加强监管，确保安全。', '（四）优化服务。（市B局负责）',
      '三、专项行动', '（五）开展专项整治。', '四、改革举措', '（六）深化改革。（市C局牵头，市D局配合）',
      '五、保障措施', '（一）加强领导。', '六、其他事项', '（一）做好宣传。', '七、督查', '（七）开展督查。（市E局负责）',
    ].join('\n')));
    expect(plan.tasks.map((t) => [t.ref, t.leads])).toEqual([
      ['1.2', ['市A局']], ['1.3', []], ['1.4', ['市B局']], ['2.5', []], ['3.6', ['市C局']], ['4.7', ['市E局']],
    ]);
    expect(plan.warnings.filter((w) => w.code === 'rolesUnread').map((w) => w.ref)).toEqual(['1.3', '2.5']);
  });

  it('keeps a section of unread items between sections of tasks where each section numbers its tasks afresh', () => {
    const plan = parseNotice(notice([
      '一、总体要求', '1.目标。到2025年基本建成。',
      '二、优化审批', '1.压缩审批时限。（市A局负责）', '2.推行告知承诺。（市A局牵头，市B局配合）',
      '三、强化监管', '1.推行信用监管。', '2.开展联合抽查。',
      '四、提升服务', '1.推进一网通办。（市C局负责）',
      '五、保障措施', '1.加强组织领导。', '2.强化督促检查。',
    ].join('\n')));
    expect(plan.tasks.map((t) => [t.ref, t.leads])).toEqual([['1.1', ['市A局']], ['1.2', ['市A局']], ['2.1', []], ['2.2', []], ['3.1', ['市C局']]]);
    expect(plan.warnings.filter((w) => w.code === 'rolesUnread').map((w) => w.ref)).toEqual(['2.1', '2.2']);
  });

  it('keeps items after the last task that carry on the numbering of the tasks', () => {
    const plan = parseNotice(notice([
      '一、重点任务', '（一）完善制度。（市A局负责）', '（二）加强监管。（市B局负责）', '二、组织实施', '（三）强化督查考核。',
    ].join('\n')));
    expect(plan.tasks.map((t) => [t.ref, t.leads])).toEqual([['1.1', ['市A局']], ['1.2', ['市B局']], ['2.3', []]]);
  });

  it('reads a label whose bodies are on the next line', () => {
    const plan = parseNotice(notice('一、工作\n1.推进改革。\n牵头单位：\n市A局\n配合单位：\n市B局、市C局\n2.加强监管。（市D局负责）'));
    expect(plan.tasks.map((t) => [t.ref, t.text, t.leads, t.supports])).toEqual([
      ['1.1', '推进改革。', ['市A局'], ['市B局', '市C局']],
      ['1.2', '加强监管。', ['市D局'], []],
    ]);
  });

  it('checks names against the registry it is given', () => {
    const registry = new BodyRegistry([{ id: 'a', shortName: '市A局', fullName: '某某市A局', kind: 'department', aliases: [] }]);
    const plan = parseNotice(notice('一、重点工作\n1.做好工作。（市A局牵头，市B局配合）'), { registry });
    expect(plan.warnings).toEqual([
      { code: 'unknownBody', message: '未登记单位 Unknown body: 市B局 — please confirm', ref: '1.1', body: '市B局', detail: null },
    ]);
  });

  it('does not let the signature and date run into the last item', () => {
    const plan = parseNotice('关于做好工作的通知\n一、工作\n1.做好工作。\n（市A局负责）\n某某市人民政府\n2016年3月1日');
    expect(plan.tasks[0]!.text).toBe('做好工作。');
    expect(plan.issuer).toBe('某某市人民政府');
  });
});
