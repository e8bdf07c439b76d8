import neo4j, { Driver, QueryConfig, RoutingControl } from 'neo4j-driver';
import { mapNeo4jError } from '../errors/map-neo4j-error';
import { CypherRegistry } from './cypher-registry';
import { toNative } from './to-native';
import { QueryLimiter } from './query-limiter';

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
 * The one door to Neo4j. Services call run() with a query name from cypher/queries and
 * parameters; every value travels as a $parameter. Errors come back as GraphQLErrors with a code.
 */
export class Database {
  readonly driver: Driver;
  /** Fewer queries at once than the pool has connections, so the pool never times out. */
  private readonly limiter = new QueryLimiter(40, 10000);

  constructor(private readonly options: DatabaseOptions, readonly registry: CypherRegistry) {
    this.driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      // Fail fast when Neo4j is down: the client gets UNAVAILABLE in seconds, not after 60 s of retries.
      connectionTimeout: 3000,
      connectionAcquisitionTimeout: 5000,
      maxTransactionRetryTime: 1500,
      maxConnectionPoolSize: 50,
      disableLosslessIntegers: false,
    });
  }

  /** Runs a named read query and returns its records as plain objects. */
  async read<T = any>(name: string, params: Record<string, unknown> = {}, timeoutMs?: number): Promise<T[]> {
    return this.runText(this.registry.get(name), params, neo4j.routing.READ, timeoutMs);
  }

  /** Runs a named write query and returns its records as plain objects. */
  async write<T = any>(name: string, params: Record<string, unknown> = {}, timeoutMs?: number): Promise<T[]> {
    return this.runText(this.registry.get(name), params, neo4j.routing.WRITE, timeoutMs);
  }

  /** For Cypher built by a query builder from fixed fragments (never from user text). */
  async runText<T = any>(cypher: string, params: Record<string, unknown>, routing: RoutingControl = neo4j.routing.READ, timeoutMs?: number): Promise<T[]> {
    try {
      const config: QueryConfig = {
        database: this.options.database,
        routing,
        transactionConfig: { timeout: timeoutMs ?? this.options.queryTimeoutMs },
      };
      const result = await this.limiter.run(() => this.driver.executeQuery(cypher, withIntegers(params), config));
      return result.records.map((record) => toNative(record.toObject()) as T);
    } catch (err) {
      throw mapNeo4jError(err);
    }
  }

  /** Runs several statements in one write transaction: all or nothing. */
  async writeTransaction(statements: { cypher: string; params: Record<string, unknown> }[], onStep?: (done: number) => void): Promise<void> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.executeWrite(async (tx) => {
        let done = 0;
        for (const statement of statements) {
          await tx.run(statement.cypher, statement.params);
          onStep?.(++done);
        }
      }, { timeout: 120000 });
    } catch (err) {
      throw mapNeo4jError(err);
    } finally {
      await session.close();
    }
  }

  /** True when Neo4j answers a trivial query right now. */
  async ping(): Promise<boolean> {
    try {
      await this.driver.executeQuery('RETURN 1', {}, { database: this.options.database, transactionConfig: { timeout: 2000 } });
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
