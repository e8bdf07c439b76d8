import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { bootstrapInBackground, DatabaseState } from '../../src/db/bootstrap';
import { EmbeddedNeo4j, findFreePort, startEmbeddedNeo4j } from '../../src/db/embedded-neo4j';
import { SourceCatalog } from '../../src/graph/source/source-catalog';
import { startApp, RunningApp } from '../../src/http/app';
import { loadConfig } from '../../src/config';
import { NameIndexCache } from '../../src/mentions/name-index-cache';
import { testDatabase } from '../support/test-server';

/**
 * Runs its own Neo4j (not the shared test one) so it can stop and restart it: the server must
 * stay up, say 503 on /ready and UNAVAILABLE on queries, and recover by itself, with the data kept.
 */
const config = loadConfig(process.env, path.resolve(__dirname, '..', '..'));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cica-availability-'));
let port: number;
let neo4j: EmbeddedNeo4j | undefined;
let app: RunningApp;
const db = { current: undefined as ReturnType<typeof testDatabase> | undefined };

const startNeo4j = async () => startEmbeddedNeo4j({ dataDir, cacheDir: config.embedded.cacheDir, boltPort: port, heap: '768m', pageCacheMb: 128 });
const ask = async () => {
  const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ state(name: "Kazakistan") { key } }' }) });
  return (await res.json()) as any;
};
const ready = async () => (await fetch(`${app.url}/ready`)).status;
const waitFor = async (check: () => Promise<boolean>, ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
};

beforeAll(async () => {
  port = await findFreePort();
  neo4j = await startNeo4j();
  db.current = testDatabase(neo4j.uri, neo4j.password);
  const state = new DatabaseState();
  const catalog = new SourceCatalog();
  const log = pino({ level: 'silent' });
  await bootstrapInBackground(db.current, catalog, state, { seedOnStart: true, corpusDir: config.corpusDir, log, quiet: true }).done;
  app = await startApp({ db: db.current, catalog, names: new NameIndexCache(), state, log }, 0, '127.0.0.1');
});

afterAll(async () => {
  await app?.close();
  await db.current?.close();
  await neo4j?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('when Neo4j goes away and comes back', () => {
  it('stays up, answers 503 and UNAVAILABLE while it is down, and recovers with the data kept', async () => {
    expect(await ready()).toBe(200);
    expect((await ask()).data.state.key).toBe('KAZ');

    await neo4j!.stop();
    expect((await fetch(`${app.url}/health`)).status).toBe(200);
    expect(await ready()).toBe(503);
    const started = Date.now();
    const down = await ask();
    const tookMs = Date.now() - started;
    expect(down.errors[0].extensions.code).toBe('UNAVAILABLE');
    expect(down.errors[0].message).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|bolt/);
    process.stderr.write(`[availability] query with Neo4j down failed in ${tookMs} ms\n`);

    neo4j = await startNeo4j();
    expect(await waitFor(async () => (await ready()) === 200, 60000)).toBe(true);
    // Same store, restarted: the seeded graph is still there.
    expect((await ask()).data.state.key).toBe('KAZ');
  });
});
