import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { buildSchema } from 'graphql';
import neo4j, { Driver } from 'neo4j-driver';
import { benchRoot } from './support/bench-root';
import { readCliArgs } from './support/cli-args';
import { computeGraphChecksum, deleteFuzzWrites, GraphChecksum, readProtectedIds } from './support/graph-checksum';
import { HealthSample, startHealthProbe } from './support/health-probe';
import { summarizeLatencies } from './support/percentiles';
import { Exchange, sendRawBytes, sendRequest } from './support/send-request';
import { startTarget, Target } from './support/start-target';
import { buildFuzzCase, CaseSources, GENERATOR_WEIGHTS } from './fuzz/build-fuzz-case';
import { FuzzCase } from './fuzz/fuzz-case';
import { FuzzTally, sortedCounts } from './fuzz/fuzz-tally';
import { NamedOperation, readNamedOperations } from './fuzz/named-operation-cases';
import { CHECKS, CheckName, inspectExchange } from './fuzz/response-checks';
import { KNOWN_NAMES } from './fuzz/hostile-values';
import { SchemaFuzzer } from './fuzz/schema-fuzzer';
import { FUZZ_ID_PREFIX } from './fuzz/write-cases';

const USAGE = `npm run fuzz -- [options]

Generates requests from schema/schema.graphql (valid and broken selections, hostile values),
malformed bodies, HTTP routes and writes, sends them to a server on 127.0.0.1 and checks every
answer: no INTERNAL_SERVER_ERROR, every error with a code, no 5xx, no leaked internals, no hang,
/health fast throughout, writes refused unless allowed, the graph unchanged. Exit 1 on a failure.

  --count N             cases to run (default 10000)
  --seed N              seed; the same seed gives the same cases (default: from the clock, printed)
  --only N[,M...]       run only these case indexes (to reproduce a sample)
  --skip a,b            leave out generators (${Object.keys(GENERATOR_WEIGHTS).join(', ')})
  --concurrency N       requests in flight (default 4)
  --minutes N           time limit of the run (default 15)
  --timeout-ms N        an answer slower than this is a hang (default 10000)
  --health-ms N         /health must answer within this (default 100), probed every --health-every-ms (1000)
  --in-process          run the app in this process (startApp) instead of a child server process
  --profile NAME        PROFILE for the server started here (development or production)
  --url URL             target a running server (127.0.0.1 only) instead of starting one
  --token T             its WRITE_TOKEN (without it no right-token writes are tried)
  --neo4j-uri U         its database, for the checksum (with --neo4j-user, --neo4j-password)
  --out DIR             where to write fuzz-<date>.json (default bench/results)
  --samples N           failing samples to print (default 20)`;

const args = readCliArgs(process.argv.slice(2), {
  count: 10000, seed: -1, only: '', skip: '', concurrency: 4, minutes: 15, timeoutMs: 10000, healthMs: 100, healthEveryMs: 1000,
  inProcess: false, profile: '', url: '', token: '', neo4jUri: '', neo4jUser: 'neo4j', neo4jPassword: '', out: '', samples: 20, keepData: false,
}, USAGE);

const root = benchRoot();
const log = (m: string) => process.stderr.write(`[fuzz] ${m}\n`);

/** Which code ran: the commit, the uncommitted files, and a digest of the built server (dist/src), which is what the child runs. */
function gitState(): { head: string; dirty: string[]; distSrcSha256: string } {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.js')) files.push(full);
    }
  };
  walk(path.join(root, 'dist', 'src'));
  const hash = crypto.createHash('sha256');
  for (const file of files.sort()) hash.update(path.relative(root, file)).update(fs.readFileSync(file));
  const distSrcSha256 = hash.digest('hex').slice(0, 16);
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--short', '--', 'src', 'cypher'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
    return { head, dirty, distSrcSha256 };
  } catch {
    return { head: 'unknown', dirty: [], distSrcSha256 };
  }
}

function pad(text: string | number, width: number, right = false): string {
  const s = String(text);
  return right ? s.padStart(width) : s.padEnd(width);
}

