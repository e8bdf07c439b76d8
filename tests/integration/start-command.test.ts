import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from '../../src/db/embedded-neo4j';

/**
 * The start command itself (what `npm start` runs after building): it starts the embedded
 * Neo4j and the server, answers from Neo4j, keeps the data across a restart, and leaves no
 * Java process behind when stopped with SIGTERM.
 */
const root = path.resolve(__dirname, '..', '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cica-start-'));
let boltPort: number;

interface Started { child: ChildProcess; url: string; javaPid: number; log: string[] }

async function start(): Promise<Started> {
  const child = spawn('node', ['dist/src/index.js'], {
    cwd: root,
    env: { ...process.env, NEO4J_URI: '', PORT: '0', NEO4J_BOLT_PORT: String(boltPort), NEO4J_DATA_DIR: dataDir, NEO4J_HEAP: '768m', NEO4J_PAGECACHE_MB: '128' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  let url = '';
  let javaPid = 0;
  const onLine = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      log.push(line);
      const listening = /"url":"(http:\/\/[^"]+)\/graphql"/.exec(line);
      if (listening) url = listening[1];
      const java = /\(pid (\d+), data/.exec(line);
      if (java) javaPid = Number(java[1]);
    }
  };
  child.stdout!.on('data', onLine);
  child.stderr!.on('data', onLine);
  const until = Date.now() + 150000;
  while (Date.now() < until) {
    if (url) {
      const ready = await fetch(`${url}/ready`).then((r) => r.status).catch(() => 0);
      if (ready === 200) return { child, url, javaPid, log };
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not become ready:\n${log.slice(-20).join('\n')}`);
}

async function stop(s: Started): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => s.child.once('exit', (code) => resolve(code)));
  s.child.kill('SIGTERM');
  return exited;
}

const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };
const askKazakhstan = async (url: string) => {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ state(name: "Kazakistan") { key name } }' }) });
  return ((await res.json()) as any).data.state;
};

beforeAll(async () => { boltPort = await findFreePort(); });
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('the start command', () => {
  it('starts Neo4j and the server, keeps the data across a restart, and stops without leaving Java behind', async () => {
    const first = await start();
    expect(await askKazakhstan(first.url)).toEqual({ key: 'KAZ', name: 'Kazakhstan' });
    expect(first.log.some((l) => l.includes('"msg":"seed loaded"'))).toBe(true);
    expect(alive(first.javaPid)).toBe(true);
    expect(await stop(first)).toBe(0);
    expect(alive(first.javaPid)).toBe(false);

    const second = await start();
    // The store kept the graph: the loader finds it already holds these seed files.
    expect(second.log.some((l) => l.includes('"msg":"seed unchanged"'))).toBe(true);
    expect(await askKazakhstan(second.url)).toEqual({ key: 'KAZ', name: 'Kazakhstan' });
    expect(await stop(second)).toBe(0);
    expect(alive(second.javaPid)).toBe(false);
  });
});
