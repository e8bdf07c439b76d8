import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_REQUEST_LIMITS } from '../../src/plugins/limits/request-limits';
import { parse } from 'graphql';
import { buildAppSchema } from '../../src/graph/build-schema';
import { estimateQueryCost } from '../../src/plugins/limits/query-cost';
import { readOperation, startTestServer, TestServer, TEST_WRITE_TOKEN } from '../support/test-server';

/**
 * What a stranger on a public endpoint can do: each hostile request is refused fast with its own
 * code while /health keeps answering, writes need the configured credential, and stored evidence
 * is never replaced. Every test prints what it measured.
 */
let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

const report = (what: string) => process.stderr.write(`[public-endpoint] ${what}\n`);

/**
 * The issue's targets (refusal under 50 ms, /health under 100 ms) hold on a quiet machine; on a
 * loaded one (CI beside other jobs) timing is noise, so by default the tests only catch a freeze
 * (the old code took 7 s to 10 min) and print what they measured. TIMING_STRICT=1 asserts the targets.
 */
const STRICT = /^(1|true)$/.test(process.env.TIMING_STRICT ?? '');
const REFUSAL_MS = STRICT ? 50 : 1000;
const HEALTH_MS = STRICT ? 100 : 1000;

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

/** Polls /health every `everyMs` while `work` runs; returns the slowest answer. */
async function healthDuring<T>(url: string, work: () => Promise<T>, everyMs = 20): Promise<{ value: T; slowestHealthMs: number; probes: number }> {
  let running = true;
  let slowest = 0;
  let probes = 0;
  const poller = (async () => {
    while (running) {
      const { ms } = await timed(() => fetch(`${url}/health`).then((r) => r.text()));
      slowest = Math.max(slowest, ms);
      probes++;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  try {
    const value = await work();
    return { value, slowestHealthMs: slowest, probes };
  } finally {
    running = false;
    await poller;
  }
}

function fanOut(n: number): string {
  let text = '{ ...F0 } ';
  for (let i = 0; i < n; i++) text += `fragment F${i} on Query { __typename ...F${i + 1} ...F${i + 1} } `;
  return text + `fragment F${n} on Query { __typename }`;
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('limits computed before any work', () => {
  it('refuses the fragment fan-out and a cost bomb in milliseconds, with /health answering meanwhile', async () => {
    await server.graphql('{ __typename }'); // warm: the first request of a process compiles the pipeline
    const fan = await healthDuring(server.url, () => timed(() => server.graphql(fanOut(23))), 5);
    expect(fan.value.value.errors?.[0].extensions).toMatchObject({ code: 'FIELD_LIMIT', limit: DEFAULT_REQUEST_LIMITS.fields });
    const bomb = `{ ${Array.from({ length: 10 }, (_, i) => `p${i}: entities(first: 100) { edges { node { key statements { other { key name } citations { quote } } } } }`).join(' ')} }`;
    const cost = await healthDuring(server.url, () => timed(() => server.graphql(bomb)), 5);
    const extensions = cost.value.value.errors?.[0].extensions;
    expect(extensions).toMatchObject({ code: 'COST_LIMIT', limit: DEFAULT_REQUEST_LIMITS.cost });
    expect(extensions.measured).toBeGreaterThan(50_000);
    report(`fan-out refused in ${fan.value.ms.toFixed(1)} ms, cost bomb (cost ${extensions.measured}) in ${cost.value.ms.toFixed(1)} ms; slowest /health ${Math.max(fan.slowestHealthMs, cost.slowestHealthMs).toFixed(1)} ms`);
    expect(fan.value.ms).toBeLessThan(REFUSAL_MS);
    expect(cost.value.ms).toBeLessThan(REFUSAL_MS);
    expect(Math.max(fan.slowestHealthMs, cost.slowestHealthMs)).toBeLessThan(HEALTH_MS);
  });

  it('refuses the issue\'s alias bomb and a document over the token limit with their own codes', async () => {
    const issueBomb = `{ ${Array.from({ length: 10 }, (_, i) => `p${i}: entities(first: 100) { edges { node { ${Array.from({ length: 14 }, (_, j) => `s${j}: statements { type }`).join(' ')} } } }`).join(' ')} }`;
    expect(['TOKEN_LIMIT', 'ALIAS_LIMIT', 'COST_LIMIT']).toContain((await server.graphql(issueBomb)).errors?.[0].extensions.code);
    const aliases = `{ ${Array.from({ length: 10 }, (_, i) => `p${i}: entities(first: 100) { edges { node { a: statements { type } b: statements { type } } } }`).join(' ')} }`;
    expect((await server.graphql(aliases)).errors?.[0].extensions).toMatchObject({ code: 'ALIAS_LIMIT', limit: 15, measured: 30 });
    const tokens = `{ ${'__typename '.repeat(1200)} }`;
    const { value, ms } = await timed(() => server.graphql(tokens));
    expect(value.errors?.[0].extensions).toMatchObject({ code: 'TOKEN_LIMIT', limit: 1000 });
    report(`token bomb (1,202 tokens) refused in ${ms.toFixed(1)} ms`);
  });

  it('still answers the named operations and the playground\'s introspection', async () => {
    const summits = await server.operation('Summits', { organization: 'CICA' });
    expect(summits.errors).toBeUndefined();
    expect(summits.data.summits.length).toBeGreaterThanOrEqual(6);
    const { getIntrospectionQuery } = require('graphql');
    const schema = await server.graphql(getIntrospectionQuery());
    expect(schema.data.__schema.queryType.name).toBe('Query');
  });
});

describe('rate limit per client', () => {
  it('answers a burst with 429 and Retry-After, and charges expensive operations more', async () => {
    const limited = await startTestServer(undefined, undefined, { http: { rateLimit: { points: 30, windowSeconds: 60, apiKeys: ['key-of-a-dashboard'], costPerPoint: 100 } } });
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      let body: any;
      for (let i = 0; i < 40; i++) {
        const res = await post(limited.url, { query: '{ __typename }' });
        statuses.push(res.status);
        if (res.status === 429) { retryAfter = res.headers.get('retry-after'); body = await res.json(); } else await res.text();
      }
      const refused = statuses.filter((s) => s === 429).length;
      report(`burst of 40 with 30 points: ${40 - refused} answered, ${refused} refused with 429 (Retry-After ${retryAfter} s)`);
      expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
      expect(refused).toBe(10);
      expect(Number(retryAfter)).toBeGreaterThan(0);
      expect(body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
      // Probes are never limited.
      expect((await fetch(`${limited.url}/health`)).status).toBe(200);
      // A configured API key is its own client; an invented one counts as the address.
      expect((await post(limited.url, { query: '{ __typename }' }, { 'x-api-key': 'invented' })).status).toBe(429);
      // A costly query pays 1 + floor(cost / 100) points: Summits (cost about 6,100) cannot run twice on 30 points.
      const summits = readOperation('Summits');
      const points = 1 + Math.floor(estimateQueryCost(buildAppSchema(), parse(summits), { organization: 'CICA' }) / 100);
      expect(points).toBeGreaterThan(15);
      const keyed = () => post(limited.url, { query: summits, variables: { organization: 'CICA' } }, { 'x-api-key': 'key-of-a-dashboard' });
      const costly = [await keyed(), await keyed()];
      expect(costly.map((r) => r.status)).toEqual([200, 429]);
      report(`a Summits request pays ${points} of the 30 points: the second one is refused`);
      const refusedCostly: any = await costly[1].json();
      expect(refusedCostly.errors[0].extensions.code).toBe('RATE_LIMITED');
      expect(costly[1].headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await limited.close();
    }
  });
});

const INGEST = 'mutation($input: IngestSourceInput!) { ingestSource(input: $input) { id changed mentionCount mentionsTruncated } }';

describe('writes closed unless configured', () => {
  it('answers an anonymous write FORBIDDEN when no write credential is set, and changes nothing', async () => {
    const open = await startTestServer(undefined, undefined, { writeToken: null });
    try {
      const res = await open.graphql(INGEST, { input: { id: '004_2d1292f50a99c4ec', text: 'Forged.', title: 'FORGED' } });
      expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
      const withSomeToken = await open.graphql(INGEST, { input: { id: 'test-anon', text: 'Kazakhstan' } }, { authorization: 'Bearer anything' });
      expect(withSomeToken.errors?.[0].extensions.code).toBe('FORBIDDEN');
      const [source] = await open.db.runText<{ title: string; length: number }>('MATCH (s:Source {key: "004_2d1292f50a99c4ec"}) RETURN s.title AS title, size(s.text) AS length', {});
      expect(source.title).not.toBe('FORGED');
      expect(source.length).toBeGreaterThan(1000);
    } finally {
      await open.close();
    }
  });

  it('answers a wrong token UNAUTHENTICATED', async () => {
    const res = await server.graphql(INGEST, { input: { id: 'test-wrong-token', text: 'Kazakhstan' } }, { authorization: `Bearer ${TEST_WRITE_TOKEN}x` });
    expect(res.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('answers a re-ingest with another text CONFLICT unless replace is asked', async () => {
    const first = await server.write(INGEST, { input: { id: 'test-reingest', text: 'Kazakhstan joined CICA.', title: 'First' } });
    expect(first.data.ingestSource).toMatchObject({ changed: true, mentionCount: 2 });
    const other = await server.write(INGEST, { input: { id: 'test-reingest', text: 'Turkey chaired CICA.', title: 'Second' } });
    expect(other.errors?.[0].extensions.code).toBe('CONFLICT');
    const [kept] = await server.db.runText<{ text: string; name: string }>('MATCH (s:Source {key: "test-reingest"}) RETURN s.text AS text, s.name AS name', {});
    expect(kept).toEqual({ text: 'Kazakhstan joined CICA.', name: 'First' });
    const replaced = await server.write(INGEST, { input: { id: 'test-reingest', text: 'Turkey chaired CICA.', title: 'Second', replace: true } });
    expect(replaced.data.ingestSource).toMatchObject({ changed: true, mentionCount: 2 });
    const [now] = await server.db.runText<{ text: string; name: string }>('MATCH (s:Source {key: "test-reingest"}) RETURN s.text AS text, s.name AS name', {});
    expect(now).toEqual({ text: 'Turkey chaired CICA.', name: 'Second' });
  });

  it('never replaces a corpus source through the API, even with replace and the token', async () => {
    const before = await server.db.runText('MATCH (s:Source {key: "004_2d1292f50a99c4ec"}) RETURN s.textHash AS hash, s.title AS title, s.url AS url', {});
    const plain = await server.write(INGEST, { input: { id: '004_2d1292f50a99c4ec', text: 'Forged.', title: 'FORGED' } });
    expect(plain.errors?.[0].extensions.code).toBe('CONFLICT');
    const forced = await server.write(INGEST, { input: { id: '004_2d1292f50a99c4ec', text: 'Forged.', title: 'FORGED', replace: true } });
    expect(forced.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await server.db.runText('MATCH (s:Source {key: "004_2d1292f50a99c4ec"}) RETURN s.textHash AS hash, s.title AS title, s.url AS url', {})).toEqual(before);
    const mentions = await server.operation('Mentions', { name: 'Kazakhstan' });
    expect(mentions.data.mentions.sources.map((s: any) => s.source.key)).toContain('004_2d1292f50a99c4ec');
  });
});

describe('ingest that cannot freeze the server', () => {
  it('takes the largest allowed text with /health under 100 ms meanwhile, capping the spans', async () => {
    const corpus = process.env.TEST_CORPUS_DIR!;
    const english = fs.readFileSync(path.join(corpus, fs.readdirSync(corpus).find((f) => f.startsWith('004'))!), 'utf8');
    let text = '';
    while (text.length < 1_000_000) text += english + '\n';
    text = text.slice(0, 1_000_000);
    // The body is built before timing: the test client shares this process with the server.
    const body = JSON.stringify({ query: INGEST, variables: { input: { id: 'test-largest', text, language: 'en' } } });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${TEST_WRITE_TOKEN}` };
    const run = await healthDuring(server.url, () => timed(() => fetch(`${server.url}/graphql`, { method: 'POST', headers, body }).then((r) => r.json() as Promise<any>)), 10);
    const result = run.value.value;
    expect(result.errors).toBeUndefined();
    expect(result.data.ingestSource).toMatchObject({ changed: true, mentionCount: 10_000, mentionsTruncated: true });
    report(`1,000,000-character ingest took ${run.value.ms.toFixed(0)} ms; ${run.probes} /health probes meanwhile, slowest ${run.slowestHealthMs.toFixed(1)} ms`);
    expect(run.slowestHealthMs).toBeLessThan(HEALTH_MS);
    const tooLarge = await server.write(INGEST, { input: { id: 'test-too-large', text: text + 'x', language: 'en' } });
    expect(tooLarge.errors?.[0].extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', limit: 1_000_000, measured: 1_000_001 });
  });
});

describe('degenerate names', () => {
  it('gives null or [] for names made only of stopwords, on every field and export that takes a name', async () => {
    for (const name of ['the', 've', 'of the', 'AND', 'и']) {
      const { value: res, ms } = await timed(() => server.graphql(`query($n: String!) {
        organization(name: $n) { key } state(name: $n) { key } person(name: $n) { key } entity(name: $n) { key }
        membersAsOf(organization: $n, date: "2015-11-11") { memberCount } entitySearch(text: $n) { entity { key } }
        mentions(name: $n) { entity { key } } timeline(name: $n) { entity { key } } }`, { n: name }));
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ organization: null, state: null, person: null, entity: null, membersAsOf: null, entitySearch: [], mentions: null, timeline: null });
      if (name === 'the') report(`stopword name "${name}" answered null in ${ms.toFixed(1)} ms`);
    }
    const csv = await fetch(`${server.url}/export/cow-membership.csv?organization=the`);
    expect(csv.status).toBe(404);
    expect(((await csv.json()) as any).code).toBe('NOT_FOUND');
  });
});

describe('headers, profile and bodies', () => {
  it('sends security headers on every route and a CSP on every page', async () => {
    for (const route of ['/graphql', '/health', '/ready', '/export', '/explorer', '/dashboard', '/']) {
      const res = await fetch(`${server.url}${route}`, { headers: { accept: route === '/graphql' ? 'text/html' : '*/*' } });
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
      expect(res.headers.get('strict-transport-security')).toBeTruthy();
      expect(res.headers.get('x-powered-by')).toBeNull();
      await res.text();
    }
  });

  it('turns introspection and field suggestions off in the production profile, and CORS on only for listed origins', async () => {
    const production = await startTestServer(undefined, undefined, { http: { introspection: false, fieldSuggestions: false, corsOrigins: ['https://dashboards.example.org'] } });
    try {
      const introspection = await production.graphql('{ __schema { types { name } } }');
      expect(introspection.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const typo = await production.graphql('{ organisation(name: "CICA") { key } }');
      expect(typo.errors?.[0].message).not.toMatch(/Did you mean/);
      const allowed = await fetch(`${production.url}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://dashboards.example.org', 'access-control-request-method': 'POST' } });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://dashboards.example.org');
      const other = await fetch(`${production.url}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await production.close();
    }
    const typo = await server.graphql('{ organisation(name: "CICA") { key } }');
    expect(typo.errors?.[0].message).toMatch(/Did you mean "organization"/);
    const cors = await fetch(`${server.url}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://dashboards.example.org', 'access-control-request-method': 'POST' } });
    expect(cors.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers odd requests the fuzzer found with a 4xx and a code: bad variables, persisted queries, subscriptions, huge headers', async () => {
    const missing = await post(server.url, { query: 'query($n: String!) { state(name: $n) { key } }' });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const persisted = await post(server.url, { extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } });
    expect(persisted.status).toBeLessThan(500);
    expect(((await persisted.json()) as any).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
    const subscription = await post(server.url, { query: 'subscription { x }' });
    expect(subscription.status).toBe(400);
    expect(((await subscription.json()) as any).errors[0].extensions.code).toMatch(/BAD_REQUEST|GRAPHQL_VALIDATION_FAILED/);
    const headers = await post(server.url, { query: '{ __typename }' }, { 'x-long': 'a'.repeat(100_000) });
    expect(headers.status).toBe(431);
    expect(((await headers.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('refuses a body that is not valid UTF-8 instead of storing replacement characters', async () => {
    const body = Buffer.concat([Buffer.from('{"query":"{ state(name: \\"Kaz'), Buffer.from([0xff, 0xfe]), Buffer.from('\\") { key } }"}')]);
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(res.status).toBe(400);
    const json: any = await res.json();
    expect(json.errors[0]).toMatchObject({ message: 'The request body is not valid UTF-8', extensions: { code: 'BAD_REQUEST' } });
  });
});
