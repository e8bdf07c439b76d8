import { spawn, spawnSync, ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { projectRoot } from '../util/project-root';

/** The Neo4j LTS line the project runs; 5.26 is the last that runs on Java 17. */
export const NEO4J_VERSION = '5.26.30';

const JAVA_OPENS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--add-opens=java.base/java.util=ALL-UNNAMED',
];

export interface EmbeddedOptions {
  dataDir: string;
  cacheDir: string;
  /** 0 picks a free loopback port. */
  boltPort: number;
  heap: string;
  pageCacheMb: number;
  log?: (message: string) => void;
  /** How long start-up may take before the JVM is killed (default 120 s). */
  startTimeoutMs?: number;
  /** Told when the running JVM reports a panic or Neo4j's read-only failover on a full disk. */
  onEvent?: (event: EmbeddedEvent) => void;
  /** Aborting kills a JVM that is still starting (a SIGTERM during start-up). */
  signal?: AbortSignal;
}

/** What the Launcher reports on stdout after start-up (see Launcher.java). */
export interface EmbeddedEvent {
  kind: 'panic' | 'out-of-disk';
  database: string;
  cause: string;
}

export interface EmbeddedNeo4j {
  uri: string;
  user: string;
  password: string;
  pid: number;
  port: number;
  /** Stops the JVM cleanly (SIGTERM, then SIGKILL after a grace period). */
  stop(graceMs?: number): Promise<void>;
  /** Resolves when the JVM exits, for whatever reason. */
  exited: Promise<number | null>;
  /** The last lines the JVM printed, for a log line when it dies. */
  outputTail(): string;
}

/** Why the embedded Neo4j could not start; `reason` lets the supervisor say "disk full" on /ready. */
export class Neo4jStartError extends Error {
  constructor(readonly reason: 'read-only' | 'disk-full' | 'locked' | 'timeout' | 'no-java' | 'aborted' | 'failed', message: string) {
    super(message);
  }
}

