import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { findFreePort } from '../../src/db/embedded-neo4j';
import { benchRoot } from '../support/bench-root';
import { Neo4jCredentials } from './neo4j-graphql-server';

/**
 * Two server processes on one Neo4j: write through A (with the write token), read through B
 * and through A, and expect the new value every time, also after B has answered the same read
 * before the write (what a response cache would keep).
 */
export interface StalenessResult { ok: boolean; steps: { step: string; expected: string; got: string; ok: boolean }[] }

export async function startSecondServer(db: Neo4jCredentials, token: string, logDir: string, env: Record<string, string> = {}, logName = 'server-b.log'): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const root = benchRoot();
  const port = await findFreePort();
  const logFd = fs.openSync(path.join(logDir, logName), 'a');
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'dist', 'src', 'index.js')], {
    cwd: root, stdio: ['ignore', logFd, logFd],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', NEO4J_URI: db.uri, NEO4J_USER: db.user, NEO4J_PASSWORD: db.password, WRITE_TOKEN: token, RATE_LIMIT_POINTS: '0', ...env },
  });
  fs.closeSync(logFd);
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 240000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server B exited (${child.exitCode}); see ${logDir}/server-b.log`);
    const ready = await new Promise<boolean>((resolve) => {
      http.get(`${url}/ready`, (res) => { res.resume(); resolve(res.statusCode === 200); }).on('error', () => resolve(false));
    });
    if (ready) break;
    if (Date.now() > until) { child.kill('SIGKILL'); throw new Error('server B not ready in 240 s'); }
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url, pid: child.pid!,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function graphql(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<any> {
  const agent = new http.Agent({ keepAlive: false });
  const body = JSON.stringify({ query, variables });
  const res = await new Promise<{ status: number; body: string }>((resolve) => {
    const u = new URL(url);
    const headers: Record<string, string> = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
    if (token) headers.authorization = `Bearer ${token}`;
    const req = http.request({ host: u.hostname, port: u.port, method: 'POST', path: '/graphql', headers, agent }, (r) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => resolve({ status: r.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', (e) => resolve({ status: 0, body: JSON.stringify({ errors: [{ message: e.message }] }) }));
    req.end(body);
  });
  return JSON.parse(res.body || '{}');
}

const READ = 'query ($id: String!) { source(id: $id) { key title } }';
const WRITE = 'mutation ($input: IngestSourceInput!) { ingestSource(input: $input) { __typename } }';

export async function checkStaleness(a: string, b: string, token: string): Promise<StalenessResult> {
  const id = `bench-stale-${Date.now().toString(36)}`;
  const steps: StalenessResult['steps'] = [];
  const read = async (step: string, url: string, expected: string) => {
    const answer = await graphql(url, READ, { id });
    const got = answer.errors ? `error: ${answer.errors[0]?.message}` : String(answer.data?.source?.title ?? null);
    steps.push({ step, expected, got, ok: got === expected });
  };
  const write = async (step: string, title: string, replace: boolean) => {
    const answer = await graphql(a, WRITE, { input: { id, title, replace, language: 'en', text: `${title}: a benchmark note about Kazakhstan and CICA (${id}).` } }, token);
    steps.push({ step, expected: 'accepted', got: answer.errors ? `error: ${answer.errors[0]?.message}` : 'accepted', ok: !answer.errors });
  };
  await read('B before the write (twice, to fill any cache)', b, 'null');
  await read('B before the write, again', b, 'null');
  await read('A before the write', a, 'null');
  await write('write v1 through A', 'Bench note v1', false);
  await read('B after write v1', b, 'Bench note v1');
  await read('A after write v1', a, 'Bench note v1');
  await read('B after write v1, again', b, 'Bench note v1');
  await write('replace with v2 through A', 'Bench note v2', true);
  await read('B after write v2', b, 'Bench note v2');
  await read('A after write v2', a, 'Bench note v2');
  return { ok: steps.every((s) => s.ok), steps };
}
