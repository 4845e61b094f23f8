// Child processes a benchmark owns: started with their output prefixed, sampled
// for memory, and stopped (by their own pid) whatever happens.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import readline from 'node:readline';
import { promisify } from 'node:util';
import { stopChild } from '../../runtime/processes.ts';

const run = promisify(execFile);

/**
 * Spawns a child; its output lines go to our stderr with a prefix (stdout stays
 * for results), except those `keep` returns false for.
 */
export function spawnLogged(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
  keep: (line: string) => boolean = () => true,
): ChildProcess {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout!, child.stderr!]) {
    readline.createInterface({ input: stream }).on('line', (line) => {
      if (keep(line)) process.stderr.write(`[${name}] ${line}\n`);
    });
  }
  return child;
}

/**
 * Counts the worker's "Activity failed" warnings (multi-line blocks) by
 * activity type and error code, and keeps them out of the log: under load
 * there can be thousands.
 */
export class ActivityFailures {
  total = 0;
  readonly byKind = new Map<string, number>();
  private block: { type: string; code: string; message: string } | null = null;
  private pendingMessage = false;

  /** Whether to print the line. */
  readonly keep = (line: string): boolean => {
    if (/\[WARN\] Activity failed \{$/.test(line)) {
      this.block = { type: '?', code: '?', message: '' };
      return false;
    }
    if (!this.block) return true;
    const type = /^\s*activityType: '([^']+)'/.exec(line);
    if (type) this.block.type = type[1]!;
    const code = /^\s*code: '([^']+)'/.exec(line);
    if (code) this.block.code = code[1]!;
    if (this.pendingMessage && line.trim()) {
      this.block.message ||= line.trim();
      this.pendingMessage = false;
    }
    if (/^\s*→?\s*\d+\s/.test(line) && /→/.test(line)) this.pendingMessage = true;
    if (line === '}') {
      const key = `${this.block.type} ${this.block.code}${this.block.message ? ` (${this.block.message})` : ''}`;
      this.byKind.set(key, (this.byKind.get(key) ?? 0) + 1);
      this.total++;
      this.block = null;
    }
    return false;
  };

  summary(): string {
    return this.total === 0 ? 'none' : [...this.byKind].map(([kind, n]) => `${kind}: ${n}`).join('; ');
  }
}

/** Resolves when the child prints a line matching `ready`; rejects if it exits first or the time runs out. */
export function waitForLine(child: ChildProcess, ready: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no line matching ${ready} within ${timeoutMs / 1000} s`)), timeoutMs);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`the process exited with code ${code} before it was ready`));
    };
    child.once('exit', onExit);
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!ready.test(line)) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve();
    });
  });
}

/** Resident set size in MB, by `ps -o rss= -p <pid>`; null once the process is gone. */
export async function rssMb(pid: number): Promise<number | null> {
  try {
    const { stdout } = await run('ps', ['-o', 'rss=', '-p', String(pid)]);
    const kb = Number(stdout.trim());
    return Number.isFinite(kb) && kb > 0 ? kb / 1024 : null;
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat; null where there is no /proc. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in USER_HZ (100 on Linux)
  } catch {
    return null;
  }
}

/**
 * Samples the RSS of some processes every `everyMs`, keeping the maximum per
 * process and per phase, and the CPU seconds each used in each phase.
 */
export class MemorySampler {
  private timer: NodeJS.Timeout | null = null;
  private busy = false;
  private phaseName = 'start';
  private phaseCpu = new Map<string, number>();
  private phaseStart = performance.now();
  /** Phases in order, with their wall time in seconds. */
  readonly phases: Array<{ name: string; seconds: number }> = [];
  readonly max = new Map<string, number>();
  readonly maxByPhase = new Map<string, number>();
  readonly last = new Map<string, number>();
  /** `${process}/${phase}` → CPU seconds used during the phase. */
  readonly cpuByPhase = new Map<string, number>();

  constructor(private readonly pids: Record<string, number>, private readonly everyMs = 500) {
    this.phase = 'start';
  }

  get phase(): string {
    return this.phaseName;
  }

  /** Ends the current phase (its CPU use is recorded) and begins another. */
  set phase(name: string) {
    for (const [proc, pid] of Object.entries(this.pids)) {
      const now = cpuSeconds(pid);
      if (now === null) continue;
      const started = this.phaseCpu.get(proc);
      if (started !== undefined) this.cpuByPhase.set(`${proc}/${this.phaseName}`, now - started);
      this.phaseCpu.set(proc, now);
    }
    if (this.phaseName !== 'start') this.phases.push({ name: this.phaseName, seconds: (performance.now() - this.phaseStart) / 1000 });
    this.phaseStart = performance.now();
    this.phaseName = name;
  }

  /** One line per phase: wall time and CPU seconds of each process. */
  cpuTable(): string[] {
    return this.phases.map(({ name, seconds }) => {
      const cpu = Object.keys(this.pids).map((proc) => `${proc} ${(this.cpuByPhase.get(`${proc}/${name}`) ?? NaN).toFixed(1)}`);
      return `${name}: ${seconds.toFixed(1)} s wall, CPU s ${cpu.join(', ')}`;
    });
  }

  start(): void {
    this.timer = setInterval(() => void this.sample(), this.everyMs);
  }

  async sample(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      for (const [name, pid] of Object.entries(this.pids)) {
        const mb = await rssMb(pid);
        if (mb === null) continue;
        this.last.set(name, mb);
        this.max.set(name, Math.max(this.max.get(name) ?? 0, mb));
        const key = `${name}/${this.phase}`;
        this.maxByPhase.set(key, Math.max(this.maxByPhase.get(key) ?? 0, mb));
      }
    } finally {
      this.busy = false;
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

/** SIGTERM, then SIGKILL after the grace period; a child that has already exited is left alone. */
export async function stop(child: ChildProcess | null | undefined, graceMs = 10_000): Promise<void> {
  if (child && child.pid !== undefined) await stopChild(child, graceMs);
}

/** Ctrl-C or SIGTERM: run the benchmark's clean-up (stop what it started), then exit. Returns what removes the handlers. */
export function cleanUpOnSignal(cleanUp: () => Promise<unknown>, log: (line: string) => void): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: cleaning up`);
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}
