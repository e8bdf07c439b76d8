import http from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { Logger } from 'pino';
import { AppContext } from '../context';
import { CacheSlot, ResponseCache } from '../cache/response-cache';
import { ClientRateLimiter, RateLimitedError, sendRateLimited } from './rate-limit';
import { BodyError, mediaTypeOf, readJsonBody } from './json-body';
import { compressAnswer } from './compress-answer';

/** A connect-style middleware (cors): it calls next once, with an error or without. */
export type Middleware = (req: http.IncomingMessage, res: http.ServerResponse, next: (err?: unknown) => void) => void;

export interface GraphqlEndpointOptions {
  apollo: ApolloServer<AppContext>;
  /** The resolvers' context for one request; the endpoint gives the client key and the cache's hook. */
  context: (req: http.IncomingMessage, request: Pick<AppContext, 'clientKey' | 'markCacheable'>) => AppContext;
  /** Request bodies larger than this are refused (413). */
  bodyLimit: number;
  /** Answers from this size on go compressed to clients that accept it; negative turns it off. */
  compressMinBytes: number;
  responseCache: ResponseCache;
  rateLimiter?: ClientRateLimiter;
  /** The client's address as the proxy settings read it (Express's req.ip). */
  clientAddress: (req: http.IncomingMessage) => string | undefined;
  /** Headers every answer carries: the security headers helmet sets on the other routes. */
  headers: [string, string][];
  /** CORS for listed origins, the same middleware the other routes use. */
  cors?: Middleware;
  log: Logger;
}

/**
 * POST /graphql straight on Node's HTTP server: JSON body, response cache, Apollo, compressed
 * answer. Nearly every request is one, and Express's router, body parser, compression middleware
 * and Apollo's Express integration cost more than the small answers themselves (`{ __typename }`
 * ran at 0.4 of the rate it runs at here). It keeps what those gave: the security headers, CORS,
 * the rate limit, the body limit, UTF-8 and JSON errors in JSON. Express still takes everything
 * else and calls `serve` for GET /graphql and for spellings such as `/graphql/`.
 */
export class GraphqlEndpoint {
  constructor(private readonly options: GraphqlEndpointOptions) {}

  /** True for the requests `handle` answers before Express: POST to exactly /graphql. */
  takes(req: http.IncomingMessage): boolean {
    return req.method === 'POST' && (req.url === '/graphql' || req.url?.startsWith('/graphql?') === true);
  }

  /** The whole answer to a request Express never saw: headers, CORS and rate limit first. */
  async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    try {
      for (const [name, value] of this.options.headers) res.setHeader(name, value);
      if (this.options.cors) await run(this.options.cors, req, res);
      const clientKey = this.clientKeyOf(req);
      if (clientKey) await this.options.rateLimiter!.charge(clientKey, 1);
      await this.serve(req, res, true, clientKey);
    } catch (err) {
      this.fail(res, err);
    }
  }

  /**
   * Answers a GraphQL request; `compress` is false when Express's compression middleware already
   * wraps the response. `clientKey` is the rate limiter's key, when the caller has read it already.
   */
  async serve(req: http.IncomingMessage, res: http.ServerResponse, compress: boolean, clientKey = this.clientKeyOf(req)): Promise<void> {
    try {
      const { apollo, rateLimiter, responseCache } = this.options;
      let body: unknown;
      let slot: CacheSlot | undefined;
      // Other content types reach Apollo without a body, and it says what it wants (or refuses a CSRF attempt).
      if (req.method === 'POST' && mediaTypeOf(req.headers['content-type']) === 'application/json') {
        const read = await readJsonBody(req, this.options.bodyLimit);
        body = read.body;
        const cached = await responseCache.lookup(req.headers, read.raw);
        if (cached?.hit) {
          if (clientKey) await rateLimiter!.chargeCost(clientKey, cached.hit.cost);
          return await this.send(req, res, 200, [['content-type', cached.hit.contentType], ['x-cache', 'hit']], cached.hit.body, compress);
        }
        slot = cached?.slot;
      }
      let cacheableCost: number | undefined;
      const markCacheable = (cost: number) => { cacheableCost = cost; };
      const answer = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method!.toUpperCase(), headers: headerMapOf(req.headers), search: searchOf(req.url), body },
        context: async () => this.options.context(req, { clientKey, markCacheable }),
      });
      const status = answer.status ?? 200;
      const headers = [...answer.headers];
      if (answer.body.kind === 'complete') {
        const bytes = Buffer.from(answer.body.string);
        if (slot && cacheableCost !== undefined && status === 200) {
          responseCache.keep(slot, { body: bytes, contentType: answer.headers.get('content-type') ?? 'application/json', cost: cacheableCost });
        }
        return await this.send(req, res, status, headers, bytes, compress);
      }
      res.writeHead(status, headers);
      for await (const chunk of answer.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (err) {
      this.fail(res, err);
    }
  }

  /** The rate limiter's key for the client of a request; undefined without a rate limiter. */
  private clientKeyOf(req: http.IncomingMessage): string | undefined {
    return this.options.rateLimiter?.clientKey(req.headers, this.options.clientAddress(req));
  }

  private async send(req: http.IncomingMessage, res: http.ServerResponse, status: number, headers: [string, string][], body: Buffer, compress: boolean): Promise<void> {
    res.statusCode = status;
    for (const [name, value] of headers) res.setHeader(name, value);
    const out = compress ? await compressAnswer(req, res, body, this.options.compressMinBytes) : body;
    res.setHeader('content-length', out.length);
    res.end(out);
  }

  /** Refusals answer in JSON with a code; anything else is logged and answers 500 without details. */
  private fail(res: http.ServerResponse, err: unknown): void {
    if (res.headersSent || res.destroyed) { res.destroy(); return; }
    if (err instanceof RateLimitedError) return sendRateLimited(res, err);
    const known = err instanceof BodyError;
    if (!known) this.options.log.error({ err: { message: (err as Error)?.message, stack: (err as Error)?.stack } }, 'unexpected error on /graphql');
    const status = known ? err.status : 500;
    const body = JSON.stringify({ errors: [{ message: known ? err.message : 'Internal server error', extensions: { code: known ? err.code : 'INTERNAL_SERVER_ERROR' } }] });
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), vary: 'Accept-Encoding' });
    res.end(body);
  }
}

/** The headers a middleware sets on an answer (helmet's are the same for every request). */
export function headersSetBy(middleware: Middleware): [string, string][] {
  const headers = new Map<string, string>();
  const res = {
    setHeader: (name: string, value: unknown) => headers.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
    getHeader: (name: string) => headers.get(name.toLowerCase()),
  };
  let called = false;
  middleware({ headers: {}, method: 'GET', url: '/' } as http.IncomingMessage, res as unknown as http.ServerResponse, () => { called = true; });
  if (!called) throw new Error('headersSetBy: the middleware did not finish at once, so its headers cannot be recorded');
  return [...headers];
}

function run(middleware: Middleware, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  return new Promise((resolve, reject) => middleware(req, res, (err) => (err ? reject(err) : resolve())));
}

function headerMapOf(headers: http.IncomingHttpHeaders): HeaderMap {
  const map = new HeaderMap();
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) map.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return map;
}

function searchOf(url: string | undefined): string {
  const at = url?.indexOf('?') ?? -1;
  return at < 0 ? '' : url!.slice(at);
}
