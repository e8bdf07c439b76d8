import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The server's Prometheus metrics (served at /metrics). One registry per process; the counters
 * are module-level so the database door and the GraphQL plugin share them.
 */
export const registry = new Registry();

export const neo4jQueries = new Counter({
  name: 'neo4j_queries_total', help: 'Cypher statements sent to Neo4j (reads, writes, transactions)', labelNames: ['mode'] as const, registers: [registry],
});

export const graphqlRequests = new Counter({
  name: 'graphql_requests_total', help: 'GraphQL requests by operation name and outcome (ok, or the first error code)',
  labelNames: ['operation', 'outcome'] as const, registers: [registry],
});

export const graphqlDuration = new Histogram({
  name: 'graphql_request_duration_seconds', help: 'GraphQL request duration, from parsing to the response',
  labelNames: ['operation'] as const, buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [registry],
});

export const responseCacheEvents = new Counter({
  name: 'response_cache_events_total', help: 'Response cache lookups of repeated queries: hit (served from the cache) or miss (run, then kept)',
  labelNames: ['event'] as const, registers: [registry],
});

/** Set by the database door: how many of its connections run a query now, and how many wait. */
export const neo4jInUse = new Gauge({ name: 'neo4j_pool_in_use_connections', help: 'Driver connections running a query now (the query limiter\'s active slots)', registers: [registry] });
export const neo4jWaiting = new Gauge({ name: 'neo4j_queries_waiting', help: 'Queries waiting for a free slot', registers: [registry] });

/** Operation names become label values: unnamed, or bounded so a client cannot grow the series without end. */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  return /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name) ? name : 'invalid';
}
