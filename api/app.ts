import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import helmet from 'helmet';
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { Client } from '@temporalio/client';
import { loadConfig, type Config } from '../runtime/config.ts';
import type { PrismaClient } from '../runtime/db.ts';
import { authenticate, sessionCookie } from './auth/context.ts';
import { viewerLocale } from './locale.ts';
import { csrfPrevention } from './auth/csrf.ts';
import { Sessions } from './auth/sessions.ts';
import { tokenLifetimeMs } from './auth/tokens.ts';
import { visibilityCache } from './auth/visibility.ts';
import { fileRoutes } from './files/routes.ts';
import { healthRoute } from './health.ts';
import type { Context } from './schema/builder.ts';
import { publicCreditPage } from './credit/public-page.ts';
import { publicRoutes } from './public/routes.ts';
import { publicListing } from './schema/credit.ts';
import { schema } from './schema/index.ts';

/** An attachment (20 MB) and its multipart envelope. */
const maxRequestBytes = 21 * 1024 * 1024;
const noIntrospection: Plugin = {
  onValidate: ({ addValidationRule }) => addValidationRule(NoSchemaIntrospectionCustomRule),
};

const consoleDir = fileURLToPath(new URL('../admin-ui/dist', import.meta.url));

export interface AppDeps {
  prisma: PrismaClient;
  temporal: Client;
  taskQueue: string;
  signingKey: Uint8Array;
  dataDir: string;
  /** Settings (default: from the environment). */
  config?: Config;
}

/** GraphiQL's page has one inline script: it runs under this request's CSP nonce. */
function graphiqlPage(options: { nonce?: string } & Record<string, unknown>): string {
  const { nonce, ...rest } = options;
  return renderGraphiQL(rest).replace('<script>', `<script nonce="${nonce}">`);
}

/**
 * Every response carries a strict Content-Security-Policy (scripts only from
 * this origin, or with the request's nonce: no inline script), nosniff, a
 * Referrer-Policy and frame protection.
 */
function securityHeaders(config: Config): express.RequestHandler {
  const https = config.publicUrl?.startsWith('https:') ?? false;
  return replayed(helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
        // MUI and GraphiQL set styles from script; styles cannot run code.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: https,
  }));
}

/**
 * Helmet's headers are the same on every response but for the CSP nonce: they
 * are computed once, with a marker in the nonce's place, and each response gets
 * that list with its own nonce (helmet rebuilt the whole policy per request).
 */
function replayed(middleware: express.RequestHandler): express.RequestHandler {
  const marker = 'nonce-marker-d1f4c0';
  const set: Array<[string, string]> = [];
  const removed: string[] = [];
  const recorder = { locals: { cspNonce: marker }, setHeader: (name: string, value: unknown) => void set.push([name, String(value)]), removeHeader: (name: string) => void removed.push(name) };
  let called = false;
  void middleware({} as express.Request, recorder as unknown as express.Response, () => (called = true));
  if (!called) throw new Error('helmet did not set its headers synchronously');
  return (_req, res, next) => {
    for (const name of removed) res.removeHeader(name);
    for (const [name, value] of set) res.setHeader(name, value.includes(marker) ? value.replaceAll(marker, res.locals.cspNonce as string) : value);
    next();
  };
}

