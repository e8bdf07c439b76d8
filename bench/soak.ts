import 'reflect-metadata';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { benchRoot } from './support/bench-root';
import { readCliArgs } from './support/cli-args';
import { LatencySummary, slopeOf, summarizeLatencies } from './support/percentiles';
import { readRssMiB } from './support/process-memory';
import { sendRequest } from './support/send-request';
import { startTarget, Target } from './support/start-target';

const USAGE = `npm run soak -- [options]

Measures the highest rate one named operation sustains (closed loop: --clients clients for
--probe-seconds), then holds --fraction of it as an open-loop load for --minutes, sampling
every --sample-seconds: requests sent and answered, errors by code, latency percentiles, the
server's RSS and heap and the Neo4j JVM's RSS. Fails on any error, on memory that grows more
than --max-growth from the first minute to the last, or on a rate it could not hold.

  --operation NAME      named operation of schema/operations (default MembersAsOf, with its example variables)
  --variables JSON      variables instead of the example
  --minutes N           length of the open-loop phase (default 10)
  --fraction F          share of the measured maximum to hold (default 0.8)
  --clients N           closed-loop clients for the maximum (default 10)
  --probe-seconds N     length of the closed-loop phase (default 20)
  --sample-seconds N    sampling period (default 10)
  --max-growth F        largest allowed RSS growth, minute 1 to last minute (default 0.2)
  --timeout-ms N        an answer slower than this counts as an error (default 10000)
  --max-in-flight N     open-loop requests in flight at most; beyond, requests are dropped and counted (default 2000)
  --url URL             a running server on 127.0.0.1 instead of starting one (with --pid, --neo4j-pid for memory)
  --log-level L         LOG_LEVEL of the server started here (default info, as in production)
  --out DIR             where to write soak-<date>.json and .md (default bench/results)`;

const args = readCliArgs(process.argv.slice(2), {
  operation: 'MembersAsOf', variables: '', minutes: 10, fraction: 0.8, clients: 10, probeSeconds: 20, sampleSeconds: 10, maxGrowth: 0.2,
  timeoutMs: 10000, maxInFlight: 2000, url: '', pid: 0, neo4jPid: 0, logLevel: 'info', out: '',
}, USAGE);

const root = benchRoot();
const log = (m: string) => process.stderr.write(`[soak] ${m}\n`);
const MiB = 1024 * 1024;

interface Outcome {
  ok: boolean;
  code: string;
  ms: number;
}

/** One request of the operation; ok when HTTP 200 and no errors in the body. */
async function callOnce(base: URL, agent: http.Agent, body: string): Promise<Outcome> {
  const ex = await sendRequest(base, { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body }, args.timeoutMs, agent);
  if (ex.failure) return { ok: false, code: ex.failure === 'timeout' ? 'TIMEOUT' : ex.failure, ms: ex.ms };
  let code = ex.status === 200 ? '' : `HTTP_${ex.status}`;
  try {
    const parsed = JSON.parse(ex.body.toString('utf8'));
    if (Array.isArray(parsed.errors) && parsed.errors.length) code = String(parsed.errors[0]?.extensions?.code ?? 'NO_CODE');
    else if (!parsed.data) code ||= 'NO_DATA';
  } catch {
    code ||= 'NOT_JSON';
  }
  return { ok: code === '', code, ms: ex.ms };
}

interface Window {
  t: number;
  sent: number;
  answered: number;
  errors: number;
  dropped: number;
  codes: Record<string, number>;
  latency: LatencySummary;
  inFlight: number;
  serverRssMiB: number | null;
  serverHeapUsedMiB: number | null;
  serverHeapTotalMiB: number | null;
  neo4jRssMiB: number | null;
  loopMaxMs: number | null;
}

/** Closed loop: each client sends the next request when the last one is answered. */
async function measureMaxRate(base: URL, agent: http.Agent, body: string): Promise<{ rate: number; answered: number; errors: Record<string, number>; latency: LatencySummary; seconds: number }> {
  const until = Date.now() + args.probeSeconds * 1000;
  const started = Date.now();
  const ms: number[] = [];
  const errors: Record<string, number> = {};
  let ok = 0;
  const cap = 2_000_000;
  const client = async () => {
    while (Date.now() < until && ms.length < cap) {
      const o = await callOnce(base, agent, body);
      ms.push(o.ms);
      if (o.ok) ok++;
      else errors[o.code] = (errors[o.code] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: args.clients }, client));
  const seconds = (Date.now() - started) / 1000;
  return { rate: ok / seconds, answered: ms.length, errors, latency: summarizeLatencies(ms), seconds };
}

