import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandingDocx, randomText } from './helpers/documents.ts';
import { startTestStack, type TestStack } from './helpers/stack.ts';

const run = promisify(execFile);
const parse = `mutation ($f: File) { parseNotice(file: $f) { __typename
  ... on MutationParseNoticeSuccess { data { title tasks { ref leads supports } } }
  ... on Error { message } } }`;
const parseWithWarnings = parse.replace('supports } }', 'supports } warnings { code message ref body detail } }');

/**
 * Untrusted documents cannot freeze the API (issue 14, item 7): a 5 MB random
 * text (118 s with /healthz unanswered before) and a small .docx expanding to
 * 60 MB (a 308 KB one took 1.36 GB before) are refused with a clear error,
 * through GraphQL and `plan:parse`, while the API keeps answering.
 */
describe('reading untrusted notices', () => {
  let stack: TestStack;
  let token: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-limits-'));
  const random = path.join(dir, 'random.txt');
  const bomb = path.join(dir, 'bomb.docx');
  beforeAll(async () => {
    stack = await startTestStack();
    token = await stack.api.login('supervisor');
    fs.writeFileSync(random, randomText(5));
    fs.writeFileSync(bomb, expandingDocx(60, true));
  });
  afterAll(() => stack?.stop());

  const upload = async (file: string, query = parse) => {
    const form = new FormData();
    form.append('operations', JSON.stringify({ query, variables: { f: null } }));
    form.append('map', JSON.stringify({ 0: ['variables.f'] }));
    form.append('0', new Blob([fs.readFileSync(file)]), path.basename(file));
    const response = await fetch(`${stack.base}/graphql`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
    return ((await response.json()) as { data: { parseNotice: { __typename: string; message?: string; data?: unknown } } }).data.parseNotice;
  };

  it('refuses a 5 MB random text and a .docx expanding past 50 MB through parseNotice, /healthz answering meanwhile', async () => {
    const [text, docx, health] = await Promise.all([upload(random), upload(bomb), fetch(`${stack.base}/healthz`)]);
    expect(text).toMatchObject({ __typename: 'ValidationError', message: expect.stringMatching(/超过 2 MB.*more than 2 MB of text/) });
    expect(docx).toMatchObject({ __typename: 'ValidationError', message: expect.stringMatching(/超过 50 MB.*unpacks to more than 50 MB/) });
    expect(health.status).toBe(200);
  });

  it('refuses them from the command line too, with the reason on stderr', async () => {
    for (const file of [random, bomb]) {
      const failed = await run('npm', ['run', '-s', 'plan:parse', '--', file]).catch((e: { code: number; stdout: string; stderr: string }) => e);
      expect(failed).toMatchObject({ code: 1, stdout: '' });
      expect((failed as { stderr: string }).stderr).toMatch(/more than (2|50) MB/);
    }
  });

  it('parses a task table sent as a PDF into a draft with structured warnings', async () => {
    const result = await upload(new URL('../api/plans/fixtures/table.pdf', import.meta.url).pathname, parseWithWarnings);
    expect(result.__typename).toBe('MutationParseNoticeSuccess');
    const draft = result.data as { tasks: Array<{ ref: string; leads: string[] }>; warnings: Array<{ code: string; body: string | null; ref: string | null }> };
    expect(draft.tasks.map((t) => t.ref)).toEqual(['1.1', '1.2', '2.3', '2.4', '2.5']);
    expect(draft.warnings).toContainEqual(expect.objectContaining({ code: 'unknownBody', body: '市市场监管局', ref: '1.1' }));
    expect(draft.warnings).toContainEqual(expect.objectContaining({ code: 'placeholderBody', body: '市各有关部门', ref: '1.2' }));
  });
});