async function main(): Promise<number> {
  const seed = args.seed >= 0 ? Math.floor(args.seed) : Date.now() % 2147483647;
  const only = args.only ? args.only.split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n >= 0) : undefined;
  const count = Math.max(1, Math.floor(args.count));
  const indexes = only ?? Array.from({ length: count }, (_, i) => i);
  const deadline = Date.now() + args.minutes * 60000;
  const git = gitState();
  const loadAtStart = os.loadavg().map((l) => Math.round(l * 100) / 100);
  log(`seed ${seed}, ${indexes.length} cases, concurrency ${args.concurrency}, time limit ${args.minutes} min; code at ${git.head}${git.dirty.length ? ` with ${git.dirty.length} uncommitted change(s) in src/` : ''}, dist/src ${git.distSrcSha256}`);

  // A child server by default: a request that blocks the server's event loop (what the fuzz hunts)
  // would freeze an in-process fuzzer too, and its clocks (hang limit, /health probe, time limit) with it.
  const target: Target = await startTarget({
    url: args.url || undefined, token: args.token || undefined, inProcess: args.inProcess, keepData: args.keepData,
    neo4jUri: args.neo4jUri || undefined, neo4jUser: args.neo4jUser, neo4jPassword: args.neo4jPassword || undefined,
    env: { LOG_LEVEL: 'info', ...(args.profile ? { PROFILE: args.profile } : {}) }, log,
  });
  let driver: Driver | undefined;
  const stopAll = async () => { await driver?.close().catch(() => {}); await target.stop().catch((e) => log(`stop failed: ${e}`)); };
  process.once('SIGINT', () => { log('interrupted; stopping what was started'); void stopAll().then(() => process.exit(130)); });

  try {
    const started = Date.now();
    const schema = buildSchema(fs.readFileSync(path.join(root, 'schema', 'schema.graphql'), 'utf8'));
    if (target.neo4j) driver = neo4j.driver(target.neo4j.uri, neo4j.auth.basic(target.neo4j.user, target.neo4j.password));
    const known = driver ? await readProtectedIds(driver) : { sourceIds: corpusIds(), entityKeys: ['KAZ', 'TUR', 'cica'] };
    const protectedIds = [...known.sourceIds, ...known.entityKeys.filter((_, i) => i % 7 === 0)];
    const sources: CaseSources = {
      fuzzer: new SchemaFuzzer(schema, { sourceIds: known.sourceIds.length ? known.sourceIds : ['002_2e4f098f8697c243'], entityKeys: known.entityKeys.length ? known.entityKeys : KNOWN_NAMES }),
      operations: readNamedOperations(path.join(root, 'schema', 'operations'), schema),
      writes: { token: target.writeToken, protectedIds, rightTokenWrites: Boolean(driver) },
      skip: new Set(args.skip.split(',').map((s) => s.trim()).filter(Boolean)),
    };
    // Cold, each new Cypher statement is planned and compiled first (seconds on this machine):
    // warm the named operations once, alone, so the run measures a warm server.
    const warmup = await warmUp(new URL(target.url), sources.operations);
    log(`warm-up: ${warmup.length} requests, slowest ${warmup.reduce((m, w) => Math.max(m, w.ms), 0)} ms`);
    const before: GraphChecksum | undefined = driver ? await computeGraphChecksum(driver, FUZZ_ID_PREFIX) : undefined;
    if (before) log(`graph before: ${before.nodes} nodes, ${before.relationships} relationships, sha256 ${before.sha256.slice(0, 16)}`);
    else log('no database access (--neo4j-uri): no checksum, no right-token writes');

    const secrets = target.secrets;
    const redact = (text: string) => secrets.reduce((t, s) => (s ? t.split(s).join(s === target.writeToken ? '<WRITE_TOKEN>' : '<SECRET>') : t), text);
    const tally = new FuzzTally(redact);
    const base = new URL(target.url);
    const agent = new http.Agent({ keepAlive: true, maxSockets: args.concurrency });

    // /health from a worker thread, every second, all through the run.
    const health: HealthSample[] = [];
    let lastHealthyAt = Date.now();
    const probe = startHealthProbe(target.url, args.healthEveryMs, 5000, (s) => {
      health.push(s);
      if (s.status === 200) lastHealthyAt = Date.now();
    });

    // The server's own event-loop delay, each second: tells a blocked loop from a busy machine.
    const loopDelays: { at: number; maxMs: number; p99Ms: number }[] = [];
    // With one request at a time, the delay is read after each case instead: it then names the
    // request that blocked the loop (--concurrency 1 is the mode to find them).
    const attribute = args.concurrency === 1;
    const blockers: { index: number; generator: string; note?: string; loopMaxMs: number }[] = [];
    await target.readLoopDelay();
    const loopTimer = attribute ? undefined : setInterval(() => {
      void target.readLoopDelay().then((d) => { if (d) loopDelays.push({ at: Date.now(), maxMs: Math.round(d.maxMs), p99Ms: Math.round(d.p99Ms) }); });
    }, 1000);

    let stopReason = '';
    void target.died.then((why) => { stopReason ||= 'server died'; tally.addFinding({ check: 'server-down', detail: why.slice(0, 1500) }); });
    const inFlight = new Map<number, { c: FuzzCase; since: number }>();
    const watchdog = setInterval(() => {
      if (stopReason) return;
      if (Date.now() - lastHealthyAt > 30000) {
        stopReason = 'server unresponsive for 30 s';
        const suspects = [...inFlight.values()].sort((a, b) => a.since - b.since).slice(0, 5);
        for (const s of suspects) {
          tally.addFinding({ check: 'hang', detail: `in flight when the server stopped answering /health (${Math.round((Date.now() - s.since) / 1000)} s)` }, s.c, undefined,
            { request: { method: s.c.request?.method ?? 'RAW', path: s.c.request?.path ?? '(raw)', headers: {}, body: String(s.c.request?.body ?? s.c.raw ?? '').slice(0, 600) } });
        }
      }
    }, 1000);

    let next = 0;
    let generatorErrors = 0;
    let lastReport = Date.now();
    const runOne = async (index: number) => {
      let c: FuzzCase;
      try {
        c = buildFuzzCase(seed, index, sources);
      } catch (err) {
        generatorErrors++;
        log(`case ${index}: the generator failed: ${(err as Error).stack}`);
        return;
      }
      const since = Date.now();
      inFlight.set(index, { c, since });
      let ex: Exchange;
      try {
        ex = c.raw ? await sendRawBytes(base, c.raw, args.timeoutMs) : await sendRequest(base, c.request!, args.timeoutMs, agent);
      } catch (err) {
        ex = { method: c.request?.method ?? 'RAW', path: c.request?.path ?? '', headers: c.request?.headers ?? {}, requestText: '', status: 0, responseHeaders: {}, body: Buffer.alloc(0), ms: Date.now() - since, failure: `client error: ${(err as Error).message}` };
      }
      inFlight.delete(index);
      tally.record(c, ex, inspectExchange(c, ex, secrets), since);
      if (attribute) {
        const d = await target.readLoopDelay();
        if (d) {
          loopDelays.push({ at: Date.now(), maxMs: Math.round(d.maxMs), p99Ms: Math.round(d.p99Ms) });
          blockers.push({ index, generator: c.generator, note: c.note, loopMaxMs: Math.round(d.maxMs) });
        }
      }
    };
    const worker = async () => {
      while (!stopReason) {
        if (Date.now() > deadline) { stopReason ||= `time limit (${args.minutes} min)`; return; }
        const i = next++;
        if (i >= indexes.length) return;
        await runOne(indexes[i]);
        if (Date.now() - lastReport > 15000) {
          lastReport = Date.now();
          const failed = Object.values(tally.failures).reduce((a, b) => a + b, 0);
          log(`${tally.executed}/${indexes.length} cases, ${((Date.now() - started) / 1000).toFixed(0)} s, ${failed} findings`);
        }
      }
    };
    const runStarted = Date.now();
    await Promise.all(Array.from({ length: Math.max(1, args.concurrency) }, worker));
    const runSeconds = (Date.now() - runStarted) / 1000;
    clearInterval(watchdog);
    if (loopTimer) clearInterval(loopTimer);
    await new Promise((r) => setTimeout(r, Math.min(1500, args.healthEveryMs + 200)));
    await probe.stop();
    agent.destroy();

    // Slow or failed probes, each with the cases that were in flight meanwhile (the likely cause).
    for (const s of health) {
      if (s.status === 200 && !s.failure && s.ms <= args.healthMs) continue;
      const overlapping = tally.finished.filter((f) => f.start <= s.sentAt + s.ms && f.end >= s.sentAt).sort((a, b) => (b.end - b.start) - (a.end - a.start)).slice(0, 4);
      // The loop-delay sample that covers the probe (taken up to a second after it).
      const loop = loopDelays.find((d) => d.at >= s.sentAt + s.ms);
      tally.addFinding({ check: 'health-slow', detail: `/health ${s.failure ?? `HTTP ${s.status}`} in ${Math.round(s.ms)} ms (server event loop blocked up to ${loop ? loop.maxMs : '?'} ms that second); in flight: ${overlapping.map((f) => `#${f.index} ${f.generator} (${f.note ?? ''}, ${Math.round(f.end - f.start)} ms)`).join('; ') || 'nothing'}` },
        undefined, undefined, { generator: overlapping[0]?.generator ?? '-', index: overlapping[0]?.index ?? -1, note: overlapping[0]?.note, response: { status: s.status, ms: Math.round(s.ms), contentType: '', body: '', failure: s.failure } });
    }

    let after: GraphChecksum | undefined;
    let afterCleanup: GraphChecksum | undefined;
    let deleted = 0;
    if (driver && before) {
      after = await computeGraphChecksum(driver, FUZZ_ID_PREFIX);
      deleted = await deleteFuzzWrites(driver, FUZZ_ID_PREFIX);
      afterCleanup = await computeGraphChecksum(driver, FUZZ_ID_PREFIX);
      if (after.sha256 !== before.sha256) tally.addFinding({ check: 'graph-changed', detail: `before ${before.nodes} nodes / ${before.relationships} rels (${before.sha256.slice(0, 12)}), after ${after.nodes} / ${after.relationships} (${after.sha256.slice(0, 12)})` });
      if (afterCleanup.excludedNodes !== 0) tally.addFinding({ check: 'graph-changed', detail: `${afterCleanup.excludedNodes} fuzz- nodes left after the clean-up` });
    }

    const serverLog = target.logFile ? summarizeServerLog(target.logFile) : undefined;
    const healthMs = summarizeLatencies(health.filter((s) => s.status === 200).map((s) => s.ms));
    const loopMaxima = summarizeLatencies(loopDelays.map((d) => d.maxMs));
    const slowest = [...tally.finished].sort((a, b) => (b.end - b.start) - (a.end - a.start)).slice(0, 12)
      .map((f) => ({ index: f.index, generator: f.generator, note: f.note, ms: Math.round(f.end - f.start), request: redact(describeCase(buildFuzzCase(seed, f.index, sources))) }));
    const result = {
      tool: 'npm run fuzz', startedAt: new Date(started).toISOString(), durationSeconds: Math.round(runSeconds), seed, requested: indexes.length,
      executed: tally.executed, concurrency: args.concurrency, mode: target.mode, profile: args.profile || 'development', code: git,
      stoppedBecause: stopReason || 'all cases ran', generatorErrors, warmup,
      checks: Object.fromEntries((Object.keys(CHECKS) as CheckName[]).map((k) => [k, { description: CHECKS[k], failures: tally.failures[k] }])),
      health: { probes: health.length, limitMs: args.healthMs, overLimit: health.filter((s) => s.ms > args.healthMs || s.status !== 200).length, ...healthMs },
      serverEventLoop: {
        per: attribute ? 'case' : 'second', samples: loopDelays.length, longestBlock: loopMaxima, samplesOver100ms: loopDelays.filter((d) => d.maxMs > 100).length,
        blockers: blockers.sort((a, b) => b.loopMaxMs - a.loopMaxMs).slice(0, 25).map((b) => ({ ...b, request: redact(describeCase(buildFuzzCase(seed, b.index, sources))).slice(0, 400) })),
      },
      loadAverage: { atStart: loadAtStart, atEnd: os.loadavg().map((l) => Math.round(l * 100) / 100) },
      slowest,
      checksum: before ? { before, after, afterCleanup, fuzzNodesDeleted: deleted } : 'not computed (no database access)',
      writes: Object.fromEntries([...tally.writes].map(([k, w]) => [k, { sent: w.sent, accepted: w.accepted, outcomes: sortedCounts(w.outcomes) }])),
      codes: sortedCounts(tally.codes), statuses: sortedCounts(tally.statuses), transport: sortedCounts(tally.transport),
      latency: summarizeLatencies(tally.latencies), generators: tally.generatorSummary(), serverLog,
      causes: [...tally.groups].sort((a, b) => b[1].count - a[1].count).map(([signature, g]) => ({ signature, count: g.count, generators: g.generators, samples: g.samples })),
    };
    const outDir = args.out ? path.resolve(args.out) : path.join(root, 'bench', 'results');
    fs.mkdirSync(outDir, { recursive: true });
    const stamp = new Date(started).toISOString().replace(/:\d\d\.\d+Z$/, '').replace(':', '');
    const outFile = path.join(outDir, `fuzz-${stamp}${only ? '-only' : ''}.json`);
    fs.writeFileSync(outFile, JSON.stringify(result, null, 1) + '\n');

    printReport(result, tally, outFile, seed);
    const failed = Object.values(tally.failures).reduce((a, b) => a + b, 0) + generatorErrors;
    return failed > 0 || tally.executed === 0 ? 1 : 0;
  } finally {
    await stopAll();
  }
}

