import { defineSignal, setHandler } from '@temporalio/workflow';
import type { TaskState } from '../../domain/supervision/types.ts';

/** Sent by setPaceMargin to a plan's open task workflows: the plan's new 序时进度 margin, in points. */
export const paceMarginChangedSignal = defineSignal<[number]>('paceMarginChanged');

/**
 * The pace margin inside a task workflow: each assignment under the pace rule
 * takes the plan's new margin (its span start stays). The loop then projects
 * the new pace limit and light, and times the next light change by it. Only a
 * signal sent after this code changes anything, so recorded histories replay as before.
 */
export function paceMargin(state: TaskState) {
  let changed = false;
  setHandler(paceMarginChangedSignal, (points: number) => {
    for (const a of state.assignments) if (a.pace && a.pace.marginPoints !== points) a.pace = { ...a.pace, marginPoints: points };
    changed = true;
  });
  return {
    /** A new margin arrived since the last projection. */
    wants: () => changed,
    /** Whether to project now; the projection that follows takes the change. */
    take: () => {
      const was = changed;
      changed = false;
      return was;
    },
  };
}
