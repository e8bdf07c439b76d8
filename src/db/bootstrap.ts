import fs from 'node:fs';
import path from 'node:path';
import { ingestFolder } from '../mentions/ingest-source';
import { NameIndexCache } from '../mentions/name-index-cache';
import { Logger } from 'pino';
import { loadSeedFiles } from '../seed/load-seed';
import { writeSeed } from '../seed/write-seed';
import { SourceCatalog } from '../graph/source/source-catalog';
import { projectRoot } from '../util/project-root';
import { applySchema } from './apply-schema';
import { Database } from './database';

/** Where the database stands; /ready reads it. */
export class DatabaseState {
  schemaApplied = false;
  seeded = false;
  lastError: string | null = null;
}

export interface BootstrapOptions {
  seedOnStart: boolean;
  corpusDir: string;
  /** Ingest the corpus texts (mention links) after the seed, when the folder exists. */
  ingestCorpus?: boolean;
  names?: NameIndexCache;
  log: Logger;
  quiet?: boolean;
}

/** Applies cypher/schema, loads the seed files and fills the source catalog. Throws on failure. */
export async function bootstrapDatabase(db: Database, catalog: SourceCatalog, state: DatabaseState, options: BootstrapOptions): Promise<void> {
  const root = projectRoot();
  const statements = await applySchema(db, path.join(root, 'cypher', 'schema'));
  state.schemaApplied = true;
  options.log.info({ statements }, 'schema applied');
  if (options.seedOnStart) {
    const bundle = loadSeedFiles(path.join(root, 'cypher', 'seed'), options.corpusDir);
    const { skipped } = await writeSeed(db, bundle, { quiet: options.quiet });
    options.log.info({ entities: bundle.entities.length, factRecords: bundle.rawFacts, statements: bundle.statements.length, claims: bundle.claims.length, skipped }, skipped ? 'seed unchanged' : 'seed loaded');
  }
  options.names?.invalidate();
  if (options.ingestCorpus && options.names && fs.existsSync(options.corpusDir)) {
    const results = await ingestFolder(db, options.names, options.corpusDir, { quiet: options.quiet, trusted: true });
    options.log.info({ sources: results.length, changed: results.filter((r) => r.changed).length, mentions: results.reduce((n, r) => n + r.mentionCount, 0) }, 'corpus ingested');
  }
  await refreshCatalog(db, catalog);
  state.seeded = true;
  state.lastError = null;
}

export async function refreshCatalog(db: Database, catalog: SourceCatalog): Promise<void> {
  catalog.replace(await db.read('source/catalog'));
}

/**
 * Keeps trying to bootstrap while Neo4j is unreachable, so the server can start first and
 * become ready by itself once the database is back. Seed-file errors are not retried.
 */
export function bootstrapInBackground(db: Database, catalog: SourceCatalog, state: DatabaseState, options: BootstrapOptions, retryMs = 2000): { stop(): void; done: Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const done = new Promise<void>((resolve, reject) => {
    const attempt = async () => {
      if (stopped) return resolve();
      try {
        await bootstrapDatabase(db, catalog, state, options);
        resolve();
      } catch (err) {
        const code = (err as { extensions?: { code?: string } }).extensions?.code;
        state.lastError = (err as Error).message;
        if (code === 'UNAVAILABLE') {
          options.log.warn('Neo4j unavailable; retrying bootstrap');
          timer = setTimeout(attempt, retryMs);
        } else {
          options.log.error({ err: (err as Error).message }, 'bootstrap failed');
          reject(err);
        }
      }
    };
    void attempt();
  });
  return { stop: () => { stopped = true; if (timer) clearTimeout(timer); }, done };
}
