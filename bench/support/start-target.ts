import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { bootstrapDatabase, DatabaseState } from '../../src/db/bootstrap';
import { CypherRegistry } from '../../src/db/cypher-registry';
import { Database } from '../../src/db/database';
import { EmbeddedNeo4j, findFreePort, startEmbeddedNeo4j } from '../../src/db/embedded-neo4j';
import { QUERY_NAMES } from '../../src/db/query-names';
import { SourceCatalog } from '../../src/graph/source/source-catalog';
import { startApp } from '../../src/http/app';
import { NameIndexCache } from '../../src/mentions/name-index-cache';
import { benchRoot } from './bench-root';
import { findChildPids } from './process-memory';
import { sendRequest } from './send-request';

export interface LoopDelay {
  maxMs: number;
  p99Ms: number;
  meanMs: number;
}

/** Where the load goes and what the scripts may check behind it. */
export interface Target {
  /** http://127.0.0.1:PORT */
  url: string;
  mode: 'child' | 'in-process' | 'external';
  writeToken?: string;
  /** Direct access to the graph, for the checksum; absent for a --url target without --neo4j-uri. */
  neo4j?: { uri: string; user: string; password: string };
  /** The server process (child mode: its own pid; in-process: this one). */
  serverPid?: number;
  /** The Neo4j JVM, when this script started it. */
  neo4jPid?: number;
  /** Strings no response may contain: the token, the database password, the data folder. */
  secrets: string[];
  /** The server's log file (child mode), to count the errors it logged. */
  logFile?: string;
  /** Node memory of the server (child mode over IPC, in-process directly); null when unknown. */
  readMemory(): Promise<{ rss: number; heapUsed: number; heapTotal: number } | null>;
  /** The server's event-loop delay since the last call (max, p99, mean in ms); null when unknown. */
  readLoopDelay(): Promise<LoopDelay | null>;
  /** Resolves with a description when the server process ends unexpectedly (child mode). */
  died: Promise<string>;
  stop(): Promise<void>;
}

export interface TargetOptions {
  /** An already running server; nothing is started. */
  url?: string;
  token?: string;
  neo4jUri?: string;
  neo4jUser?: string;
  neo4jPassword?: string;
  inProcess?: boolean;
  /** Extra environment for the server (child mode) or its config (in-process). */
  env?: Record<string, string>;
  heap?: string;
  pageCacheMb?: number;
  keepData?: boolean;
  log: (message: string) => void;
}

/** A token as long as the server requires (16+), never written to disk. */
export function generateToken(): string {
  return `bench-${crypto.randomBytes(24).toString('base64url')}`;
}

function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host)) {
    throw new Error(`refusing to send load to ${host}: these scripts only target 127.0.0.1`);
  }
}

