import http from 'node:http';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { Logger } from 'pino';
import { Database } from '../db/database';
import { DatabaseState } from '../db/bootstrap';
import { DatabaseHealth, DatabaseHealthSnapshot } from '../db/database-health';
import { AppContext } from '../context';
import { neo4jInUse, neo4jWaiting, registry as metricsRegistry } from '../observability/metrics';
import { createMetricsPlugin } from '../plugins/metrics.plugin';
import { buildAppSchema } from '../graph/build-schema';
import { SourceCatalog } from '../graph/source/source-catalog';
import helmet from 'helmet';
import cors from 'cors';
import { createErrorPlugin, createFormatError } from '../plugins/error.plugin';
import { createRequestLimitsRule } from '../plugins/limits/request-limits.rule';
import { createCostLimitPlugin } from '../plugins/limits/cost-limit.plugin';
import { DEFAULT_REQUEST_LIMITS } from '../plugins/limits/request-limits';
import { HttpOptions } from '../config';
import { ClientRateLimiter } from './rate-limit';
import { MAX_MENTIONS_PER_SOURCE, MAX_SOURCE_CHARS } from '../mentions/ingest-source';
import { createPlaygroundRouter } from './playground';
import { createPagesRouter } from './pages/pages.router';
import { createExportRouter } from '../export/export.router';
import { NameIndexCache } from '../mentions/name-index-cache';
import compression from 'compression';
import { DEFAULT_RESPONSE_CACHE, ResponseCache } from '../cache/response-cache';
import { GraphVersion } from '../cache/graph-version';
import { parseBookmarkHeader } from '../db/request-bookmarks';
import { createResponseCachePlugin } from '../plugins/response-cache.plugin';
import proxyAddr from 'proxy-addr';
import { GraphqlEndpoint, headersSetBy, Middleware } from './graphql-endpoint';

export interface AppDeps {
  db: Database;
  catalog: SourceCatalog;
  names: NameIndexCache;
  state: DatabaseState;
  log: Logger;
  writeToken?: string;
  /** The background health monitor; /ready answers from it. Without it /ready pings (800 ms at most). */
  health?: DatabaseHealth;
  /** Limits, rate limit, CORS and profile; what is left out takes the defaults (rate limit off). */
  http?: Partial<HttpOptions>;
}

/** Defaults for what AppDeps.http leaves out: the documented limits, no rate limit, no CORS. */
function httpOptionsOf(deps: AppDeps): HttpOptions {
  return {
    limits: DEFAULT_REQUEST_LIMITS, introspection: true, fieldSuggestions: true, corsOrigins: [], trustProxy: false,
    maxSourceChars: MAX_SOURCE_CHARS, maxMentionsPerSource: MAX_MENTIONS_PER_SOURCE, responseCache: DEFAULT_RESPONSE_CACHE, compressMinBytes: 1024, ...deps.http,
  };
}

export interface RunningApp {
  httpServer: http.Server;
  apollo: ApolloServer<AppContext>;
  url: string;
  /** Stops taking requests, drains the ones in flight, then resolves. */
  close(): Promise<void>;
}

