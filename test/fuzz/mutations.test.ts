// Bad input on every GraphQL mutation: random, huge and almost-valid values
// for every argument, under every role, with expired and forged tokens. Each
// answer must be a typed error (or a legitimate success) over HTTP < 500, with
// no stack trace and no masked internal error; an error must change nothing in
// the read model, the audit log or the tasks' workflow histories.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { isInterfaceType, isObjectType, isUnionType, getNamedType, type GraphQLField } from 'graphql';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sessions } from '../../api/auth/sessions.ts';
import { issueToken, signingKey } from '../../api/auth/tokens.ts';
import { commitPlan } from '../../services/plans/commit.ts';
import { schema } from '../../api/schema/index.ts';
import { taskWorkflowId } from '../../workflows/task.ts';
import { eventually } from '../helpers/eventually.ts';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { hostileStrings, valueOf } from './inputs.ts';

const runs = Number(process.env.FUZZ_RUNS ?? 60);
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
/**
 * The security log records refused attempts by design, and so do the sign-in counters
 * (counted before a password is checked) and the sessions' last-seen times; migrations are not state.
 */
const unaudited = new Set(['DeniedAttempt', 'SignInCounter', 'Session', '_prisma_migrations', 'sqlite_sequence']);
const logins = ['supervisor', 'market', 'legal', 'heping', 'performance', 'admin'];

const mutations = Object.values(schema.getMutationType()!.getFields()) as Array<GraphQLField<unknown, unknown>>;
const errorTypes = new Set(schema.getPossibleTypes(schema.getType('Error') as never).map((t) => t.name));

/** The operation for one mutation: every argument a variable, the answer's type and message. */
function operation(field: GraphQLField<unknown, unknown>): string {
  const returns = getNamedType(field.type);
  const selection = isUnionType(returns) || isInterfaceType(returns) ? '__typename ... on Error { message }' : isObjectType(returns) ? '__typename' : '';
  const vars = field.args.map((a, i) => `$a${i}: ${String(a.type)}`).join(', ');
  const args = field.args.map((a, i) => `${a.name}: $a${i}`).join(', ');
  return `mutation Fuzz${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection ? ` { ${selection} }` : ''} }`;
}

