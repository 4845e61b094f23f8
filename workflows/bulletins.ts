import { ApplicationFailure, defineQuery, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import type { Activities } from '../activities/index.ts';
import { bulletinDeliveryInstant, isDate, previousMonthEnd, type IssuedBulletin } from '../domain/bulletin/schedule.ts';
import { shanghaiDate } from '../domain/time/instants.ts';

const { bulletinWorkingDays, monthlyBulletinPlans, issueMonthlyBulletin } = proxyActivities<Activities>({
  // Rendering and storing one plan's .docx, then its notices: generous, and retried.
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export interface MonthlyBulletinsInput {
  /** The date (YYYY-MM-DD, Shanghai) the firing stands for; default the day it starts. Lets a missed month be run by hand. */
  firedOn?: string;
}

export interface MonthlyBulletinsState {
  firedOn: string;
  /** The last day of the previous month: what the bulletins report up to. */
  periodEnd: string;
  /** 09:00 Shanghai on the first working day on or after firedOn (ISO), once looked up. */
  deliverAt: string | null;
  issued: IssuedBulletin[];
  done: boolean;
}

export const monthlyBulletinsQuery = defineQuery<MonthlyBulletinsState>('monthlyBulletins');

/**
 * One firing of the monthly bulletin schedule: waits (durably) for 09:00 on
 * the first working day on or after the firing date, on the office's holiday
 * calendar, then issues and delivers one bulletin per open plan for the
 * period ending the last day of the previous month. Each plan's bulletin is
 * made once whatever retries or duplicate firings happen.
 */
export async function monthlyBulletinsWorkflow(input: MonthlyBulletinsInput = {}): Promise<MonthlyBulletinsState> {
  const firedOn = input.firedOn ?? shanghaiDate(Date.now());
  if (!isDate(firedOn)) throw ApplicationFailure.nonRetryable(`firedOn 应为 YYYY-MM-DD 格式的日期。 firedOn must be a date as YYYY-MM-DD, got "${firedOn.slice(0, 20)}".`);
  const state: MonthlyBulletinsState = { firedOn, periodEnd: previousMonthEnd(firedOn), deliverAt: null, issued: [], done: false };
  setHandler(monthlyBulletinsQuery, () => state);
  const deliverAt = bulletinDeliveryInstant(firedOn, await bulletinWorkingDays(firedOn));
  state.deliverAt = new Date(deliverAt).toISOString();
  if (deliverAt > Date.now()) await sleep(deliverAt - Date.now());
  for (const planId of await monthlyBulletinPlans(state.periodEnd)) {
    state.issued.push(await issueMonthlyBulletin(planId, state.periodEnd, Date.now()));
  }
  state.done = true;
  return state;
}
