import fs from 'node:fs';
import path from 'node:path';
import type { CellResult } from './load';
import type { TargetName } from './operations';

export interface TargetSummary { rps: number; p50: number; p99: number; errors: number; requests: number; queriesPerRequest: number; peakRssMiB: number }
export interface OpResult {
  id: string; label: string; targets: Record<TargetName, TargetSummary>; rounds: Record<TargetName, (CellResult & { queriesPerRequest: number })[]>;
  /** CPU of Neo4j's JIT compiler threads during the operation's rounds, in cores (null: a JVM this machine cannot read). */
  jitShare?: number | null;
}
interface Rate { rps: number; p50: number; p99: number; errors: number }
export interface RunResult {
  command: string; date: string; stamp: string; commit: string; scale: number; seconds: number; rounds: number; concurrency: number;
  machine: Partial<{ cpus: number; model: string; ramGiB: number; node: string; neo4j: string; platform: string }>;
  scaleCounts?: { entities: number; facts: number } | null;
  ops: OpResult[];
  typename: { ours: Rate; apollo: Rate; repeated: Rate } | null;
  staleness: { ok: boolean; steps: { step: string; expected: string; got: string; ok: boolean }[] } | null;
  rss: Partial<Record<TargetName | 'neo4jJvm', number>>;
  /** With --then-scale: the same run's servers measured again after the graph grew to `scale` times its size. */
  scaled?: { scale: number; scaleCounts: { entities: number; facts: number } | null; ops: OpResult[]; rss: RunResult['rss'] };
  warnings: string[];
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : 0);
const yes = (ok: boolean) => (ok ? '**met**' : '**missed**');
const LATENCY_OPS = ['lookup', 'membersAsOf', 'summits'];

/** The newest earlier result at scale 1, for the 1x-to-Nx latency target. */
function baselineAtScale1(outDir: string, stamp: string): RunResult | null {
  const files = fs.existsSync(outDir) ? fs.readdirSync(outDir).filter((f) => /^compare-.*\.json$/.test(f) && !f.includes(stamp)).sort().reverse() : [];
  for (const f of files) {
    try { const r = JSON.parse(fs.readFileSync(path.join(outDir, f), 'utf8')) as RunResult; if (r.scale === 1) return r; } catch { /* skip */ }
  }
  return null;
}

