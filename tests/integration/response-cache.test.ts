import { startTestServer, TestServer, TEST_WRITE_TOKEN } from '../support/test-server';

/**
 * The response cache of repeated reads (src/cache): hits skip GraphQL and Neo4j, and no answer
 * from before a write is served after it, also when the write went through another server on
 * the same Neo4j (two apps here, each with its own cache, like two processes).
 */
let a: TestServer;
let b: TestServer;
beforeAll(async () => { a = await startTestServer(); b = await startTestServer(); });
afterAll(async () => { await a?.close(); await b?.close(); });

const MENTIONS = 'query($name: String!) { mentions(name: $name, first: 200) { sources { source { key } } } }';
const INGEST = 'mutation($input: IngestSourceInput!) { ingestSource(input: $input) { id changed } }';

async function post(server: TestServer, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, cache: res.headers.get('x-cache'), bookmark: res.headers.get('neo4j-bookmark'), encoding: res.headers.get('content-encoding'), body: await res.json() as any };
}

const sourceKeys = (body: any): string[] => body.data.mentions.sources.map((s: any) => s.source.key);

describe('response cache', () => {
  it('serves a repeated query from the cache from its third time, with the same answer', async () => {
    const variables = { name: 'Turkmenistan' };
    const first = await post(a, MENTIONS, variables);
    const second = await post(a, MENTIONS, variables);
    const third = await post(a, MENTIONS, variables);
    expect(first.cache).toBeNull();
    expect(second.cache).toBeNull();
    expect(third.cache).toBe('hit');
    expect(third.body).toEqual(first.body);
    expect(sourceKeys(third.body)).toContain('004_2d1292f50a99c4ec');
  });

  it('never serves an answer from before a write, whichever server wrote', async () => {
    const variables = { name: 'Kyrgyzstan' };
    for (let i = 0; i < 3; i++) await post(b, MENTIONS, variables);
    const cached = await post(b, MENTIONS, variables);
    expect(cached.cache).toBe('hit');
    const id = `test-cache-${Date.now()}`;
    expect(sourceKeys(cached.body)).not.toContain(id);

    // The write goes through server a; server b's next read must see it.
    const written = await post(a, INGEST, { input: { id, text: 'Kyrgyzstan hosted a CICA meeting in Bishkek.', language: 'en' } }, { authorization: `Bearer ${TEST_WRITE_TOKEN}` });
    expect(written.body.data.ingestSource).toEqual({ id, changed: true });
    expect(written.bookmark).toMatch(/\S/);
    const after = await post(b, MENTIONS, variables);
    expect(after.cache).toBeNull();
    expect(sourceKeys(after.body)).toContain(id);
    // A read with the write's bookmark waits for it on any cluster member (here: the one Neo4j).
    const withBookmark = await post(a, MENTIONS, variables, { 'neo4j-bookmark': written.bookmark! });
    expect(sourceKeys(withBookmark.body)).toContain(id);
  });

  it('keeps neither errors nor mutations', async () => {
    const bad = 'query { mentions(name: "Kazakhstan", first: 0) { entity { key } } }';
    for (let i = 0; i < 3; i++) {
      const res = await post(a, bad, {});
      expect(res.cache).toBeNull();
      expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    const forbidden = 'mutation { ingestSource(input: { id: "test-cache-x", text: "x" }) { id } }';
    for (let i = 0; i < 3; i++) {
      const res = await post(a, forbidden, {});
      expect(res.cache).toBeNull();
      expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('compresses large answers for clients that accept gzip', async () => {
    const res = await post(a, '{ entities(first: 100) { edges { node { key name } } } }', {}, { 'accept-encoding': 'gzip' });
    expect(res.encoding).toBe('gzip');
    expect(res.body.data.entities.edges).toHaveLength(100);
  });
});
