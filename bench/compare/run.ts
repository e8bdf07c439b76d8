import 'reflect-metadata';
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { benchRoot } from '../support/bench-root';
import { readCliArgs } from '../support/cli-args';
import { jitCpuMs, warmUntilJitQuiet } from '../support/jit-activity';
import { readRssMiB } from '../support/process-memory';
import { startTarget } from '../support/start-target';
import { spawnChildServer } from './child-server';
import { CellResult, LoadRequest, median, post, runCell } from './load';
import { OPERATIONS, Operation, TargetName } from './operations';
import { writeReport, RunResult, OpResult } from './report';
import { loadScale } from './scale';
import { checkStaleness, startSecondServer, StalenessResult } from './staleness';
import http from 'node:http';

const USAGE = `npm run bench -- [--scale N] [--then-scale M] [--scale-ops a,b] [--seconds S] [--rounds R] [--concurrency C] [--warmup S] [--warmup-max S] [--jit-quiet F] [--ops a,b] [--no-stale] [--cpu-prof] [--out DIR]

This server vs @neo4j/graphql 7 vs one raw Cypher query per operation, on one throw-away Neo4j
with the same data, each server a process of its own; for every operation R rounds of S seconds
per server at C concurrent requests, the order of the three rotating each round; medians of the
rounds. Also { __typename } vs Apollo standalone, a repeated identical read, and a write-then-read
check across two server processes. Writes bench/RESULTS.md and bench/results/compare-<stamp>.{json,svg}.
With --then-scale M (such as 1000), the same run then grows the graph to M times its size, on the
same Neo4j and servers, and measures the --scale-ops again (default lookup,membersAsOf,summits):
the 1x-to-Mx latency target from one run. Each operation warms up in steps of --warmup s per server
until Neo4j's JIT compiler used under --jit-quiet of a core (default 0.05) in a step, or
--warmup-max s (default 60) have passed.
ops: ${OPERATIONS.map((o) => o.id).join(', ')}`;

const args = readCliArgs(process.argv.slice(2), {
  scale: 1, thenScale: 0, scaleOps: 'lookup,membersAsOf,summits', seconds: 5, rounds: 3, concurrency: 10, warmup: 2, warmupMax: 60, jitQuiet: 0.05, maxRequests: 200000, ops: '', noStale: false, cpuProf: false, out: '',
}, USAGE);
const root = benchRoot();
const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);
const TARGETS: TargetName[] = ['ours', 'ours-uncached', 'neo4j-graphql', 'raw'];
// Answers of 'ours-uncached' (the same server with RESPONSE_CACHE_MB=0) are ours.
const answerKind = (t: TargetName) => (t === 'ours-uncached' ? 'ours' : t);

/** Cypher statements our server sent so far (its /metrics counter, all modes). */
async function ourQueries(url: string): Promise<number> {
  const text = await new Promise<string>((resolve) => {
    http.get(`${url}/metrics`, (res) => { let s = ''; res.on('data', (c) => (s += c)); res.on('end', () => resolve(s)); }).on('error', () => resolve(''));
  });
  return [...text.matchAll(/^neo4j_queries_total\{[^}]*\} (\d+(?:\.\d+)?)/gm)].reduce((s, m) => s + Number(m[1]), 0);
}

