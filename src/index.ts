// First: graphql-js must load its production instanceOf before anything imports graphql.
import './util/graphql-instanceof';
import 'reflect-metadata';
import path from 'node:path';
import pino from 'pino';
import { ConfigError, loadConfig } from './config';
import { bootstrapInBackground, DatabaseState } from './db/bootstrap';
import { CypherRegistry } from './db/cypher-registry';
import { Database } from './db/database';
import { DatabaseHealth } from './db/database-health';
import { Neo4jStartError } from './db/embedded-neo4j';
import { Neo4jSupervisor } from './db/neo4j-supervisor';
import { QUERY_NAMES } from './db/query-names';
import { SourceCatalog } from './graph/source/source-catalog';
import { NameIndexCache } from './mentions/name-index-cache';
import { startApp } from './http/app';
import { projectRoot } from './util/project-root';

/**
 * Start-up: config, then the embedded Neo4j when NEO4J_URI is unset (supervised: restarted
 * when its JVM dies), the health monitor, the driver, the schema and seed (retried in the
 * background while Neo4j is unreachable), then HTTP. SIGTERM/SIGINT drain requests, close
 * the driver and stop the JVM, also while it is still starting; a stop never restarts it.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`configuration error: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const log = pino({ level: config.logLevel, base: { service: 'cica-graph' } });
  const started = Date.now();

  let supervisor: Neo4jSupervisor | undefined;
  let uri = config.neo4jUri;
  let password = config.neo4jPassword;
  let user = config.neo4jUser;
  // Until the server is up, a signal stops the JVM that is starting; none is left behind.
  const stopDuringStart = (signal: NodeJS.Signals) => {
    log.info({ signal }, 'stopping during start-up');
    void (supervisor?.stop() ?? Promise.resolve()).finally(() => process.exit(0));
  };
  process.once('SIGTERM', stopDuringStart);
  process.once('SIGINT', stopDuringStart);
  if (!uri) {
    supervisor = new Neo4jSupervisor(config.embedded, log);
    ({ uri, password, user } = await supervisor.start());
  }
  const health = new DatabaseHealth({ uri: uri!, user, password: password!, database: config.neo4jDatabase, log }).start();
  supervisor?.watch(health);

  const registry = new CypherRegistry(path.join(projectRoot(), 'cypher', 'queries'), QUERY_NAMES);
  const db = new Database({ uri: uri!, user, password: password!, database: config.neo4jDatabase, queryTimeoutMs: config.queryTimeoutMs }, registry, health);
  const catalog = new SourceCatalog();
  const state = new DatabaseState();
  const names = new NameIndexCache();
  const bootstrap = bootstrapInBackground(db, catalog, state, { seedOnStart: config.seedOnStart, corpusDir: config.corpusDir, ingestCorpus: config.ingestCorpusOnStart, names, log });
  bootstrap.done.then(
    () => log.info({ msSinceStart: Date.now() - started }, 'ready'),
    () => { log.fatal('could not load the graph; fix the problem above and restart'); void shutdown('bootstrap failure', 1); },
  );

  const app = await startApp({ db, catalog, names, state, log, health, writeToken: config.writeToken, http: config.http }, config.port, config.host);
  if (!config.writeToken) log.info('writes are off: every mutation answers FORBIDDEN (set WRITE_TOKEN to enable them)');
  if (!config.http.introspection) log.info('introspection is off (PROFILE=production or INTROSPECTION=false)');
  log.info({ url: `${app.url}/graphql`, neo4j: supervisor ? 'embedded' : uri }, 'server listening');

  let shuttingDown = false;
  async function shutdown(reason: string, exitCode = 0): Promise<void> {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info({ reason }, 'shutting down');
    bootstrap.stop();
    await app.close().catch((err) => log.warn({ err: String(err) }, 'HTTP close failed'));
    log.info('HTTP server closed');
    await health.stop();
    await db.close().catch(() => {});
    if (supervisor) {
      await supervisor.stop();
      log.info('Neo4j stopped');
    }
    log.info('stopped');
    process.exit(exitCode);
  }
  process.off('SIGTERM', stopDuringStart);
  process.off('SIGINT', stopDuringStart);
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  // A signal during start-up aborted the start; its handler stops the JVM and exits.
  if (err instanceof Neo4jStartError && err.reason === 'aborted') return;
  process.stderr.write(`start-up failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
