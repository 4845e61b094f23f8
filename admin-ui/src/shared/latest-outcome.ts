import { useRef, useState } from 'react';

/**
 * The failure of the latest action a page started, and how to start one. An
 * action that settles after a newer one started leaves the message alone: a
 * slow success (an opening that waits for its round to appear) must not clear
 * the refusal of a later click. Every success still calls `onSuccess` (a reload).
 */
export function useLatestOutcome(onSuccess: () => void) {
  const [failure, setFailure] = useState<string | null>(null);
  const latest = useRef(0);
  const run = (action: Promise<unknown>) => {
    const mine = ++latest.current;
    return action.then(
      () => {
        if (mine === latest.current) setFailure(null);
        onSuccess();
      },
      (e: Error) => {
        if (mine === latest.current) setFailure(e.message);
      },
    );
  };
  return { failure, setFailure, run };
}
