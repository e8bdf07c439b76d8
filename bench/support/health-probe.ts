import { Worker } from 'node:worker_threads';

/** One /health probe: when it was sent (epoch ms), how long it took, what came back. */
export interface HealthSample {
  sentAt: number;
  ms: number;
  status: number;
  failure?: string;
}

// Plain JavaScript for the worker: it has its own event loop, so the time it measures is the
// server's, not the time the load generator's own work (parsing big answers) holds a callback back.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { url, intervalMs, timeoutMs } = workerData;
const base = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
let stopped = false;
parentPort.on('message', (m) => { if (m === 'stop') { stopped = true; agent.destroy(); process.exit(0); } });
function probe() {
  if (stopped) return;
  const sentAt = Date.now();
  const started = process.hrtime.bigint();
  let done = false;
  const finish = (status, failure) => {
    if (done) return;
    done = true;
    parentPort.postMessage({ sentAt, ms: Number(process.hrtime.bigint() - started) / 1e6, status, failure });
    setTimeout(probe, intervalMs);
  };
  const req = http.get({ host: base.hostname, port: base.port, path: '/health', agent }, (res) => {
    res.resume();
    res.on('end', () => finish(res.statusCode));
    res.on('error', (e) => finish(res.statusCode, e.code || 'error'));
  });
  req.setTimeout(timeoutMs, () => { finish(0, 'timeout'); req.destroy(); });
  req.on('error', (e) => finish(0, e.code || e.message));
}
probe();
`;

/** Probes GET /health every intervalMs from a worker thread until stopped. */
export function startHealthProbe(url: string, intervalMs: number, timeoutMs: number, onSample: (s: HealthSample) => void): { stop(): Promise<void> } {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { url, intervalMs, timeoutMs } });
  worker.on('message', onSample);
  worker.on('error', (err) => onSample({ sentAt: Date.now(), ms: 0, status: 0, failure: `probe worker failed: ${err.message}` }));
  return {
    stop: async () => {
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage('stop');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
      await worker.terminate().catch(() => {});
    },
  };
}
