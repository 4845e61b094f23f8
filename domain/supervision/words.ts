import type { AssignmentStatus, Light } from './types.ts';

/**
 * The Chinese words for an assignment's status, light and role: the console's
 * Chinese messages and the exports both use these, so a sheet handed on reads
 * as the screen does.
 */
export const statusWords: Record<AssignmentStatus, string> = {
  assigned: '已交办',
  in_progress: '办理中',
  submitted: '已报送',
  accepted: '已验收',
  returned: '已退回',
  withdrawn: '已撤销',
  designated: '已指定单位',
};

export const lightWords: Record<Light, string> = { green: '正常', yellow: '预警', red: '逾期', done: '办结', none: '不计' };

export const roleWords = { lead: '牵头', support: '配合', primary: '第一牵头', placeholder: '待指定', blocking: '须办结', unacknowledged: '未签收', behindPace: '落后序时进度' } as const;

/** An assignment's role as the console's role chip names it. */
export const roleWord = (a: { role: string; primary: boolean }): string => (a.primary ? roleWords.primary : a.role === 'lead' ? roleWords.lead : roleWords.support);
