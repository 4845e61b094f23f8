import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NoticeParseError } from '../../domain/plan/errors.ts';
import { parseNotice } from '../../domain/plan/parse.ts';
import { expandingDocx, randomText } from '../../test/helpers/documents.ts';
import { NoticeInputError } from './read-notice.ts';
import { parseLimits, parseUntrusted } from './sandbox.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const job = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);

/** Turns of this thread's event loop while `work` runs: the API's requests (and /healthz) are served on them. */
async function ticksDuring<T>(work: Promise<T>): Promise<{ ticks: number; result: PromiseSettledResult<T> }> {
  let ticks = 0;
  let done = false;
  const settled = Promise.allSettled([work]).then(([r]) => {
    done = true;
    return r!;
  });
  while (!done) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    ticks++;
  }
  return { ticks, result: await settled };
}

describe('parseUntrusted', () => {
  it('reads and parses a document in a worker thread, as in this one', async () => {
    const { sourceText, plan } = await parseUntrusted({ bytes: fixture('table.xlsx'), fileName: 'table.xlsx' });
    expect(plan).toEqual(parseNotice(sourceText));
    expect(plan.tasks).toHaveLength(5);
    const pasted = await parseUntrusted({ text: '一、工作\n1.完善制度。（市法制办负责）\n' });
    expect(pasted.sourceText).toBe('一、工作\n1.完善制度。（市法制办负责）');
    expect(pasted.plan.tasks[0]).toMatchObject({ ref: '1.1', leads: ['市法制办'] });
  });

  it('passes on the reader and parser errors as themselves', async () => {
    await expect(parseUntrusted({ text: '只有一段话。' })).rejects.toThrow(NoticeParseError);
    await expect(parseUntrusted({ bytes: fixture('scanned.pdf'), fileName: 'scanned.pdf' })).rejects.toThrow(NoticeInputError);
  });

  it('refuses a 5 MB random text and a .docx expanding past 50 MB, the calling thread turning meanwhile', async () => {
    const random = await ticksDuring(parseUntrusted({ bytes: randomText(5), fileName: 'random.txt' }));
    expect(random.result).toMatchObject({ status: 'rejected', reason: expect.objectContaining({ message: expect.stringMatching(/more than 2 MB of text/) }) });
    expect(random.ticks).toBeGreaterThan(0);
    const bomb = await parseUntrusted({ bytes: expandingDocx(60, true), fileName: 'bomb.docx' }).catch((e: Error) => e);
    expect(bomb).toBeInstanceOf(NoticeInputError);
    expect((bomb as Error).message).toMatch(/unpacks to more than 50 MB/);
  });

  it('stops a parse that runs past its time, while the calling thread keeps turning', async () => {
    const limits = { ...parseLimits, timeMs: 300 };
    const { ticks, result } = await ticksDuring(parseUntrusted({ text: '任务' }, limits, job('spin-job.mjs')));
    expect(result).toMatchObject({ status: 'rejected', reason: expect.any(NoticeInputError) });
    expect((result as PromiseRejectedResult).reason.message).toMatch(/^读取该文件超过 0.3 秒，已停止.*took more than 0.3 s and was stopped/);
    expect(ticks).toBeGreaterThan(0);
  });

  it('stops a parse that needs more memory than allowed', async () => {
    const limits = { ...parseLimits, memoryMb: 32 };
    const error = await parseUntrusted({ text: '任务' }, limits, job('hog-job.mjs')).catch((e: Error) => e);
    expect(error).toBeInstanceOf(NoticeInputError);
    expect((error as Error).message).toMatch(/内存超过 32 MB.*more than 32 MB of memory/);
  });
});
