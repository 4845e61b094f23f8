import type { AttachmentRef } from '../supervision/types.ts';

/**
 * The self-evaluation special report (专题报告), structured after Part 二 of
 * the seed notice: how the cancelled and adjusted approval items run and are
 * supervised afterwards, and what the reform brought.
 */
export interface SelfEvaluationReport {
  followUp: string;
  benefits: string;
  marketVitality: string;
  supervisionEfficiency: string;
  attachments: AttachmentRef[];
}

export const reportSections: Array<{ key: Exclude<keyof SelfEvaluationReport, 'attachments'>; title: string }> = [
  { key: 'followUp', title: '取消和调整审批事项的运行及后续监管情况 Operation and follow-up supervision of cancelled or adjusted items' },
  { key: 'benefits', title: '企业和群众受益情况 Benefits to enterprises and the public' },
  { key: 'marketVitality', title: '市场活力 Market vitality' },
  { key: 'supervisionEfficiency', title: '监管效能 Supervision efficiency' },
];

const maxSection = 20_000;

export function reportProblems(report: SelfEvaluationReport): string[] {
  const problems: string[] = [];
  for (const { key, title } of reportSections) {
    const text = (report?.[key] ?? '').trim();
    const [zh, ...en] = title.split(' ');
    if (!text) problems.push(`请填写“${zh}” Fill in: ${en.join(' ')}.`);
    else if (text.length > maxSection) problems.push(`“${zh}”超过 ${maxSection} 字 is longer than ${maxSection} characters.`);
  }
  if ((report?.attachments ?? []).length > 20) problems.push('附件不能超过 20 个 At most 20 attachments.');
  return problems;
}
