import zlib from 'node:zlib';
import { RequestSpec } from '../support/send-request';
import { SeededRandom } from '../support/seeded-random';
import { hostileString, INJECTIONS, ODD_UNICODE } from './hostile-values';

const Q = '{ __typename }';
const OK_QUERY = '{ organization(name: "CICA") { key name } }';

/** A variable holding a list nested n deep, written as text: JSON.stringify would overflow the stack. */
function nestedVariables(n: number): string {
  const query = 'query($t: [RelationType!]) { entity(name: "CICA") { statements(types: $t) { factId } } }';
  return `{"query": ${JSON.stringify(query)}, "variables": {"t": ${'['.repeat(n)}"MEMBER_OF"${']'.repeat(n)}}}`;
}

/** Bodies that are not JSON, or JSON that is not a GraphQL request. */
function malformedJson(rng: SeededRandom): string {
  return rng.pick([
    '{"query": "{ __typename }"', "{'query': '{ __typename }'}", '', ' ', 'null', 'true', '0', '"{ __typename }"', '[]', '{}',
    '{"query": 123}', '{"query": null}', '{"query": ["{ __typename }"]}', '{"query": {"a": 1}}', '{"query": ""}', '{"query": " "}',
    `{"query": "${Q}", "variables": "not an object"}`, `{"query": "${Q}", "variables": [1, 2]}`, `{"query": "${Q}", "variables": 7}`,
    `{"query": "${Q}", "operationName": 123}`, `{"query": "${Q}", "operationName": {"x": 1}}`, `{"query": "${Q}", "extensions": "x"}`,
    `{"query": "${Q}", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}`,
    '{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "0000000000000000000000000000000000000000000000000000000000000000"}}}',
    '{"extensions": {"persistedQuery": {"version": 2}}}', `{"query": "${Q}", "query": "{ nope }"}`, `\ufeff{"query": "${Q}"}`,
    `{"query": "{ __typename \u0000 }"}`, '{"query": "\\ud800"}', '{"query": "{ entity(name: \\"\\ud800\\") { key } }"}',
    `{"query": "${Q}", "variables": {"a": 1e999}}`, `{"query": "${Q}", "__proto__": {"polluted": true}}`,
    `{"query": "query($a: Int) { __typename }", "variables": {"__proto__": {"a": 1}, "constructor": {"prototype": {"x": 1}}}}`,
    '{"query": "{ __typename }",}', '{"query": "{ __typename }"}garbage', '{"query":"{ __typename }"}{"query":"{ __typename }"}',
    '\u0000\u0000\u0000\u0000', 'query=%7B__typename%7D', '<?xml version="1.0"?><query>{ __typename }</query>', '{"query": NaN}',
    '{"query": "mutation { ingestSource(input: {id: \\"fuzz-x\\", text: \\"x\\"}) { id } }"}', `{"query": "subscription { x }"}`,
    nestedVariables(rng.pick([100, 5000, 50000])),
    '['.repeat(rng.pick([1000, 100000])) + ']'.repeat(10), '{"a":'.repeat(rng.pick([1000, 100000])),
  ]);
}

/** Bytes that are not valid UTF-8, inside and around an otherwise valid request. */
function invalidUtf8(rng: SeededRandom): Buffer {
  const bad = rng.pick([[0xff], [0xfe, 0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x00]]);
  const where = rng.pick(['inString', 'inQuery', 'prefix', 'only']);
  const before = where === 'inString' ? '{"query": "{ entity(name: \\"CI' : where === 'inQuery' ? '{"query": "{ __type' : '';
  const after = where === 'inString' ? 'CA\\") { key } }"}' : where === 'inQuery' ? 'name }"}' : where === 'prefix' ? `{"query": "${Q}"}` : '';
  return Buffer.concat([Buffer.from(before), Buffer.from(bad), Buffer.from(after)]);
}

/**
 * Requests to /graphql that break the transport rather than the document: malformed JSON,
 * invalid UTF-8, wrong or odd content types and charsets, compressed bodies (a decompression
 * bomb included), batched arrays, oversized bodies, GET with query strings, other methods, and
 * odd headers.
 */
