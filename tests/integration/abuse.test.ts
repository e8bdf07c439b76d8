import { startTestServer, TestServer } from '../support/test-server';

/** Requests a careless or hostile client sends: each gets a clear error code and changes nothing it must not. */
let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

const INGEST = `mutation($input: IngestSourceInput!) { ingestSource(input: $input) { id changed mentionCount } }`;

describe('writes', () => {
  it('refuses to turn an existing state into a source (CONFLICT) and leaves it as it was', async () => {
    const res = await server.write(INGEST, { input: { id: 'KAZ', text: 'AİGK Türkiye', title: 'Hijacked', url: 'http://evil' } });
    expect(res.errors?.[0].extensions.code).toBe('CONFLICT');
    const rows = await server.db.runText<{ url: string | null; type: string }>('MATCH (e:Entity {key: "KAZ"}) RETURN e.url AS url, e.type AS type', {});
    expect(rows).toEqual([{ url: null, type: 'State' }]);
  });

  it('answers an impossible date with BAD_USER_INPUT, without echoing the input', async () => {
    const res = await server.write(INGEST, { input: { id: 'test-bad-date', text: 'x'.repeat(5000), date: '2015-13-45' } });
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res).length).toBeLessThan(2000);
  });

  it('keeps UTF-16 offsets and snippets right after emoji', async () => {
    const text = '😀😀 Kazakhstan😀 joined CICA.';
    const res = await server.write(INGEST, { input: { id: 'test-emoji', text, language: 'en' } });
    expect(res.data.ingestSource.mentionCount).toBe(2);
    const { data } = await server.graphql('{ mentions(name: "CICA") { sources { source { key } spans { start end text before after } } } }');
    const span = data.mentions.sources.find((s: any) => s.source.key === 'test-emoji').spans[0];
    expect(span).toEqual({ start: 25, end: 29, text: 'CICA', before: '😀😀 Kazakhstan😀 joined ', after: '.' });
    expect(text.slice(span.start, span.end)).toBe('CICA');
  });
});

describe('request limits', () => {
  it('refuses more than 10 root fields', async () => {
    const query = `{ ${Array.from({ length: 11 }, (_, i) => `a${i}: neighborhood(name: "CICA") { center { key } }`).join(' ')} }`;
    const res = await server.graphql(query);
    expect(res.errors?.[0].message).toMatch(/at most 10 root fields/);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'ROOT_FIELD_LIMIT', limit: 10, measured: 11 });
    expect(res.data).toBeUndefined();
  });

  it('bounds the year range of MembershipTimeline', async () => {
    const res = await server.operation('MembershipTimeline', { organization: 'CICA', from: '0001-01-01', to: '9999-12-31' });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'from' });
  });

  it('answers a body that is not JSON with a JSON error and no stack trace', async () => {
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ __typename }"' });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(text).not.toMatch(/node_modules|at JSON\.parse/);
  });
});

describe('name resolution and search', () => {
  it('does not resolve function words to an organization', async () => {
    for (const name of ['AND', 'the', 'of']) {
      const res = await server.graphql('query($n: String!) { membersAsOf(organization: $n, date: "2015-11-11") { memberCount } }', { n: name });
      expect(res.data.membersAsOf).toBeNull();
    }
  });

  it('ranks Kazakhstan first for a prefix, before source titles, and finds keys', async () => {
    const prefix = await server.operation('EntitySearch', { text: 'Kaz' });
    expect(prefix.data.entitySearch[0].entity.key).toBe('KAZ');
    const key = await server.operation('EntitySearch', { text: 'KAZ' });
    expect(key.data.entitySearch[0].entity.key).toBe('KAZ');
  });
});

describe('pagination and ids', () => {
  it('keeps totalCount past the last page and refuses a cursor it did not give', async () => {
    const q = 'query($after: String) { entities(type: State, first: 100, after: $after) { totalCount pageInfo { endCursor hasNextPage } edges { node { key } } } }';
    const all = await server.graphql(q);
    const past = await server.graphql(q, { after: all.data.entities.pageInfo.endCursor });
    expect(past.data.entities.totalCount).toBe(all.data.entities.totalCount);
    expect(past.data.entities.edges).toEqual([]);
    const garbage = await server.graphql(q, { after: 'bm9wZQ' });
    expect(garbage.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    const empty = await server.graphql('{ entities(nameContains: "***") { totalCount } }');
    expect(empty.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers a claim id given to node() with NOT_FOUND', async () => {
    const id = Buffer.from('Claim:x').toString('base64url');
    const res = await server.graphql('query($id: ID!) { node(id: $id) { key } }', { id });
    expect(res.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });
});

describe('exports', () => {
  it('serves GraphML as GraphML, and a bad asOf as a JSON error, not a download', async () => {
    const graphml = await fetch(`${server.url}/export/graph.graphml`);
    expect(graphml.headers.get('content-type')).toMatch(/application\/graphml\+xml/);
    const bad = await fetch(`${server.url}/export/graph.json?asOf=2015-02-30`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-disposition')).toBeNull();
    const arrayOrg = await fetch(`${server.url}/export/cow-membership.csv?organization=CICA&organization=OSCE`);
    expect(arrayOrg.status).toBe(400);
    const hexYear = await fetch(`${server.url}/export/cow-membership.csv?from=0x7D0`);
    expect(hexYear.status).toBe(400);
  });
});