function targets(r: RunResult, outDir: string): string[] {
  const lines: string[] = [];
  const slowerThan2x = r.ops.filter((o) => ratio(o.targets.ours.rps, o.targets['neo4j-graphql'].rps) < 2);
  lines.push(`- At least 2x the throughput of @neo4j/graphql on every operation: ${yes(slowerThan2x.length === 0)}${slowerThan2x.length ? ` (below on ${slowerThan2x.map((o) => o.id).join(', ')})` : ''}`);
  const slowP50 = r.ops.filter((o) => ratio(o.targets.ours.p50, o.targets.raw.p50) > 1.25);
  lines.push(`- p50 at most 1.25x raw Cypher on every operation: ${yes(slowP50.length === 0)}${slowP50.length ? ` (above on ${slowP50.map((o) => o.id).join(', ')})` : ''}`);
  const many = r.ops.filter((o) => o.targets.ours.queriesPerRequest > 1);
  lines.push(`- One Neo4j query per root field (every operation here has one root field): ${yes(many.length === 0)}${many.length ? ` (${many.map((o) => `${o.id} ${o.targets.ours.queriesPerRequest}`).join(', ')})` : ''}`);
  if (r.typename) {
    const share = ratio(r.typename.repeated.rps, r.typename.ours.rps);
    lines.push(`- A repeated identical read (MembersAsOf) at no less than half the rate of \`{ __typename }\`: ${yes(share >= 0.5)} (${r.typename.repeated.rps} vs ${r.typename.ours.rps} req/s, ${share})`);
  }
  if (r.staleness) lines.push(`- Never stale after a write, across two server processes: ${yes(r.staleness.ok)}`);
  // The 1x side: this run's own 1x figures when it grew the graph afterwards (--then-scale), else the newest earlier 1x run.
  const earlier = !r.scaled && r.scale > 1 ? baselineAtScale1(outDir, r.stamp) : null;
  const scaled = r.scaled ? { scale: r.scaled.scale, ops: r.scaled.ops, base: r.ops, from: 'this run' }
    : r.scale > 1 ? { scale: r.scale, ops: r.ops, base: earlier?.ops ?? null, from: `1x: ${earlier?.stamp}` } : null;
  if (!scaled) lines.push('- From 1x to 1000x, lookups, MembersAsOf and Summits within 2x of their 1x latency: not measured in this run (scale 1; run with `--then-scale 1000`)');
  else if (!scaled.base) lines.push(`- From 1x to ${scaled.scale}x within 2x: no scale-1 result in bench/results to compare with`);
  else {
    const { base, from } = scaled;
    for (const t of ['ours', 'ours-uncached'] as const) {
      const parts = LATENCY_OPS.filter((id) => scaled.ops.some((o) => o.id === id)).map((id) => {
        const now = scaled.ops.find((o) => o.id === id)?.targets[t]?.p50 ?? 0;
        const then = base.find((o) => o.id === id)?.targets[t]?.p50 ?? 0;
        return { id, now, then, ok: then > 0 && now <= 2 * then };
      });
      lines.push(`- From 1x to ${scaled.scale}x within 2x of the 1x p50, ${t === 'ours' ? 'cache on' : 'cache off'} (${from}): ${yes(parts.length === LATENCY_OPS.length && parts.every((p) => p.ok))} (${parts.map((p) => `${p.id} ${p.then} → ${p.now} ms`).join(', ')})`);
    }
  }
  const rss = [r.rss, r.scaled?.rss ?? {}];
  const peak = (t: 'ours' | 'ours-uncached') => Math.max(...rss.map((x) => x[t] ?? 0));
  // The target is in MB (10^6 bytes); the figures are MiB, as /proc gives them.
  const mb = (mib: number) => Math.round(mib * 1.048576 * 10) / 10;
  const under = (t: 'ours' | 'ours-uncached') => mb(peak(t)) < 300;
  lines.push(`- Server RSS under 300 MB under load: cache on ${yes(peak('ours') > 0 && under('ours'))}, cache off ${yes(under('ours-uncached'))} (peak ${peak('ours')} MiB = ${mb(peak('ours'))} MB; cache off ${peak('ours-uncached')} MiB = ${mb(peak('ours-uncached'))} MB${r.scaled ? `; at ${r.scaled.scale}x ${r.scaled.rss.ours} and ${r.scaled.rss['ours-uncached']} MiB` : ''})`);
  const u = r.ops.filter((o) => o.targets['ours-uncached']);
  if (u.length) {
    const below = u.filter((o) => ratio(o.targets['ours-uncached'].rps, o.targets['neo4j-graphql'].rps) < 2);
    const slow = u.filter((o) => ratio(o.targets['ours-uncached'].p50, o.targets.raw.p50) > 1.25);
    lines.push(`- The same two targets with the cache off: 2x @neo4j/graphql ${yes(below.length === 0)}${below.length ? ` (below on ${below.map((o) => o.id).join(', ')})` : ''}; p50 within 1.25x raw ${yes(slow.length === 0)}${slow.length ? ` (above on ${slow.map((o) => o.id).join(', ')})` : ''}`);
  }
  return lines;
}

function chart(r: RunResult): string {
  const colours: Record<TargetName, string> = { ours: '#2b6cb0', 'ours-uncached': '#90cdf4', 'neo4j-graphql': '#dd6b20', raw: '#718096' };
  const names: Record<TargetName, string> = { ours: 'this server', 'ours-uncached': 'this server, cache off', 'neo4j-graphql': '@neo4j/graphql 7', raw: 'raw Cypher' };
  const left = 250; const width = 520; const bar = 14; const group = 4 * bar + 16;
  const height = 60 + r.ops.length * group;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="${left + width + 110}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<text x="10" y="20" font-size="14" font-weight="bold">Requests/s at ${r.concurrency} connections, scale ${r.scale} (${r.date.slice(0, 10)}, bars relative to the fastest of each operation)</text>`];
  (Object.keys(colours) as TargetName[]).forEach((t, i) => parts.push(`<rect x="${10 + i * 160}" y="32" width="12" height="12" fill="${colours[t]}"/><text x="${26 + i * 160}" y="43">${names[t]}</text>`));
  r.ops.forEach((o, i) => {
    const y = 56 + i * group;
    const max = Math.max(...(Object.keys(colours) as TargetName[]).map((t) => o.targets[t].rps), 1);
    parts.push(`<text x="10" y="${y + bar * 1.8}">${esc(o.label)}</text>`);
    (Object.keys(colours) as TargetName[]).forEach((t, k) => {
      const w = Math.max(1, Math.round((o.targets[t].rps / max) * width));
      parts.push(`<rect x="${left}" y="${y + k * bar}" width="${w}" height="${bar - 2}" fill="${colours[t]}"/><text x="${left + w + 4}" y="${y + k * bar + 10}">${o.targets[t].rps}</text>`);
    });
  });
  parts.push('</svg>');
  return parts.join('\n');
}

