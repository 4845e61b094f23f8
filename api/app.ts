import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { createYoga } from 'graphql-yoga';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { Client } from '@temporalio/client';
import type { PrismaClient } from '../runtime/db.ts';
import { temporalReady } from '../runtime/temporal.ts';
import { actorFromRequest } from './auth/context.ts';
import type { Context } from './schema/builder.ts';
import { schema } from './schema/index.ts';

const consoleDir = fileURLToPath(new URL('../admin-ui/dist', import.meta.url));

export interface AppDeps {
  prisma: PrismaClient;
  temporal: Client;
  taskQueue: string;
  signingKey: Uint8Array;
}

/** The HTTP surface: health, the GraphQL API, and the built admin console. */
export function createApp({ prisma, temporal, taskQueue, signingKey }: AppDeps): express.Express {
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
    context: async ({ request }): Promise<Context> => ({
      prisma,
      temporal,
      taskQueue,
      signingKey,
      actor: await actorFromRequest(prisma, signingKey, request.headers.get('authorization')),
    }),
    renderGraphiQL,
    graphiql: { title: 'Duban 督办 GraphQL' },
    logging: 'warn',
  });
  app.use(yoga.graphqlEndpoint, yoga.requestListener);

  if (fs.existsSync(consoleDir)) {
    app.use(express.static(consoleDir, { index: false }));
    app.get(/^\/(?!graphql|healthz).*/, (_req, res) => res.sendFile(path.join(consoleDir, 'index.html')));
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