/** Each named operation with its example variables, and the exports, once and in turn. */
async function warmUp(base: URL, operations: NamedOperation[]): Promise<{ what: string; ms: number; status: number }[]> {
  const out: { what: string; ms: number; status: number }[] = [];
  for (const op of operations) {
    const ex = await sendRequest(base, { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: op.text, variables: op.example }) }, 60000);
    out.push({ what: op.name, ms: Math.round(ex.ms), status: ex.status });
  }
  for (const p of ['/export/cow-membership.csv', '/export/graph.json', '/export/graph.graphml?asOf=2015-11-11']) {
    const ex = await sendRequest(base, { path: p }, 60000);
    out.push({ what: p, ms: Math.round(ex.ms), status: ex.status });
  }
  return out;
}

/** A case's request in one line: method, path and the start of the body. */
function describeCase(c: FuzzCase): string {
  if (c.raw) return `raw: ${c.raw.toString('latin1', 0, 300)}`;
  const body = c.request?.body === undefined ? '' : Buffer.isBuffer(c.request.body) ? c.request.body.toString('utf8', 0, 600) : c.request.body.slice(0, 600);
  return `${c.request?.method ?? 'GET'} ${c.request?.path.slice(0, 200)} ${body}`;
}

function corpusIds(): string[] {
  const dir = path.resolve(root, process.env.CORPUS_DIR || '../shared/seeds');
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, '')) : [];
}

