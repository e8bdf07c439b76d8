import 'reflect-metadata';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { Database } from '../src/db/database';
import { benchRoot } from './support/bench-root';
import { readCliArgs } from './support/cli-args';
import { summarizeLatencies } from './support/percentiles';
import { sendRequest } from './support/send-request';
import { startTarget } from './support/start-target';

const USAGE = `npm run bench:read-path -- [--rounds N] [--out DIR]

What one request reads from Neo4j and how long it takes, for the 100-row page, Summits, a
4-level traversal and StateProfile, on a throw-away Neo4j with the seed (the app in this
process). Bytes from Neo4j are the JSON size of the records the server received for the
request; the 100-row page is also run on the whole-profile query of the old read path
(bench/baselines/) to compare. Sequential requests, median and p95 of --rounds.`;

const args = readCliArgs(process.argv.slice(2), { rounds: 30, out: '' }, USAGE);
const root = benchRoot();
const log = (m: string) => process.stderr.write(`[read-path] ${m}\n`);

const CASES: { name: string; query: string; variables?: Record<string, unknown> }[] = [
  { name: 'a 100-row page, 5 fields', query: '{ entities(first: 100) { edges { node { id key type name nameTr } } } }' },
  { name: 'Summits (CICA)', query: fs.readFileSync(path.join(root, 'schema', 'operations', 'Summits.graphql'), 'utf8'), variables: { organization: 'CICA' } },
  { name: '4-level traversal', query: `{ organization(name: "CICA") { chairs(asOf: "2015-11-11") { other { key ... on State { memberships(asOf: "2015-11-11") {
      role other { key ... on Organization { members(asOf: "2015-11-11", role: "observer") { other { key name } } } } } } } } } }` },
  { name: 'StateProfile (Kazakhstan)', query: fs.readFileSync(path.join(root, 'schema', 'operations', 'StateProfile.graphql'), 'utf8'), variables: { name: 'Kazakhstan' } },
];

// Every query the server sends in this process: its count and the JSON size of what came back.
let queries = 0;
let bytes = 0;
const runText = Database.prototype.runText;
Database.prototype.runText = async function (this: Database, ...a: Parameters<typeof runText>) {
  const rows = await runText.apply(this, a);
  queries += 1;
  bytes += Buffer.byteLength(JSON.stringify(rows));
  return rows;
} as typeof runText;

async function main(): Promise<void> {
  const target = await startTarget({ inProcess: true, log });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const base = new URL(target.url);
  const rows: string[] = [];
  try {
    for (const c of CASES) {
      const ms: number[] = [];
      let perRequest = { queries: 0, bytes: 0, answer: 0 };
      let unsupported = '';
      for (let i = 0; i < args.rounds + 3; i++) {
        queries = 0; bytes = 0;
        const ex = await sendRequest(base, { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: c.query, variables: c.variables ?? {} }) }, 30000, agent);
        const body = JSON.parse(ex.body.toString('utf8'));
        if (body.errors) { unsupported = String(body.errors[0]?.message ?? 'error').slice(0, 80); break; }
        if (i < 3) continue; // warm-up: plans cached
        ms.push(ex.ms);
        perRequest = { queries, bytes, answer: ex.body.length };
      }
      if (unsupported) { rows.push(`| ${c.name} | this server | — | — | — | not answered: ${unsupported} | |`); log(rows[rows.length - 1]); continue; }
      const s = summarizeLatencies(ms);
      rows.push(`| ${c.name} | this server | ${perRequest.queries} | ${(perRequest.bytes / 1024).toFixed(1)} | ${(perRequest.answer / 1024).toFixed(1)} | ${s.p50.toFixed(1)} | ${s.p95.toFixed(1)} |`);
      log(rows[rows.length - 1]);
    }
    // The old read path's query for the same page, run directly (the database's part only).
    const fragment = fs.readFileSync(path.join(root, 'cypher', 'queries', 'fragments', 'entity-profile.cypher'), 'utf8');
    const old = fs.readFileSync(path.join(root, 'bench', 'baselines', 'entity-list-whole-profile.cypher'), 'utf8').replace('//#include fragments/entity-profile', fragment);
    const driver = neo4j.driver(target.neo4j!.uri, neo4j.auth.basic(target.neo4j!.user, target.neo4j!.password));
    try {
      const ms: number[] = [];
      let size = 0;
      for (let i = 0; i < args.rounds + 3; i++) {
        const t = process.hrtime.bigint();
        const result = await driver.executeQuery(old, { type: null, contains: null, after: null, first: neo4j.int(100), orderBy: 'name', statementLimit: neo4j.int(2000) }, { routing: neo4j.routing.READ });
        const elapsed = Number(process.hrtime.bigint() - t) / 1e6;
        size = Buffer.byteLength(JSON.stringify(result.records.map((r) => r.toObject()), (_k, v) => (typeof v === 'bigint' ? Number(v) : v)));
        if (i >= 3) ms.push(elapsed);
      }
      const s = summarizeLatencies(ms);
      rows.push(`| a 100-row page, 5 fields | old whole-profile query alone (before) | 1 | ${(size / 1024).toFixed(1)} | — | ${s.p50.toFixed(1)} | ${s.p95.toFixed(1)} |`);
      log(rows[rows.length - 1]);
    } finally {
      await driver.close();
    }
  } finally {
    agent.destroy();
    await target.stop();
  }
  const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', 'T');
  const md = `# Read path: bytes from Neo4j and time per request\n\n${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; \`npm run bench:read-path -- --rounds ${args.rounds}\`; ${new Date().toISOString()}\n\n`
    + '| request | path | Neo4j queries | KiB from Neo4j | KiB answer | p50 ms | p95 ms |\n|---|---|---|---|---|---|---|\n' + rows.join('\n') + '\n';
  const outDir = args.out ? path.resolve(args.out) : path.join(root, 'bench', 'results');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, `read-path-${stamp}.md`), md);
  process.stdout.write(md);
}

main().catch((err) => { process.stderr.write(`[read-path] ${err?.stack ?? err}\n`); process.exit(1); });
