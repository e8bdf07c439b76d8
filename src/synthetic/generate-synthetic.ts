import neo4j from 'neo4j-driver';
import { Database } from '../db/database';
import { writeEntities, writeSourceTexts, writeStatements } from './bulk-write';
import { removeSynthetic } from './remove-synthetic';
import { SourceTexts } from './source-texts';
import { createRandom } from './synthetic-names';
import { buildSyntheticEntities, SyntheticEntities, SyntheticSize } from './synthetic-shape';
import { expectedStatements, RealAnchors, StatementRow, syntheticStatements } from './synthetic-statements';

/**
 * A synthetic graph shaped like the real one, at a chosen scale (1, 10, 100, 1000: issue 11):
 * states in organizations (a synthetic hub all states belong to), meetings with hosts, venues,
 * attendees and levels, documents adopted at them, people with offices, places, and sources
 * whose texts quote every statement, with MENTIONS spans as parallel lists as the ingest writes
 * them. Every statement has start/end, rank and truthy, and one or two references (source key,
 * quote). Keys start with "syn-", items carry origin 'synthetic'; removeSynthetic() takes them
 * out again. The same scale and seed give the same graph.
 *
 * By default the synthetic graph is a sub-graph of its own: no relationship touches a real
 * entity, so every real answer stays as it is and only the database's size differs. With
 * `touchReal`, a quarter of the synthetic states become members (or observers) of the real CICA
 * and five of them attend each real CICA meeting, so the real hub grows dense; real answers
 * (CICA's members on a day, its meetings' attendees) then change until removeSynthetic().
 */
export { removeSynthetic } from './remove-synthetic';
export { syntheticSize, SYNTHETIC_ORIGIN, SYNTHETIC_PREFIX } from './synthetic-shape';
export type { SyntheticSize } from './synthetic-shape';

export interface SyntheticOptions {
  seed?: number;
  /** Link synthetic states to the real CICA and its meetings (default false). */
  touchReal?: boolean;
  /** Key of the real organization --touch-real joins (default 'cica'). */
  realOrganization?: string;
  /** Rows (nodes, relationships or spans) per transaction; default 5000. */
  batch?: number;
  /** Characters of context before and after each span (default as the ingest: 80). */
  snippetChars?: number;
  quiet?: boolean;
}

export interface SyntheticCounts {
  scale: number;
  seed: number;
  size: SyntheticSize;
  /** All synthetic entities (sources included). */
  entities: number;
  names: number;
  /** Statements (relationships of FACT_TYPES), also as `facts` for the traversal bench. */
  statements: number;
  facts: number;
  byType: Record<string, number>;
  mentions: number;
  spans: number;
  textChars: number;
  transactionsMs: { remove: number; entities: number; statements: number; mentions: number; total: number };
}

/**
 * The whole synthetic graph in memory (entities and statements, texts built), for small scales
 * and tests. The writer never holds it all: it streams the statements.
 */
export function buildSynthetic(scale: number, seed = 42, real: RealAnchors | null = null): { entities: SyntheticEntities; statements: StatementRow[]; texts: SourceTexts } {
  const entities = buildSyntheticEntities(scale, seed);
  const texts = new SourceTexts(entities.sources);
  const statements = [...syntheticStatements(entities, createRandom(seed + 1), texts, real)];
  return { entities, statements, texts };
}

async function realAnchors(db: Database, organization: string): Promise<RealAnchors> {
  const rows = await db.runText<{ key: string; date: string | null }>(
    `MATCH (c:Entity {key: $org}) WHERE c.origin <> $origin
     MATCH (m:Entity:Meeting)-[:PART_OF]->(c) WHERE m.origin <> $origin
     RETURN m.key AS key, m.start AS date ORDER BY key`, { org: organization, origin: 'synthetic' }, neo4j.routing.READ);
  const [found] = await db.runText<{ n: number }>('MATCH (c:Entity {key: $org}) RETURN count(c) AS n', { org: organization }, neo4j.routing.READ);
  if (!found || Number(found.n) === 0) throw new Error(`--touch-real: there is no real entity with key "${organization}" (is the seed loaded?)`);
  return { organization, meetings: rows };
}

/**
 * Removes any earlier synthetic graph, then writes the one of this scale and seed in bulk, with a
 * progress bar per phase: entities and names, statements (streamed), source texts and MENTIONS.
 */
export async function writeSynthetic(db: Database, scale: number, options: SyntheticOptions = {}): Promise<SyntheticCounts> {
  const seed = options.seed ?? 42;
  const quiet = options.quiet ?? false;
  const batch = options.batch ?? 5000;
  const label = `synthetic x${scale}`;
  const started = Date.now();
  const lap = (() => { let t = Date.now(); return () => { const now = Date.now(); const d = now - t; t = now; return d; }; })();
  await removeSynthetic(db, { quiet });
  const removeMs = lap();
  const real = options.touchReal ? await realAnchors(db, options.realOrganization ?? 'cica') : null;
  const entities = buildSyntheticEntities(scale, seed);
  const texts = new SourceTexts(entities.sources);
  const written = await writeEntities(db, entities.all, { batch, quiet, label });
  const entitiesMs = lap();
  const byType = await writeStatements(db, syntheticStatements(entities, createRandom(seed + 1), texts, real), expectedStatements(entities, real), { batch, quiet, label });
  const statementsMs = lap();
  const mentions = await writeSourceTexts(db, texts, { batch: batch * 2, quiet, label, snippetChars: options.snippetChars });
  const mentionsMs = lap();
  const statements = Object.values(byType).reduce((a, b) => a + b, 0);
  return {
    scale, seed, size: entities.size, entities: written.entities, names: written.names, statements, facts: statements, byType,
    mentions: mentions.mentions, spans: mentions.spans, textChars: mentions.chars,
    transactionsMs: { remove: removeMs, entities: entitiesMs, statements: statementsMs, mentions: mentionsMs, total: Date.now() - started },
  };
}
