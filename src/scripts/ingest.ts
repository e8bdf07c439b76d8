import 'reflect-metadata';
import path from 'node:path';
import { loadConfig } from '../config';
import { applySchema } from '../db/apply-schema';
import { openDatabase } from '../db/open-database';
import { ingestFolder } from '../mentions/ingest-source';
import { NameIndexCache } from '../mentions/name-index-cache';
import { projectRoot } from '../util/project-root';

/**
 * npm run ingest -- <file.txt or folder>: stores each text (id = file name without .txt) and
 * links its mentions of known entities. Re-ingesting the same text changes nothing; another
 * text for a stored id is refused unless --replace is given. The corpus folder itself
 * (CORPUS_DIR) may update the seed sources, which no other folder can.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const replace = args.includes('--replace');
  const target = args.find((a) => !a.startsWith('--'));
  if (!target) {
    process.stderr.write('usage: npm run ingest -- [--replace] <file.txt or folder of .txt files>\n');
    process.exit(2);
  }
  const config = loadConfig();
  const { db, close } = await openDatabase(config, (m) => process.stderr.write(m + '\n'));
  try {
    await applySchema(db, path.join(projectRoot(), 'cypher', 'schema'));
    const folder = path.resolve(target);
    const results = await ingestFolder(db, new NameIndexCache(), folder, { trusted: folder === config.corpusDir, replace });
    for (const r of results) process.stdout.write(`${r.id}\t${r.language}\t${r.changed ? 'stored' : 'unchanged'}\t${r.mentionCount} mentions of ${r.entityCount} entities\n`);
  } finally {
    await close();
  }
}

main().catch((err) => {
  process.stderr.write(`ingest failed: ${(err as Error).message}\n`);
  process.exit(1);
});
