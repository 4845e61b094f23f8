import { defineUpdate } from '@temporalio/workflow';
import type { CaseEvent } from '../domain/credit/cases.ts';
import type { WorkingDayTimes } from '../domain/time/calendar.ts';

/**
 * A year's holiday arrangement was entered: the process takes the new
 * working-day calendar, counts its running time limits again and answers
 * with the event it recorded (null: nothing it shows changed). One update for
 * every workflow with working-day limits (objection, repair, inspection round).
 */
export const retimeUpdate = defineUpdate<CaseEvent | null, [WorkingDayTimes]>('retimeWorkingDays');
