import { MONTHS, ScheduleAlreadyRunning, type Client, type ScheduleOptions } from '@temporalio/client';
import { calendarProblems, defaultEvaluationCalendar, type EvaluationCalendar } from '../domain/evaluation/round.ts';
import { scheduledEvaluationWorkflow } from '../workflows/evaluation.ts';

export const evaluationScheduleId = 'yearly-evaluation-round';

/** `DUBAN_EVALUATION_OPENS` and `DUBAN_EVALUATION_DUE` (MM-DD, China Standard Time) move the yearly round. */
export function evaluationCalendar(env: NodeJS.ProcessEnv = process.env): EvaluationCalendar {
  const calendar = { opens: env.DUBAN_EVALUATION_OPENS ?? defaultEvaluationCalendar.opens, due: env.DUBAN_EVALUATION_DUE ?? defaultEvaluationCalendar.due };
  const problems = calendarProblems(calendar);
  if (problems.length) throw new Error(`DUBAN_EVALUATION_OPENS/DUE: ${problems.join(' ')}`);
  return calendar;
}

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
      args: [{ due: calendar.due, reminderDays: [7, 1] }],
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
export async function ensureEvaluationSchedule(client: Client, taskQueue: string, calendar = evaluationCalendar()): Promise<void> {
  const options = scheduleOptions(taskQueue, calendar);
  try {
    await client.schedule.create(options);
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    await client.schedule.getHandle(evaluationScheduleId).update((previous) => ({ ...previous, spec: options.spec, action: options.action }));
  }
}
