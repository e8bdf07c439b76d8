import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { benchRoot } from '../support/bench-root';
import { LocalServer, Neo4jCredentials, startNeo4jGraphqlServer, startTrivialApollo } from './neo4j-graphql-server';
import { startRawCypherServer } from './raw-cypher-server';

/**
 * The other servers under test each run in a process of their own, like ours, so that none
 * shares a CPU thread with the load generator and each has its own RSS. Over IPC: 'ready' with
 * the URL, and the count of Neo4j queries it sent on request.
 */
export type ChildKind = 'neo4j-graphql' | 'raw' | 'apollo-trivial';

export interface ChildServer { kind: ChildKind; url: string; pid: number; queries(): Promise<number>; close(): Promise<void> }

export async function spawnChildServer(kind: ChildKind, db: Neo4jCredentials): Promise<ChildServer> {
  const script = path.join(benchRoot(), 'dist', 'bench', 'compare', 'child-server.js');
  const child: ChildProcess = spawn(process.execPath, [script, kind], {
    env: { ...process.env, BENCH_NEO4J_URI: db.uri, BENCH_NEO4J_USER: db.user, BENCH_NEO4J_PASSWORD: db.password },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} server not ready in 60 s`)), 60000);
    child.once('exit', (code) => reject(new Error(`${kind} server exited (${code})`)));
    child.on('message', (m: any) => { if (m?.type === 'ready') { clearTimeout(timer); resolve(m.url); } });
  });
  const queries = () => new Promise<number>((resolve) => {
    const onMessage = (m: any) => { if (m?.type === 'queries') { child.off('message', onMessage); resolve(m.count); } };
    child.on('message', onMessage);
    child.send({ type: 'queries' });
  });
  const close = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 10000);
    await exited;
    clearTimeout(killer);
  };
  return { kind, url, pid: child.pid!, queries, close };
}

async function main(kind: ChildKind): Promise<void> {
  const db = { uri: process.env.BENCH_NEO4J_URI ?? '', user: process.env.BENCH_NEO4J_USER ?? 'neo4j', password: process.env.BENCH_NEO4J_PASSWORD ?? '' };
  const server: LocalServer = kind === 'raw' ? await startRawCypherServer(db)
    : kind === 'neo4j-graphql' ? await startNeo4jGraphqlServer(db) : await startTrivialApollo();
  process.on('message', (m: any) => { if (m?.type === 'queries') process.send?.({ type: 'queries', count: server.queries() }); });
  process.on('SIGTERM', () => { void server.close().finally(() => process.exit(0)); });
  process.on('disconnect', () => { void server.close().finally(() => process.exit(0)); });
  process.send?.({ type: 'ready', url: server.url });
}

if (require.main === module) {
  main(process.argv[2] as ChildKind).catch((err) => { process.stderr.write(`[child-server] ${err?.stack ?? err}\n`); process.exit(1); });
}
