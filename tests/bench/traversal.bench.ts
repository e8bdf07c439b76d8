import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { applySchema } from '../../src/db/apply-schema';
import { DatabaseState, refreshCatalog } from '../../src/db/bootstrap';
import { CypherRegistry } from '../../src/db/cypher-registry';
import { Database } from '../../src/db/database';
import { startEmbeddedNeo4j } from '../../src/db/embedded-neo4j';
import { QUERY_NAMES } from '../../src/db/query-names';
import { SourceCatalog } from '../../src/graph/source/source-catalog';
import { LIMITS } from '../../src/graph/research/research.service';
import { startApp } from '../../src/http/app';
import { ingestFolder } from '../../src/mentions/ingest-source';
import { NameIndexCache } from '../../src/mentions/name-index-cache';
import { loadSeedFiles } from '../../src/seed/load-seed';
import { writeSeed } from '../../src/seed/write-seed';
import { syntheticSize, writeSynthetic } from '../../src/synthetic/generate-synthetic';

/**
 * npm run bench [-- --scale 100 --runs 20]: Connection and Neighborhood through the real HTTP
 * server on the real graph, then on the real graph plus a synthetic one many times larger.
 * Prints latency percentiles and result sizes, and fails when a bound is broken: a request
 * slower than the traversal time limit (plus 1 s of slack) or a result larger than its cap.
 */
const root = path.resolve(__dirname, '..', '..', '..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SCALE = arg('scale', 100);
const RUNS = arg('runs', 20);

interface Case { name: string; query: string; variables: () => Record<string, unknown> }

const CONNECTION = `query($from: String!, $to: String!, $maxHops: Int, $asOf: Date) { connection(from: $from, to: $to, maxHops: $maxHops, asOf: $asOf) { truncated paths { length } } }`;
const NEIGHBORHOOD = `query($name: String!, $depth: Int, $asOf: Date) { neighborhood(name: $name, depth: $depth, asOf: $asOf) { truncated nodes { id } edges { id } } }`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function measure(url: string, c: Case) {
  const times: number[] = [];
  let maxNodes = 0;
  let maxEdges = 0;
  let truncated = 0;
  let errors: string[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: c.query, variables: c.variables() }) });
    const body = (await res.json()) as any;
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (body.errors) errors.push(body.errors[0].extensions?.code ?? 'ERROR');
    const n = body.data?.neighborhood;
    if (n) { maxNodes = Math.max(maxNodes, n.nodes.length); maxEdges = Math.max(maxEdges, n.edges.length); if (n.truncated) truncated++; }
    const p = body.data?.connection;
    if (p) { maxNodes = Math.max(maxNodes, p.paths.length); if (p.truncated) truncated++; }
  }
  times.sort((a, b) => a - b);
  errors = [...new Set(errors)];
  return { case: c.name, runs: RUNS, p50: +percentile(times, 50).toFixed(1), p95: +percentile(times, 95).toFixed(1), max: +times[times.length - 1].toFixed(1), maxNodesOrPaths: maxNodes, maxEdges, truncatedRuns: truncated, errors };
}

