import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { applySchema } from '../src/db/apply-schema';
import { CypherRegistry } from '../src/db/cypher-registry';
import { Database } from '../src/db/database';
import { startEmbeddedNeo4j } from '../src/db/embedded-neo4j';
import { loadSeedFiles } from '../src/seed/load-seed';
import { writeSeed } from '../src/seed/write-seed';
import { ingestFolder } from '../src/mentions/ingest-source';
import { NameIndexCache } from '../src/mentions/name-index-cache';
import { QUERY_NAMES } from '../src/db/query-names';

/**
 * Starts the test Neo4j, apart from the developer's data: a fresh temporary data folder and a
 * free port, unless TEST_NEO4J_URI points at one. Loads the schema and seed once for all tests.
 * The connection goes to the test files through TEST_NEO4J_* variables.
 */
export default async function globalSetup(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const config = loadConfig(process.env, root);
  if (!process.env.TEST_NEO4J_URI) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cica-test-neo4j-'));
    const started = Date.now();
    const neo4j = await startEmbeddedNeo4j({
      dataDir, cacheDir: config.embedded.cacheDir, boltPort: 0, heap: '1g', pageCacheMb: 256,
      log: (m) => process.stderr.write(`[test neo4j] ${m}\n`),
    });
    process.stderr.write(`[test neo4j] ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    (globalThis as any).__TEST_NEO4J__ = { neo4j, dataDir };
    process.env.TEST_NEO4J_URI = neo4j.uri;
    process.env.TEST_NEO4J_USER = neo4j.user;
    process.env.TEST_NEO4J_PASSWORD = neo4j.password;
  }
  process.env.TEST_CORPUS_DIR = config.corpusDir;
  const db = new Database({
    uri: process.env.TEST_NEO4J_URI!, user: process.env.TEST_NEO4J_USER ?? 'neo4j', password: process.env.TEST_NEO4J_PASSWORD ?? '',
    database: process.env.TEST_NEO4J_DATABASE ?? 'neo4j', queryTimeoutMs: 60000,
  }, new CypherRegistry(path.join(root, 'cypher', 'queries'), QUERY_NAMES));
  try {
    await applySchema(db, path.join(root, 'cypher', 'schema'));
    await writeSeed(db, loadSeedFiles(path.join(root, 'cypher', 'seed'), config.corpusDir), { quiet: true });
    await ingestFolder(db, new NameIndexCache(), config.corpusDir, { quiet: true, trusted: true });
  } finally {
    await db.close();
  }
}
