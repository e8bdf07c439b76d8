import neo4j from 'neo4j-driver';
import { computeGraphChecksum as fullChecksum, GraphChecksum } from '../../bench/support/graph-checksum';
import { Database } from '../../src/db/database';
import { buildSynthetic, removeSynthetic, SyntheticCounts, syntheticSize, writeSynthetic } from '../../src/synthetic/generate-synthetic';
import { startTestServer, testDatabase, TestServer } from '../support/test-server';

// Issue 11: the synthetic graph at scale 1 on the shared test graph, and its removal.
/**
 * bench/support's checksum of the whole graph, with the one node every write bumps (the response
 * cache's GraphVersion counter, which must change when synthetic data comes and goes) set back.
 */
async function computeGraphChecksum(driver: Database['driver'], prefix: string): Promise<GraphChecksum> {
  const session = driver.session({ database: 'neo4j' });
  try {
    const saved = await session.run('MATCH (v:GraphVersion) RETURN elementId(v) AS id, properties(v) AS p');
    await session.run('MATCH (v:GraphVersion) SET v.n = 0');
    const sum = await fullChecksum(driver, prefix);
    for (const r of saved.records) await session.run('MATCH (v:GraphVersion) WHERE elementId(v) = $id SET v = $p', { id: r.get('id'), p: r.get('p') });
    return sum;
  } finally {
    await session.close();
  }
}

let db: Database;
let server: TestServer;
let before: GraphChecksum;
let counts: SyntheticCounts;
const read = <T = any>(cypher: string, params: Record<string, unknown> = {}) => db.runText<T>(cypher, params, neo4j.routing.READ, 60000);
const cicaMembers = async () => {
  const data = await server.data('{ membersAsOf(organization: "CICA", date: "2015-11-11") { rows { role } } }');
  return data.membersAsOf.rows.filter((r: any) => r.role === 'member').length as number;
};

beforeAll(async () => {
  db = testDatabase();
  server = await startTestServer(db);
  // Another test file may have left synthetic data: start from the real graph alone.
  await removeSynthetic(db, { quiet: true });
  before = await computeGraphChecksum(db.driver, 'no-such-prefix-');
  counts = await writeSynthetic(db, 1, { quiet: true });
}, 300000);
afterAll(async () => {
  await removeSynthetic(db, { quiet: true }).catch(() => {});
  await server?.close();
});

