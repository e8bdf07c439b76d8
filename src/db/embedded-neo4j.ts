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
  startTimeoutMs?: number;
}

export interface EmbeddedNeo4j {
  uri: string;
  user: string;
  password: string;
  pid: number;
  /** Stops the JVM cleanly (SIGTERM, then SIGKILL after a grace period). */
  stop(): Promise<void>;
  /** Resolves when the JVM exits, for whatever reason. */
  exited: Promise<number | null>;
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

/** Starts the real Neo4j engine in its own JVM and resolves once Bolt accepts queries. */
export async function startEmbeddedNeo4j(options: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  const log = options.log ?? (() => {});
  const libDir = ensureNeo4jJars(options.cacheDir, log);
  const port = options.boltPort === 0 ? await findFreePort() : options.boltPort;
  const password = storePassword(options.dataDir);
  const launcher = path.join(projectRoot(), 'src', 'db', 'embedded', 'Launcher.java');
  const args = [
    ...JAVA_OPENS, `-Xmx${options.heap}`, '-XX:+UseG1GC', '-Dfile.encoding=UTF-8',
    '-cp', path.join(libDir, '*'), launcher,
    path.join(options.dataDir, 'home'), String(port), password, String(options.pageCacheMb),
  ];
  const child: ChildProcess = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let tail = '';
  const remember = (chunk: Buffer) => { tail = (tail + chunk.toString()).slice(-4000); };
  child.stderr!.on('data', remember);

  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Neo4j did not start within ${(options.startTimeoutMs ?? 180000) / 1000} s:\n${tail}`)), options.startTimeoutMs ?? 180000);
    child.stdout!.on('data', (chunk: Buffer) => {
      remember(chunk);
      if (chunk.toString().includes('NEO4J_READY')) { clearTimeout(timer); resolve(); }
    });
    child.once('error', (err) => { clearTimeout(timer); reject(new Error(`could not run java: ${err.message}. Install Java 17+, or set NEO4J_URI.`)); });
    child.once('exit', (code) => {
      clearTimeout(timer);
      const locked = /lock|Lock/.test(tail) ? ' (another Neo4j may hold this data folder: one process per store)' : '';
      reject(new Error(`Neo4j exited with code ${code} before it was ready${locked}:\n${tail}`));
    });
  });
  try {
    await ready;
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  // Once started, keep the pipes drained so the JVM never blocks on a full buffer.
  child.stdout!.resume();
  log(`Neo4j ${NEO4J_VERSION} ready on bolt://127.0.0.1:${port} (pid ${child.pid}, data ${options.dataDir})`);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 20000);
      await exited;
      clearTimeout(killer);
    })();
    return stopping;
  };
  return { uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password, pid: child.pid!, stop, exited };
}
