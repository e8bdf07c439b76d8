import 'reflect-metadata';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { loadConfig } from '../config';
import { applySchema } from '../db/apply-schema';
import { openDatabase } from '../db/open-database';
import { removeSynthetic, writeSynthetic } from '../synthetic/generate-synthetic';
import { projectRoot } from '../util/project-root';

/**
 * npm run synthetic -- --scale 1000 [--seed 42] [--touch-real] [--batch 5000]
 * npm run synthetic -- --remove
 *
 * Loads the synthetic graph of a scale (1, 10, 100, 1000: issue 11) into Neo4j (the embedded
 * one unless NEO4J_URI is set; NEO4J_HEAP and NEO4J_PAGECACHE_MB size it), replacing any earlier
 * one, or removes it. --touch-real links synthetic states to the real CICA and its meetings,
 * which changes real answers until --remove. Prints what was written and the graph's totals.
 */
const USAGE = 'usage: npm run synthetic -- --scale N [--seed N] [--touch-real] [--batch N] [--snippet N] | --remove';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const value = process.argv[i + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value; ${USAGE}`);
  return value;
}

function numberOption(name: string, fallback: number, min: number, max: number): number {
  const raw = option(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`--${name} must be a number from ${min} to ${max}, got "${raw}"`);
  return value;
}

async function main(): Promise<void> {
  const remove = process.argv.includes('--remove');
  const scale = numberOption('scale', remove ? 0 : NaN, 0, 2000);
  if (!remove && !(scale > 0)) throw new Error(USAGE);
  const config = loadConfig();
  const { db, close } = await openDatabase(config, (m) => process.stderr.write(m + '\n'));
  try {
    await applySchema(db, path.join(projectRoot(), 'cypher', 'schema'));
    if (remove) {
      const removed = await removeSynthetic(db);
      process.stdout.write(JSON.stringify({ removed }, null, 2) + '\n');
    } else {
      const counts = await writeSynthetic(db, scale, {
        seed: numberOption('seed', 42, 0, 2 ** 31), touchReal: process.argv.includes('--touch-real'),
        batch: numberOption('batch', 5000, 100, 100000), snippetChars: numberOption('snippet', 80, 0, 1000),
      });
      process.stdout.write(JSON.stringify(counts, null, 2) + '\n');
    }
    const [totals] = await db.runText<{ nodes: number; relationships: number; synthetic: number }>(
      `CALL () { MATCH (n) RETURN count(n) AS nodes }
       CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
       CALL () { MATCH (e:Entity) WHERE e.key STARTS WITH $prefix AND e.origin = $origin RETURN count(e) AS synthetic }
       RETURN nodes, relationships, synthetic`, { prefix: 'syn-', origin: 'synthetic' }, neo4j.routing.READ, 600000);
    process.stdout.write(`graph now: ${totals.nodes} nodes, ${totals.relationships} relationships (${totals.synthetic} synthetic entities)\n`);
  } finally {
    await close();
  }
}

main().catch((err) => {
  process.stderr.write(`synthetic failed: ${(err as Error).message}\n`);
  process.exit(1);
});
