import neo4j, { Driver, QueryConfig, Record as Neo4jRecord, RoutingControl } from 'neo4j-driver';
import { InsufficientStorageError } from '../errors/app-errors';
import { mapNeo4jError } from '../errors/map-neo4j-error';
import { CypherRegistry } from './cypher-registry';
import { DatabaseHealth } from './database-health';
import { toNative } from './to-native';
import { neo4jQueries } from '../observability/metrics';
import { QueryLimiter } from './query-limiter';
import { RequestBookmarks } from './request-bookmarks';
import { patchDriver } from './driver-patches';

export interface DatabaseOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
  queryTimeoutMs: number;
}

/**
 * JavaScript numbers travel as Cypher floats, which LIMIT and list slices refuse; top-level
 * whole numbers in parameters are counts and limits here, so they go as integers.
 */
function withIntegers(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) out[key] = typeof value === 'number' && Number.isSafeInteger(value) ? neo4j.int(value) : value;
  return out;
}

/**
 * Calls `run` (which must construct the driver's Result synchronously) with V8 capturing no stack
 * frames. The driver's Result formats the caller's stack trace on every query, in case the query
 * fails (`captureStacktrace` in neo4j-driver-core's result.js: a new Error whose `stack` it reads
 * at once): 4-5% of this server's CPU on small reads (Connection, warm JVM). A failed query is
 * mapped to a coded GraphQL error by its query's name (mapNeo4jError) and its stack never
 * reaches a client, so the trace is not worth that.
 */
