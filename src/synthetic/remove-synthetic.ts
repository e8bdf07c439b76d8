import neo4j from 'neo4j-driver';
import { Database } from '../db/database';
import { createProgress } from '../util/progress';
import { SYNTHETIC_ORIGIN, SYNTHETIC_PREFIX, SYNTHETIC_TYPES, SyntheticType } from './synthetic-shape';

/**
 * Removes the synthetic graph in batches, each its own transaction: first the relationships of
 * the busiest synthetic nodes (sources with their MENTIONS, meetings with their attendees), so
 * no transaction holds more than a few tens of thousands of deletions, then the nodes. Only items
 * with a "syn-" key AND origin 'synthetic' go, with every relationship that touches them (those
 * to real entities written by --touch-real included); real nodes and their properties are never
 * written, so the real graph is left as it was.
 */
const TIMEOUT_MS = 600000;

/** Entities per transaction by type: about as many relationships go with each. */
const BATCH: Record<SyntheticType, number> = { Source: 200, Meeting: 1000, Document: 5000, Person: 2000, Place: 5000, Organization: 2000, State: 200 };
const ORDER: SyntheticType[] = ['Source', 'Meeting', 'Document', 'Person', 'Place', 'Organization', 'State'];

export interface RemovedCounts { nodes: number; names: number; transactions: number }

async function loop(db: Database, cypher: string, params: Record<string, unknown>, onBatch: (n: number) => void): Promise<{ total: number; transactions: number }> {
  let total = 0;
  let transactions = 0;
  for (;;) {
    const [row] = await db.runText<{ deleted: number }>(cypher, params, neo4j.routing.WRITE, TIMEOUT_MS);
    transactions++;
    const n = Number(row?.deleted ?? 0);
    if (n === 0) return { total, transactions };
    total += n;
    onBatch(total);
  }
}

export async function removeSynthetic(db: Database, options: { quiet?: boolean } = {}): Promise<RemovedCounts> {
  if (!ORDER.every((t) => (SYNTHETIC_TYPES as readonly string[]).includes(t))) throw new Error('unknown synthetic type');
  const [{ entities, names }] = await db.runText<{ entities: number; names: number }>(
    `CALL () { MATCH (e:Entity) WHERE e.key STARTS WITH $prefix AND e.origin = $origin RETURN count(e) AS entities }
     CALL () { MATCH (n:Name) WHERE n.key STARTS WITH $prefix AND n.origin = $origin RETURN count(n) AS names }
     RETURN entities, names`, { prefix: SYNTHETIC_PREFIX, origin: SYNTHETIC_ORIGIN }, neo4j.routing.READ, TIMEOUT_MS);
  const progress = options.quiet || Number(entities) + Number(names) === 0 ? undefined : createProgress('remove synthetic', Number(entities) + Number(names));
  let done = 0;
  let transactions = 1;
  const named = await loop(db, `MATCH (n:Name) WHERE n.key STARTS WITH $prefix AND n.origin = $origin
WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted`, { prefix: SYNTHETIC_PREFIX, origin: SYNTHETIC_ORIGIN, limit: 10000 }, (n) => progress?.tick(done + n));
  done += named.total;
  transactions += named.transactions;
  let nodes = 0;
  for (const type of ORDER) {
    // The label comes from the fixed ORDER list.
    const removed = await loop(db, `MATCH (e:Entity:${type}) WHERE e.key STARTS WITH $prefix AND e.origin = $origin
WITH e LIMIT $limit DETACH DELETE e RETURN count(*) AS deleted`, { prefix: SYNTHETIC_PREFIX, origin: SYNTHETIC_ORIGIN, limit: BATCH[type] }, (n) => progress?.tick(done + n));
    done += removed.total;
    nodes += removed.total;
    transactions += removed.transactions;
  }
  // Anything else under the prefix (a label this version does not write).
  const rest = await loop(db, `MATCH (n) WHERE n.origin = $origin AND (n:Entity OR n:Name) AND coalesce(n.key, '') STARTS WITH $prefix
WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted`, { prefix: SYNTHETIC_PREFIX, origin: SYNTHETIC_ORIGIN, limit: 5000 }, () => {});
  nodes += rest.total;
  transactions += rest.transactions;
  progress?.finish(`${nodes} entities and ${named.total} names removed in ${transactions} transactions`);
  return { nodes, names: named.total, transactions };
}
