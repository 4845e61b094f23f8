// Runs in the worker thread of sandbox.ts: reads the document, parses the
// notice and posts the result (or the error, as plain data) back.
import { parentPort, workerData } from 'node:worker_threads';
import { NoticeParseError } from '../../domain/plan/errors.ts';
import { parseNotice } from '../../domain/plan/parse.ts';
import { clean, NoticeInputError, readNotice } from './read-notice.ts';
import type { JobInput, JobResult } from './sandbox.ts';

const port = parentPort!;
const input = workerData as JobInput;
port.postMessage({ kind: 'ready' } satisfies JobResult);
try {
  const sourceText = 'text' in input ? clean(input.text) : await readNotice(input.bytes, input.fileName);
  port.postMessage({ kind: 'done', sourceText, plan: parseNotice(sourceText) } satisfies JobResult);
} catch (error) {
  const known = error instanceof NoticeInputError || error instanceof NoticeParseError;
  port.postMessage({
    kind: 'failed',
    error: known ? { name: error.name, message: error.message, code: error instanceof NoticeParseError ? error.code : null } : { name: 'Error', message: String((error as Error)?.message ?? error), code: null },
  } satisfies JobResult);
}
