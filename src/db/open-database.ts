import fs from 'node:fs';
import path from 'node:path';
import { Config } from '../config';
import { projectRoot } from '../util/project-root';
import { CypherRegistry } from './cypher-registry';
import { Database } from './database';
import { EmbeddedNeo4j, startEmbeddedNeo4j } from './embedded-neo4j';
import { QUERY_NAMES } from './query-names';

/**
 * For command-line tools: NEO4J_URI when set; else the embedded Neo4j of a running server
 * (same data folder, found by its port and stored password); else a new embedded one, which
 * close() stops again. A store takes one process, so reusing a running one avoids the lock.
 */
export async function openDatabase(config: Config, log: (m: string) => void): Promise<{ db: Database; close(): Promise<void> }> {
  const registry = new CypherRegistry(path.join(projectRoot(), 'cypher', 'queries'), QUERY_NAMES);
  const options = { user: config.neo4jUser, database: config.neo4jDatabase, queryTimeoutMs: config.queryTimeoutMs };
  if (config.neo4jUri) {
    const db = new Database({ ...options, uri: config.neo4jUri, password: config.neo4jPassword! }, registry);
    return { db, close: () => db.close() };
  }
  const passwordFile = path.join(config.embedded.dataDir, '.neo4j-password');
  if (fs.existsSync(passwordFile)) {
    const running = new Database({ ...options, user: 'neo4j', uri: `bolt://127.0.0.1:${config.embedded.boltPort}`, password: fs.readFileSync(passwordFile, 'utf8').trim() }, registry);
    if (await running.ping()) {
      log(`using the running embedded Neo4j on port ${config.embedded.boltPort}`);
      return { db: running, close: () => running.close() };
    }
    await running.close();
  }
  const embedded: EmbeddedNeo4j = await startEmbeddedNeo4j({ ...config.embedded, log });
  const db = new Database({ ...options, user: embedded.user, uri: embedded.uri, password: embedded.password }, registry);
  return { db, close: async () => { await db.close(); await embedded.stop(); } };
}