async function main(): Promise<void> {
  const scaleOps = args.thenScale > 1 ? OPERATIONS.filter((o) => args.scaleOps.split(',').includes(o.id)) : [];
  // The operations measured again at --then-scale are measured at 1x too, to compare with.
  const ops = args.ops ? OPERATIONS.filter((o) => args.ops.split(',').includes(o.id) || scaleOps.includes(o)) : OPERATIONS;
  const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, '');
  const outDir = args.out ? path.resolve(args.out) : path.join(root, 'bench', 'results');
  fs.mkdirSync(outDir, { recursive: true });
  const profDir = path.join(outDir, `cpuprof-${stamp}`);
  const env: Record<string, string> = { LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' };
  if (args.cpuProf) Object.assign(env, { NODE_OPTIONS: `--require ${path.join(root, 'dist', 'bench', 'compare', 'cpu-profile-preload.js')}`, BENCH_CPU_PROFILE_DIR: profDir });
  // A 1000x graph needs more heap and page cache than the real one (measured: the 1 GB heap pauses at 100x).
  const big = Math.max(args.scale, args.thenScale) >= 100;
  const target = await startTarget({ log, env, heap: big ? '3g' : undefined, pageCacheMb: big ? 2048 : undefined });
  // Everything started besides the target, stopped at the end whatever happens.
  const children: { close(): Promise<void> }[] = [];
  const result: RunResult = {
    command: ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '), date: new Date().toISOString(), stamp,
    commit: gitCommit(), scale: args.scale, seconds: args.seconds, rounds: args.rounds, concurrency: args.concurrency,
    machine: {}, ops: [], typename: null, staleness: null, rss: {}, warnings: [],
  };
  try {
    result.scaleCounts = await loadScale(target.neo4j!, args.scale, log);
    const [n4g, raw, trivial, uncached] = await Promise.all([
      spawnChildServer('neo4j-graphql', target.neo4j!), spawnChildServer('raw', target.neo4j!), spawnChildServer('apollo-trivial', target.neo4j!),
      // The same server with its response cache off: what every request costs when it is not a repeat.
      startSecondServer(target.neo4j!, target.writeToken!, outDir, { RESPONSE_CACHE_MB: '0', LOG_LEVEL: env.LOG_LEVEL }, 'server-uncached.log'),
    ]);
    children.push(n4g, raw, trivial, { close: uncached.stop });
    result.machine = await machineOf(target.neo4j!);
    const pids: Record<TargetName, number> = { ours: target.serverPid!, 'ours-uncached': uncached.pid, 'neo4j-graphql': n4g.pid, raw: raw.pid };
    const queriesOf: Record<TargetName, () => Promise<number>> = {
      ours: () => ourQueries(target.url), 'ours-uncached': () => ourQueries(uncached.url), 'neo4j-graphql': n4g.queries, raw: raw.queries,
    };
    const requestOf = (op: Operation, t: TargetName): LoadRequest => t === 'ours' ? { url: target.url, path: '/graphql', body: JSON.stringify(op.ours), graphql: true }
      : t === 'ours-uncached' ? { url: uncached.url, path: '/graphql', body: JSON.stringify(op.ours), graphql: true }
      : t === 'neo4j-graphql' ? { url: n4g.url, path: '/graphql', body: JSON.stringify(op.n4g), graphql: true }
        : { url: raw.url, path: `/${op.raw.op}`, body: JSON.stringify(op.raw.params), graphql: false };
    const cell = (req: LoadRequest, seconds: number, pid?: number) => runCell(req, { concurrency: args.concurrency, seconds, maxRequests: args.maxRequests, pid });

    /** Checks the answers, warms every server up, then measures the rounds of each operation. */
    const measure = async (which: Operation[]): Promise<OpResult[]> => {
      const measured: OpResult[] = [];
      for (const op of which) {
        const facts = await checkAnswers(op, requestOf);
        if (facts) { result.warnings.push(facts); log(`WARNING ${facts}`); }
        // Warm-up steps of --warmup s per server until Neo4j's JIT is quiet (see jit-activity), --warmup-max s at most.
        const warm = await warmUntilJitQuiet(target.neo4jPid, async () => { for (const t of TARGETS) await cell(requestOf(op, t), args.warmup); },
          { quietShare: args.jitQuiet, maxSeconds: args.warmupMax });
        log(`${op.id} warm-up: ${warm.seconds} s${warm.lastShare === null ? '' : `, JIT at ${Math.round(warm.lastShare * 100)}% of a core in its last step`}`);
      }
      for (const [i, op] of which.entries()) {
        const jitBefore = target.neo4jPid ? jitCpuMs(target.neo4jPid) : null;
        const roundsStarted = Date.now();
        const cells: Record<TargetName, (CellResult & { queriesPerRequest: number })[]> = { ours: [], 'ours-uncached': [], 'neo4j-graphql': [], raw: [] };
        for (let r = 0; r < args.rounds; r++) {
          for (let k = 0; k < TARGETS.length; k++) {
            const t = TARGETS[(k + r + i) % TARGETS.length];
            const before = await queriesOf[t]();
            const c = await cell(requestOf(op, t), args.seconds, pids[t]);
            const after = await queriesOf[t]();
            cells[t].push({ ...c, queriesPerRequest: c.requests ? Math.round(((after - before) / c.requests) * 100) / 100 : 0 });
            log(`${op.id} round ${r + 1} ${t}: ${c.rps} req/s, p50 ${c.p50} ms, p99 ${c.p99} ms, ${c.errors} errors${c.firstError ? ` (${c.firstError.slice(0, 120)})` : ''}`);
          }
        }
        const summary = Object.fromEntries(TARGETS.map((t) => [t, {
          rps: median(cells[t].map((c) => c.rps)), p50: median(cells[t].map((c) => c.p50)), p99: median(cells[t].map((c) => c.p99)),
          errors: cells[t].reduce((s, c) => s + c.errors, 0), requests: cells[t].reduce((s, c) => s + c.requests, 0),
          queriesPerRequest: median(cells[t].map((c) => c.queriesPerRequest)), peakRssMiB: Math.max(0, ...cells[t].map((c) => c.peakRssMiB ?? 0)),
        }])) as OpResult['targets'];
        const jitAfter = target.neo4jPid ? jitCpuMs(target.neo4jPid) : null;
        const jitShare = jitBefore === null || jitAfter === null ? null : Math.round(((jitAfter - jitBefore) / (Date.now() - roundsStarted)) * 1000) / 1000;
        measured.push({ id: op.id, label: op.label, targets: summary, rounds: cells, jitShare });
      }
      return measured;
    };
    result.ops = await measure(ops);

    // { __typename } on our server and on Apollo standalone, and the same MembersAsOf over and over on ours.
    const membersAsOf = OPERATIONS.find((o) => o.id === 'membersAsOf')!;
    const typenameCells: Record<'ours' | 'apollo' | 'repeated', CellResult[]> = { ours: [], apollo: [], repeated: [] };
    const typename = JSON.stringify({ query: '{ __typename }' });
    const trio: ['ours' | 'apollo' | 'repeated', LoadRequest, number | undefined][] = [
      ['ours', { url: target.url, path: '/graphql', body: typename, graphql: true }, pids.ours],
      ['apollo', { url: trivial.url, path: '/', body: typename, graphql: true }, trivial.pid],
      ['repeated', requestOf(membersAsOf, 'ours'), pids.ours],
    ];
    for (const [, req] of trio) await cell(req, args.warmup);
    for (let r = 0; r < args.rounds; r++) {
      for (let k = 0; k < trio.length; k++) {
        const [name, req, pid] = trio[(k + r) % trio.length];
        const c = await cell(req, args.seconds, pid);
        typenameCells[name].push(c);
        log(`${name === 'repeated' ? 'repeated MembersAsOf' : `{ __typename } ${name}`} round ${r + 1}: ${c.rps} req/s, p50 ${c.p50} ms`);
      }
    }
    const med = (cs: CellResult[]) => ({ rps: median(cs.map((c) => c.rps)), p50: median(cs.map((c) => c.p50)), p99: median(cs.map((c) => c.p99)), errors: cs.reduce((s, c) => s + c.errors, 0) });
    result.typename = { ours: med(typenameCells.ours), apollo: med(typenameCells.apollo), repeated: med(typenameCells.repeated) };

    result.rss = peakRss(result.ops, target.neo4jPid);

    if (!args.noStale) {
      log('staleness: a second server process on the same Neo4j');
      const b = await startSecondServer(target.neo4j!, target.writeToken!, outDir);
      try { result.staleness = await checkStaleness(target.url, b.url, target.writeToken!); } finally { await b.stop(); }
      log(`staleness: ${result.staleness.ok ? 'never stale' : 'STALE'}`);
    }

    if (args.thenScale > Math.max(1, args.scale)) {
      // The same Neo4j and server processes: the load bumps the graph version, so no cached answer survives it.
      const scaleCounts = await loadScale(target.neo4j!, args.thenScale, log);
      const scaledOps = await measure(scaleOps);
      result.scaled = { scale: args.thenScale, scaleCounts, ops: scaledOps, rss: peakRss(scaledOps, target.neo4jPid) };
    }
  } finally {
    for (const c of children) await c.close().catch(() => {});
    await target.stop();
  }
  // With --out, RESULTS.md goes there too, so a trial run never replaces the committed one.
  writeReport(result, root, outDir, log, args.out ? path.join(outDir, 'RESULTS.md') : undefined);
  if (args.cpuProf) log(`CPU profiles of our server in ${profDir}`);
}