/** The HTTP surface: health, the GraphQL API, downloads, the public listing and the built admin console. */
export function createApp({ prisma, temporal, taskQueue, signingKey, dataDir, config = loadConfig() }: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // Only behind a proxy the operator names is X-Forwarded-For believed (the sign-in limit counts per address).
  app.set('trust proxy', config.trustProxy);
  const sessions = new Sessions(prisma, config.sessionIdleMinutes * 60_000);
  const secureCookie = config.publicUrl?.startsWith('https:') ?? false;

  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64');
    next();
  });
  app.use(securityHeaders(config));

  app.get('/healthz', healthRoute(prisma, temporal, taskQueue));

  /** Limits measured against the console's deepest queries (test/api-inputs.test.ts checks that depth and page size are refused). */
  const protection = new EnvelopArmor({
    // Named fragments (the console's typed selections) count by their fields, as the same selection written inline would.
    maxDepth: { n: 8, flattenFragments: true },
    // The ledger query with task, section, plan and body costs about 43,000 by graphql-armor's measure.
    costLimit: { maxCost: 60_000, flattenFragments: true },
    maxAliases: { n: 20 },
    maxDirectives: { n: 20 },
    maxTokens: { n: 3_000 },
    blockFieldSuggestion: { enabled: !config.graphiql },
  }).protect();

  const yoga = createYoga<{ req: express.Request; res: express.Response }>({
    schema,
    context: async ({ req, res, request }): Promise<Context> => {
      const who = await authenticate({ sessions, signingKey }, { authorization: request.headers.get('authorization'), cookie: request.headers.get('cookie') });
      const actor = who?.actor ?? null;
      return {
        prisma,
        temporal,
        taskQueue,
        signingKey,
        dataDir,
        origin: config.publicUrl ?? `${req.protocol}://${req.get('host')}`,
        clientAddress: req.ip ?? 'unknown',
        locale: viewerLocale(request.headers.get('accept-language')),
        actor,
        session: who?.session ?? null,
        account: who?.account ?? null,
        sessions,
        setSessionCookie: (token) => void res.append('Set-Cookie', sessionCookie(token, { secure: secureCookie, maxAgeSeconds: tokenLifetimeMs / 1000 })),
        demoPassword: config.demo ? config.demoPassword : null,
        urgeIntervalMs: config.urgeIntervalHours * 3_600_000,
        visible: visibilityCache(prisma, actor),
      };
    },
    renderGraphiQL: graphiqlPage,
    graphiql: config.graphiql ? (_request, { res }) => ({ title: 'Duban 督办 GraphQL', nonce: res.locals.cspNonce as string }) : false,
    // Closed unless the operator names the origins that may call from a browser.
    cors: config.corsOrigins.length ? { origin: config.corsOrigins, credentials: true, methods: ['GET', 'POST'] } : false,
    logging: 'warn',
    maskedErrors: true,
    plugins: [
      csrfPrevention,
      ...protection.plugins,
      ...(config.graphiql ? [] : [noIntrospection]),
    ],
  });
  app.use(yoga.graphqlEndpoint, (req, res, next) => {
    const size = Number(req.get('content-length') ?? 0);
    if (size > maxRequestBytes) return void res.status(413).json({ errors: [{ message: '请求过大 The request is too large.' }] });
    next();
  });
  app.use(yoga.graphqlEndpoint, yoga.requestListener);
  app.use(fileRoutes({ prisma, dataDir, signingKey, sessions }));
  app.use(publicRoutes(prisma));
  // The public credit listing (no sign-in): classes by colour, records under objection marked.
  app.get(['/public/credit.json', '/public/credit'], async (req, res) => {
    const text = (name: string) => (typeof req.query[name] === 'string' ? (req.query[name] as string).slice(0, 200) : '');
    const query = { creditClass: text('class'), district: text('district'), search: text('search'), offset: Math.max(0, Number(text('offset')) || 0), limit: Math.min(200, Math.max(1, Number(text('limit')) || 50)) };
    const listing = await publicListing(prisma, query);
    if (req.path.endsWith('.json')) return void res.json(listing);
    res.type('html').send(publicCreditPage(listing, query));
  });

  if (fs.existsSync(consoleDir)) {
    app.use(express.static(consoleDir, { index: false }));
    app.get(/^\/(?!graphql|healthz|attachments|exports|calendar|public).*/, (_req, res) => res.sendFile(path.join(consoleDir, 'index.html')));
  }
  app.use((_req, res) => void res.status(404).json({ error: '页面不存在 Not found.' }));
  // Whatever went wrong, the caller gets a plain answer: no stack, no internals.
  app.use((error: { status?: number; statusCode?: number; expose?: boolean }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = error.status ?? error.statusCode ?? 500;
    if (status >= 500) console.error('api: request failed:', error);
    if (res.headersSent) return void res.end();
    res.status(status >= 400 && status < 600 ? status : 500).json({ error: status < 500 ? '请求无效 Bad request.' : '服务器内部错误 Internal error.' });
  });
  return app;
}