export function rawBodyCase(rng: SeededRandom): { request: RequestSpec; note: string } {
  const json = { 'content-type': 'application/json' };
  const kind = rng.weighted({ malformedJson: 5, invalidUtf8: 2, contentType: 3, charset: 1, encoding: 1, batch: 2, oversized: 1, get: 3, method: 1, headers: 2 });
  switch (kind) {
    case 'malformedJson': return { note: 'malformed JSON', request: { method: 'POST', path: '/graphql', headers: json, body: malformedJson(rng) } };
    case 'invalidUtf8': return { note: 'invalid UTF-8', request: { method: 'POST', path: '/graphql', headers: json, body: invalidUtf8(rng) } };
    case 'contentType': {
      const type = rng.pick(['text/plain', 'application/graphql', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml',
        'application/json-patch+json', 'application/ld+json', 'application/JSON', '*/*', '', 'application/json, text/plain', 'application/jsonx', 'application/vnd.api+json']);
      const body = type.includes('urlencoded') ? `query=${encodeURIComponent(Q)}` : type.includes('graphql') ? Q
        : type.includes('multipart') ? `--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query": "${Q}"}\r\n--x--\r\n` : JSON.stringify({ query: OK_QUERY });
      const headers: Record<string, string> = type ? { 'content-type': type } : {};
      if (rng.chance(0.3)) headers['apollo-require-preflight'] = 'true';
      return { note: `content-type "${type}"`, request: { method: 'POST', path: '/graphql', headers, body } };
    }
    case 'charset': {
      const charset = rng.pick(['utf-8', 'UTF-8', 'utf-16', 'utf-16le', 'latin1', 'iso-8859-1', 'ascii', 'utf-7', 'koi8-r', 'nope', '"utf-8"']);
      const text = JSON.stringify({ query: '{ entity(name: "AİGK") { key } }' });
      const body = /16/.test(charset) ? Buffer.from(text, 'utf16le') : Buffer.from(text, 'utf8');
      return { note: `charset ${charset}`, request: { method: 'POST', path: '/graphql', headers: { 'content-type': `application/json; charset=${charset}` }, body } };
    }
    case 'encoding': {
      const encoding = rng.pick(['gzip', 'deflate', 'br', 'identity', 'compress', 'xyz', 'gzip, gzip']);
      const variant = rng.pick(['valid', 'garbage', 'bomb']);
      const plain = Buffer.from(JSON.stringify({ query: Q }));
      // 48 MiB of spaces after the query: 48 KiB compressed, far past the 1 MB limit once inflated.
      const bomb = Buffer.concat([Buffer.from('{"query": "{ __typename }", "x": "'), Buffer.alloc(48 * 1024 * 1024, 0x20), Buffer.from('"}')]);
      const body = variant === 'garbage' ? Buffer.from('not compressed at all')
        : encoding === 'gzip' ? zlib.gzipSync(variant === 'bomb' ? bomb : plain) : encoding === 'deflate' ? zlib.deflateSync(variant === 'bomb' ? bomb : plain)
          : encoding === 'br' ? zlib.brotliCompressSync(variant === 'bomb' ? bomb : plain) : plain;
      return { note: `content-encoding ${encoding} (${variant})`, request: { method: 'POST', path: '/graphql', headers: { ...json, 'content-encoding': encoding }, body } };
    }
    case 'batch': {
      const n = rng.pick([0, 1, 2, 10, 1000]);
      const items = Array.from({ length: n }, () => (rng.chance(0.8) ? { query: OK_QUERY } : { query: hostileString(rng, 1000) }));
      return { note: `batch of ${n}`, request: { method: 'POST', path: '/graphql', headers: json, body: JSON.stringify(items) } };
    }
    case 'oversized': {
      const size = rng.pick([1024 * 1024 + 10, 3 * 1024 * 1024, 12 * 1024 * 1024]);
      return { note: `${size} byte body`, request: { method: 'POST', path: '/graphql', headers: json, body: JSON.stringify({ query: Q, variables: { pad: 'x'.repeat(size) } }) } };
    }
    case 'get': {
      const query = rng.pick([Q, OK_QUERY, 'mutation { ingestSource(input: {id: "fuzz-get", text: "x"}) { id } }', hostileString(rng, 3000), '{ nope }', '']);
      const params = new URLSearchParams({ query });
      if (rng.chance(0.3)) params.set('variables', rng.pick(['{', '[]', '{"a": 1}', hostileString(rng, 500)]));
      if (rng.chance(0.2)) params.set('extensions', rng.pick(['{', '{"persistedQuery": {"version": 1, "sha256Hash": "x"}}']));
      let search = params.toString();
      if (rng.chance(0.15)) search += rng.pick(['&query=%7B__typename%7D', '&query[]=x', '&%', '&query=%E0%A4%A', '&variables=%00']);
      const headers: Record<string, string> = { accept: rng.pick(['application/json', 'application/graphql-response+json', '*/*', 'text/html', '']) };
      if (rng.chance(0.6)) headers['apollo-require-preflight'] = 'true';
      return { note: `GET /graphql (${query.slice(0, 40)})`, request: { method: 'GET', path: `/graphql?${search}`, headers } };
    }
    case 'method': {
      const method = rng.pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'PROPFIND', 'CONNECT']);
      return { note: `${method} /graphql`, request: { method, path: method === 'CONNECT' ? '127.0.0.1:1' : '/graphql', headers: json, body: method === 'HEAD' || method === 'TRACE' ? undefined : JSON.stringify({ query: Q }) } };
    }
    default: {
      const headers: Record<string, string> = { ...json };
      const variant = rng.pick(['longHeader', 'manyHeaders', 'oddAuth', 'oddHost', 'unicodeHeader', 'apiKey', 'forwarded']);
      if (variant === 'longHeader') headers['x-long'] = 'a'.repeat(rng.pick([1000, 20000, 100000]));
      if (variant === 'manyHeaders') for (let i = 0; i < rng.pick([50, 500, 3000]); i++) headers[`x-h${i}`] = String(i);
      if (variant === 'oddAuth') headers.authorization = rng.pick(['Bearer', 'Bearer ', 'Bearer  x', 'Basic Zm9vOmJhcg==', 'bearer x', `Bearer ${'x'.repeat(8000)}`, 'Bearer \u00e9']);
      if (variant === 'oddHost') headers.host = rng.pick(['', 'evil.example', '127.0.0.1:1', 'a'.repeat(3000), '[::1]', 'xn--80ak6aa92e.com']);
      if (variant === 'unicodeHeader') headers['x-name'] = rng.pick(['AİGK', 'СВМДА', '😀']);
      if (variant === 'apiKey') headers['x-api-key'] = rng.pick(['', 'x', 'a'.repeat(5000), rng.pick(INJECTIONS)]);
      if (variant === 'forwarded') headers['x-forwarded-for'] = rng.pick(['1.2.3.4', '1.2.3.4, 5.6.7.8', 'garbage', rng.pick(ODD_UNICODE.filter((s) => !/[^\u0020-\u007e]/.test(s))) || 'x']);
      let safe = true;
      for (const value of Object.values(headers)) if (/[^\t\u0020-\u007e\u0080-\u00ff]/.test(value)) safe = false;
      if (!safe) headers['x-name'] = encodeURIComponent(headers['x-name'] ?? '');
      return { note: `headers: ${variant}`, request: { method: 'POST', path: '/graphql', headers, body: JSON.stringify({ query: OK_QUERY }) } };
    }
  }
}

