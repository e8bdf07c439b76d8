import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4jDriver from 'neo4j-driver';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { bootstrapInBackground, DatabaseState } from '../../src/db/bootstrap';
import { CypherRegistry } from '../../src/db/cypher-registry';
import { Database } from '../../src/db/database';
import { DatabaseHealth } from '../../src/db/database-health';
import { Neo4jSupervisor, SupervisorOptions } from '../../src/db/neo4j-supervisor';
import { QUERY_NAMES } from '../../src/db/query-names';
import { SourceCatalog } from '../../src/graph/source/source-catalog';
import { startApp, RunningApp } from '../../src/http/app';
import { NameIndexCache } from '../../src/mentions/name-index-cache';

/**
 * The embedded Neo4j under supervision, wired as src/index.ts wires it (Neo4jSupervisor,
 * DatabaseHealth, Database, startApp), on its own data folder and port: kill -9 and SIGSTOP
 * of the JVM, a full disk and a read-only data folder. Each test prints what it measured.
 */
const root = path.resolve(__dirname, '..', '..');
const config = loadConfig(process.env, root);
const quiet = pino({ level: 'silent' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const report = (line: string) => process.stderr.write(`[supervision] ${line}\n`);

const waitFor = async (check: () => Promise<boolean> | boolean, ms: number, everyMs = 250) => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await sleep(everyMs);
  }
  return false;
};
const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };
/** JVMs whose command line names this data folder (the Launcher gets <dataDir>/home). */
const javaFor = (dataDir: string) => fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p)).filter((p) => {
  try { return fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(path.join(dataDir, 'home')); } catch { return false; }
}).map(Number);

interface Stack {
  supervisor: Neo4jSupervisor;
  health: DatabaseHealth;
  db: Database;
  app: RunningApp;
  state: DatabaseState;
  close(): Promise<void>;
}

/** What src/index.ts does, minus config and signals. */
async function startStack(dataDir: string, options: Partial<SupervisorOptions> & { seed: boolean }): Promise<Stack> {
  const supervisor = new Neo4jSupervisor({ dataDir, cacheDir: config.embedded.cacheDir, boltPort: 0, heap: '768m', pageCacheMb: 128, ...options }, quiet);
  const neo4j = await supervisor.start();
  const health = new DatabaseHealth({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password, database: 'neo4j' }).start();
  supervisor.watch(health);
  const db = new Database({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password, database: 'neo4j', queryTimeoutMs: 30000 },
    new CypherRegistry(path.join(root, 'cypher', 'queries'), QUERY_NAMES), health);
  const state = new DatabaseState();
  const catalog = new SourceCatalog();
  if (options.seed) await bootstrapInBackground(db, catalog, state, { seedOnStart: true, corpusDir: config.corpusDir, log: quiet, quiet: true }).done;
  else Object.assign(state, { schemaApplied: true, seeded: true });
  const app = await startApp({ db, catalog, names: new NameIndexCache(), state, log: quiet, health }, 0, '127.0.0.1');
  let closed = false;
  return {
    supervisor, health, db, app, state,
    close: async () => {
      if (closed) return;
      closed = true;
      await app.close();
      await health.stop();
      await db.close();
      await supervisor.stop();
    },
  };
}

