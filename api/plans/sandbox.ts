import { Worker } from 'node:worker_threads';
import { NoticeParseError, type NoticeParseErrorCode } from '../../domain/plan/errors.ts';
import type { ParsedPlan } from '../../domain/plan/types.ts';
import { NoticeInputError } from './read-notice.ts';

/**
 * Reading an untrusted notice off the request thread: a worker thread with its
 * own heap limit reads the document and parses it, and is stopped when it runs
 * past the time limit, so a hostile or pathological file costs one thread for
 * a few seconds while the API (and /healthz) keeps answering. Size limits are
 * checked inside (see readLimits in read-notice.ts).
 */
export const parseLimits = {
  /** Wall-clock time of one parse, from the moment the thread is ready. */
  timeMs: 10_000,
  /** The parse's JavaScript heap. */
  memoryMb: 256,
  /** Starting the thread (loading the parser), on a busy machine. */
  startMs: 60_000,
};

export type JobInput = { bytes: Uint8Array; fileName: string } | { text: string };

export type JobResult =
  | { kind: 'ready' }
  | { kind: 'done'; sourceText: string; plan: ParsedPlan }
  | { kind: 'failed'; error: { name: string; message: string; code: NoticeParseErrorCode | null } };

const job = new URL('./parse-worker.mjs', import.meta.url);

/** A worker that has to be stopped: too slow or out of memory, in words a user understands. */
const tooSlow = (limits: typeof parseLimits) =>
  new NoticeInputError(
    `读取该文件超过 ${limits.timeMs / 1000} 秒，已停止；文件可能过于复杂或已损坏。 Reading the document took more than ${limits.timeMs / 1000} s and was stopped: it may be too complex or damaged.`,
  );
const tooBig = (limits: typeof parseLimits) =>
  new NoticeInputError(
    `读取该文件所需内存超过 ${limits.memoryMb} MB，已停止。 Reading the document needed more than ${limits.memoryMb} MB of memory and was stopped.`,
  );

function rebuild(error: Extract<JobResult, { kind: 'failed' }>['error']): Error {
  if (error.name === 'NoticeParseError' && error.code) return new NoticeParseError(error.code);
  if (error.name === 'NoticeInputError') return new NoticeInputError(error.message);
  return new Error(error.message);
}

/** Reads and parses a notice (uploaded bytes or pasted text) in a worker thread within {@link parseLimits}. */
export function parseUntrusted(input: JobInput, limits = parseLimits, entry: URL = job): Promise<{ sourceText: string; plan: ParsedPlan }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, {
      workerData: input,
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: Math.min(64, limits.memoryMb / 4) },
    });
    let settled = false;
    let timer = setTimeout(() => stop(new Error('解析线程未能启动 The parsing thread did not start')), limits.startMs);
    const finish = (error: Error | null, value?: { sourceText: string; plan: ParsedPlan }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(value!);
    };
    const stop = (error: Error) => {
      finish(error);
      void worker.terminate();
    };
    worker.on('message', (message: JobResult) => {
      if (message.kind === 'ready') {
        clearTimeout(timer);
        timer = setTimeout(() => stop(tooSlow(limits)), limits.timeMs);
      } else if (message.kind === 'done') {
        finish(null, { sourceText: message.sourceText, plan: message.plan });
      } else {
        finish(rebuild(message.error));
      }
    });
    worker.on('error', (error: NodeJS.ErrnoException) => finish(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooBig(limits) : error));
    worker.on('exit', (code) => finish(new Error(`解析线程意外退出 The parsing thread exited (${code})`)));
  });
}
