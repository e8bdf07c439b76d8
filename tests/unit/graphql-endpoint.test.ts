/**
 * The POST /graphql endpoint on Node's own HTTP server (src/http/graphql-endpoint.ts), with a real
 * Apollo server over a one-field schema: what Express's body parser, helmet and compression gave
 * this route before must still hold without them.
 */
import http from 'node:http';
import zlib from 'node:zlib';
import { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import helmet from 'helmet';
import pino from 'pino';
import { GraphqlEndpoint, headersSetBy, Middleware } from '../../src/http/graphql-endpoint';
import { encodingFor } from '../../src/http/compress-answer';
import { ResponseCache } from '../../src/cache/response-cache';
import { GraphVersion } from '../../src/cache/graph-version';
import { AppContext } from '../../src/context';

const typeDefs = 'type Query { echo(text: String!): String }';
const resolvers = { Query: { echo: (_: unknown, { text }: { text: string }) => text } };

describe('GraphqlEndpoint', () => {
  let server: http.Server;
  let url: string;
  let apollo: ApolloServer<AppContext>;

  beforeAll(async () => {
    apollo = new ApolloServer<AppContext>({ typeDefs, resolvers });
    await apollo.start();
    const endpoint = new GraphqlEndpoint({
      apollo, bodyLimit: 10_000, compressMinBytes: 1024, log: pino({ level: 'silent' }),
      // Off (0 bytes): it never reads the graph version, so none is needed here.
      responseCache: new ResponseCache({ maxBytes: 0, maxEntryBytes: 0 }, undefined as unknown as GraphVersion),
      clientAddress: (req) => req.socket.remoteAddress,
      headers: headersSetBy(helmet() as Middleware),
      context: () => ({}) as AppContext,
    });
    server = http.createServer((req, res) => (endpoint.takes(req) ? void endpoint.handle(req, res) : res.writeHead(404).end()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await apollo.stop();
  });

  const post = (body: string | Uint8Array, headers: Record<string, string> = {}) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: body as BodyInit });

  it('answers a query with the security headers helmet sets, and no X-Powered-By', async () => {
    const res = await post(JSON.stringify({ query: '{ echo(text: "Astana") }' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { echo: 'Astana' } });
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('refuses a body over the limit with 413 and a code, whether or not it says its length', async () => {
    const big = JSON.stringify({ query: '{ echo(text: $t) }', variables: { t: 'x'.repeat(20_000) } });
    const declared = await post(big);
    expect(declared.status).toBe(413);
    expect((await declared.json() as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const streamed = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
        let body = '';
        res.on('data', (c) => { body += c; });
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      req.on('error', reject);
      for (let i = 0; i < 20; i++) req.write(big.slice(i * 1000, (i + 1) * 1000));
      req.end(big.slice(20_000));
    });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses bodies that are not UTF-8 or not a JSON object, in JSON', async () => {
    const latin = await post(new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d]));
    expect(latin.status).toBe(400);
    expect((await latin.json() as any).errors[0].message).toBe('The request body is not valid UTF-8');
    for (const body of ['"just a string"', '{"query": "{ echo', '42']) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect((await res.json() as any).errors[0]).toMatchObject({ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } });
    }
    const charset = await post(JSON.stringify({ query: '{ echo(text: "x") }' }), { 'content-type': 'application/json; charset=iso-8859-1' });
    expect(charset.status).toBe(415);
  });

  it('compresses a large answer in the encoding the client ranks highest, and leaves a small one as it is', async () => {
    const text = 'Алматы Almaty '.repeat(200);
    const body = JSON.stringify({ query: 'query($t: String!) { echo(text: $t) }', variables: { t: text } });
    const raw = (encoding: string) => new Promise<{ headers: http.IncomingHttpHeaders; bytes: Buffer }>((resolve, reject) => {
      const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-encoding': encoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, bytes: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end(body);
    });
    const gzip = await raw('gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(gzip.bytes).toString()).data.echo).toBe(text);
    const br = await raw('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(zlib.brotliDecompressSync(br.bytes).toString()).data.echo).toBe(text);
    const small = await post(JSON.stringify({ query: '{ echo(text: "Astana") }' }), { 'accept-encoding': 'gzip' });
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(small.headers.get('vary')).toBe('Accept-Encoding');
  });

  it('reads Accept-Encoding q-values: a refused encoding is never chosen', () => {
    expect(encodingFor('gzip, br')).toBe('br');
    expect(encodingFor('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(encodingFor('deflate;q=0.9, gzip;q=0.8')).toBe('deflate');
    expect(encodingFor('*')).toBe('br');
    expect(encodingFor('*;q=0, gzip')).toBe('gzip');
    expect(encodingFor('identity')).toBeUndefined();
    expect(encodingFor('')).toBeUndefined();
  });
});
