// A scripted workload through the API, as the supervising office and the
// departments would drive it: a plan imported, then for each of the
// departments' lead assignments an upload, a submission, sometimes an
// extension or a return and a second submission, and acceptance. Every call
// is retried through outages under the same request id, as the console does.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { parseNotice } from '../../domain/plan/parse.ts';
import { graphqlClient } from '../helpers/graphql.ts';

const seed = fs.readFileSync(new URL('../../prisma/seed/tianjin-2015-market-supervision.txt', import.meta.url), 'utf8');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

/** Departments with demo accounts, and the account that acts for each. */
export const departments: Record<string, string> = { 'market-commission': 'market', 'legal-affairs-office': 'legal', 'district-heping': 'heping' };

export interface Expected {
  taskId: string;
  bodyName: string;
  submits: number;
  returns: number;
  extended: boolean;
  attachments: string[];
}

export class Workload {
  readonly api;
  retries = 0;
  calls = 0;
  private tokens = new Map<string, string>();

  constructor(base: string) {
    this.api = graphqlClient(base);
  }

  /** One GraphQL call, sent again under the same variables until the stack answers. */
  async call(query: string, variables: Record<string, unknown>, login: string): Promise<any> {
    this.calls++;
    for (let attempt = 1; ; attempt++) {
      try {
        const token = this.tokens.get(login) ?? (await this.login(login));
        const { status, data, errors } = await this.api.request(query, variables, token);
        if (status < 500 && data && !errors?.length) {
          const payload = Object.values(data)[0] as { __typename: string; message?: string; data?: unknown };
          if (payload.__typename.endsWith('Error')) throw new Error(`refused: ${payload.message}`);
          return payload.data;
        }
      } catch (error) {
        if (String(error).includes('refused:')) throw error;
      }
      if (attempt >= 400) throw new Error(`no answer after ${attempt} attempts: ${query.slice(0, 60)}`);
      this.retries++;
      await sleep(300);
    }
  }

  private async login(login: string): Promise<string> {
    const token = await this.api.login(login, 'test-password');
    this.tokens.set(login, token);
    return token;
  }

  async importSeed(title: string, timeline: 'historic' | 'rebased' = 'rebased'): Promise<string> {
    const draft = { ...parseNotice(seed), title, sourceText: seed };
    const plan = await this.call(
      'mutation ($d: NoticeDraftInput!, $t: Timeline!) { commitPlan(draft: $d, timeline: $t) { __typename ... on MutationCommitPlanSuccess { data { id } } ... on Error { message } } }',
      { t: timeline, d: { title: draft.title, issuer: draft.issuer, issuedOn: draft.issuedOn, basis: draft.basis, sourceText: draft.sourceText, warnings: draft.warnings, tasks: draft.tasks, requirements: draft.requirements } },
      'supervisor',
    );
    // A global id (Plan:<id>): the read model's id follows the colon.
    return Buffer.from(plan.id as string, 'base64').toString('utf8').replace(/^Plan:/, '');
  }

  /** One GraphQL call with a file (multipart, variable $f), sent again until the stack answers, as `call` does. */
  async callWithFile(query: string, variables: Record<string, unknown>, file: { name: string; content: string }, login: string): Promise<any> {
    this.calls++;
    for (let attempt = 1; ; attempt++) {
      try {
        const form = new FormData();
        form.append('operations', JSON.stringify({ query, variables: { ...variables, f: null } }));
        form.append('map', JSON.stringify({ 0: ['variables.f'] }));
        form.append('0', new Blob([file.content]), file.name);
        const token = this.tokens.get(login) ?? (await this.login(login));
        const response = await fetch(`${this.api.base}/graphql`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
        const body = (await response.json()) as { data?: Record<string, { __typename: string; message?: string; data?: unknown }> };
        const payload = body.data ? Object.values(body.data)[0] : undefined;
        if (payload?.__typename.endsWith('Error')) throw new Error(`refused: ${payload.message}`);
        if (response.status < 500 && payload?.data) return payload.data;
      } catch (error) {
        if (String(error).includes('refused:')) throw error;
      }
      if (attempt >= 400) throw new Error(`no answer after ${attempt} attempts: ${query.slice(0, 60)}`);
      this.retries++;
      await sleep(300);
    }
  }

  /** Stores a file (uploadAttachment) and returns its id, the SHA-256 of the content. */
  async upload(login: string, file = { name: '实施细则.txt', content: `实施细则 ${crypto.randomUUID()}` }): Promise<string> {
    const query = 'mutation ($f: File!) { uploadAttachment(file: $f) { __typename ... on MutationUploadAttachmentSuccess { data { id } } ... on Error { message } } }';
    return ((await this.callWithFile(query, {}, file, login)) as { id: string }).id;
  }

  /** One action on an assignment, with its own request id kept across retries. */
  private act(taskId: string, bodyName: string, login: string, fields: Record<string, unknown>) {
    return this.call(
      'mutation ($i: TaskActionInput!) { act(input: $i) { __typename ... on MutationActSuccess { data { seq } } ... on Error { message } } }',
      { i: { taskId: globalId('Task', taskId), bodyName, requestId: crypto.randomUUID(), ...fields } },
      login,
    );
  }

  /** The whole life of one lead assignment; `n` varies the path it takes. */
  async closeOut(taskId: string, bodyName: string, bodyId: string, due: Date | null, n: number): Promise<Expected> {
    const login = departments[bodyId]!;
    const expected: Expected = { taskId, bodyName, submits: 0, returns: 0, extended: false, attachments: [] };
    if (n % 3 === 0 && due) {
      await this.act(taskId, bodyName, login, { type: 'requestExtension', until: new Date(due.getTime() + 30 * 86_400_000).toISOString(), comment: '请求延期' });
      await this.act(taskId, bodyName, 'supervisor', { type: 'decideExtension', approve: true, comment: '同意' });
      expected.extended = true;
    }
    const submit = async () => {
      const id = await this.upload(login);
      expected.attachments.push(id);
      await this.act(taskId, bodyName, login, { type: 'submit', comment: '报送', attachments: [{ id }] });
      expected.submits++;
    };
    await submit();
    if (n % 2 === 0) {
      await this.act(taskId, bodyName, 'supervisor', { type: 'return', comment: '请补充材料' });
      expected.returns++;
      await submit();
    }
    await this.act(taskId, bodyName, 'supervisor', { type: 'accept', comment: '验收' });
    return expected;
  }
}