/** Builds the HTTP server: /graphql (API and playground), /health, /ready. */
export async function startApp(deps: AppDeps, port: number, host: string): Promise<RunningApp> {
  const options = httpOptionsOf(deps);
  const rateLimiter = options.rateLimit ? new ClientRateLimiter(options.rateLimit) : undefined;
  const app = express();
  app.disable('x-powered-by');
  // No ETag: Express would hash every answer body for it (sha1 over 100 KB for Summits), and API
  // answers are POST responses no cache revalidates; static assets keep serve-static's own.
  app.set('etag', false);
  app.set('trust proxy', options.trustProxy);
  // POST /graphql goes straight to its endpoint (built below, once Apollo has started); the rest to Express.
  let endpoint: GraphqlEndpoint | undefined;
  const httpServer = http.createServer((req, res) => {
    if (endpoint?.takes(req)) void endpoint.handle(req, res);
    else app(req, res);
  });
  httpServer.keepAliveTimeout = options.keepAliveMs ?? 65_000;
  // Node requires the header timeout to exceed the keep-alive one, or it may cut a reused socket.
  httpServer.headersTimeout = httpServer.keepAliveTimeout + 1000;
  // Requests Node's parser refuses (headers too large, malformed) get a JSON answer too, not an empty one.
  httpServer.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || (err as { code?: string }).code === 'ECONNRESET') { socket.destroy(); return; }
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const body = JSON.stringify({ errors: [{ message: tooLarge ? 'The request headers are too large' : 'Bad request', extensions: { code: 'BAD_REQUEST' } }] });
    socket.end(`HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  });
  const schema = buildAppSchema();
  const apollo = new ApolloServer<AppContext>({
    schema,
    includeStacktraceInErrorResponses: false,
    formatError: createFormatError({ fieldSuggestions: options.fieldSuggestions }),
    introspection: options.introspection,
    stopOnTerminationSignals: false,
    // No automatic persisted queries: clients send their query text; nothing is cached on a stranger's say-so.
    persistedQueries: false,
    // The parser stops at the token limit, before anything is built from a huge document.
    parseOptions: { maxTokens: options.limits.tokens },
    validationRules: [createRequestLimitsRule(options.limits)],
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), createErrorPlugin(deps.log), createCostLimitPlugin(options.limits, rateLimiter), createMetricsPlugin(), createResponseCachePlugin()],
  });
  await apollo.start();

  // Security headers on every route; pages and the playground set their own stricter or looser CSP.
  const securityHeaders = helmet({ contentSecurityPolicy: { useDefaults: true, directives: { 'frame-ancestors': ["'none'"], 'base-uri': ["'none'"] } }, crossOriginEmbedderPolicy: false });
  app.use(securityHeaders);
  // CORS is off unless origins are listed: browsers then refuse cross-origin reads of the API.
  const corsMiddleware = options.corsOrigins.length ? cors({ origin: options.corsOrigins, methods: ['GET', 'POST'], allowedHeaders: ['content-type', 'authorization', 'x-api-key', 'apollo-require-preflight', 'neo4j-bookmark'], exposedHeaders: ['neo4j-bookmark', 'x-cache'], maxAge: 600 }) : undefined;
  if (corsMiddleware) app.use(corsMiddleware);
  if (rateLimiter) app.use(rateLimiter.middleware());
  // Large answers (Summits, graph.json, exports) go compressed to clients that ask; small ones as they are.
  const compressMinBytes = options.compressMinBytes ?? 1024;
  if (compressMinBytes >= 0) app.use(compression({ threshold: compressMinBytes }));

  // The body may hold the largest allowed source text (JSON-escaped) and no more.
  const bodyLimit = Math.max(1_048_576, options.maxSourceChars * 2 + 65_536);
  const trustProxy = app.get('trust proxy fn') as Parameters<typeof proxyAddr>[1];
  endpoint = new GraphqlEndpoint({
    apollo, bodyLimit, compressMinBytes, rateLimiter, log: deps.log,
    responseCache: new ResponseCache(options.responseCache ?? DEFAULT_RESPONSE_CACHE, new GraphVersion(deps.db)),
    clientAddress: (req) => proxyAddr(req, trustProxy),
    headers: headersSetBy(securityHeaders as Middleware),
    cors: corsMiddleware as Middleware | undefined,
    context: (req, { clientKey, markCacheable }) => {
      // Each request's Neo4j bookmarks: those the client sends are waited for, its writes' come back.
      const bookmarks = { given: parseBookmarkHeader(req.headers['neo4j-bookmark']) };
      return {
        markCacheable, clientKey,
        db: deps.db.forRequest(bookmarks), bookmarks, catalog: deps.catalog, names: deps.names, writeToken: deps.writeToken, log: deps.log, schema,
        bearerToken: /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1],
        ingestLimits: { maxSourceChars: options.maxSourceChars, maxMentionsPerSource: options.maxMentionsPerSource },
      };
    },
  });
  const graphqlEndpoint = endpoint;

  // Prometheus metrics (exempt from the rate limit like /health; expose it only to your scraper).
  app.get('/metrics', async (_req, res) => {
    const { active, waiting } = deps.db.limiter.load;
    neo4jInUse.set(active);
    neo4jWaiting.set(waiting);
    res.set('content-type', metricsRegistry.contentType).send(await metricsRegistry.metrics());
  });
  app.get('/health', (_req, res) => { res.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) }); });
  app.get('/ready', async (_req, res) => {
    // From the monitor's last probe, never a slow ping per request; a bare ping only when there is no monitor.
    const health: Pick<DatabaseHealthSnapshot, 'state' | 'reason' | 'restarts'> = deps.health?.snapshot()
      ?? (await deps.db.ping(800) ? { state: 'up', restarts: 0 } : { state: 'down', reason: 'database down', restarts: 0 });
    const loaded = deps.state.schemaApplied && deps.state.seeded;
    const reason = health.reason ?? (loaded ? undefined : 'loading');
    res.status(reason ? 503 : 200).json({
      status: reason ? 'unavailable' : 'ready', ...(reason ? { reason } : {}), neo4j: health.state,
      schemaApplied: deps.state.schemaApplied, seeded: deps.state.seeded, restarts: health.restarts,
    });
  });
  app.use(createPlaygroundRouter('/graphql'));
  app.use(createPagesRouter());
  app.use(createExportRouter(deps));
  // GET /graphql (after the playground has taken the browsers' page loads) and other spellings of
  // the path: Express has set the headers, CORS, the rate limit and compression already.
  app.use('/graphql', (req, res) => { void graphqlEndpoint.serve(req, res, false); });
  app.use((_req, res) => { res.status(404).json({ error: 'not found', see: ['/graphql', '/explorer', '/dashboard', '/export', '/health', '/ready'] }); });
  // Anything thrown outside GraphQL (a malformed path, a page's failure) answers in JSON, never an
  // HTML stack trace; /graphql's body errors are the endpoint's own (graphql-endpoint.ts).
  app.use((err: any, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = Number.isInteger(err?.status) && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) deps.log.error({ err: { message: err?.message, stack: err?.stack } }, 'unexpected HTTP error');
    res.status(status).json({ errors: [{ message: status < 500 ? 'Bad request' : 'Internal server error', extensions: { code: status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' } }] });
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => resolve());
  });
  const address = httpServer.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  return {
    httpServer, apollo, url: `http://${host}:${boundPort}`,
    close: async () => {
      // Stop accepting, let requests in flight finish (10 s at most), then stop Apollo.
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeIdleConnections();
      const force = setTimeout(() => httpServer.closeAllConnections(), 10000);
      await closed;
      clearTimeout(force);
      await apollo.stop();
    },
  };
}