/** The two tables of some measured operations: the three servers, then ours with its cache off. */
function opTables(ops: OpResult[]): string[] {
  const rows = ops.map((o) => {
    const [a, b, c] = [o.targets.ours, o.targets['neo4j-graphql'], o.targets.raw];
    return `| ${o.label} | ${a.rps} | ${b.rps} | ${c.rps} | ${ratio(a.rps, b.rps)} | ${ratio(a.rps, c.rps)} | ${a.p50} / ${a.p99} | ${b.p50} / ${b.p99} | ${c.p50} / ${c.p99} | ${ratio(a.p50, c.p50)} | ${a.queriesPerRequest} / ${b.queriesPerRequest} / ${c.queriesPerRequest} | ${a.errors} / ${b.errors} / ${c.errors} | ${a.peakRssMiB} / ${b.peakRssMiB} / ${c.peakRssMiB} |`;
  });
  const uncachedRows = ops.map((o) => {
    const [u, b, c] = [o.targets['ours-uncached'], o.targets['neo4j-graphql'], o.targets.raw];
    return `| ${o.label} | ${u.rps} | ${ratio(u.rps, b.rps)} | ${ratio(u.rps, c.rps)} | ${u.p50} / ${u.p99} | ${ratio(u.p50, c.p50)} | ${u.queriesPerRequest} | ${u.errors} | ${u.peakRssMiB} |`;
  });
  return [
    '| operation | req/s ours | req/s @neo4j/graphql | req/s raw | ours / @neo4j/graphql | ours / raw | p50 / p99 ms ours | p50 / p99 @neo4j/graphql | p50 / p99 raw | p50 ours / raw | Neo4j queries per request (ours / n4g / raw) | errors | peak RSS MiB (ours / n4g / raw) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|', ...rows, '',
    'The same server with its response cache off (`RESPONSE_CACHE_MB=0`, a process of its own, in the same rounds): what a request costs when it is not a repeat.', '',
    '| operation | req/s ours, cache off | ÷ @neo4j/graphql | ÷ raw | p50 / p99 ms | p50 ÷ raw | Neo4j queries per request | errors | peak RSS MiB |',
    '|---|---|---|---|---|---|---|---|---|', ...uncachedRows, '',
    ...(ops.some((o) => typeof o.jitShare === 'number')
      ? [`Neo4j's JIT compiler during the rounds (a share of one core; near 0 means the JVM was warm): ${ops.map((o) => `${o.id} ${typeof o.jitShare === 'number' ? `${Math.round(o.jitShare * 100)}%` : 'n/a'}`).join(', ')}.`, '']
      : []),
  ];
}