/** The peak RSS of each server over some measured operations, and the Neo4j JVM's now. */
function peakRss(ops: OpResult[], neo4jPid: number | undefined): RunResult['rss'] {
  const peak = (t: TargetName) => Math.max(0, ...ops.map((o) => o.targets[t].peakRssMiB));
  return { ours: peak('ours'), 'ours-uncached': peak('ours-uncached'), 'neo4j-graphql': peak('neo4j-graphql'), raw: peak('raw'), neo4jJvm: neo4jPid ? readRssMiB(neo4jPid) ?? 0 : 0 };
}

/** One request per server: the key facts of the three answers must be the same. */
async function checkAnswers(op: Operation, requestOf: (op: Operation, t: TargetName) => LoadRequest): Promise<string | null> {
  const agent = new http.Agent({ keepAlive: false });
  const seen: Partial<Record<TargetName, string>> = {};
  for (const t of TARGETS) {
    const { status, body } = await post(agent, requestOf(op, t));
    try {
      const json = JSON.parse(body);
      seen[t] = json.errors || json.error ? `error ${status}: ${JSON.stringify(json.errors ?? json.error).slice(0, 200)}` : JSON.stringify(op.facts[answerKind(t)](t === 'raw' ? json.result : json.data));
    } catch { seen[t] = `not JSON (${status})`; }
  }
  const differ = TARGETS.filter((t) => seen[t] !== seen.ours);
  return differ.length ? `${op.id}: answers differ in key facts: ${TARGETS.map((t) => `${t}=${String(seen[t]).slice(0, 160)}`).join(' | ')}` : null;
}

function gitCommit(): string {
  try {
    const head = execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
    // dist/ is built from the working tree: say when src/ held changes not in that commit.
    const dirty = execSync('git status --porcelain -- src', { cwd: root }).toString().split('\n').filter(Boolean).length;
    return dirty ? `${head} (+${dirty} uncommitted files in src/)` : head;
  } catch { return 'unknown'; }
}

async function machineOf(db: { uri: string; user: string; password: string }): Promise<RunResult['machine']> {
  const os = await import('node:os');
  const neo4j = (await import('neo4j-driver')).default;
  const driver = neo4j.driver(db.uri, neo4j.auth.basic(db.user, db.password));
  let version = 'unknown';
  try { version = String((await driver.executeQuery('CALL dbms.components() YIELD versions RETURN versions[0] AS v')).records[0]?.get('v')); } catch { /* older */ }
  await driver.close();
  return { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', ramGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, neo4j: version, platform: `${os.platform()} ${os.release()}` };
}

main().catch((err) => { process.stderr.write(`[bench] ${err?.stack ?? err}\n`); process.exit(1); });
