import { startTestServer, TestServer } from '../support/test-server';

const INGEST = `mutation($input: IngestSourceInput!) { ingestSource(input: $input) { id changed language mentionCount entityCount entities { key } } }`;
const TEXT = "Kazakistan'ın başkenti Astana'da düzenlenen AİGK zirvesine Türkiye ve Azerbaycan katıldı.";

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

describe('Mentions', () => {
  it('lists the corpus sources that mention Kazakhstan, in Turkish and English, with snippets', async () => {
    const { data, errors } = await server.operation('Mentions', { name: 'Kazakhstan' });
    expect(errors).toBeUndefined();
    const bySource = new Map(data.mentions.sources.map((s: any) => [s.source.key, s]));
    const overview: any = bySource.get('000_c76b804907b0293e');
    expect(overview.spans.map((s: any) => s.text)).toEqual(['Kazakistan Cumhuriyeti']);
    const news: any = bySource.get('001_a314a1f8413c46cb');
    expect(news.spans.map((s: any) => s.text)).toContain('Kazakistan'); // from "Kazakistan'ın": the suffix is not part of the span
    const english: any = bySource.get('004_2d1292f50a99c4ec');
    expect(english.spans.map((s: any) => s.text)).toContain('Kazakhstan');
    const span = english.spans[0];
    expect(span.before.length + span.text.length + span.after.length).toBeGreaterThan(span.text.length);
  });
});

describe('ingestSource', () => {
  it('links the mentions of a new Turkish text, and changes nothing the second time', async () => {
    const first = await server.write(INGEST, { input: { id: 'test-ingest-tr', text: TEXT, title: 'Test haber' } });
    expect(first.errors).toBeUndefined();
    expect(first.data.ingestSource).toMatchObject({ changed: true, language: 'tr' });
    expect(first.data.ingestSource.entities.map((e: any) => e.key)).toEqual(expect.arrayContaining(['KAZ', 'city-astana', 'cica', 'TUR', 'AZE']));
    const again = await server.write(INGEST, { input: { id: 'test-ingest-tr', text: TEXT, title: 'Test haber' } });
    expect(again.data.ingestSource.changed).toBe(false);
    const mentions = await server.operation('Mentions', { name: 'Azerbaycan' });
    expect(mentions.data.mentions.sources.map((s: any) => s.source.key)).toContain('test-ingest-tr');
  });

  it('refuses a bad id with BAD_USER_INPUT and writes nothing', async () => {
    const res = await server.write(INGEST, { input: { id: '../etc/passwd', text: 'x' } });
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const source = await server.graphql('{ source(id: "../etc/passwd") { key } }');
    expect(source.data.source).toBeNull();
  });

  it('needs the bearer token when WRITE_TOKEN is set', async () => {
    const guarded = await startTestServer(undefined, undefined, { writeToken: 's3cret-token-0123456789' });
    try {
      const without = await guarded.graphql(INGEST, { input: { id: 'test-ingest-guarded', text: TEXT } });
      expect(without.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      const withToken = await guarded.graphql(INGEST, { input: { id: 'test-ingest-guarded', text: TEXT } }, { authorization: 'Bearer s3cret-token-0123456789' });
      expect(withToken.data.ingestSource.changed).toBe(true);
    } finally {
      await guarded.close();
    }
  });
});
