import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchRoot } from './support/bench-root';
import { readCliArgs } from './support/cli-args';
import { HealthSample, startHealthProbe } from './support/health-probe';
import { summarizeLatencies } from './support/percentiles';
import { sendRequest } from './support/send-request';
import { startTarget } from './support/start-target';

const USAGE = `npm run bench:ingest -- [--count N] [--chars N] [--interval-ms N] [--url URL --token T]

The largest allowed ingest, seen from outside: the server as its own process (a throw-away Neo4j
unless --url), --count ingests of --chars characters each (the corpus texts repeated, English,
Turkish and mixed, new ids), while a worker thread probes GET /health every --interval-ms. Reports
the slowest /health, its p99, the server's own event-loop delay and each ingest's time. Exit 1 when
/health took 100 ms or more, or an ingest failed.`;

const args = readCliArgs(process.argv.slice(2), { count: 4, chars: 1_000_000, intervalMs: 10, url: '', token: '', out: '' }, USAGE);
const root = benchRoot();
const log = (m: string) => process.stderr.write(`[ingest-health] ${m}\n`);
const HEALTH_LIMIT_MS = 100;

const INGEST = 'mutation($input: IngestSourceInput!) { ingestSource(input: $input) { changed mentionCount entityCount mentionsTruncated } }';

/** A text of exactly `chars` characters made of the corpus texts of one language (or all). */
function bigText(corpus: string, prefix: string | null, chars: number): string {
  const files = fs.readdirSync(corpus).filter((f) => f.endsWith('.txt') && (!prefix || f.startsWith(prefix))).sort();
  const parts = files.map((f) => fs.readFileSync(path.join(corpus, f), 'utf8'));
  let text = '';
  for (let i = 0; text.length < chars; i++) text += parts[i % parts.length] + '\n';
  return text.slice(0, chars);
}

async function main(): Promise<void> {
  const corpus = process.env.CORPUS_DIR ? path.resolve(root, process.env.CORPUS_DIR) : path.resolve(root, '..', 'shared', 'seeds');
  const target = await startTarget({ url: args.url || undefined, token: args.token || undefined, log, keepData: Boolean(process.env.BENCH_KEEP_DATA) });
  if (target.logFile) log(`server log: ${target.logFile}`);
  const base = new URL(target.url);
  const results: { id: string; ms: number; status: number; answer: string }[] = [];
  const samples: HealthSample[] = [];
  try {
    // English (004), Turkish (000), everything mixed: the linker's cost differs by language.
    const kinds: [string, string | null, string][] = [['en', '004', 'en'], ['tr', '000', 'tr'], ['mixed', null, 'en']];
    await target.readLoopDelay();
    const probe = startHealthProbe(target.url, args.intervalMs, 10_000, (s) => samples.push(s));
    for (let i = 0; i < args.count; i++) {
      const [kind, prefix, language] = kinds[i % kinds.length];
      const id = `bench-ingest-${Date.now()}-${i}`;
      const body = JSON.stringify({ query: INGEST, variables: { input: { id, text: bigText(corpus, prefix, args.chars), language } } });
      const ex = await sendRequest(base, {
        method: 'POST', path: '/graphql', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${target.writeToken}` },
      }, 120_000);
      const answer = ex.failure ?? ex.body.toString('utf8').slice(0, 300);
      results.push({ id: `${kind} ${id}`, ms: ex.ms, status: ex.status, answer });
      log(`${kind}: ${ex.status} in ${ex.ms.toFixed(0)} ms: ${answer}`);
      await new Promise((r) => setTimeout(r, 300));
    }
    await probe.stop();
    const loop = await target.readLoopDelay();
    const health = summarizeLatencies(samples.map((s) => s.ms));
    const failedProbes = samples.filter((s) => s.status !== 200).length;
    const failedIngests = results.filter((r) => r.status !== 200 || !/"changed":true/.test(r.answer)).length;
    const slowest = Math.max(...samples.map((s) => s.ms));
    const lines = [
      `# The largest allowed ingest with /health probed (${new Date().toISOString()})`,
      '',
      `Command: \`npm run bench:ingest -- --count ${args.count} --chars ${args.chars} --interval-ms ${args.intervalMs}\`; server as its own process (${target.mode}); ${os.cpus().length} cores, load average at the end ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}.`,
      '',
      `/health: ${samples.length} probes, p50 ${health.p50.toFixed(1)} ms, p99 ${health.p99.toFixed(1)} ms, slowest ${slowest.toFixed(1)} ms, ${failedProbes} not 200.`,
      `Server event-loop delay over the run: ${loop ? `max ${loop.maxMs.toFixed(1)} ms, p99 ${loop.p99Ms.toFixed(1)} ms, mean ${loop.meanMs.toFixed(1)} ms` : 'unknown'}.`,
      '',
      '| ingest | ms | status | answer |',
      '|---|---|---|---|',
      ...results.map((r) => `| ${r.id} | ${r.ms.toFixed(0)} | ${r.status} | ${r.answer.replace(/\|/g, '\\|')} |`),
      '',
      slowest < HEALTH_LIMIT_MS && failedProbes === 0 && failedIngests === 0 ? 'PASS' : `FAIL: slowest /health ${slowest.toFixed(1)} ms (limit ${HEALTH_LIMIT_MS}), ${failedProbes} failed probes, ${failedIngests} failed ingests`,
    ];
    const out = args.out || path.join(root, 'bench', 'results', `ingest-health-${new Date().toISOString().slice(0, 16).replace(/[-:]/g, '')}.md`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, lines.join('\n') + '\n');
    process.stdout.write(lines.join('\n') + `\n\nwritten to ${path.relative(root, out)}\n`);
    process.exitCode = lines[lines.length - 1] === 'PASS' ? 0 : 1;
  } finally {
    await target.stop();
  }
}

main().catch((err) => { process.stderr.write(`${err?.stack ?? err}\n`); process.exit(1); });