async function waitForReady(url: string, deadlineMs: number, died: Promise<string>): Promise<void> {
  let dead: string | undefined;
  void died.then((why) => { dead = why; });
  const base = new URL(url);
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if (dead) throw new Error(`the server exited before it was ready: ${dead}`);
    const ex = await sendRequest(base, { path: '/ready' }, 3000);
    if (ex.status === 200) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server at ${url} was not ready within ${deadlineMs / 1000} s`);
}

/**
 * Starts what the fuzz or the soak needs: by default a throw-away Neo4j (temporary data folder,
 * free port) and the server as a child process (`node dist/src/index.js`, its own free port,
 * the write token and extra environment given), which applies the schema, loads the seed and
 * ingests the corpus itself; or the app in this process (inProcess); or nothing (url).
 */
export async function startTarget(options: TargetOptions): Promise<Target> {
  const root = benchRoot();
  if (options.url) {
    assertLoopback(options.url);
    const neo4j = options.neo4jUri ? { uri: options.neo4jUri, user: options.neo4jUser ?? 'neo4j', password: options.neo4jPassword ?? '' } : undefined;
    return {
      url: options.url.replace(/\/$/, ''), mode: 'external', writeToken: options.token, neo4j,
      secrets: [options.token, options.neo4jPassword].filter((s): s is string => Boolean(s)),
      readMemory: async () => null, readLoopDelay: async () => null, died: new Promise<string>(() => {}), stop: async () => {},
    };
  }

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cica-bench-neo4j-'));
  const token = options.token ?? generateToken();
  const config = loadConfig({ ...process.env, NEO4J_URI: '', WRITE_TOKEN: token, RATE_LIMIT_POINTS: '0', ...options.env }, root);
  const started = Date.now();
  let neo4j: EmbeddedNeo4j;
  try {
    neo4j = await startEmbeddedNeo4j({
      dataDir, cacheDir: config.embedded.cacheDir, boltPort: 0, heap: options.heap ?? '1g', pageCacheMb: options.pageCacheMb ?? 256,
      log: (m) => options.log(`[neo4j] ${m}`),
    });
  } catch (err) {
    if (!options.keepData) fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  options.log(`Neo4j ready in ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${neo4j.pid})`);
  const secrets = [token, neo4j.password, dataDir];
  const removeData = () => { if (!options.keepData) fs.rmSync(dataDir, { recursive: true, force: true }); };

  if (options.inProcess) {
    const db = new Database({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password, database: 'neo4j', queryTimeoutMs: config.queryTimeoutMs },
      new CypherRegistry(path.join(root, 'cypher', 'queries'), QUERY_NAMES));
    const catalog = new SourceCatalog();
    const names = new NameIndexCache();
    const state = new DatabaseState();
    const log = pino({ level: process.env.LOG_LEVEL ?? 'silent' });
    await bootstrapDatabase(db, catalog, state, { seedOnStart: true, corpusDir: config.corpusDir, ingestCorpus: true, names, log, quiet: true });
    // Pass the public-endpoint options only when this version of the code has them (AppDeps.http).
    const extra: Record<string, unknown> = {};
    const http = (config as unknown as Record<string, unknown>).http;
    if (http) extra.http = http;
    const deps = { ...extra, db, catalog, names, state, log, writeToken: token };
    const app = await startApp(deps, 0, '127.0.0.1');
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    options.log(`app ready in this process at ${app.url} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return {
      url: app.url, mode: 'in-process', writeToken: token, neo4j: { uri: neo4j.uri, user: neo4j.user, password: neo4j.password },
      serverPid: process.pid, neo4jPid: neo4j.pid, secrets,
      readMemory: async () => { const m = process.memoryUsage(); return { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal }; },
      readLoopDelay: async () => { const d = { maxMs: loop.max / 1e6, p99Ms: loop.percentile(99) / 1e6, meanMs: loop.mean / 1e6 }; loop.reset(); return d; },
      died: new Promise<string>(() => {}),
      stop: async () => { loop.disable(); await app.close().catch(() => {}); await db.close().catch(() => {}); await neo4j.stop(); removeData(); },
    };
  }

  const port = await findFreePort();
  const logFile = path.join(dataDir, 'server.log');
  const logFd = fs.openSync(logFile, 'a');
  const env: Record<string, string> = {
    ...Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => typeof e[1] === 'string')),
    PORT: String(port), HOST: '127.0.0.1', NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password,
    WRITE_TOKEN: token, RATE_LIMIT_POINTS: '0', LOG_LEVEL: 'info', ...options.env,
  };
  const reporter = path.join(root, 'dist', 'bench', 'support', 'server-probe.js');
  // BENCH_SERVER_NODE_ARGS: extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '-r', reporter, path.join(root, 'dist', 'src', 'index.js')], {
    cwd: root, env, stdio: ['ignore', logFd, logFd, 'ipc'],
  });
  fs.closeSync(logFd);
  const died = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(`server exited (code ${code}, signal ${signal}); log tail:\n${tailOf(logFile, 2000)}`));
  });
  let stopping = false;
  const stop = async () => {
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15000);
      await new Promise<void>((resolve) => child.once('exit', () => resolve()));
      clearTimeout(killer);
    }
    await neo4j.stop();
    removeData();
  };
  try {
    await waitForReady(`http://127.0.0.1:${port}`, 240000, died);
  } catch (err) {
    await stop();
    throw err;
  }
  options.log(`server ready as pid ${child.pid} at http://127.0.0.1:${port} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return {
    url: `http://127.0.0.1:${port}`, mode: 'child', writeToken: token, neo4j: { uri: neo4j.uri, user: neo4j.user, password: neo4j.password },
    serverPid: child.pid, neo4jPid: neo4j.pid, secrets, logFile,
    readMemory: () => ask(child, 'memory'),
    readLoopDelay: () => ask(child, 'loop'),
    died: died.then((why) => (stopping ? new Promise<string>(() => {}) : why)),
    stop,
  };
}

/** Asks the preloaded server-probe over IPC; null when it does not answer within 2 s. */
function ask(child: ChildProcess, type: 'memory'): Promise<{ rss: number; heapUsed: number; heapTotal: number } | null>;
function ask(child: ChildProcess, type: 'loop'): Promise<LoopDelay | null>;
function ask(child: ChildProcess, type: string): Promise<any> {
  if (!child.connected) return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = setTimeout(() => { child.off('message', onMessage); resolve(null); }, 2000);
    const onMessage = (message: any) => {
      if (message?.type !== type) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      const { type: _type, ...rest } = message;
      resolve(rest);
    };
    child.on('message', onMessage);
    child.send({ type });
  });
}

/** The last bytes of a file, for a message when a process dies. */
export function tailOf(file: string, bytes: number): string {
  try {
    const size = fs.statSync(file).size;
    const fd = fs.openSync(file, 'r');
    const buffer = Buffer.alloc(Math.min(bytes, size));
    fs.readSync(fd, buffer, 0, buffer.length, Math.max(0, size - buffer.length));
    fs.closeSync(fd);
    return buffer.toString('utf8');
  } catch {
    return '';
  }
}

/** The Neo4j JVM of a server that started its own (a `java` child of that pid), if any. */
export function findJavaOf(serverPid: number): number | undefined {
  return findChildPids(serverPid, 'java')[0];
}