/** Bytes node:http would not send: broken request lines, header syntax, smuggling combinations. */
export function rawSocketCase(rng: SeededRandom): { raw: Buffer; note: string } {
  const body = JSON.stringify({ query: Q });
  const variants: [string, string][] = [
    ['garbage request line', 'HELLO\r\n\r\n'],
    ['bad header syntax', 'GET /health HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n'],
    ['NUL in the path', 'GET /he\u0000alth HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['NUL in a header', 'GET /health HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n'],
    ['HTTP/0.9', 'GET /health\r\n\r\n'],
    ['HTTP/2 preface', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'],
    ['CL and TE together', `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`],
    ['bad chunk size', `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n${body}\r\n0\r\n\r\n`],
    ['two Content-Lengths', `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nContent-Length: 3\r\n\r\n${body}`],
    ['LF line ends', `POST /graphql HTTP/1.1\nHost: x\nContent-Type: application/json\nContent-Length: ${body.length}\n\n${body}`],
    ['absolute URI', 'GET http://127.0.0.1/health HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['huge header block', `GET /health HTTP/1.1\r\nHost: x\r\nX-A: ${'a'.repeat(70000)}\r\n\r\n`],
    ['no Host', 'GET /health HTTP/1.1\r\n\r\n'],
    ['pipelined', 'GET /health HTTP/1.1\r\nHost: x\r\n\r\nGET /ready HTTP/1.1\r\nHost: x\r\n\r\nGET /nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'],
    ['obs-fold', 'GET /health HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n'],
    ['lowercase method', 'get /health HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['space in path', 'GET /he alth HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['Expect 100-continue', `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: ${body.length}\r\n\r\n${body}`],
  ];
  const [note, text] = rng.pick(variants);
  return { note, raw: Buffer.from(text, 'latin1') };
}
