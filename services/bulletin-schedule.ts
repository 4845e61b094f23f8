import { ScheduleAlreadyRunning, ScheduleNotFoundError, type Client, type ScheduleOptions } from '@temporalio/client';
import { bulletinHour } from '../domain/bulletin/schedule.ts';
import { config } from '../runtime/config.ts';
import { monthlyBulletinsWorkflow } from '../workflows/bulletins.ts';

export const bulletinScheduleId = 'monthly-bulletins';

function scheduleOptions(taskQueue: string, day: number): ScheduleOptions {
  return {
    scheduleId: bulletinScheduleId,
    // Every month on the day; the firing's workflow moves a weekend or holiday to the next working day itself.
    spec: { calendars: [{ dayOfMonth: day, hour: bulletinHour }], timezone: 'Asia/Shanghai' },
    action: { type: 'startWorkflow', workflowType: monthlyBulletinsWorkflow, workflowId: 'monthly-bulletins', taskQueue, args: [{}] },
    // A firing still waiting for its working day never holds the next back; a stack down for a few days catches up.
    policies: { overlap: 'ALLOW_ALL', catchupWindow: '7 days' },
    memo: { description: '每月督查通报 Monthly supervision bulletins' },
  };
}

/**
 * Creates the monthly Temporal Schedule (09:00 Asia/Shanghai on the
 * configured day), or brings an existing one to that day and unpauses it;
 * with the day `null` (DUBAN_BULLETIN_DAY=off) pauses it. Idempotent: every
 * start of the API calls it.
 */
export async function ensureBulletinSchedule(client: Client, taskQueue: string, day: number | null = config().bulletinDay): Promise<void> {
  const handle = client.schedule.getHandle(bulletinScheduleId);
  if (day === null) {
    await handle.pause('DUBAN_BULLETIN_DAY=off').catch((error: unknown) => {
      if (!(error instanceof ScheduleNotFoundError)) throw error;
    });
    return;
  }
  const options = scheduleOptions(taskQueue, day);
  try {
    await client.schedule.create(options);
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    await handle.update((previous) => ({ ...previous, spec: options.spec, action: options.action, policies: options.policies }));
    if ((await handle.describe()).state.paused) await handle.unpause('DUBAN_BULLETIN_DAY set');
  }
}