async function main(): Promise<void> {
  const config = loadConfig(process.env, root);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cica-bench-'));
  const neo4j = process.env.BENCH_NEO4J_URI ? undefined : await startEmbeddedNeo4j({ dataDir, cacheDir: config.embedded.cacheDir, boltPort: 0, heap: '2g', pageCacheMb: 1024 });
  const db = new Database({
    uri: neo4j?.uri ?? process.env.BENCH_NEO4J_URI!, user: neo4j?.user ?? 'neo4j', password: neo4j?.password ?? process.env.BENCH_NEO4J_PASSWORD!,
    database: 'neo4j', queryTimeoutMs: 30000,
  }, new CypherRegistry(path.join(root, 'cypher', 'queries'), QUERY_NAMES));
  const catalog = new SourceCatalog();
  const names = new NameIndexCache();
  const app = await startApp({ db, catalog, names, state: Object.assign(new DatabaseState(), { schemaApplied: true, seeded: true }), log: pino({ level: 'silent' }) }, 0, '127.0.0.1');
  const results: Record<string, unknown>[] = [];
  let failed = false;
  try {
    await applySchema(db, path.join(root, 'cypher', 'schema'));
    await writeSeed(db, loadSeedFiles(path.join(root, 'cypher', 'seed'), config.corpusDir));
    await ingestFolder(db, names, config.corpusDir, { trusted: true });
    await refreshCatalog(db, catalog);
    let counter = 0;
    // Synthetic states stop at about 200 whatever the scale (syntheticSize).
  const synState = () => `Synthetic State ${(counter++ * 7919) % syntheticSize(SCALE).states}`;
    const cases = (scale: number): Case[] => [
      { name: 'Connection Kuwait -> Almaty Act', query: CONNECTION, variables: () => ({ from: 'Kuwait', to: 'Almaty Act' }) },
      { name: 'Connection Kazakhstan -> Turkmenistan asOf 2022-10-12', query: CONNECTION, variables: () => ({ from: 'Kazakhstan', to: 'Turkmenistan', asOf: '2022-10-12' }) },
      { name: 'Neighborhood Kazakhstan depth 1', query: NEIGHBORHOOD, variables: () => ({ name: 'Kazakhstan', depth: 1 }) },
      { name: 'Neighborhood CICA depth 2', query: NEIGHBORHOOD, variables: () => ({ name: 'CICA', depth: 2 }) },
      { name: 'Neighborhood CICA depth 3 asOf 2015-11-11', query: NEIGHBORHOOD, variables: () => ({ name: 'CICA', depth: 3, asOf: '2015-11-11' }) },
      ...(scale > 0 ? [
        { name: 'Connection synthetic state pairs, maxHops 6', query: CONNECTION, variables: () => ({ from: synState(), to: synState(), maxHops: 6 }) },
        { name: 'Neighborhood synthetic state depth 3', query: NEIGHBORHOOD, variables: () => ({ name: synState(), depth: 3 }) },
      ] : []),
    ];
    const [size0] = await db.runText('MATCH (e:Entity) WITH count(e) AS entities MATCH ()-[r]->() WHERE r.factId IS NOT NULL RETURN entities, count(r) AS facts', {});
    for (const c of cases(0)) results.push({ graph: `real (${size0.entities} entities, ${size0.facts} facts)`, ...(await measure(app.url, c)) });
    const synthetic = await writeSynthetic(db, SCALE);
    const [size1] = await db.runText('MATCH (e:Entity) WITH count(e) AS entities MATCH ()-[r]->() WHERE r.factId IS NOT NULL RETURN entities, count(r) AS facts', {});
    const factor = Math.round(size1.facts / size0.facts);
    for (const c of cases(SCALE)) results.push({ graph: `x${factor} (${size1.entities} entities, ${size1.facts} facts; synthetic ${synthetic.facts})`, ...(await measure(app.url, c)) });
  } finally {
    await app.close();
    await db.close();
    await neo4j?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const limitMs = LIMITS.traversalTimeoutMs + 1000;
  for (const r of results as any[]) {
    const problems: string[] = [];
    if (r.max > limitMs) problems.push(`max ${r.max} ms > ${limitMs} ms`);
    if (r.maxNodesOrPaths > LIMITS.nodes.default + 1) problems.push(`${r.maxNodesOrPaths} nodes > cap ${LIMITS.nodes.default + 1}`);
    if (r.maxEdges > LIMITS.nodes.default * LIMITS.edgesPerNode) problems.push('edge cap exceeded');
    if (r.errors.some((e: string) => e !== 'QUERY_TIMEOUT')) problems.push(`errors ${r.errors.join(',')}`);
    r.bounded = problems.length === 0 ? 'yes' : problems.join('; ');
    if (problems.length) failed = true;
  }
  console.table(results.map((r: any) => ({ graph: r.graph, case: r.case, p50: r.p50, p95: r.p95, max: r.max, nodes: r.maxNodesOrPaths, edges: r.maxEdges, truncated: r.truncatedRuns, errors: r.errors.join(','), bounded: r.bounded })));
  const outDir = path.join(root, '.cache', 'bench');
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `traversal-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify({ scale: SCALE, runs: RUNS, cpus: os.cpus().length, results }, null, 1));
  console.log(`results: ${file}`);
  if (failed) process.exit(1);
}

main().catch((err) => {
  console.error(`bench failed: ${(err as Error).message}`);
  process.exit(1);
});
