import 'reflect-metadata';
import path from 'node:path';
import { loadConfig } from '../config';
import { applySchema } from '../db/apply-schema';
import { openDatabase } from '../db/open-database';
import { SeedError } from '../seed/read-seed-files';
import { loadSeedFiles } from '../seed/load-seed';
import { writeSeed } from '../seed/write-seed';
import { projectRoot } from '../util/project-root';

/**
 * npm run seed [-- --check]: validates the seed files (and corpus quotes); without --check
 * also loads them into Neo4j (the embedded one unless NEO4J_URI is set).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const root = projectRoot();
  const bundle = loadSeedFiles(path.join(root, 'cypher', 'seed'), config.corpusDir);
  process.stdout.write(`seed files valid: ${bundle.entities.length} entities, ${bundle.rawFacts} fact records as ${bundle.statements.length} statements, ${bundle.claims.length} claims, ${bundle.disagreements.length} disagreements ranked\n`);
  if (process.argv.includes('--check')) return;
  const { db, close } = await openDatabase(config, (m) => process.stderr.write(m + '\n'));
  try {
    await applySchema(db, path.join(root, 'cypher', 'schema'));
    const { skipped } = await writeSeed(db, bundle);
    if (skipped) process.stdout.write('the graph already holds these seed files: nothing to do\n');
  } finally {
    await close();
  }
}

main().catch((err) => {
  process.stderr.write(err instanceof SeedError ? `seed error: ${err.message}\n` : `seed failed: ${(err as Error).message}\n`);
  process.exit(1);
});
