import http from 'node:http';
import { readRssMiB } from '../support/process-memory';
import { summarizeLatencies } from '../support/percentiles';

/** One request as the load loop sends it: path and JSON body, to a loopback server. */
export interface LoadRequest { url: string; path: string; body: string; graphql: boolean }

export interface CellResult { requests: number; errors: number; rps: number; p50: number; p99: number; seconds: number; peakRssMiB: number | null; firstError?: string }

function assertLoopback(url: string): void {
  if (new URL(url).hostname !== '127.0.0.1') throw new Error(`refusing to send load to ${url}: only 127.0.0.1`);
}

/** Sends one POST over a keep-alive agent; resolves with status, body and milliseconds. */
export function post(agent: http.Agent, request: LoadRequest, timeoutMs = 30000): Promise<{ status: number; body: string; ms: number }> {
  const base = new URL(request.url);
  const body = Buffer.from(request.body);
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    const req = http.request({
      host: base.hostname, port: base.port, method: 'POST', path: request.path, agent,
      headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: Number(process.hrtime.bigint() - started) / 1e6 }));
      res.on('error', () => resolve({ status: 0, body: '', ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', (err) => resolve({ status: 0, body: String(err.message), ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    req.end(body);
  });
}

/** An answer that is not a 200 or that holds GraphQL errors counts as an error. */
function failed(request: LoadRequest, status: number, body: string): boolean {
  return status !== 200 || (request.graphql && body.includes('"errors":['));
}

/**
 * `concurrency` workers send the request back to back for `seconds` (and never more than
 * maxRequests in all); the RSS of `pid` is sampled every 250 ms. Latencies are per request.
 */
export async function runCell(request: LoadRequest, options: { concurrency: number; seconds: number; maxRequests: number; pid?: number }): Promise<CellResult> {
  assertLoopback(request.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  let firstError: string | undefined;
  let peak: number | null = null;
  const sample = () => { const r = options.pid ? readRssMiB(options.pid) : null; if (r !== null && (peak === null || r > peak)) peak = r; };
  const sampler = setInterval(sample, 250);
  const started = process.hrtime.bigint();
  const until = Date.now() + options.seconds * 1000;
  const worker = async () => {
    while (Date.now() < until && sent < options.maxRequests) {
      sent += 1;
      const { status, body, ms } = await post(agent, request);
      latencies.push(ms);
      if (failed(request, status, body)) { errors += 1; firstError ??= `${status} ${body.slice(0, 200)}`; }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  sample();
  agent.destroy();
  const s = summarizeLatencies(latencies);
  return { requests: latencies.length, errors, rps: Math.round((latencies.length / seconds) * 10) / 10, p50: s.p50, p99: s.p99, seconds: Math.round(seconds * 10) / 10, peakRssMiB: peak, firstError };
}

/** The median of some numbers (the middle one, or the mean of the two middle ones). */
export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : Math.round(((s[m - 1] + s[m]) / 2) * 10) / 10;
}