async function main(): Promise<number> {
  const opFile = path.join(root, 'schema', 'operations', `${args.operation}.graphql`);
  if (!fs.existsSync(opFile)) throw new Error(`no named operation ${args.operation} (${opFile})`);
  const exampleFile = path.join(root, 'schema', 'operations', 'examples', `${args.operation}.json`);
  const variables = args.variables ? JSON.parse(args.variables) : fs.existsSync(exampleFile) ? JSON.parse(fs.readFileSync(exampleFile, 'utf8')) : {};
  const body = JSON.stringify({ query: fs.readFileSync(opFile, 'utf8'), variables, operationName: args.operation });
  const plannedMinutes = Math.max(0.25, args.minutes);

  // The server runs as its own process (node dist/src/index.js), never in this one: the load
  // generator's timers and parsing would otherwise share its event loop and skew its latency,
  // and its RSS would include ours. Rate limiting is off (RATE_LIMIT_POINTS=0) so we measure capacity.
  const target: Target = await startTarget({ url: args.url || undefined, pageCacheMb: 512, env: { LOG_LEVEL: args.logLevel }, log });
  const serverPid = target.serverPid ?? (args.pid || undefined);
  const neo4jPid = target.neo4jPid ?? (args.neo4jPid || undefined);
  process.once('SIGINT', () => { log('interrupted; stopping what was started'); void target.stop().then(() => process.exit(130)); });
  const base = new URL(target.url);
  // Idle sockets close after 30 s on this side, before the server's keep-alive timeout (65 s).
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64, timeout: 30_000 });
  try {
    const check = await callOnce(base, agent, body);
    if (!check.ok) throw new Error(`${args.operation} fails before any load: ${check.code}`);
    for (let i = 0; i < 20; i++) await callOnce(base, agent, body);

    log(`closed loop: ${args.clients} clients for ${args.probeSeconds} s`);
    const max = await measureMaxRate(base, agent, body);
    const targetRate = Math.max(1, max.rate * args.fraction);
    log(`maximum ${max.rate.toFixed(1)} req/s (p50 ${max.latency.p50} ms, p99 ${max.latency.p99} ms); holding ${targetRate.toFixed(1)} req/s for ${plannedMinutes} min`);
    await new Promise((r) => setTimeout(r, 3000));

    // Open loop: request k is due at start + k / rate whether or not earlier ones were answered;
    // its latency counts from when it was due, so a stall shows up in full.
    const windows: Window[] = [];
    const totals = { sent: 0, answered: 0, errors: 0, dropped: 0, codes: {} as Record<string, number> };
    let win = { sent: 0, answered: 0, errors: 0, dropped: 0, codes: {} as Record<string, number>, ms: [] as number[] };
    const allMs: number[] = [];
    let inFlight = 0;
    const start = Date.now();
    const end = start + plannedMinutes * 60000;
    const interval = 1000 / targetRate;
    let due = 0;
    await target.readLoopDelay();
    const sample = async () => {
      const mem = await target.readMemory();
      const loop = await target.readLoopDelay();
      const w = win;
      win = { sent: 0, answered: 0, errors: 0, dropped: 0, codes: {}, ms: [] };
      const row: Window = {
        t: Math.round((Date.now() - start) / 1000), sent: w.sent, answered: w.answered, errors: w.errors, dropped: w.dropped, codes: w.codes,
        latency: summarizeLatencies(w.ms), inFlight,
        serverRssMiB: serverPid ? readRssMiB(serverPid) : mem ? Math.round(mem.rss / MiB) : null,
        serverHeapUsedMiB: mem ? Math.round((mem.heapUsed / MiB) * 10) / 10 : null,
        serverHeapTotalMiB: mem ? Math.round((mem.heapTotal / MiB) * 10) / 10 : null,
        neo4jRssMiB: neo4jPid ? readRssMiB(neo4jPid) : null,
        loopMaxMs: loop ? Math.round(loop.maxMs) : null,
      };
      windows.push(row);
      log(`t=${row.t}s sent ${row.sent} answered ${row.answered} errors ${row.errors} p50 ${row.latency.p50} p99 ${row.latency.p99} max ${row.latency.max} ms; server RSS ${row.serverRssMiB} MiB heap ${row.serverHeapUsedMiB} MiB; neo4j RSS ${row.neo4jRssMiB} MiB`);
    };
    const sampler = setInterval(() => void sample(), args.sampleSeconds * 1000);
    await new Promise<void>((resolve) => {
      const tick = () => {
        const now = Date.now();
        if (now >= end) { resolve(); return; }
        while (start + due * interval <= now) {
          const scheduled = start + due * interval;
          due++;
          if (inFlight >= args.maxInFlight) { win.dropped++; totals.dropped++; continue; }
          inFlight++;
          win.sent++;
          totals.sent++;
          void callOnce(base, agent, body).then((o) => {
            inFlight--;
            const ms = Date.now() - scheduled;
            win.answered++;
            totals.answered++;
            win.ms.push(ms);
            allMs.push(ms);
            if (!o.ok) {
              win.errors++;
              totals.errors++;
              win.codes[o.code] = (win.codes[o.code] ?? 0) + 1;
              totals.codes[o.code] = (totals.codes[o.code] ?? 0) + 1;
            }
          });
        }
        setTimeout(tick, Math.max(1, Math.min(20, interval / 2)));
      };
      tick();
    });
    clearInterval(sampler);
    const drainUntil = Date.now() + args.timeoutMs + 2000;
    while (inFlight > 0 && Date.now() < drainUntil) await new Promise((r) => setTimeout(r, 50));
    if (win.sent || win.answered) await sample();
    const seconds = (Date.now() - start) / 1000;

    const memory = (pick: (w: Window) => number | null) => {
      const points = windows.filter((w) => pick(w) !== null).map((w) => ({ x: w.t / 60, y: pick(w)! }));
      const last = windows[windows.length - 1]?.t ?? 0;
      const firstMinute = points.filter((p) => p.x <= 1);
      const lastMinute = points.filter((p) => p.x >= last / 60 - 1);
      const mean = (ps: { y: number }[]) => (ps.length ? Math.round((ps.reduce((s, p) => s + p.y, 0) / ps.length) * 10) / 10 : null);
      const m1 = mean(firstMinute);
      const mLast = mean(lastMinute);
      return { minute1MiB: m1, lastMinuteMiB: mLast, growth: m1 && mLast ? Math.round(((mLast - m1) / m1) * 1000) / 1000 : null, slopeMiBPerMin: Math.round(slopeOf(points) * 100) / 100, max: points.length ? Math.max(...points.map((p) => p.y)) : null };
    };
    const serverRss = memory((w) => w.serverRssMiB);
    const serverHeap = memory((w) => w.serverHeapUsedMiB);
    const neo4jRss = memory((w) => w.neo4jRssMiB);
    const achieved = totals.answered / seconds;
    const failures: string[] = [];
    if (totals.errors > 0) failures.push(`${totals.errors} errors (${Object.entries(totals.codes).map(([c, n]) => `${c} ${n}`).join(', ')})`);
    if (totals.dropped > 0) failures.push(`${totals.dropped} requests dropped (more than ${args.maxInFlight} in flight)`);
    if (achieved < targetRate * 0.95) failures.push(`held ${achieved.toFixed(1)} req/s, below 95% of the ${targetRate.toFixed(1)} req/s asked`);
    if (serverRss.growth !== null && serverRss.growth > args.maxGrowth) failures.push(`server RSS grew ${(serverRss.growth * 100).toFixed(1)}% from minute 1 to the last minute`);
    if (neo4jRss.growth !== null && neo4jRss.growth > args.maxGrowth) failures.push(`Neo4j RSS grew ${(neo4jRss.growth * 100).toFixed(1)}% from minute 1 to the last minute`);

    const result = {
      tool: 'npm run soak', startedAt: new Date(start).toISOString(), operation: args.operation, variables, mode: target.mode,
      machine: { cores: os.cpus().length, loadAverageAtEnd: os.loadavg().map((l) => Math.round(l * 100) / 100), memoryGiB: Math.round(os.totalmem() / 1024 ** 3) },
      closedLoop: { clients: args.clients, seconds: Math.round(max.seconds), maxRatePerSecond: Math.round(max.rate * 10) / 10, answered: max.answered, errors: max.errors, latency: max.latency },
      openLoop: {
        fraction: args.fraction, targetRatePerSecond: Math.round(targetRate * 10) / 10, achievedRatePerSecond: Math.round(achieved * 10) / 10, minutes: Math.round((seconds / 60) * 100) / 100,
        sent: totals.sent, answered: totals.answered, errors: totals.errors, dropped: totals.dropped, codes: totals.codes, latency: summarizeLatencies(allMs),
      },
      memory: { serverRss, serverHeapUsed: serverHeap, neo4jRss, maxGrowth: args.maxGrowth },
      windows, failures, passed: failures.length === 0,
    };
    const outDir = args.out ? path.resolve(args.out) : path.join(root, 'bench', 'results');
    fs.mkdirSync(outDir, { recursive: true });
    const stamp = new Date(start).toISOString().replace(/:\d\d\.\d+Z$/, '').replace(':', '');
    const jsonFile = path.join(outDir, `soak-${stamp}.json`);
    fs.writeFileSync(jsonFile, JSON.stringify(result, null, 1) + '\n');
    const md = renderMarkdown(result);
    fs.writeFileSync(jsonFile.replace(/\.json$/, '.md'), md);
    process.stdout.write(md + `\nresults: ${path.relative(process.cwd(), jsonFile)} (and .md)\n`);
    return failures.length ? 1 : 0;
  } finally {
    agent.destroy();
    await target.stop();
  }
}