export function runWithoutCallerStack<T>(run: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return run();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * The one door to Neo4j. Services call run() with a query name from cypher/queries and
 * parameters; every value travels as a $parameter. Errors come back as GraphQLErrors with a code.
 * Given a DatabaseHealth, it fails fast while Neo4j is down, hung or restarting: new queries,
 * queued ones and those in flight all get UNAVAILABLE at once.
 */
export class Database {
  readonly driver: Driver;
  /** Fewer queries at once than the pool has connections, so the pool never times out; 2 s in the queue at most. */
  readonly limiter = new QueryLimiter(40, 2000);
  /** Set on a request's view (forRequest): the bookmarks its reads wait for and its writes leave. */
  private bookmarks?: RequestBookmarks;

  constructor(private readonly options: DatabaseOptions, readonly registry: CypherRegistry, readonly health?: DatabaseHealth) {
    health?.onChange(() => {
      const err = health.failFastError(false);
      if (err) this.limiter.rejectWaiting(err);
    });
    patchDriver();
    this.driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      // Fail fast when Neo4j is down: the client gets UNAVAILABLE in seconds, not after 60 s of retries.
      connectionTimeout: 3000,
      connectionAcquisitionTimeout: 5000,
      maxTransactionRetryTime: 1500,
      maxConnectionPoolSize: 50,
      disableLosslessIntegers: false,
    });
  }

  /**
   * This database for one request: the same driver and limits, with the request's bookmarks (a
   * view sharing everything else through its prototype, so it costs one small object).
   */
  forRequest(bookmarks: RequestBookmarks): Database {
    const view = Object.create(this) as Database;
    view.bookmarks = bookmarks;
    return view;
  }

  /** Runs a named read query and returns its records as plain objects. */
  async read<T = any>(name: string, params: Record<string, unknown> = {}, timeoutMs?: number): Promise<T[]> {
    return this.runText(this.registry.get(name), params, neo4j.routing.READ, timeoutMs);
  }

  /** Runs a named write query and returns its records as plain objects. */
  async write<T = any>(name: string, params: Record<string, unknown> = {}, timeoutMs?: number): Promise<T[]> {
    return this.runText(this.registry.get(name), params, neo4j.routing.WRITE, timeoutMs);
  }

  /**
   * For Cypher built by a query builder from fixed fragments (never from user text). A write
   * marks the graph changed (cache/bump-graph-version) before it returns, so no response cache,
   * in this process or another, serves an answer from before it.
   */
  async runText<T = any>(cypher: string, params: Record<string, unknown>, routing: RoutingControl = neo4j.routing.READ, timeoutMs?: number): Promise<T[]> {
    const rows = await this.execute<T>(cypher, params, routing, timeoutMs);
    if (routing === neo4j.routing.WRITE) await this.execute(this.registry.get('cache/bump-graph-version'), {}, neo4j.routing.WRITE);
    return rows;
  }

  /**
   * A named read sent where writes go (the cluster's leader): it sees every acknowledged write,
   * whichever server process made it. For the graph version the response caches check.
   */
  async readFromLeader<T = any>(name: string, params: Record<string, unknown> = {}, timeoutMs?: number): Promise<T[]> {
    return this.execute<T>(this.registry.get(name), params, neo4j.routing.WRITE, timeoutMs, false);
  }

  private async execute<T>(cypher: string, params: Record<string, unknown>, routing: RoutingControl, timeoutMs?: number, write = routing === neo4j.routing.WRITE): Promise<T[]> {
    // Checked before the queue: a query refused now must not wait for a slot and run later for nobody.
    const early = this.health?.failFastError(write);
    if (early) throw early;
    try {
      const config: QueryConfig = {
        database: this.options.database,
        routing,
        transactionConfig: { timeout: timeoutMs ?? this.options.queryTimeoutMs },
      };
      const bookmarks = this.bookmarks;
      // A client that sent the bookmark of its write reads after it, on any cluster member.
      if (bookmarks?.given.length) config.bookmarkManager = neo4j.bookmarkManager({ initialBookmarks: bookmarks.given });
      neo4jQueries.inc({ mode: write ? 'write' : 'read' });
      const work = this.limiter.run(() => (routing === neo4j.routing.READ
        ? this.autoCommitRead(cypher, withIntegers(params), config) : this.driver.executeQuery(cypher, withIntegers(params), config)));
      const result = this.health ? await this.health.guard(work, write) : await work;
      this.health?.noteAnswer();
      if (write && this.health?.isDiskFull) this.health.noteDiskFull(false);
      if (write && bookmarks) bookmarks.written = [...await this.driver.executeQueryBookmarkManager.getBookmarks()];
      return result.records.map((record) => toNative(record.toObject()) as T);
    } catch (err) {
      throw this.mapError(err, write);
    }
  }

  /**
   * A read as one auto-commit query (RUN and PULL, no BEGIN and COMMIT): one round trip instead of
   * the managed transaction's three, and about half the driver's CPU per query (measured 0.9 vs
   * 1.7 ms). It is routed to a reader all the same and waits for the same bookmarks, so a client
   * still reads its writes; a retriable failure (a cluster member going away) is tried once more.
   */
  private async autoCommitRead(cypher: string, params: Record<string, unknown>, config: QueryConfig, attempt = 1): Promise<{ records: Neo4jRecord[] }> {
    const session = this.driver.session({
      database: config.database, defaultAccessMode: neo4j.session.READ,
      bookmarkManager: config.bookmarkManager ?? this.driver.executeQueryBookmarkManager,
    });
    try {
      return await runWithoutCallerStack(() => session.run(cypher, params, config.transactionConfig));
    } catch (err) {
      if (attempt < 2 && neo4j.isRetryableError(err)) return this.autoCommitRead(cypher, params, config, attempt + 1);
      throw err;
    } finally {
      await session.close();
    }
  }

  /** Keeps a session's bookmarks for the request that wrote (sent back to the client). */
  private noteWritten(bookmarks: string[]): void {
    if (this.bookmarks) this.bookmarks.written = bookmarks;
  }

  /** Maps a driver error and tells the health monitor when it says the disk is full. */
  private mapError(err: unknown, write: boolean) {
    const mapped = mapNeo4jError(err, { diskFull: this.health?.isDiskFull });
    if (mapped.extensions.code === 'INSUFFICIENT_STORAGE') this.health?.noteDiskFull(true);
    // A write refused while the disk is known to be full (a panicked or restarting store) is refused for that reason.
    if (write && this.health?.isDiskFull && mapped.extensions.code === 'UNAVAILABLE') return new InsufficientStorageError();
    return mapped;
  }

  /** Runs several statements in one write transaction: all or nothing. */
  async writeTransaction(statements: { cypher: string; params: Record<string, unknown> }[], onStep?: (done: number) => void): Promise<void> {
    await this.inWriteTransaction(async (runCypher) => {
      let done = 0;
      for (const statement of statements) {
        await runCypher(statement.cypher, statement.params);
        onStep?.(++done);
      }
    }, 120000);
  }

  /**
   * Runs named write queries in one transaction, chosen as it goes: `work` gets a `run` that
   * executes one named query and returns its records, and may stop after any of them. All or
   * nothing: a throw (or a failed query) rolls everything back. Used where one statement would
   * carry megabytes of parameters: several small ones keep the event loop free while encoding.
   */
  async writeInSteps<T>(work: (run: <R = any>(name: string, params: Record<string, unknown>) => Promise<R[]>) => Promise<T>, timeoutMs = 120000): Promise<T> {
    return this.inWriteTransaction((runCypher) => work((name, params) => runCypher(this.registry.get(name), withIntegers(params))), timeoutMs);
  }

  /**
   * One write transaction around `work`, which runs Cypher in it; the graph version is bumped in
   * the same transaction (the response caches), the request keeps the bookmarks, and errors get
   * their codes (the caller's own GraphQLErrors go out as they are).
   */
  private async inWriteTransaction<T>(work: (runCypher: (cypher: string, params: Record<string, unknown>) => Promise<any[]>) => Promise<T>, timeoutMs: number): Promise<T> {
    const early = this.health?.failFastError(true);
    if (early) throw early;
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.WRITE, bookmarks: this.bookmarks?.given });
    try {
      const done = session.executeWrite(async (tx) => {
        const value = await work(async (cypher, params) => {
          neo4jQueries.inc({ mode: 'write' });
          const result = await tx.run(cypher, params);
          return result.records.map((record) => toNative(record.toObject()));
        });
        await tx.run(this.registry.get('cache/bump-graph-version'));
        return value;
      }, { timeout: timeoutMs });
      const value = await (this.health ? this.health.guard(done, true) : done);
      if (this.health?.isDiskFull) this.health.noteDiskFull(false);
      this.noteWritten(session.lastBookmarks());
      return value;
    } catch (err) {
      throw this.mapError(err, true);
    } finally {
      // A hung Neo4j never answers the close either; do not wait for it then.
      const closed = session.close().catch(() => {});
      if (!this.health?.failing) await closed;
    }
  }

  /** True when Neo4j answers a trivial query within `timeoutMs`, a hung one included. */
  async ping(timeoutMs = 2000): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const query = this.driver.executeQuery('RETURN 1', {}, { database: this.options.database, transactionConfig: { timeout: timeoutMs } })
      .then(() => true, () => false);
    const late = new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(false), timeoutMs); });
    try {
      return await Promise.race([query, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
