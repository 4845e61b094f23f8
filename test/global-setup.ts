import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const tools = fileURLToPath(new URL('../.tools/', import.meta.url));

/**
 * A test file that dies mid-run (a hook timeout) can orphan the Temporal server
 * it started; after the run, stop any Temporal server from `.tools/` that has
 * lost its parent, so `npm test` leaves no process behind. A server some
 * running `npm start` owns still has its parent and is left alone.
 */
export function teardown(): void {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' }).split('\n');
  for (const row of rows) {
    const [pid, ppid, command] = row.trim().split(/\s+/, 3);
    if (ppid === '1' && command?.startsWith(tools)) process.kill(Number(pid), 'SIGKILL');
  }
}
