import crypto from 'node:crypto';
import http from 'node:http';
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

/** A kept answer: the bytes sent, their content type, and the query cost a hit still pays in rate-limit points. */
export interface CachedAnswer { body: Buffer; contentType: string; cost: number }
interface Entry extends CachedAnswer { version: number }
/** Where a missed request's answer goes: its key and the graph version it is read at. */
export interface CacheSlot { key: string; version: number }
export type CacheLookup = { hit: CachedAnswer; slot?: undefined } | { slot: CacheSlot; hit?: undefined };

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

  constructor(private readonly options: ResponseCacheOptions, private readonly version: GraphVersion) {}

  get enabled(): boolean {
    return this.options.maxBytes > 0;
  }

  /**
   * For a POST with a JSON body (the raw bytes): the cached answer when it is current, else the
   * slot to keep this request's answer in, or undefined when the cache stays out (off, a request
   * seen for the first time, Neo4j down: the query then says why it fails).
   */
  async lookup(headers: http.IncomingHttpHeaders, raw: Buffer): Promise<CacheLookup | undefined> {
    if (!this.enabled) return undefined;
    const key = this.keyOf(headers, raw);
    if (!this.entries.has(key) && !this.remember(key)) return undefined;
    let version: number;
    try {
      version = await this.version.current();
    } catch {
      return undefined;
    }
    const entry = this.entries.get(key);
    if (entry && entry.version === version) {
      // Most recently used last: Map keeps insertion order, the first key is the one to evict.
      this.entries.delete(key);
      this.entries.set(key, entry);
      responseCacheEvents.inc({ event: 'hit' });
      return { hit: entry };
    }
    if (entry) this.drop(key);
    responseCacheEvents.inc({ event: 'miss' });
    return { slot: { key, version } };
  }

  /** Keeps an answer the GraphQL layer marked cacheable (a query without errors), when it fits. */
  keep(slot: CacheSlot, answer: CachedAnswer): void {
    if (answer.body.length <= this.options.maxEntryBytes) this.store(slot.key, { ...answer, version: slot.version });
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

  private keyOf(headers: http.IncomingHttpHeaders, raw: Buffer): string {
    const hash = crypto.createHash('sha256');
    hash.update(new Date().toISOString().slice(0, 10)).update('\0').update(String(headers.accept ?? '')).update('\0');
    return hash.update(raw).digest('base64url');
  }
}
