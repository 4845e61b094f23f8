import { MONTHS, ScheduleAlreadyRunning, type Client, type ScheduleOptions } from '@temporalio/client';
import type { EvaluationCalendar } from '../domain/evaluation/round.ts';
import { defaultReminderDays } from '../domain/supervision/reminders.ts';
import { config } from '../runtime/config.ts';
import { scheduledEvaluationWorkflow } from '../workflows/evaluation.ts';

export const evaluationScheduleId = 'yearly-evaluation-round';

function scheduleOptions(taskQueue: string, calendar: EvaluationCalendar): ScheduleOptions {
  const [month, day] = calendar.opens.split('-').map(Number) as [number, number];
  return {
    scheduleId: evaluationScheduleId,
    spec: { calendars: [{ month: MONTHS[month - 1]!, dayOfMonth: day, hour: 9 }], timezone: 'Asia/Shanghai' },
    action: {
      type: 'startWorkflow',
      workflowType: scheduledEvaluationWorkflow,
      workflowId: 'evaluation-round-opener',
      taskQueue,
      args: [{ due: calendar.due, reminderDays: defaultReminderDays }],
    },
    policies: { overlap: 'SKIP', catchupWindow: '1 day' },
    memo: { description: '每年开启自查评估轮次 Opens the yearly evaluation round' },
  };
}

/**
 * Creates the yearly Temporal Schedule (09:00 Asia/Shanghai on the opening
 * day) or brings an existing one to the configured dates. Idempotent: every
 * start of the API calls it.
 */
export async function ensureEvaluationSchedule(client: Client, taskQueue: string, calendar = config().evaluation): Promise<void> {
  const options = scheduleOptions(taskQueue, calendar);
  try {
    await client.schedule.create(options);
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    await client.schedule.getHandle(evaluationScheduleId).update((previous) => ({ ...previous, spec: options.spec, action: options.action }));
  }
}