/** The errors the server logged (pino level 50+), grouped by message. */
function summarizeServerLog(file: string): { lines: number; errors: number; top: { message: string; count: number }[] } {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const counts = new Map<string, number>();
  let lines = 0;
  let errors = 0;
  for (const line of text.split('\n')) {
    if (!line) continue;
    lines++;
    let entry: any;
    try { entry = JSON.parse(line); } catch { entry = { level: /error|Error/.test(line) ? 50 : 30, msg: line }; }
    if ((entry.level ?? 0) < 50) continue;
    errors++;
    const message = `${entry.msg ?? ''}: ${String(entry.err?.message ?? entry.err ?? '').slice(0, 160)}`;
    counts.set(message, (counts.get(message) ?? 0) + 1);
  }
  return { lines, errors, top: [...counts].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([message, count]) => ({ message, count })) };
}

function printReport(result: any, tally: FuzzTally, outFile: string, seed: number): void {
  const out = (s = '') => process.stdout.write(s + '\n');
  out();
  out(`Fuzz: ${result.executed} of ${result.requested} cases in ${result.durationSeconds} s (${result.mode} server, seed ${seed}; ${result.stoppedBecause})`);
  out();
  out(`${pad('check', 22)} ${pad('failures', 9, true)}  meaning`);
  for (const [name, c] of Object.entries(result.checks) as [string, any][]) out(`${pad(name, 22)} ${pad(c.failures, 9, true)}  ${c.description}${c.failures ? '  <-- FAIL' : ''}`);
  out();
  out(`/health: ${result.health.probes} probes, p50 ${result.health.p50} ms, p99 ${result.health.p99} ms, max ${result.health.max} ms, ${result.health.overLimit} over ${result.health.limitMs} ms`);
  if (typeof result.checksum === 'object') {
    const c = result.checksum;
    out(`graph: ${c.before.nodes} nodes, ${c.before.relationships} relationships; checksum ${c.before.sha256.slice(0, 16)} before, ${c.after.sha256.slice(0, 16)} after${c.before.sha256 === c.after.sha256 ? ' (unchanged)' : ' (CHANGED)'}; ${c.fuzzNodesDeleted} fuzz- nodes deleted`);
  }
  const loop = result.serverEventLoop;
  if (loop.samples) out(`server event loop, longest block per ${loop.per}: p50 ${loop.longestBlock.p50} ms, p99 ${loop.longestBlock.p99} ms, max ${loop.longestBlock.max} ms; ${loop.samplesOver100ms} of ${loop.samples} ${loop.per}s over 100 ms`);
  for (const b of loop.blockers.slice(0, 10)) out(`  blocked ${pad(b.loopMaxMs, 5, true)} ms by #${b.index} ${b.generator} (${b.note ?? ''}): ${b.request.slice(0, 160).replace(/\n/g, ' ')}`);
  out(`load average (1, 5, 15 min): ${result.loadAverage.atStart.join(' ')} at the start, ${result.loadAverage.atEnd.join(' ')} at the end (${os.cpus().length} cores)`);
  out(`latency of all cases: p50 ${result.latency.p50} ms, p95 ${result.latency.p95} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
  out();
  out('error codes (responses naming each):');
  for (const [code, n] of Object.entries(result.codes)) out(`  ${pad(code, 34)} ${pad(n as number, 6, true)}`);
  out('HTTP statuses: ' + Object.entries(result.statuses).map(([s, n]) => `${s}: ${n}`).join(', '));
  if (Object.keys(result.transport).length) out('transport: ' + Object.entries(result.transport).map(([s, n]) => `${s}: ${n}`).join(', '));
  out();
  out('writes:');
  for (const [kind, w] of Object.entries(result.writes) as [string, any][]) out(`  ${pad(kind, 30)} sent ${pad(w.sent, 5, true)}, accepted ${pad(w.accepted, 5, true)}; ${Object.entries(w.outcomes).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  out();
  out(`${pad('generator', 16)} ${pad('cases', 6, true)} ${pad('failed', 7, true)} ${pad('p50 ms', 8, true)} ${pad('p99 ms', 8, true)} ${pad('max ms', 8, true)}`);
  for (const [name, g] of Object.entries(result.generators) as [string, any][]) out(`${pad(name, 16)} ${pad(g.cases, 6, true)} ${pad(g.failed, 7, true)} ${pad(g.p50, 8, true)} ${pad(g.p99, 8, true)} ${pad(g.max, 8, true)}`);
  out();
  out('slowest cases:');
  for (const c of result.slowest.slice(0, 8)) out(`  ${pad(c.ms, 6, true)} ms  #${c.index} ${c.generator} (${c.note ?? ''}): ${c.request.slice(0, 220).replace(/\n/g, ' ')}`);
  if (result.serverLog) {
    out();
    out(`server log: ${result.serverLog.lines} lines, ${result.serverLog.errors} at level error or above`);
    for (const t of result.serverLog.top) out(`  ${pad(t.count, 5, true)}  ${t.message}`);
  }
  const samples = tally.pickSamples(args.samples);
  if (samples.length) {
    out();
    out(`failure causes (${tally.groups.size}):`);
    for (const [signature, g] of [...tally.groups].sort((a, b) => b[1].count - a[1].count).slice(0, 40)) out(`  ${pad(g.count, 5, true)}  ${signature}  [${Object.entries(g.generators).map(([k, n]) => `${k} ${n}`).join(', ')}]`);
    out();
    out(`samples (${samples.length}; rerun one with: npm run fuzz -- --seed ${seed} --only N):`);
    for (const s of samples) {
      out(`--- #${s.index} ${s.check} [${s.generator}] ${s.note ?? ''}`);
      out(`    ${s.detail}`);
      out(`    > ${s.request.method} ${s.request.path} ${Object.entries(s.request.headers).map(([k, v]) => `${k}: ${v}`).join('; ')}`);
      if (s.request.body) out(`    > ${s.request.body.replace(/\n/g, '\\n')}`);
      out(`    < ${s.response.status} ${s.response.contentType} ${s.response.ms} ms ${s.response.failure ?? ''}`);
      if (s.response.body) out(`    < ${s.response.body.replace(/\n/g, '\\n')}`);
    }
  }
  out();
  out(`results: ${path.relative(process.cwd(), outFile)}`);
}

main().then((code) => process.exit(code), (err) => {
  process.stderr.write(`fuzz failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(2);
});
