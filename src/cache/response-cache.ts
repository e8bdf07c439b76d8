import crypto from 'node:crypto';
import express from 'express';
import { ClientRateLimiter, RateLimitedError } from '../http/rate-limit';
import { responseCacheEvents } from '../observability/metrics';
import { GraphVersion } from './graph-version';

export interface ResponseCacheOptions {
  /** Total size of the cached answers, in bytes; 0 turns the cache off. */
  maxBytes: number;
  /** Answers larger than this are not kept. */
  maxEntryBytes: number;
}

/** 64 MB of answers, none over 4 MB. */
export const DEFAULT_RESPONSE_CACHE: ResponseCacheOptions = { maxBytes: 64 * 1024 * 1024, maxEntryBytes: 4 * 1024 * 1024 };

interface Entry { version: number; body: Buffer; contentType: string; cost: number }

/** What the GraphQL layer tells the cache about the answer it is sending (res.locals). */
export interface CacheableAnswer { cost: number }
const LOCALS_KEY = 'cacheableAnswer';

/** Marks this response as a query answer without errors that the cache may keep (from the Apollo plugin). */
export function markCacheable(res: express.Response, cost: number): void {
  res.locals[LOCALS_KEY] = { cost } satisfies CacheableAnswer;
}

/**
 * Whole answers of repeated read queries, kept as the bytes that were sent and served without
 * running GraphQL or Neo4j again. Never stale: each entry holds the graph version it was read at,
 * and a hit is served only when the current version (GraphVersion, read from Neo4j after the
 * request arrived, so any server process's acknowledged write counts) is the same. A request is
 * the same when its body, its Accept header and the UTC day (defaults such as "today") are.
 * Only successful queries are kept, and only from the second time a request is seen, so one-off
 * requests never pay for the version read. A hit still pays the query's cost in rate-limit points.
 */
export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  /** Keys seen once, oldest first; bounded, so strangers cannot grow it. */
  private readonly seen = new Map<string, true>();
  private bytes = 0;

  constructor(private readonly options: ResponseCacheOptions, private readonly version: GraphVersion, private readonly rateLimiter?: ClientRateLimiter) {}

  get enabled(): boolean {
    return this.options.maxBytes > 0;
  }

  /** Express middleware for /graphql, after the body parser (it needs the raw body: req.rawBody). */
  middleware(): express.RequestHandler {
    return (req, res, next) => {
      const raw = (req as { rawBody?: Buffer }).rawBody;
      // POST with a JSON body only: a GET must pass Apollo's CSRF checks, which a hit would skip.
      if (!this.enabled || req.method !== 'POST' || !raw || !req.is('application/json')) return next();
      const key = this.keyOf(req, raw);
      if (!this.entries.has(key) && !this.remember(key)) return next();
      this.version.current().then((version) => {
        const entry = this.entries.get(key);
        if (entry && entry.version === version) return this.serve(req, res, next, key, entry);
        if (entry) this.drop(key);
        responseCacheEvents.inc({ event: 'miss' });
        this.capture(res, key, version);
        next();
      }, () => next()); // no version (Neo4j down): answer without the cache; the query says why it fails
    };
  }

  private serve(req: express.Request, res: express.Response, next: express.NextFunction, key: string, entry: Entry): void {
    // Most recently used last: Map keeps insertion order, the first key is the one to evict.
    this.entries.delete(key);
    this.entries.set(key, entry);
    const client = this.rateLimiter?.clientKey(req);
    const charge = client && this.rateLimiter ? this.rateLimiter.chargeCost(client, entry.cost) : Promise.resolve();
    charge.then(() => {
      responseCacheEvents.inc({ event: 'hit' });
      res.status(200).set('content-type', entry.contentType).set('x-cache', 'hit').end(entry.body);
    }, (err) => {
      if (!(err instanceof RateLimitedError)) return next(err);
      res.status(429).set('Retry-After', String(err.retryAfterSeconds))
        .json({ errors: [{ message: err.message, extensions: { code: 'RATE_LIMITED', retryAfterSeconds: err.retryAfterSeconds } }] });
    });
  }

  /** Keeps the answer Apollo sends, when the GraphQL layer marked it cacheable. */
  private capture(res: express.Response, key: string, version: number): void {
    const chunks: Buffer[] = [];
    let size = 0;
    const write = res.write.bind(res) as (...a: unknown[]) => boolean;
    const end = res.end.bind(res) as (...a: unknown[]) => express.Response;
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function' || size > this.options.maxEntryBytes) return;
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === 'string' ? encoding as BufferEncoding : 'utf8');
      size += buffer.length;
      chunks.push(buffer);
    };
    (res as { write: unknown }).write = (chunk: unknown, ...rest: unknown[]) => { keep(chunk, rest[0]); return write(chunk, ...rest); };
    (res as { end: unknown }).end = (chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      const answer = res.locals[LOCALS_KEY] as CacheableAnswer | undefined;
      const contentType = String(res.getHeader('content-type') ?? 'application/json');
      if (answer && res.statusCode === 200 && size <= this.options.maxEntryBytes) this.store(key, { version, body: Buffer.concat(chunks), contentType, cost: answer.cost });
      return end(chunk, ...rest);
    };
  }

  private store(key: string, entry: Entry): void {
    this.drop(key);
    this.entries.set(key, entry);
    this.bytes += entry.body.length + key.length;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= old.body.length + oldest.length;
    }
  }

  private drop(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.bytes -= old.body.length + key.length;
  }

  /** True from the second time a key is seen. */
  private remember(key: string): boolean {
    if (this.seen.delete(key)) return true;
    this.seen.set(key, true);
    if (this.seen.size > 10_000) this.seen.delete(this.seen.keys().next().value!);
    return false;
  }

  private keyOf(req: express.Request, raw: Buffer): string {
    const hash = crypto.createHash('sha256');
    hash.update(new Date().toISOString().slice(0, 10)).update('\0').update(String(req.headers.accept ?? '')).update('\0');
    return hash.update(raw).digest('base64url');
  }
}
