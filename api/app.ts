import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { Client } from '@temporalio/client';
import { config } from '../runtime/config.ts';
import type { PrismaClient } from '../runtime/db.ts';
import { temporalReady } from '../runtime/temporal.ts';
import { actorFromRequest } from './auth/context.ts';
import { visibilityCache } from './auth/visibility.ts';
import { fileRoutes } from './files/routes.ts';
import type { Context } from './schema/builder.ts';
import { publicCreditPage } from './credit/public-page.ts';
import { publicListing } from './schema/credit.ts';
import { schema } from './schema/index.ts';

/** `DUBAN_GRAPHIQL=0` hides GraphiQL and introspection (for production). */
const exposeSchema = config().graphiql;
/** An attachment (20 MB) and its multipart envelope. */
const maxRequestBytes = 21 * 1024 * 1024;
const noIntrospection: Plugin = {
  onValidate: ({ addValidationRule }) => addValidationRule(NoSchemaIntrospectionCustomRule),
};
/** Limits measured against the console's deepest queries; test/api-inputs.test.ts checks that depth and page size are refused. */
const protection = new EnvelopArmor({
  maxDepth: { n: 8 },
  // The ledger query with task, section, plan and body costs about 43,000 by graphql-armor's measure.
  costLimit: { maxCost: 60_000 },
  maxAliases: { n: 20 },
  maxDirectives: { n: 20 },
  maxTokens: { n: 3_000 },
  blockFieldSuggestion: { enabled: !exposeSchema },
}).protect();

const consoleDir = fileURLToPath(new URL('../admin-ui/dist', import.meta.url));

export interface AppDeps {
  prisma: PrismaClient;
  temporal: Client;
  taskQueue: string;
  signingKey: Uint8Array;
  dataDir: string;
}

/** The HTTP surface: health, the GraphQL API, and the built admin console. */
export function createApp({ prisma, temporal, taskQueue, signingKey, dataDir }: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', async (_req, res) => {
    const [database, workflows] = await Promise.all([databaseReady(prisma), temporalReady(temporal)]);
    const ready = database && workflows;
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ok' : 'starting',
      database: { ready: database },
      temporal: { ready: workflows, namespace: temporal.options.namespace },
    });
  });

  const yoga = createYoga({
    schema,
    context: async ({ req, request }: { req: express.Request; request: Request }): Promise<Context> => {
      const actor = await actorFromRequest(prisma, signingKey, request.headers.get('authorization'));
      return {
        prisma,
        temporal,
        taskQueue,
        signingKey,
        dataDir,
        clientAddress: req.ip ?? 'unknown',
        actor,
        visible: visibilityCache(prisma, actor),
      };
    },
    renderGraphiQL,
    graphiql: exposeSchema ? { title: 'Duban 督办 GraphQL' } : false,
    logging: 'warn',
    maskedErrors: true,
    plugins: [...protection.plugins, ...(exposeSchema ? [] : [noIntrospection])],
  });
  app.use(yoga.graphqlEndpoint, (req, res, next) => {
    const size = Number(req.get('content-length') ?? 0);
    if (size > maxRequestBytes) return void res.status(413).json({ errors: [{ message: '请求过大 The request is too large.' }] });
    next();
  });
  app.use(yoga.graphqlEndpoint, yoga.requestListener);
  app.use(fileRoutes(prisma, dataDir, signingKey));
  // The public credit listing (no sign-in): classes by colour, records under objection marked.
  app.get(['/public/credit.json', '/public/credit'], async (req, res) => {
    const text = (name: string) => (typeof req.query[name] === 'string' ? (req.query[name] as string) : '');
    const query = { creditClass: text('class'), district: text('district'), search: text('search'), offset: Math.max(0, Number(text('offset')) || 0), limit: Math.min(200, Number(text('limit')) || 50) };
    const listing = await publicListing(prisma, query);
    if (req.path.endsWith('.json')) return void res.json(listing);
    res.type('html').send(publicCreditPage(listing, query));
  });

  if (fs.existsSync(consoleDir)) {
    app.use(express.static(consoleDir, { index: false }));
    app.get(/^\/(?!graphql|healthz|attachments|exports|calendar).*/, (_req, res) => res.sendFile(path.join(consoleDir, 'index.html')));
  }
  return app;
}

async function databaseReady(prisma: PrismaClient): Promise<boolean> {
  try {
    await prisma.body.count();
    return true;
  } catch {
    return false;
  }
}