function renderMarkdown(r: any): string {
  const o = r.openLoop;
  const m = r.memory;
  const line = (name: string, x: any) => `| ${name} | ${x.minute1MiB ?? '–'} | ${x.lastMinuteMiB ?? '–'} | ${x.growth === null ? '–' : `${(x.growth * 100).toFixed(1)}%`} | ${x.slopeMiBPerMin} | ${x.max ?? '–'} |`;
  return [
    `# Soak: ${r.operation}, ${o.minutes} min at ${o.targetRatePerSecond} req/s (${r.startedAt})`,
    '',
    `${r.passed ? 'PASSED' : 'FAILED'}${r.failures.length ? ': ' + r.failures.join('; ') : ''}`,
    '',
    `Machine: ${r.machine.cores} cores, ${r.machine.memoryGiB} GiB, load average at the end ${r.machine.loadAverageAtEnd.join(' ')}; server ${r.mode === 'child' ? 'as its own process (node dist/src/index.js), Neo4j embedded JVM started for the run' : r.mode}.`,
    '',
    `Closed loop (${r.closedLoop.clients} clients, ${r.closedLoop.seconds} s): **${r.closedLoop.maxRatePerSecond} req/s**, p50 ${r.closedLoop.latency.p50} ms, p99 ${r.closedLoop.latency.p99} ms, errors ${JSON.stringify(r.closedLoop.errors)}.`,
    '',
    `Open loop at ${Math.round(r.openLoop.fraction * 100)}%: asked ${o.targetRatePerSecond} req/s, held ${o.achievedRatePerSecond} req/s; sent ${o.sent}, answered ${o.answered}, errors ${o.errors}, dropped ${o.dropped}.`,
    `Latency from the time each request was due: p50 ${o.latency.p50} ms, p95 ${o.latency.p95} ms, p99 ${o.latency.p99} ms, max ${o.latency.max} ms.`,
    '',
    ...(o.minutes <= 2 ? ['(A run of 2 minutes or less: its first and last minutes overlap, so growth says little; the slope still shows the trend.)', ''] : []),
    '| memory (MiB) | minute 1 | last minute | growth | slope MiB/min | max |',
    '|---|---|---|---|---|---|',
    line('server RSS', m.serverRss), line('server heap used', m.serverHeapUsed), line('Neo4j JVM RSS', m.neo4jRss),
    '',
    '| t (s) | sent | answered | errors | p50 | p95 | p99 | max ms | server RSS | heap used | Neo4j RSS | loop block ms |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...r.windows.map((w: Window) => `| ${w.t} | ${w.sent} | ${w.answered} | ${w.errors}${w.errors ? ` ${JSON.stringify(w.codes)}` : ''} | ${w.latency.p50} | ${w.latency.p95} | ${w.latency.p99} | ${w.latency.max} | ${w.serverRssMiB ?? '–'} | ${w.serverHeapUsedMiB ?? '–'} | ${w.neo4jRssMiB ?? '–'} | ${w.loopMaxMs ?? '–'} |`),
    '',
  ].join('\n');
}

main().then((code) => process.exit(code), (err) => {
  process.stderr.write(`soak failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(2);
});
