import crypto from 'node:crypto';
import neo4j, { Driver } from 'neo4j-driver';

/** A digest of the whole graph and what went into it. */
export interface GraphChecksum {
  sha256: string;
  nodes: number;
  relationships: number;
  /** Nodes left out because a fuzz write made them (see excludedPrefix). */
  excludedNodes: number;
}

/** Nodes a right-token fuzz write may create: the source itself and its alias Name. */
const EXCLUDED = `((n:Source AND coalesce(n.key, '') STARTS WITH $prefix) OR (n:Name AND coalesce(n.entityKey, '') STARTS WITH $prefix))`;

/** A value in a stable textual form: integers, floats, temporal values and lists apart. */
function canonical(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return `i:${value.toString()}`;
  if (typeof value === 'number') return `f:${value}`;
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object') {
    const ctor = (value as object).constructor?.name;
    if (ctor && ctor !== 'Object') return `${ctor}:${String(value)}`;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as object).sort()) out[key] = canonical((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

function digest(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

/**
 * Hashes every node (labels and properties) and every relationship (type, properties and the
 * digests of both ends) straight from Neo4j, as a sorted multiset, so internal ids and storage
 * order do not matter. Nodes a fuzz write may create under the prefix, and their relationships,
 * are left out: those are deleted after the run.
 */
export async function computeGraphChecksum(driver: Driver, excludedPrefix: string): Promise<GraphChecksum> {
  const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
  try {
    const nodeDigests = new Map<string, string>();
    // GraphVersion is the response cache's counter: every accepted write bumps it, fuzz writes included.
    const nodes = await session.run(`MATCH (n) WHERE NOT ${EXCLUDED} AND NOT n:GraphVersion RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props`, { prefix: excludedPrefix });
    for (const r of nodes.records) {
      nodeDigests.set(r.get('id'), digest(JSON.stringify([[...r.get('labels')].sort(), canonical(r.get('props'))])));
    }
    const rels = await session.run(`MATCH (a)-[r]->(b) RETURN elementId(a) AS a, elementId(b) AS b, type(r) AS type, properties(r) AS props`);
    const relDigests: string[] = [];
    for (const r of rels.records) {
      const a = nodeDigests.get(r.get('a'));
      const b = nodeDigests.get(r.get('b'));
      if (!a || !b) continue;
      relDigests.push(digest(JSON.stringify([r.get('type'), a, b, canonical(r.get('props'))])));
    }
    const excluded = await session.run(`MATCH (n) WHERE ${EXCLUDED} RETURN count(n) AS c`, { prefix: excludedPrefix });
    const all = [...nodeDigests.values()].sort().join('\n') + '\n--\n' + relDigests.sort().join('\n');
    return { sha256: digest(all), nodes: nodeDigests.size, relationships: relDigests.length, excludedNodes: excluded.records[0].get('c').toNumber() };
  } finally {
    await session.close();
  }
}

/** Deletes what fuzz writes created under the prefix; returns how many nodes went. */
export async function deleteFuzzWrites(driver: Driver, prefix: string): Promise<number> {
  const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.WRITE });
  try {
    const result = await session.run(`MATCH (n) WHERE ${EXCLUDED} WITH n LIMIT 100000 DETACH DELETE n RETURN count(*) AS c`, { prefix });
    return result.records[0].get('c').toNumber();
  } finally {
    await session.close();
  }
}

/** Existing source ids and some entity keys: the ids a write must never take over. */
export async function readProtectedIds(driver: Driver): Promise<{ sourceIds: string[]; entityKeys: string[] }> {
  const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
  try {
    const sources = await session.run(`MATCH (s:Source) RETURN s.key AS key ORDER BY key`);
    const entities = await session.run(`MATCH (e:Entity) WHERE NOT e:Source RETURN e.key AS key ORDER BY key`);
    return { sourceIds: sources.records.map((r) => r.get('key')), entityKeys: entities.records.map((r) => r.get('key')) };
  } finally {
    await session.close();
  }
}
