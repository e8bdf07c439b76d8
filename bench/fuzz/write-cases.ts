import { RequestSpec } from '../support/send-request';
import { SeededRandom } from '../support/seeded-random';
import { DATE_LIKE, hostileString, INJECTIONS, KNOWN_NAMES, longString, ODD_UNICODE } from './hostile-values';
import { WriteIntent } from './fuzz-case';

/** Ids the fuzz may write with the right token; everything under it is deleted at the end. */
export const FUZZ_ID_PREFIX = 'fuzz-';

const INGEST = 'mutation Ingest($input: IngestSourceInput!) { ingestSource(input: $input) { id changed language mentionCount entityCount } }';

export interface WriteTargets {
  /** The write token of the server, when known: without it no write with the right token is tried. */
  token?: string;
  /** Existing corpus source ids and entity keys: writes there must be refused, even with the token. */
  protectedIds: string[];
  /** False when the database cannot be checked (a --url target without --neo4j-uri): no right-token writes. */
  rightTokenWrites: boolean;
}

function sourceText(rng: SeededRandom): string {
  switch (rng.weighted({ names: 4, unicode: 2, injection: 2, long: 1, empty: 1 })) {
    case 'names': return Array.from({ length: rng.int(1, 30) }, () => rng.pick(KNOWN_NAMES)).join(rng.pick([' ', ', ', "'ın ", ' and ', '\n']));
    case 'unicode': return Array.from({ length: rng.int(1, 30) }, () => `${rng.pick(ODD_UNICODE)}${rng.pick(KNOWN_NAMES)}`).join(' ');
    case 'injection': return `${rng.pick(KNOWN_NAMES)} ${rng.pick(INJECTIONS)} ${rng.pick(KNOWN_NAMES)}`;
    case 'long': return longString(rng, rng.chance(0.5) ? 300000 : 900000);
    default: return rng.pick(['', ' ', '\u0000']);
  }
}

/**
 * A bearer header that is not the token: other schemes, near misses, the token in the wrong place.
 * (Not `Bearer <token> `: HTTP strips a header value's trailing whitespace, so that is the token.)
 */
function wrongAuth(rng: SeededRandom, token: string | undefined): Record<string, string> {
  const t = token ?? 'x'.repeat(32);
  return rng.pick<Record<string, string>>([
    { authorization: 'Bearer wrong-token' }, { authorization: `Bearer ${t}x` }, { authorization: `Bearer ${t.slice(0, -1)}` },
    { authorization: `bearer ${t}` }, { authorization: `Bearer  ${t}` }, { authorization: `Basic ${Buffer.from(`x:${t}`).toString('base64')}` },
    { authorization: t }, { 'x-api-key': t }, { authorization: `Bearer ${t.toUpperCase()}` }, { authorization: 'Bearer ' }, { authorization: `Bearer ${'a'.repeat(5000)}` },
    { authorization: `Bearer ${t}, Bearer ${t}` }, { cookie: `token=${t}` },
  ]);
}

/**
 * ingestSource without a token, with a wrong one, and with the right one: at fresh ids under
 * FUZZ_ID_PREFIX (valid and invalid inputs), and at protected ids (corpus sources, entity
 * keys), which must be refused. Also several writes in one request and a write by GET.
 */
export function writeCase(rng: SeededRandom, index: number, targets: WriteTargets): { request: RequestSpec; write: WriteIntent; note: string } {
  const canRight = Boolean(targets.token) && targets.rightTokenWrites;
  const auth = rng.weighted<WriteIntent['auth']>(canRight ? { none: 3, wrong: 3, right: 4 } : { none: 1, wrong: 1, right: 0 });
  // Without the right token any id will do: a write there must be refused anyway.
  const protectedId = auth === 'right' ? targets.protectedIds.length > 0 && rng.chance(0.35) : rng.chance(0.5);
  const freshId = `${FUZZ_ID_PREFIX}${index}-${rng.word(3, 6)}`;
  const id = protectedId ? rng.pick(targets.protectedIds) : rng.chance(0.9) ? freshId : `${FUZZ_ID_PREFIX}${rng.pick(['', '../x', 'a b', 'ü', 'x'.repeat(200), '\u0000', ".'x", rng.pick(INJECTIONS)])}`;
  const input: Record<string, unknown> = { id, text: sourceText(rng) };
  for (const key of ['title', 'language', 'date', 'url', 'author', 'publisher']) {
    if (!rng.chance(0.4)) continue;
    input[key] = key === 'date' ? rng.pick(DATE_LIKE) : key === 'language' ? rng.pick(['tr', 'en', 'ru', 'xx', '', hostileString(rng, 200)]) : hostileString(rng, 2000);
  }
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth === 'right') headers.authorization = `Bearer ${targets.token}`;
  if (auth === 'wrong') Object.assign(headers, wrongAuth(rng, targets.token));
  const shape = rng.weighted({ variables: 6, literal: 2, aliases: 1, get: 1 });
  let request: RequestSpec;
  if (shape === 'aliases') {
    // Two writes in one request: the second id is always fresh, so only the first may be protected.
    const second = `${FUZZ_ID_PREFIX}${index}-b${rng.word(2, 4)}`;
    const query = 'mutation($a: IngestSourceInput!, $b: IngestSourceInput!) { a: ingestSource(input: $a) { id changed } b: ingestSource(input: $b) { id changed } }';
    request = { method: 'POST', path: '/graphql', headers, body: JSON.stringify({ query, variables: { a: input, b: { id: second, text: 'CICA Kazakhstan' } } }) };
  } else if (shape === 'literal') {
    const fields = Object.entries(input).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ');
    request = { method: 'POST', path: '/graphql', headers, body: JSON.stringify({ query: `mutation { ingestSource(input: {${fields}}) { id changed } }` }) };
  } else if (shape === 'get') {
    const params = new URLSearchParams({ query: INGEST, variables: JSON.stringify({ input: { id, text: 'CICA' } }) });
    request = { method: 'GET', path: `/graphql?${params}`, headers: { ...headers, 'apollo-require-preflight': 'true' } };
  } else {
    request = { method: 'POST', path: '/graphql', headers, body: JSON.stringify({ query: INGEST, variables: { input }, operationName: 'Ingest' }) };
  }
  return { request, write: { auth, protectedId }, note: `ingestSource ${auth} token, ${protectedId ? 'protected' : 'fresh'} id, ${shape}` };
}