describe('bad input on every mutation', () => {
  let stack: TestStack;
  let raw: Database.Database;
  let taskIds: string[];
  const tokens: Record<string, string | undefined> = { none: undefined };
  const tally = { cases: 0, typedErrors: 0, graphqlErrors: 0, successes: 0 };

  beforeAll(async () => {
    stack = await startTestStack();
    const { db, env } = stack;
    const { planId } = await commitPlan(
      { prisma: db.prisma, temporal: env.client, taskQueue: 'duban', dataDir: db.dataDir },
      {
        title: '模糊测试方案', issuer: null, issuedOn: null, basis: null, warnings: [], sourceText: '…', timeline: 'historic',
        tasks: [
          { ref: '1.1', section: '一', text: '市场监管委牵头的任务。', leads: ['市市场监管委'], supports: ['市法制办'] },
          { ref: '1.2', section: '一', text: '法制办牵头的任务。', leads: ['市法制办'], supports: [] },
        ],
        requirements: [{ text: '制定细则', due: '2016-01-31T23:59:59+08:00', recurrence: null, appliesTo: ['各牵头部门'] }],
      },
    );
    taskIds = ['1.1', '1.2'].map((ref) => taskWorkflowId(planId, ref));
    // The deadlines (2016) have passed: let the workflows' own overdue notices land before the baseline.
    await eventually(async () => expect(await db.prisma.taskEvent.count({ where: { type: 'overdue' } })).toBe(3));
    for (const login of logins) tokens[login] = await stack.api.login(login);
    const key = signingKey(db.dataDir);
    const account = await db.prisma.account.findFirstOrThrow({ where: { login: 'supervisor' } });
    const past = Math.floor(Date.now() / 1000) - 86_400;
    tokens.expired = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(account.id).setIssuedAt(past).setExpirationTime(past + 60).sign(key);
    tokens.forged = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(account.id).setExpirationTime('1h').sign(new TextEncoder().encode('not the key'));
    tokens.garbage = 'e30.e30.';
    raw = new Database(db.url.replace(/^file:/, ''), { readonly: true });
  }, 120_000);

  afterAll(async () => {
    raw?.close();
    await stack?.stop();
    console.log(`bad-input suite: ${tally.cases} cases over ${mutations.length} mutations; ${tally.typedErrors} typed errors, ${tally.graphqlErrors} GraphQL errors, ${tally.successes} legitimate successes`);
  });

  /** Every row of every table (bar the security log), and each task's history length. */
  async function state(): Promise<string> {
    const hash = createHash('sha256');
    const tables = raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as Array<{ name: string }>;
    for (const { name } of tables.filter((t) => !unaudited.has(t.name))) {
      hash.update(name).update(JSON.stringify(raw.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).raw().all(), (_, v) => (typeof v === 'bigint' ? String(v) : v)));
    }
    for (const id of taskIds) hash.update(String((await stack.env.client.workflow.getHandle(id).describe()).historyLength));
    return hash.digest('hex');
  }

  /** No open workflow has work in flight: no workflow task and no activity pending. */
  async function workflowsIdle(): Promise<boolean> {
    const { client } = stack.env;
    for await (const execution of client.workflow.list({ query: 'ExecutionStatus = "Running"' })) {
      const { raw } = await client.workflow.getHandle(execution.workflowId, execution.runId).describe();
      if (raw.pendingWorkflowTask || (raw.pendingActivities?.length ?? 0) > 0) return false;
    }
    return true;
  }

  /**
   * The state once a success's asynchronous effects (projections, notices, workflows it
   * started) have landed: every workflow idle, and the same state on two looks in a row.
   */
  async function settled(): Promise<string> {
    let last: string | null = null;
    for (;;) {
      while (!(await workflowsIdle())) await new Promise((resolve) => setTimeout(resolve, 50));
      const now = await state();
      if (now === last) return now;
      last = now;
    }
  }

  /** A role whose session a fuzzed logout ended gets a new one (made directly: fuzzed passwords may have hit the sign-in limit). */
  async function renewEndedSessions(): Promise<void> {
    const key = signingKey(stack.db.dataDir);
    for (const login of logins) {
      const { data } = await stack.api.request('{ me { id } }', {}, tokens[login]);
      if (data?.me) continue;
      const account = await stack.db.prisma.account.findUniqueOrThrow({ where: { login } });
      const session = await new Sessions(stack.db.prisma, 60 * 60_000).start(account.id, 'fuzz');
      tokens[login] = await issueToken(key, account.id, session.id, session.expiresAt);
    }
  }

  it.each(mutations.map((m) => [m.name, m] as const))('%s', async (name, field) => {
    const { db } = stack;
    await renewEndedSessions();
    const bodies = await db.prisma.body.findMany({ select: { id: true, shortName: true }, take: 20 });
    const plans = await db.prisma.plan.findMany({ select: { id: true } });
    const ids = fc.oneof(
      fc.constantFrom(...taskIds.map((id) => globalId('Task', id)), ...plans.map((p) => globalId('Plan', p.id)), ...bodies.map((b) => globalId('Body', b.id))),
      fc.constantFrom(globalId('Task', 'task:nope:1'), globalId('Nope', 'x'), 'not-base64!', '', ...taskIds, ...bodies.map((b) => b.id)),
      fc.string(),
    );
    const strings = hostileStrings([...bodies.map((b) => b.shortName), ...taskIds, '市市场监管委', '市法制办', '各区县人民政府']);
    const query = operation(field);
    let baseline = await settled();
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(...field.args.map((a) => valueOf(a.type, strings, ids))),
        fc.constantFrom(...Object.keys(tokens)),
        async (values, who) => {
          tally.cases++;
          const variables = Object.fromEntries(values.map((v, i) => [`a${i}`, v]));
          const { status, data, errors } = await stack.api.request(query, variables, tokens[who]);
          const where = `${name} as ${who}`;
          expect(status, where).toBeLessThan(500);
          for (const error of errors ?? []) {
            expect(error.message, where).not.toMatch(/Unexpected error|\n\s+at |node_modules|\.ts:\d+/);
            expect(error.extensions?.stack, where).toBeUndefined();
          }
          const payload = data?.[name] as { __typename?: string; message?: string } | undefined;
          if (payload?.__typename && errorTypes.has(payload.__typename)) {
            expect(payload.message, where).toMatch(/\S/);
            tally.typedErrors++;
          } else if (errors?.length || !payload) {
            tally.graphqlErrors++;
          } else {
            tally.successes++;
            baseline = await settled();
            return;
          }
          expect(await state(), `${where}: a refused ${name} changed the state`).toBe(baseline);
        },
      ),
      { numRuns: runs, endOnFailure: true },
    );
  }, 600_000);
});
