import { since } from './since.ts';

/**
 * Runs a task workflow's local activities one at a time (since 'one-local-activity-at-a-time').
 * An update's projection and the main loop's (or the ladder's refresh) could otherwise be in
 * flight together: on a first run their results come back in the order they finish, on a replay
 * in the order they were scheduled, so the two coroutines resume in another order, the commands
 * that follow change places, and a new worker (or an evicted cache) fails the history with a
 * nondeterminism error. One at a time, each result comes back alone, the same way both times.
 */
export function oneLocalActivityAtATime() {
  let turn: Promise<unknown> = Promise.resolve();
  return <T>(run: () => Promise<T>): Promise<T> => {
    if (!since('one-local-activity-at-a-time')) return run();
    const mine = turn.then(run);
    turn = mine.catch(() => undefined);
    return mine;
  };
}
