import http from 'node:http';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { Logger } from 'pino';
import { Database } from '../db/database';
import { DatabaseState } from '../db/bootstrap';
import { DatabaseHealth, DatabaseHealthSnapshot } from '../db/database-health';
import { AppContext } from '../context';
import { buildAppSchema } from '../graph/build-schema';
import { SourceCatalog } from '../graph/source/source-catalog';
import { createErrorPlugin, formatError } from '../plugins/error.plugin';
import { queryLimitsRule } from '../plugins/query-limits';
import { createPlaygroundRouter } from './playground';
import { createPagesRouter } from './pages/pages.router';
import { createExportRouter } from '../export/export.router';
import { NameIndexCache } from '../mentions/name-index-cache';

export interface AppDeps {
  db: Database;
  catalog: SourceCatalog;
  names: NameIndexCache;
  state: DatabaseState;
  log: Logger;
  writeToken?: string;
  /** The background health monitor; /ready answers from it. Without it /ready pings (800 ms at most). */
  health?: DatabaseHealth;
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
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<AppContext>({
    schema: buildAppSchema(),
    includeStacktraceInErrorResponses: false,
    formatError,
    introspection: true,
    stopOnTerminationSignals: false,
    validationRules: [queryLimitsRule],
    plugins: [ApolloServerPluginLandingPageDisabled(), createErrorPlugin(deps.log)],
  });
  await apollo.start();

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
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, {
    context: async ({ req }) => ({
      db: deps.db, catalog: deps.catalog, names: deps.names, writeToken: deps.writeToken,
      bearerToken: /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1],
    }),
  }));
  app.use((_req, res) => { res.status(404).json({ error: 'not found', see: ['/graphql', '/explorer', '/dashboard', '/export', '/health', '/ready'] }); });
  // Malformed or oversized bodies (and anything else thrown outside GraphQL) answer in JSON, never an HTML stack trace.
  app.use((err: any, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = Number.isInteger(err?.status) && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) deps.log.error({ err: { message: err?.message, stack: err?.stack } }, 'unexpected HTTP error');
    const message = status === 413 ? 'The request body is too large (1 MB at most)'
      : status === 400 ? 'The request body is not valid JSON' : status < 500 ? 'Bad request' : 'Internal server error';
    res.status(status).json({ errors: [{ message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] });
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
