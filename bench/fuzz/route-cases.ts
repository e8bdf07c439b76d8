import { RequestSpec } from '../support/send-request';
import { SeededRandom } from '../support/seeded-random';
import { DATE_LIKE, hostileString, INJECTIONS, KNOWN_NAMES } from './hostile-values';

/** Encodes a query-string value, sometimes leaving it raw or breaking the percent-encoding. */
function queryValue(rng: SeededRandom, value: string): string {
  const how = rng.weighted({ encoded: 8, raw: 1, broken: 1 });
  // encodeURIComponent throws on a lone surrogate: those are sent as a broken escape instead.
  const whole = value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  if (how === 'broken') return rng.pick(['%', '%E0%A4%A', '%zz', '%00', '%C0%AE', '%ED%A0%80', '%FF']) + encodeURIComponent(Array.from(whole).slice(0, 50).join(''));
  if (how === 'raw') return whole.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c).replace(/%2F/gi, '/'));
  return whole === value ? encodeURIComponent(value) : `${encodeURIComponent(whole)}%ED%A0%80`;
}

function yearLike(rng: SeededRandom): string {
  return rng.pick(['1992', '2026', '1900', '2100', '1899', '2101', '0x7D0', '1e3', '2000.5', '-2000', '+2000', ' 2000', '２０００', '', '99999999999999999999', 'NaN', '2000abc']);
}

/**
 * The HTTP routes besides /graphql: the exports with fuzzed query strings (repeated and
 * bracketed keys, broken percent-encoding, hostile values), the probes and pages, assets,
 * path traversal attempts, unknown paths and odd methods.
 */
export function routeCase(rng: SeededRandom): { request: RequestSpec; note: string } {
  const kind = rng.weighted({ cow: 5, graphJson: 1, graphml: 1, exportIndex: 1, probes: 3, pages: 2, assets: 1, traversal: 3, unknown: 2, method: 1 });
  const params: string[] = [];
  const add = (key: string, value: string) => params.push(`${rng.chance(0.05) ? `${key}[]` : rng.chance(0.03) ? `${key}[a]` : key}=${queryValue(rng, value)}`);
  switch (kind) {
    case 'cow': {
      if (rng.chance(0.8)) add('organization', rng.chance(0.5) ? rng.pick(KNOWN_NAMES) : hostileString(rng, 3000));
      if (rng.chance(0.2)) add('organization', rng.pick(KNOWN_NAMES));
      if (rng.chance(0.6)) add('from', yearLike(rng));
      if (rng.chance(0.6)) add('to', yearLike(rng));
      if (rng.chance(0.1)) add(rng.pick(['__proto__', 'constructor', 'x', '']), rng.pick(INJECTIONS));
      return { note: 'COW export', request: { path: `/export/cow-membership.csv${params.length ? '?' + params.join('&') : ''}` } };
    }
    case 'graphJson':
    case 'graphml': {
      // Whole-graph exports are the heaviest routes: mostly bad dates (answered before any query), some real ones.
      if (rng.chance(0.85)) add('asOf', rng.chance(0.15) ? rng.pick(['2015-11-11', '1999-09-14']) : rng.chance(0.7) ? rng.pick(DATE_LIKE.filter((d) => !/^\d{4}-\d\d-\d\d$/.test(d))) : hostileString(rng, 2000));
      if (rng.chance(0.1)) add('asOf', '2015-11-11');
      const file = kind === 'graphJson' ? 'graph.json' : 'graph.graphml';
      return { note: `export ${file}`, request: { path: `/export/${file}${params.length ? '?' + params.join('&') : ''}` } };
    }
    case 'exportIndex': return { note: 'export index', request: { path: rng.pick(['/export', '/export/', '/export?x=1', '/EXPORT', '/export/cow-membership.CSV', '/export/graph.json/']) } };
    case 'probes': return { note: 'probe', request: { path: rng.pick(['/health', '/ready', '/health?x=' + queryValue(rng, hostileString(rng, 200)), '/ready/', '/HEALTH']) } };
    case 'pages': return { note: 'page', request: { path: rng.pick(['/explorer', '/dashboard', '/', '/explorer?name=' + queryValue(rng, hostileString(rng, 500)), '/dashboard#x', '/index.html']), headers: { accept: 'text/html' } } };
    case 'assets': return { note: 'asset', request: { path: rng.pick(['/assets/pages/explorer.js', '/assets/pages/pages.css', '/assets/pages/nope.js', '/assets/vendor/cytoscape.min.js', '/assets/vendor/x', '/playground/', '/playground/index.html', '/assets/pages/__proto__', '/assets/vendor/constructor', '/assets/pages/hasOwnProperty']) } };
    case 'traversal': return {
      note: 'path traversal',
      request: {
        path: rng.pick([
          '/assets/pages/..%2f..%2f..%2fpackage.json', '/assets/pages/..%2F..%2Fconfig.ts', '/assets/vendor/..%2f..%2f..%2f..%2fetc%2fpasswd',
          '/playground/../../package.json', '/playground/%2e%2e/%2e%2e/package.json', '/playground/..%2f..%2f..%2fpackage.json', '/playground/%2e%2e%2f%2e%2e%2f.neo4j-password',
          '/export/..%2f..%2fpackage.json', '/..%2f..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/pages/%00explorer.js',
          '/playground/....//....//package.json', '/playground/%c0%ae%c0%ae/package.json', '/assets/pages/..\\..\\package.json',
          '/playground/' + '..%2f'.repeat(12) + 'etc/passwd', '/playground/%252e%252e%252fpackage.json',
        ]),
      },
    };
    case 'unknown': return { note: 'unknown path', request: { path: rng.pick(['/nope', '/graphql/', '/graphql/x', '/GRAPHQL', '//graphql', '/graphiql', '/.env', '/.git/config', '/admin', '/metrics', '/' + 'a'.repeat(rng.pick([100, 5000, 60000])), '/%F0%9F%98%80', '/%ED%A0%80', '/%', '/?' + 'a=1&'.repeat(5000)]) } };
    default: return { note: 'method on a route', request: { method: rng.pick(['POST', 'PUT', 'DELETE', 'OPTIONS', 'HEAD']), path: rng.pick(['/health', '/ready', '/export/graph.json', '/explorer', '/export/cow-membership.csv']) } };
  }
}