const KAZ = '{ state(name: "Kazakistan") { key } }';
async function ask(app: RunningApp, query = KAZ): Promise<{ data?: any; errors?: any[] }> {
  const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return (await res.json()) as any;
}
async function ready(app: RunningApp): Promise<{ status: number; body: any; ms: number }> {
  const started = Date.now();
  const res = await fetch(`${app.url}/ready`);
  return { status: res.status, body: await res.json(), ms: Date.now() - started };
}
/** A failure as a client sees it: UNAVAILABLE, with no stack trace or connection details. */
function expectCleanUnavailable(body: { errors?: any[] }) {
  expect(body.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
  expect(body.errors![0].extensions.stacktrace).toBeUndefined();
  expect(JSON.stringify(body)).not.toMatch(/bolt|127\.0\.0\.1|Neo4jError|ServiceUnavailable|\.js:\d+/);
}

/** CI runs as root; elsewhere a tmpfs cannot be mounted and those tests are skipped. */
function canMountTmpfs(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'cica-mount-probe-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe]).status === 0;
  if (mounted) spawnSync('umount', [probe]);
  fs.rmSync(probe, { recursive: true, force: true });
  return mounted;
}
const tmpfsOk = canMountTmpfs();
if (!tmpfsOk) report('SKIPPING the full-disk and read-only-mount tests: cannot mount a tmpfs here (needs root and mount rights)');
const mounts: string[] = [];
function mountTmpfs(options: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cica-tmpfs-'));
  const result = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`mount failed: ${result.stderr}`);
  mounts.push(dir);
  return dir;
}
/** Fills the disk under `dir` so that only `leaveBytes` stay free. */
function fillDisk(dir: string, leaveBytes: number): string {
  const filler = path.join(dir, 'filler');
  const stats = fs.statfsSync(dir);
  const size = stats.bavail * stats.bsize - leaveBytes;
  const result = spawnSync('fallocate', ['-l', String(size), filler], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`fallocate failed: ${result.stderr}`);
  return filler;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cica-supervision-'));
let stack: Stack;

beforeAll(async () => {
  const started = Date.now();
  // Hung past 10 s: killed and restarted (the SIGSTOP test stops for less).
  stack = await startStack(dataDir, { seed: true, hungRestartMs: 10000 });
  report(`supervised Neo4j started and seeded in ${Date.now() - started} ms (pid ${stack.supervisor.neo4j!.pid})`);
}, 300000);

afterAll(async () => {
  await stack?.close();
  for (const dir of mounts) spawnSync('umount', ['-l', dir]);
  for (const dir of [dataDir, ...mounts]) fs.rmSync(dir, { recursive: true, force: true });
}, 120000);

describe('the supervised embedded Neo4j', () => {
  it('restarts after kill -9 during a stream of reads: failures are UNAVAILABLE, then every read is right again', async () => {
    const { app, supervisor } = stack;
    expect((await ready(app)).status).toBe(200);
    const pid = supervisor.neo4j!.pid;
    const samples: { at: number; ms: number; ok: boolean; body: any }[] = [];
    let killedAt = 0;
    let stop = false;
    const deadline = Date.now() + 240000;
    const client = async () => {
      while (!stop && Date.now() < deadline) {
        const at = Date.now();
        const body = await ask(app).catch((err) => ({ transport: String(err) }));
        const ok = (body as any).data?.state?.key === 'KAZ';
        samples.push({ at, ms: Date.now() - at, ok, body });
        await sleep(ok ? 10 : 50);
      }
    };
    const clients = Array.from({ length: 5 }, () => client());
    await sleep(1000);
    const states: string[] = [];
    const unwatch = stack.health.onChange((state) => states.push(`${state}@${Date.now() - killedAt}ms`));
    killedAt = Date.now();
    process.kill(pid, 'SIGKILL');
    const recovered = await waitFor(() => samples.some((s) => s.ok && s.at > killedAt), 240000);
    const firstOk = samples.filter((s) => s.ok && s.at > killedAt).sort((a, b) => a.at - b.at)[0];
    // Keep reading a while after recovery: every one of those must be right.
    await sleep(3000);
    stop = true;
    await Promise.all(clients);
    unwatch();

    expect(recovered).toBe(true);
    const recoveryMs = firstOk.at + firstOk.ms - killedAt;
    const failed = samples.filter((s) => !s.ok);
    const after = samples.filter((s) => s.at > firstOk.at);
    const maxFailureMs = Math.max(0, ...failed.filter((s) => s.at > killedAt).map((s) => s.ms));
    const status = await ready(app);
    report(`kill -9: ${samples.length} requests from 5 clients, ${failed.length} failed (all UNAVAILABLE), slowest failure ${maxFailureMs} ms, `
      + `answering again ${recoveryMs} ms after the kill (that first answer took ${firstOk.ms} ms), ${after.length} reads after recovery all right, /ready ${status.status} restarts=${status.body.restarts}, pid ${pid} -> ${supervisor.neo4j?.pid}, health ${states.join(' ')}`);
    for (const s of failed) expectCleanUnavailable(s.body);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((s) => s.ok)).toBe(true);
    expect(status.status).toBe(200);
    expect(status.body.restarts).toBeGreaterThanOrEqual(1);
    expect(supervisor.neo4j!.pid).not.toBe(pid);
    expect(alive(pid)).toBe(false);
  }, 300000);

  it('fails every request fast while the JVM is stopped (SIGSTOP), says why on /ready, and recovers on SIGCONT', async () => {
    const { app, supervisor } = stack;
    expect(await waitFor(async () => (await ready(app)).status === 200, 60000)).toBe(true);
    const pid = supervisor.neo4j!.pid;
    const samples: { ms: number; body: any }[] = [];
    const readies: { at: number; status: number; ms: number; reason?: string }[] = [];
    let stoppedAt = 0;
    process.kill(pid, 'SIGSTOP');
    try {
      stoppedAt = Date.now();
      const until = stoppedAt + 4000;
      const client = async () => {
        while (Date.now() < until) {
          const at = Date.now();
          const body = await ask(app).catch((err) => ({ transport: String(err) }));
          samples.push({ ms: Date.now() - at, body });
          await sleep(20);
        }
      };
      const probeReady = async () => {
        while (Date.now() < until) {
          const r = await ready(app);
          readies.push({ at: Date.now() - stoppedAt, status: r.status, ms: r.ms, reason: r.body.reason });
          await sleep(300);
        }
      };
      await Promise.all([...Array.from({ length: 30 }, () => client()), probeReady()]);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    const resumedAt = Date.now();
    const back = await waitFor(async () => (await ready(app)).status === 200, 60000, 100);
    const backMs = Date.now() - resumedAt;
    const read = await ask(app);

    const maxMs = Math.max(...samples.map((s) => s.ms));
    const maxReadyMs = Math.max(...readies.map((r) => r.ms));
    const late = readies.filter((r) => r.at > 2000);
    report(`SIGSTOP: ${samples.length} requests from 30 clients in 4 s, ${samples.filter((s) => s.body.errors?.[0]?.extensions?.code === 'UNAVAILABLE').length} UNAVAILABLE, `
      + `slowest ${maxMs} ms; /ready ${readies.length} checks, slowest ${maxReadyMs} ms, reasons ${[...new Set(readies.map((r) => r.reason ?? 'ready'))].join(', ')}; ready again ${backMs} ms after SIGCONT`);
    for (const s of samples) expectCleanUnavailable(s.body);
    expect(maxMs).toBeLessThan(2500);
    expect(maxReadyMs).toBeLessThan(1000);
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((r) => r.status === 503 && r.reason === 'database hung')).toBe(true);
    expect(back).toBe(true);
    expect(read).toEqual({ data: { state: { key: 'KAZ' } } });
    expect(supervisor.neo4j!.pid).toBe(pid);
  }, 120000);

  it('kills and restarts a JVM that stays stopped past the hung limit (10 s here)', async () => {
    const { app, supervisor } = stack;
    expect(await waitFor(async () => (await ready(app)).status === 200, 60000)).toBe(true);
    const pid = supervisor.neo4j!.pid;
    const stoppedAt = Date.now();
    process.kill(pid, 'SIGSTOP');
    try {
      const restarted = await waitFor(async () => supervisor.neo4j !== undefined && supervisor.neo4j.pid !== pid && (await ready(app)).status === 200, 240000, 250);
      const ms = Date.now() - stoppedAt;
      report(`hung JVM: killed and answering again ${ms} ms after SIGSTOP (pid ${pid} -> ${supervisor.neo4j?.pid})`);
      expect(restarted).toBe(true);
    } finally {
      if (alive(pid)) process.kill(pid, 'SIGCONT');
    }
    expect(alive(pid)).toBe(false);
    expect((await ask(app)).data.state.key).toBe('KAZ');
  }, 300000);

  it('keeps the Neo4j password off the JVM command line', () => {
    const { pid, password } = stack.supervisor.neo4j!;
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    report(`password: not in /proc/${pid}/cmdline (${cmdline.split('\0').length} arguments)`);
    expect(cmdline).toContain('Launcher.java');
    expect(cmdline).not.toContain(password);
  });

  it('stops without restarting and leaves no JVM behind', async () => {
    const { supervisor, health } = stack;
    const pid = supervisor.neo4j!.pid;
    const restarts = health.snapshot().restarts;
    const started = Date.now();
    await stack.close();
    const stopMs = Date.now() - started;
    await sleep(2000);
    report(`stop: ${stopMs} ms, no restart afterwards (restarts still ${restarts})`);
    expect(alive(pid)).toBe(false);
    expect(supervisor.neo4j).toBeUndefined();
    expect(supervisor.restarts).toBe(restarts);
    expect(javaFor(dataDir)).toEqual([]);
  }, 120000);
});

