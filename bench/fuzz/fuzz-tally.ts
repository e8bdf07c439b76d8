import { Exchange } from '../support/send-request';
import { summarizeLatencies } from '../support/percentiles';
import { FuzzCase } from './fuzz-case';
import { CheckName, CHECKS, Finding, Inspection } from './response-checks';

/** A failing request and the answer, cut to what a reader needs to reproduce and fix it. */
export interface FailureSample {
  index: number;
  generator: string;
  note?: string;
  check: CheckName;
  detail: string;
  request: { method: string; path: string; headers: Record<string, string>; body: string };
  response: { status: number; ms: number; contentType: string; body: string; failure?: string };
}

const EXCERPT = 600;

function excerpt(text: string, max = EXCERPT): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} chars)`;
}

/** Groups findings by cause: the check and the detail with quoted values, variables and numbers taken out. */
function signatureOf(check: string, detail: string): string {
  const shape = detail.split('; in flight:')[0].replace(/\(server event loop[^)]*\)/, '').replace(/got invalid value .*$/, 'got invalid value …').replace(/\\?"(?:[^"\\]|\\.)*\\?"/g, '"…"').replace(/\$\w+/g, '$v').replace(/\d+/g, 'N');
  return `${check} | ${shape.slice(0, 160)}`;
}

/** Counts everything a fuzz run observes and keeps a few samples of each failure cause. */
export class FuzzTally {
  readonly failures: Record<CheckName, number> = Object.fromEntries(Object.keys(CHECKS).map((k) => [k, 0])) as Record<CheckName, number>;
  readonly codes = new Map<string, number>();
  readonly statuses = new Map<string, number>();
  readonly transport = new Map<string, number>();
  readonly generators = new Map<string, { cases: number; failed: number; ms: number[] }>();
  readonly writes = new Map<string, { sent: number; accepted: number; outcomes: Map<string, number> }>();
  readonly groups = new Map<string, { count: number; generators: Record<string, number>; samples: FailureSample[] }>();
  readonly finished: { index: number; generator: string; note?: string; start: number; end: number }[] = [];
  readonly latencies: number[] = [];
  executed = 0;

  constructor(private readonly redact: (text: string) => string) {}

  /** Records one answer and what the checks found in it. */
  record(c: FuzzCase, ex: Exchange, inspection: Inspection, startedAt: number): void {
    this.executed++;
    this.latencies.push(ex.ms);
    this.finished.push({ index: c.index, generator: c.generator, note: c.note, start: startedAt, end: startedAt + ex.ms });
    const gen = this.generators.get(c.generator) ?? { cases: 0, failed: 0, ms: [] };
    gen.cases++;
    gen.ms.push(ex.ms);
    if (inspection.findings.length) gen.failed++;
    this.generators.set(c.generator, gen);
    bump(this.statuses, ex.status ? String(ex.status) : `no answer (${ex.failure})`);
    if (inspection.transport) bump(this.transport, inspection.transport);
    const unique = [...new Set(inspection.codes)];
    if (unique.length === 0) bump(this.codes, ex.status >= 200 && ex.status < 300 ? '(none: success)' : `(none: HTTP ${ex.status || ex.failure})`);
    for (const code of unique) bump(this.codes, code);
    if (c.write) {
      const key = `${c.write.auth} token, ${c.write.protectedId ? 'protected id' : 'fuzz- id'}`;
      const w = this.writes.get(key) ?? { sent: 0, accepted: 0, outcomes: new Map<string, number>() };
      w.sent++;
      const accepted = /"data":\{"(?:ingestSource|a)":\{/.test(ex.body.toString('utf8', 0, 2000));
      if (accepted) w.accepted++;
      bump(w.outcomes, accepted ? 'accepted' : unique.join('+') || `HTTP ${ex.status || ex.failure}`);
      this.writes.set(key, w);
    }
    for (const finding of inspection.findings) this.addFinding(finding, c, ex);
  }

  /** Records a finding (also those not tied to one answer, such as a slow /health probe). */
  addFinding(finding: Finding, c?: FuzzCase, ex?: Exchange, extra?: Partial<FailureSample>): void {
    this.failures[finding.check]++;
    const generator = c?.generator ?? extra?.generator ?? '-';
    const signature = signatureOf(finding.check, finding.detail);
    const group = this.groups.get(signature) ?? { count: 0, generators: {}, samples: [] };
    group.count++;
    group.generators[generator] = (group.generators[generator] ?? 0) + 1;
    if (group.samples.length < 3) {
      group.samples.push({
        index: c?.index ?? extra?.index ?? -1, generator, note: c?.note ?? extra?.note, check: finding.check, detail: this.redact(finding.detail),
        request: ex ? {
          method: ex.method, path: this.redact(excerpt(ex.path, 300)),
          headers: Object.fromEntries(Object.entries(ex.headers).filter(([k]) => k !== 'content-length').map(([k, v]) => [k, this.redact(excerpt(v, 200))])),
          body: this.redact(excerpt(ex.requestText.slice(ex.requestText.indexOf('\n') + 1))),
        } : extra?.request ?? { method: '-', path: '-', headers: {}, body: '' },
        response: ex ? {
          status: ex.status, ms: Math.round(ex.ms), contentType: String(ex.responseHeaders['content-type'] ?? ''),
          body: this.redact(excerpt(ex.body.toString('utf8'))), failure: ex.failure,
        } : extra?.response ?? { status: 0, ms: 0, contentType: '', body: '' },
      });
    }
    this.groups.set(signature, group);
  }

  /** Up to n samples, one per cause in turn, so that one noisy cause does not hide the others. */
  pickSamples(n: number): FailureSample[] {
    const lists = [...this.groups.values()].sort((a, b) => b.count - a.count).map((g) => [...g.samples]);
    const out: FailureSample[] = [];
    for (let round = 0; out.length < n && lists.some((l) => l.length); round++) {
      for (const list of lists) if (list.length && out.length < n) out.push(list.shift()!);
    }
    return out;
  }

  generatorSummary(): Record<string, { cases: number; failed: number; p50: number; p99: number; max: number }> {
    const out: Record<string, { cases: number; failed: number; p50: number; p99: number; max: number }> = {};
    for (const [name, g] of [...this.generators].sort()) {
      const s = summarizeLatencies(g.ms);
      out[name] = { cases: g.cases, failed: g.failed, p50: s.p50, p99: s.p99, max: s.max };
    }
    return out;
  }
}

export function bump(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** A Map as a plain object, largest counts first. */
export function sortedCounts(map: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}