/** Downloads the Neo4j jars with Maven into the cache once; later calls return at once. */
export function ensureNeo4jJars(cacheDir: string, log: (m: string) => void = () => {}): string {
  const libDir = path.join(cacheDir, `neo4j-${NEO4J_VERSION}`, 'lib');
  const marker = path.join(libDir, '.complete');
  if (fs.existsSync(marker)) return libDir;
  log(`fetching Neo4j ${NEO4J_VERSION} jars with Maven into ${libDir} (once; about 125 MB)`);
  fs.mkdirSync(libDir, { recursive: true });
  const pomDir = path.join(projectRoot(), 'src', 'db', 'embedded');
  const started = Date.now();
  const result = spawnSync(
    'mvn',
    ['-B', '-q', '-f', path.join(pomDir, 'pom.xml'), 'dependency:copy-dependencies',
      `-DoutputDirectory=${libDir}`, '-DincludeScope=runtime', `-Dneo4j.version=${NEO4J_VERSION}`],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (result.error) throw new Error(`could not run Maven (mvn): ${result.error.message}. Install Maven, or set NEO4J_URI to use an existing Neo4j.`);
  if (result.status !== 0) throw new Error(`Maven failed (exit ${result.status}) fetching the Neo4j jars; see its output above`);
  const jars = fs.readdirSync(libDir).filter((f) => f.endsWith('.jar'));
  const bytes = jars.reduce((sum, f) => sum + fs.statSync(path.join(libDir, f)).size, 0);
  fs.writeFileSync(marker, `${jars.length} jars, ${bytes} bytes\n`);
  log(`fetched ${jars.length} jars (${(bytes / 1048576).toFixed(1)} MiB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return libDir;
}

/** A free TCP port on 127.0.0.1, so that two checkouts can run tests at once. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The store's password lives beside the store, so a restart finds the one it was set up with. */
function storePassword(dataDir: string): string {
  const file = path.join(dataDir, '.neo4j-password');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const password = crypto.randomBytes(18).toString('base64url');
  fs.writeFileSync(file, password + '\n', { mode: 0o600 });
  return password;
}

function nearestExisting(dir: string): string {
  let current = path.resolve(dir);
  while (!fs.existsSync(current) && path.dirname(current) !== current) current = path.dirname(current);
  return current;
}

/** Bytes free (for us) on the disk that holds, or will hold, `dataDir`. */
export function freeBytes(dataDir: string): number {
  const stats = fs.statfsSync(nearestExisting(dataDir));
  return stats.bavail * stats.bsize;
}

/** Less than this free on the data folder's disk and Neo4j cannot even write its start-up checkpoint. */
const MIN_FREE_BYTES = 2 * 1024 * 1024;

/**
 * Checks before Java starts what would otherwise surface as a misleading lock error or a long
 * hang: a read-only data folder (EROFS, or no write permission) and a disk with no space left.
 */
export function assertDataDirUsable(dataDir: string): void {
  const store = path.join(dataDir, 'home');
  for (const dir of [nearestExisting(dataDir), ...(fs.existsSync(store) ? [store] : [])]) {
    try {
      fs.accessSync(dir, fs.constants.W_OK);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'EACCES';
      throw new Neo4jStartError('read-only', `data folder ${dataDir} is read-only (${code} on ${dir}); Neo4j needs to write its store there. Mount it read-write or set NEO4J_DATA_DIR to a writable folder.`);
    }
  }
  const free = freeBytes(dataDir);
  if (free < MIN_FREE_BYTES) {
    throw new Neo4jStartError('disk-full', `no space left on device: the disk of data folder ${dataDir} has ${Math.round(free / 1024)} KiB free; free some space and start again.`);
  }
}

/** Sorts a failed start by what the JVM printed, so the message names the real cause. */
function startFailure(tail: string, exitCode: number | null): Neo4jStartError {
  const failed = /NEO4J_FAILED (.*)/.exec(tail)?.[1];
  const detail = failed ?? tail.trim().split('\n').slice(-15).join('\n');
  if (/No space left on device/i.test(tail)) {
    return new Neo4jStartError('disk-full', `Neo4j could not start: no space left on device (the data folder's disk is full); free some space. ${detail}`);
  }
  if (/Read-only file system/i.test(tail)) {
    return new Neo4jStartError('read-only', `Neo4j could not start: the data folder is read-only. ${detail}`);
  }
  if (/FileLockException|locked by another process/.test(tail)) {
    return new Neo4jStartError('locked', `Neo4j could not start: another Neo4j holds this data folder (one process per store). ${detail}`);
  }
  return new Neo4jStartError('failed', `Neo4j ${exitCode === null ? 'failed' : `exited with code ${exitCode}`} before it was ready: ${detail}`);
}

/** Starts the real Neo4j engine in its own JVM and resolves once Bolt accepts queries. */
export async function startEmbeddedNeo4j(options: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  const log = options.log ?? (() => {});
  const startTimeoutMs = options.startTimeoutMs ?? 120000;
  assertDataDirUsable(options.dataDir);
  const libDir = ensureNeo4jJars(options.cacheDir, log);
  const port = options.boltPort === 0 ? await findFreePort() : options.boltPort;
  const password = storePassword(options.dataDir);
  const launcher = path.join(projectRoot(), 'src', 'db', 'embedded', 'Launcher.java');
  const args = [
    ...JAVA_OPENS, `-Xmx${options.heap}`, '-XX:+UseG1GC', '-Dfile.encoding=UTF-8',
    '-cp', path.join(libDir, '*'), launcher,
    path.join(options.dataDir, 'home'), String(port), String(options.pageCacheMb),
  ];
  if (options.signal?.aborted) throw new Neo4jStartError('aborted', 'start of Neo4j aborted');
  // The password travels in the environment, which only the same user (and root) can read, not in argv.
  const child: ChildProcess = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NEO4J_LAUNCH_PASSWORD: password } });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let tail = '';
  let isReady = false;
  let noSpace = false;
  let markReady = () => {};
  let fail = (_err: Neo4jStartError) => {};
  const remember = (text: string) => {
    tail = (tail + text).slice(-6000);
    // A full disk during start-up does not always end the JVM; waiting for the timeout would hide the cause.
    if (!isReady && !noSpace && /No space left on device/i.test(text)) {
      noSpace = true;
      setTimeout(() => { if (!isReady) fail(startFailure(tail, null)); }, 1000);
    }
  };
  child.stderr!.on('data', (chunk: Buffer) => remember(chunk.toString()));

  let partial = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    remember(text);
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('NEO4J_READY')) markReady();
      if (line.startsWith('NEO4J_FAILED')) fail(startFailure(tail, null));
      const event = /^NEO4J_(PANIC|OUT_OF_DISK) (\S+) ?(.*)$/.exec(line);
      if (event && isReady) options.onEvent?.({ kind: event[1] === 'PANIC' ? 'panic' : 'out-of-disk', database: event[2], cause: event[3] });
    }
  });

  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Neo4jStartError('timeout', `Neo4j did not start within ${startTimeoutMs / 1000} s:\n${tail.trim().split('\n').slice(-15).join('\n')}`)), startTimeoutMs);
    const abort = () => reject(new Neo4jStartError('aborted', 'start of Neo4j aborted'));
    options.signal?.addEventListener('abort', abort, { once: true });
    const settle = () => { clearTimeout(timer); options.signal?.removeEventListener('abort', abort); };
    markReady = () => { settle(); isReady = true; resolve(); };
    fail = (err) => { settle(); reject(err); };
    child.once('error', (err) => { settle(); reject(new Neo4jStartError('no-java', `could not run java: ${err.message}. Install Java 17+, or set NEO4J_URI.`)); });
    child.once('exit', (code) => { settle(); reject(startFailure(tail, code)); });
  });
  try {
    await ready;
  } catch (err) {
    // A JVM that did not become ready is killed and waited for, so none is left behind.
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      child.kill('SIGKILL');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((r) => { timer = setTimeout(r, 10000); })]);
      clearTimeout(timer);
    }
    throw err;
  }
  log(`Neo4j ${NEO4J_VERSION} ready on bolt://127.0.0.1:${port} (pid ${child.pid}, data ${options.dataDir})`);

  let stopping: Promise<void> | undefined;
  const stop = (graceMs = 20000): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(killer);
    })();
    return stopping;
  };
  return { uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password, pid: child.pid!, port, stop, exited, outputTail: () => tail };
}