describe('a start that takes too long', () => {
  it('kills the JVM that did not become ready and says so', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cica-slow-start-'));
    try {
      const supervisor = new Neo4jSupervisor({ dataDir: dir, cacheDir: config.embedded.cacheDir, boltPort: 0, heap: '512m', pageCacheMb: 32, startTimeoutMs: 1500 }, quiet);
      const started = Date.now();
      const err = await supervisor.start().then(() => undefined, (e: Error & { reason?: string }) => e);
      const ms = Date.now() - started;
      const left = javaFor(dir);
      report(`start timeout 1500 ms: failed after ${ms} ms with reason ${err?.reason}, JVMs left: ${left.length}`);
      expect(err?.reason).toBe('timeout');
      expect(err?.message).toMatch(/did not start within 1.5 s/);
      expect(ms).toBeLessThan(15000);
      expect(left).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60000);
});

describe('a data folder Neo4j cannot write', () => {
  const readOnlyIt = tmpfsOk || process.getuid?.() !== 0 ? it : it.skip;
  readOnlyIt('says the data folder is read-only, before starting Java, not that another Neo4j holds it', async () => {
    let folder: string;
    if (tmpfsOk) {
      folder = mountTmpfs('ro,size=1m');
    } else {
      // Not root: a folder without write permission stands for a read-only mount.
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cica-ro-'));
      fs.chmodSync(folder, 0o555);
    }
    const target = path.join(folder, 'neo4j');
    const supervisor = new Neo4jSupervisor({ dataDir: target, cacheDir: config.embedded.cacheDir, boltPort: 0, heap: '512m', pageCacheMb: 32 }, quiet);
    const started = Date.now();
    const err = await supervisor.start().then(() => undefined, (e: Error) => e);
    const ms = Date.now() - started;
    report(`read-only data folder: refused in ${ms} ms: ${err?.message}`);
    expect(err?.message).toMatch(new RegExp(`data folder ${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is read-only`));
    expect(err?.message).not.toMatch(/another Neo4j/);
    expect(ms).toBeLessThan(5000);
    expect(javaFor(target)).toEqual([]);
    if (!tmpfsOk) fs.chmodSync(folder, 0o755);
  }, 60000);
});

describe('a full disk', () => {
  const diskIt = tmpfsOk ? it : it.skip;
  diskIt('answers INSUFFICIENT_STORAGE to the write that fills it, restarts Neo4j once space is freed, and refuses to start on it', async () => {
    const disk = mountTmpfs('size=300m');
    const full = await startStack(path.join(disk, 'neo4j'), { seed: false, hungRestartMs: 0 });
    try {
      const { db, app, health, supervisor } = full;
      await db.runText('CREATE (:Filler {i: 0})', {}, neo4jDriver.routing.WRITE);
      const filler = fillDisk(disk, 4096);

      const writeStarted = Date.now();
      const err = await db.runText('UNWIND range(1, $n) AS i CREATE (:Filler {i: i, s: $s})', { n: 2000, s: 'x'.repeat(2000) }, neo4jDriver.routing.WRITE)
        .then(() => undefined, (e) => e);
      const writeMs = Date.now() - writeStarted;
      expect(err?.extensions).toMatchObject({ code: 'INSUFFICIENT_STORAGE', retryable: true });
      expect(err.message).toBe("The database's disk is full; writes are refused until space is freed");

      // Neo4j panics on the failed commit; the supervisor restarts it, which cannot succeed while the disk is full.
      expect(await waitFor(async () => (await ready(app)).body.reason === 'disk full', 30000)).toBe(true);
      const whileFull = await ready(app);
      const readStarted = Date.now();
      const readWhileFull = await db.runText('MATCH (n:Filler) RETURN count(n) AS c', {}).then(() => 'ok', (e) => e.extensions.code);
      const readMs = Date.now() - readStarted;
      const writeWhileFull = await db.runText('CREATE (:Filler {i: -1})', {}, neo4jDriver.routing.WRITE).then(() => 'ok', (e) => e.extensions.code);
      // The panicked JVM is stopped and not started again while there is no room.
      expect(await waitFor(() => supervisor.neo4j === undefined, 30000)).toBe(true);
      await sleep(2000);
      expect(supervisor.neo4j).toBeUndefined();

      const freedAt = Date.now();
      fs.rmSync(filler);
      const back = await waitFor(async () => (await ready(app)).status === 200, 180000, 250);
      const recoveryMs = Date.now() - freedAt;
      await db.runText('CREATE (:Filler {i: 1})', {}, neo4jDriver.routing.WRITE);
      const [{ c }] = await db.runText<{ c: number }>('MATCH (n:Filler) RETURN count(n) AS c', {});
      report(`full disk: the filling write failed in ${writeMs} ms with INSUFFICIENT_STORAGE; then /ready ${whileFull.status} reason "${whileFull.body.reason}", `
        + `a read got ${readWhileFull} in ${readMs} ms, a write ${writeWhileFull}; after freeing space ready again in ${recoveryMs} ms, ${c} nodes, restarts ${health.snapshot().restarts}`);
      expect(whileFull.status).toBe(503);
      // A panicked Neo4j refuses reads too until it restarts, and it cannot restart on a full disk.
      expect(readWhileFull).toBe('UNAVAILABLE');
      expect(writeWhileFull).toBe('INSUFFICIENT_STORAGE');
      expect(back).toBe(true);
      expect(c).toBe(2);
      expect(health.snapshot()).toMatchObject({ state: 'up', diskFull: false });
    } finally {
      await full.close();
    }

    // Start-up on a full disk: fails fast with the real cause, no JVM left, the server exits non-zero.
    fillDisk(disk, 4096);
    const fresh = path.join(disk, 'fresh');
    const supervisor = new Neo4jSupervisor({ dataDir: fresh, cacheDir: config.embedded.cacheDir, boltPort: 0, heap: '512m', pageCacheMb: 32 }, quiet);
    const started = Date.now();
    const startErr = await supervisor.start().then(() => undefined, (e: Error) => e);
    const startMs = Date.now() - started;
    expect(startErr?.message).toMatch(/no space left on device/i);
    expect(startMs).toBeLessThan(30000);

    const entry = path.join(root, 'dist', 'src', 'index.js');
    if (!fs.existsSync(entry)) throw new Error('build first (npx tsc -p tsconfig.json): the start-up check runs dist/src/index.js');
    const serverStarted = Date.now();
    const server = spawn('node', [entry], {
      cwd: root, stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NEO4J_URI: '', PORT: '0', NEO4J_BOLT_PORT: '0', NEO4J_DATA_DIR: fresh, NEO4J_HEAP: '512m', NEO4J_PAGECACHE_MB: '32' },
    });
    let output = '';
    server.stdout!.on('data', (c: Buffer) => { output += c.toString(); });
    server.stderr!.on('data', (c: Buffer) => { output += c.toString(); });
    let killer: NodeJS.Timeout | undefined;
    const exitCode = await new Promise<number | null | 'timeout'>((resolve) => {
      server.once('exit', (code) => resolve(code));
      killer = setTimeout(() => { server.kill('SIGKILL'); resolve('timeout'); }, 30000);
    });
    clearTimeout(killer);
    const serverMs = Date.now() - serverStarted;
    report(`start-up on a full disk: refused in ${startMs} ms ("${startErr?.message}"); the server exited with code ${exitCode} after ${serverMs} ms; JVMs left: ${javaFor(fresh).length}`);
    expect(exitCode).toBe(1);
    expect(output).toMatch(/no space left on device/i);
    expect(javaFor(fresh)).toEqual([]);
  }, 400000);
});