describe('synthetic graph at scale 1', () => {
  it('is deterministic: the same seed gives the same graph, another seed another', () => {
    const a = buildSynthetic(1, 7);
    const b = buildSynthetic(1, 7);
    const c = buildSynthetic(1, 8);
    expect(b.statements.map((s) => s.props.factId + s.from + s.to)).toEqual(a.statements.map((s) => s.props.factId + s.from + s.to));
    expect(b.entities.all.map((e) => e.name)).toEqual(a.entities.all.map((e) => e.name));
    expect(c.entities.all.map((e) => e.name)).not.toEqual(a.entities.all.map((e) => e.name));
  });

  it('writes the counts of its size, and they are in the graph', async () => {
    const size = syntheticSize(1);
    expect(counts.size).toEqual(size);
    const byType = Object.fromEntries((await read<{ type: string; n: number }>(`MATCH (e:Entity) WHERE e.key STARTS WITH 'syn-' AND e.origin = 'synthetic' RETURN e.type AS type, count(*) AS n`)).map((r) => [r.type, Number(r.n)]));
    expect(byType).toEqual({ State: size.states, Organization: size.organizations, Meeting: size.meetings, Document: size.documents, Person: size.people, Place: size.places, Source: size.sources });
    const [stats] = await read(`MATCH (a:Entity)-[r]->(b:Entity) WHERE r.origin = 'synthetic' RETURN count(r) AS n, count(DISTINCT type(r)) AS types`);
    expect(Number(stats.n)).toBe(counts.statements);
    expect(Number(stats.types)).toBeGreaterThanOrEqual(14);
    const [m] = await read(`MATCH (s:Source)-[m:MENTIONS]->() WHERE s.key STARTS WITH 'syn-' RETURN count(m) AS rels, sum(size(m.starts)) AS spans`);
    expect(Number(m.rels)).toBe(counts.mentions);
    expect(Number(m.spans)).toBe(counts.spans);
    expect(counts.spans).toBeGreaterThan(counts.statements);
  });

  it('gives every statement start/end lists, a rank, truthy and one or two references with a quote found in the source', async () => {
    const [bad] = await read(`MATCH ()-[r]->() WHERE r.origin = 'synthetic'
      RETURN sum(CASE WHEN r.rank IN ['PREFERRED', 'NORMAL', 'DEPRECATED'] AND r.truthy = (r.rank <> 'DEPRECATED') THEN 0 ELSE 1 END) AS unranked,
             sum(CASE WHEN size(r.refSources) IN [1, 2] AND size(r.refQuotes) = size(r.refSources) AND size(r.refStarts) = size(r.refSources)
                   AND size(r.refRanks) = size(r.refSources) AND r.factId STARTS WITH 'syn-fact-' THEN 0 ELSE 1 END) AS unreferenced,
             count(DISTINCT r.rank) AS ranks`);
    expect(Number(bad.unranked)).toBe(0);
    expect(Number(bad.unreferenced)).toBe(0);
    expect(Number(bad.ranks)).toBe(3);
    const sample = await read(`MATCH ()-[r:MEMBER_OF|ATTENDED|HELD_OFFICE]->() WHERE r.origin = 'synthetic' WITH r LIMIT 20
      MATCH (s:Source {key: r.refSources[0]}) RETURN r.refQuotes[0] AS quote, s.text CONTAINS r.refQuotes[0] AS found, r.validFrom IS NOT NULL AS dated`);
    expect(sample.length).toBe(20);
    expect(sample.every((s) => s.found && s.dated)).toBe(true);
  });

  it('stores spans at their true offsets in the source text', async () => {
    const rows = await read(`MATCH (s:Source)-[m:MENTIONS]->(e:Entity) WHERE s.key STARTS WITH 'syn-' WITH s, m, e LIMIT 50
      RETURN all(i IN range(0, size(m.starts) - 1) WHERE substring(s.text, toInteger(m.starts[i]), toInteger(m.ends[i]) - toInteger(m.starts[i])) = m.texts[i]) AS ok,
             size(m.befores) = size(m.starts) AND m.count = size(m.starts) AS parallel`);
    expect(rows.every((r) => r.ok && r.parallel)).toBe(true);
  });

  it('names every entity so EntitySearch and the name resolver find it', async () => {
    const [state] = await read(`MATCH (e:Entity {key: 'syn-state-3'}) RETURN e.name AS name`);
    const data = await server.data('query($text: String!) { entitySearch(text: $text, first: 5) { entity { key } } }', { text: state.name });
    expect(data.entitySearch.map((s: any) => s.entity.key)).toContain('syn-state-3');
    const resolved = await server.data('{ state(name: "Synthetic State 3") { key memberships(first: 1) { references { citation { source quote } } } } }');
    expect(resolved.state.key).toBe('syn-state-3');
    expect(resolved.state.memberships[0].references[0].citation.quote).toMatch(/member|observer/);
  });

  it('leaves the real graph alone by default: CICA still has 26 members on 2015-11-11', async () => {
    expect(await cicaMembers()).toBe(26);
    const [touching] = await read(`MATCH (a:Entity)-[r]-(b:Entity) WHERE a.key STARTS WITH 'syn-' AND NOT b.key STARTS WITH 'syn-' RETURN count(r) AS n`);
    expect(Number(touching.n)).toBe(0);
  });

  it('with touchReal links synthetic states to CICA, and removal restores the real graph byte for byte', async () => {
    await removeSynthetic(db, { quiet: true });
    // The real graph alone, after this file's GraphQL requests (the counts must equal those before the first load).
    const base = await computeGraphChecksum(db.driver, 'no-such-prefix-');
    expect({ nodes: base.nodes, relationships: base.relationships }).toEqual({ nodes: before.nodes, relationships: before.relationships });
    const touched = await writeSynthetic(db, 1, { quiet: true, touchReal: true });
    expect(touched.statements).toBeGreaterThan(counts.statements);
    const [links] = await read(`MATCH (s:Entity)-[r:MEMBER_OF]->(:Entity {key: 'cica'}) WHERE s.key STARTS WITH 'syn-' RETURN count(r) AS n`);
    expect(Number(links.n)).toBeGreaterThan(0);
    const removed = await removeSynthetic(db, { quiet: true });
    expect(removed.nodes).toBe(counts.entities);
    const after = await computeGraphChecksum(db.driver, 'no-such-prefix-');
    expect(after).toEqual(base);
    expect(await cicaMembers()).toBe(26);
  });
});