export function writeReport(r: RunResult, root: string, outDir: string, log: (m: string) => void, resultsFile = path.join(root, 'bench', r.scale > 1 ? `RESULTS-x${r.scale}.md` : 'RESULTS.md')): void {
  const base = `compare-${r.stamp}${r.scale > 1 ? `-x${r.scale}` : ''}`;
  fs.writeFileSync(path.join(outDir, `${base}.json`), JSON.stringify(r, null, 2));
  fs.writeFileSync(path.join(outDir, `${base}.svg`), chart(r));
  const m = r.machine;
  const rel = path.relative(path.join(root, 'bench'), outDir) || '.';
  const md = [
    '# Benchmark: this server vs @neo4j/graphql 7 vs raw Cypher', '',
    `Produced by \`${r.command}\` on ${r.date} at commit ${r.commit}.`, '',
    `Machine: ${m.cpus} CPUs (${m.model}), ${m.ramGiB} GiB RAM, ${m.platform}; Node ${m.node}; Neo4j ${m.neo4j} (embedded, one JVM for all three).`,
    `Scale ${r.scale}${r.scaleCounts ? ` (+${r.scaleCounts.entities} synthetic entities, ${r.scaleCounts.facts} facts)` : ' (the real graph only)'}; ${r.concurrency} concurrent requests; ${r.rounds} rounds of ${r.seconds} s per server and operation, the order of the three rotating each round; figures are medians of the rounds. Each server is a process of its own; the load comes from a third. Numbers on a shared 2-core machine are noisy.`, '',
    `![requests per second](${rel}/${base}.svg)`, '',
    ...opTables(r.ops),
  ];
  if (r.typename) {
    md.push('| request | req/s | p50 ms | p99 ms | errors |', '|---|---|---|---|---|',
      `| \`{ __typename }\` this server | ${r.typename.ours.rps} | ${r.typename.ours.p50} | ${r.typename.ours.p99} | ${r.typename.ours.errors} |`,
      `| \`{ __typename }\` Apollo standalone, trivial schema | ${r.typename.apollo.rps} | ${r.typename.apollo.p50} | ${r.typename.apollo.p99} | ${r.typename.apollo.errors} |`,
      `| repeated identical MembersAsOf, this server | ${r.typename.repeated.rps} | ${r.typename.repeated.p50} | ${r.typename.repeated.p99} | ${r.typename.repeated.errors} |`, '',
      `\`{ __typename }\` ours / Apollo standalone: ${ratio(r.typename.ours.rps, r.typename.apollo.rps)}.`, '');
  }
  md.push(`Peak RSS under load: this server ${r.rss.ours} MiB (cache off ${r.rss['ours-uncached']} MiB), @neo4j/graphql ${r.rss['neo4j-graphql']} MiB, raw ${r.rss.raw} MiB; Neo4j JVM ${r.rss.neo4jJvm} MiB at the end.`, '');
  if (r.scaled) {
    const { scale, scaleCounts, ops, rss } = r.scaled;
    md.push(`## At ${scale}x, later in the same run`, '',
      `The same Neo4j and server processes after the graph grew to ${scale} times its size${scaleCounts ? ` (+${scaleCounts.entities} synthetic entities, ${scaleCounts.facts} facts)` : ''}; the same rounds.`, '',
      ...opTables(ops),
      `Peak RSS under load at ${scale}x: this server ${rss.ours} MiB (cache off ${rss['ours-uncached']} MiB), @neo4j/graphql ${rss['neo4j-graphql']} MiB, raw ${rss.raw} MiB; Neo4j JVM ${rss.neo4jJvm} MiB at the end.`, '');
  }
  if (r.staleness) {
    md.push('## Write through A, read through B (two server processes, one Neo4j)', '', '| step | expected | got | |', '|---|---|---|---|',
      ...r.staleness.steps.map((s) => `| ${s.step} | ${s.expected} | ${s.got} | ${s.ok ? 'ok' : 'STALE'} |`), '');
  }
  md.push('## Targets', '', ...targets(r, outDir), '');
  if (r.warnings.length) md.push('## Answer warnings', '', ...r.warnings.map((w) => `- ${w}`), '');
  md.push('## What each server answers', '',
    '- **ours**: the named client operation of `schema/operations/` (the 100-row page and the 4-level traversal as in `bench/read-path.ts`).',
    '- **@neo4j/graphql 7**: `bench/compare/neo4j-graphql-typedefs.ts` (Entity nodes by label, `Fact` relationship properties); lookups by a folded name (`names: { some: { folded: { in } } }`), statement lists as `…Connection` with edge filters; Connection, Neighborhood and MembershipTimeline as `@cypher` fields (it has no shortest path or per-year count); EntitySearch as an exact-name root field plus its `@fulltext` query (two root fields).',
    '- **raw**: one hand-written query per operation, `bench/compare/raw-cypher-server.ts`, over neo4j-driver behind node:http.',
    '- Before measuring, the key facts of the three answers (member keys, attendee keys, path nodes, year counts…) are compared; differences are listed above as warnings.', '');
  const file = resultsFile;
  fs.writeFileSync(file, md.join('\n'));
  process.stdout.write(md.join('\n'));
  log(`wrote ${file}, ${path.join(outDir, base)}.json and .svg`);
}
