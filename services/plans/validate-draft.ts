import { ValidationError } from '../../domain/errors.ts';
import type { PlanDraft } from './commit.ts';

const limit = { name: 100, text: 20_000, tasks: 2_000, source: 2_000_000 };

/** Checks a (possibly hand-corrected) draft before anything is stored; throws with every problem found. */
export function validateDraft(draft: PlanDraft): void {
  const problems: string[] = [];
  if (!draft.title.trim()) problems.push('标题不能为空 The title is empty.');
  if (draft.sourceText.length > limit.source) problems.push('原文过长 The source text is too long.');
  if (draft.issuedOn && !/^\d{4}-\d{2}-\d{2}$/.test(draft.issuedOn)) problems.push(`成文日期格式应为 YYYY-MM-DD The notice date must be YYYY-MM-DD, got "${draft.issuedOn}".`);
  if (draft.tasks.length === 0) problems.push('没有任务 The plan has no tasks.');
  if (draft.tasks.length > limit.tasks) problems.push(`任务过多 At most ${limit.tasks} tasks.`);
  const refs = new Set<string>();
  for (const task of draft.tasks) {
    const where = `任务 ${task.ref} Task ${task.ref}`;
    if (!/^\d+(\.\d+)?$/.test(task.ref)) problems.push(`${where}: 编号应为 "1" 或 "1.2" The ref must look like "1" or "1.2".`);
    if (refs.has(task.ref)) problems.push(`${where}: 编号重复 Duplicate ref.`);
    refs.add(task.ref);
    if (!task.text.trim() || task.text.length > limit.text) problems.push(`${where}: 任务内容为空或过长 The text is empty or too long.`);
    if (task.leads.length === 0) problems.push(`${where}: 没有牵头单位 No lead body.`);
    if (task.due && Number.isNaN(Date.parse(task.due))) problems.push(`${where}: 期限无效 Invalid deadline "${task.due.slice(0, 40)}".`);
    if ((task.recurrence?.length ?? 0) > limit.name) problems.push(`${where}: 周期过长 The recurrence is too long.`);
    for (const name of [...task.leads, ...task.supports]) {
      if (!name.trim() || name.length > limit.name) problems.push(`${where}: 单位名称无效 Invalid body name "${name.slice(0, 40)}".`);
    }
  }
  if (draft.reminderDays?.some((d) => !Number.isInteger(d) || d < 1 || d > 365)) {
    problems.push('提醒天数应为 1 到 365 的整数 Reminder days must be whole numbers from 1 to 365.');
  }
  if (draft.paceMarginPoints !== undefined && !(Number.isInteger(draft.paceMarginPoints) && draft.paceMarginPoints >= 0 && draft.paceMarginPoints <= 100)) {
    problems.push('序时进度的容差应为 0 到 100 的整数 The pace margin must be a whole number of points from 0 to 100.');
  }
  for (const r of draft.requirements) {
    if (r.due && Number.isNaN(Date.parse(r.due))) problems.push(`要求的期限无效 Invalid requirement deadline "${r.due}".`);
  }
  if (problems.length) throw new ValidationError(problems.join('\n'));
}
