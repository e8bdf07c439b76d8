import path from 'node:path';
import { CypherRegistry } from '../../src/db/cypher-registry';
import { Database } from '../../src/db/database';
import { QUERY_NAMES } from '../../src/db/query-names';
import { removeSynthetic, writeSynthetic } from '../../src/synthetic/generate-synthetic';
import { benchRoot } from '../support/bench-root';
import { Neo4jCredentials } from './neo4j-graphql-server';

/**
 * The one place the benchmark touches the synthetic generator (src/synthetic), so a new API
 * there changes only this file. Scale 1 is the real graph alone; scale N adds the generator's
 * graph for N.
 */
export async function loadScale(db: Neo4jCredentials, scale: number, log: (m: string) => void): Promise<{ entities: number; facts: number } | null> {
  if (scale <= 1) return null;
  const database = openDatabase(db);
  try {
    const started = Date.now();
    const counts = await writeSynthetic(database, scale, { quiet: false });
    log(`scale ${scale}: ${counts.entities} entities, ${counts.facts} facts in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return counts;
  } finally {
    await database.close();
  }
}

export async function removeScale(db: Neo4jCredentials): Promise<void> {
  const database = openDatabase(db);
  try { await removeSynthetic(database); } finally { await database.close(); }
}

function openDatabase(db: Neo4jCredentials): Database {
  return new Database({ uri: db.uri, user: db.user, password: db.password, database: 'neo4j', queryTimeoutMs: 600000 },
    new CypherRegistry(path.join(benchRoot(), 'cypher', 'queries'), QUERY_NAMES));
}
