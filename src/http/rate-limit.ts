import crypto from 'node:crypto';
import http from 'node:http';
import express from 'express';
import { GraphQLError } from 'graphql';
import { HeaderMap } from '@apollo/server';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface RateLimitOptions {
  /** Points a client may spend per window; 0 turns rate limiting off. */
  points: number;
  windowSeconds: number;
  /** Keys that identify a client by themselves (header x-api-key); others are counted by address. */
  apiKeys: string[];
  /** One point buys this much query cost, on top of the point every request pays. */
  costPerPoint: number;
}

/** 1,200 points a minute: 20 plain requests a second, or about 35 Summits (cost 6,100) a minute. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { points: 1200, windowSeconds: 60, apiKeys: [], costPerPoint: 200 };

/** Routes that cost more than a plain request (whole-graph exports), in points. */
const ROUTE_WEIGHTS: [RegExp, number][] = [[/^\/export\/graph\./, 20], [/^\/export\//, 5]];
/** Probes are never limited: an orchestrator must always be able to ask. */
const UNLIMITED = new Set(['/health', '/ready', '/metrics']);

/** Thrown when a client has spent its points: HTTP 429 with Retry-After. */
export class RateLimitedError extends GraphQLError {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests from this client; retry in ${retryAfterSeconds} s`, {
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds, http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) } },
    });
  }
}

/**
 * Per-client token buckets (rate-limiter-flexible, in memory): every request pays one point, a
 * GraphQL operation pays extra for its estimated cost, an export by its weight. A client is its
 * API key when the key is one of the configured ones, else its address; unknown keys count as
 * the address, so inventing keys does not buy a fresh bucket.
 */
export class ClientRateLimiter {
  private readonly limiter: RateLimiterMemory | undefined;
  private readonly keys: Set<string>;

  constructor(private readonly options: RateLimitOptions) {
    this.limiter = options.points > 0 ? new RateLimiterMemory({ points: options.points, duration: options.windowSeconds }) : undefined;
    this.keys = new Set(options.apiKeys.map(digest));
  }

  /** The client of a request: `address` is its address as the proxy settings read it (Express's req.ip). */
  clientKey(headers: http.IncomingHttpHeaders, address: string | undefined): string {
    const key = headers['x-api-key'];
    const hash = typeof key === 'string' && key ? digest(key) : undefined;
    if (hash && this.keys.has(hash)) return `key:${hash.slice(0, 16)}`;
    return `ip:${address ?? 'unknown'}`;
  }

  /** Spends points; throws RateLimitedError when the client has none left. */
  async charge(client: string, points: number): Promise<void> {
    if (!this.limiter || points <= 0) return;
    try {
      // A query dearer than a whole window still runs once on a full bucket (the request paid one point already).
      await this.limiter.consume(client, Math.min(points, Math.max(1, this.options.points - 1)));
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res;
      throw new RateLimitedError(Math.max(1, Math.ceil(res.msBeforeNext / 1000)));
    }
  }

  /** The extra points a GraphQL operation of this estimated cost pays. */
  async chargeCost(client: string, cost: number): Promise<void> {
    await this.charge(client, Math.floor(cost / this.options.costPerPoint));
  }

  /** Express middleware: one point per request (more for exports), 429 with Retry-After past the limit. */
  middleware(): express.RequestHandler {
    return (req, res, next) => {
      if (!this.limiter || UNLIMITED.has(req.path)) return next();
      const weight = ROUTE_WEIGHTS.find(([pattern]) => pattern.test(req.path))?.[1] ?? 1;
      this.charge(this.clientKey(req.headers, req.ip ?? req.socket.remoteAddress), weight).then(() => next(), (err) => {
        if (!(err instanceof RateLimitedError)) return next(err);
        sendRateLimited(res, err);
      });
    };
  }
}

/** The 429 answer: Retry-After and a GraphQL-shaped error with the code. */
export function sendRateLimited(res: http.ServerResponse, err: RateLimitedError): void {
  const body = JSON.stringify({ errors: [{ message: err.message, extensions: { code: 'RATE_LIMITED', retryAfterSeconds: err.retryAfterSeconds } }] });
  res.writeHead(429, { 'retry-after': String(err.retryAfterSeconds), 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function digest(value: string): string {
  return crypto.createHash('sha256').update(value).digest('hex');
}
