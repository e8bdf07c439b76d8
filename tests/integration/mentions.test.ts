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

describe('mention methods', () => {
  const RU = 'АСТАНА. /ТАСС/. Президент Республики Казахстан Касым-Жомарт Кемелевич Токаев открыл шестой саммит СВМДА. '
    + 'Токаев напомнил о Совещании по взаимодействию и мерам доверия в Азии.';
  const SPANS = `query($name: String!, $methods: [MentionMethod!]) { mentions(name: $name, methods: $methods) {
    entity { key } sources { source { key } count spans { text method evidence } } } }`;

  it('stores how each span was matched, and mentions of a summit return the text that names it by ordinal', async () => {
    const ingest = await server.write(INGEST, { input: { id: 'test-ingest-ru-methods', text: RU, language: 'ru' } });
    expect(ingest.errors).toBeUndefined();
    expect(ingest.data.ingestSource.entities.map((e: any) => e.key)).toEqual(expect.arrayContaining(['KAZ', 'kassym-jomart-tokayev', 'cica-summit-6', 'cica']));

    const summit = await server.graphql(SPANS, { name: '6th CICA Summit' });
    expect(summit.errors).toBeUndefined();
    expect(summit.data.mentions.entity.key).toBe('cica-summit-6');
    const fromText: any = summit.data.mentions.sources.find((s: any) => s.source.key === 'test-ingest-ru-methods');
    expect(fromText.spans).toEqual([{ text: 'шестой саммит СВМДА', method: 'MEETING_ORDINAL', evidence: 'summit no. 6; organisation in the phrase' }]);

    const person = await server.graphql(SPANS, { name: 'Kassym-Jomart Tokayev' });
    const spans = person.data.mentions.sources.find((s: any) => s.source.key === 'test-ingest-ru-methods').spans;
    expect(spans.map((x: any) => [x.text, x.method])).toEqual([['Касым-Жомарт Кемелевич Токаев', 'EXACT'], ['Токаев', 'SURNAME_AFTER_FULL']]);
    expect(spans[1].evidence).toBe('the full name came earlier in the text');

    const state = await server.graphql(SPANS, { name: 'Kazakhstan', methods: ['INFLECTED'] });
    const inflected = state.data.mentions.sources.find((s: any) => s.source.key === 'test-ingest-ru-methods');
    expect(inflected).toMatchObject({ count: 1, spans: [{ text: 'Республики Казахстан', method: 'INFLECTED' }] });
  });

  it('filters on methods in the database: only surname spans, and no source where none match', async () => {
    const res = await server.graphql(SPANS, { name: 'Kassym-Jomart Tokayev', methods: ['SURNAME_AFTER_FULL'] });
    expect(res.errors).toBeUndefined();
    const keys = res.data.mentions.sources.map((s: any) => s.source.key);
    expect(keys).toContain('test-ingest-ru-methods');
    for (const s of res.data.mentions.sources) for (const x of s.spans) expect(x.method).toBe('SURNAME_AFTER_FULL');
    const none = await server.graphql(SPANS, { name: 'Kazakhstan', methods: [] });
    expect(none.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

