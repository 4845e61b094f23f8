// Start rates read from the server: every execution's start time, by a visibility query.
// The same measure for workflows a client starts and for children an import workflow starts.
import type { Client } from '@temporalio/client';

export interface StartSpan {
  count: number;
  /** Last start time − first, in seconds. */
  spanS: number;
  /** count ÷ spanS. */
  rate: number;
}

export async function serverStartSpan(client: Client, query: string): Promise<StartSpan> {
  let count = 0;
  let first = Infinity;
  let last = -Infinity;
  for await (const execution of client.workflow.list({ query, pageSize: 1000 })) {
    const t = execution.startTime.getTime();
    count++;
    first = Math.min(first, t);
    last = Math.max(last, t);
  }
  const spanS = count > 1 ? (last - first) / 1000 : NaN;
  return { count, spanS, rate: count / spanS };
}
