import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { GraphQLScalarType } from 'graphql';
import neo4j, { Driver, Integer } from 'neo4j-driver';
import { findFreePort } from '../../src/db/embedded-neo4j';
import { TYPE_DEFS } from './neo4j-graphql-typedefs';

/** A server under test in this process: its URL, the Neo4j queries it sent so far, and a stop. */
export interface LocalServer {
  url: string;
  queries(): number;
  close(): Promise<void>;
}

export interface Neo4jCredentials { uri: string; user: string; password: string }

/** Driver values (Integer, Date) as plain JSON, for the JSON scalar of the @cypher fields. */
export function plain(value: unknown): unknown {
  if (neo4j.isInt(value)) return (value as Integer).toNumber();
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(plain);
  if (neo4j.isDate(value as object) || neo4j.isDateTime(value as object)) return String(value);
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, plain(v)]));
}

const JSONScalar = new GraphQLScalarType({ name: 'JSON', serialize: plain, parseValue: (v) => v });

/** Counts every Cypher statement the driver runs in a transaction (what @neo4j/graphql sends). */
export function countingDriver(driver: Driver): { driver: Driver; count: () => number } {
  let count = 0;
  const session = driver.session.bind(driver);
  (driver as { session: Driver['session'] }).session = (config) => {
    const s = session(config);
    const wrap = <T extends { run: (...a: any[]) => any }>(tx: T): T => {
      const run = tx.run.bind(tx);
      tx.run = ((...a: any[]) => { count += 1; return run(...a); }) as T['run'];
      return tx;
    };
    const read = s.executeRead.bind(s);
    const write = s.executeWrite.bind(s);
    s.executeRead = ((work: any, cfg: any) => read((tx: any) => work(wrap(tx)), cfg)) as typeof s.executeRead;
    s.executeWrite = ((work: any, cfg: any) => write((tx: any) => work(wrap(tx)), cfg)) as typeof s.executeWrite;
    return s;
  };
  return { driver, count: () => count };
}

/** @neo4j/graphql 7 over the same Neo4j, served by Apollo standalone on a free loopback port. */
export async function startNeo4jGraphqlServer(db: Neo4jCredentials): Promise<LocalServer & { schemaSdl: () => Promise<string> }> {
  const counted = countingDriver(neo4j.driver(db.uri, neo4j.auth.basic(db.user, db.password)));
  const lib = new Neo4jGraphQL({ typeDefs: TYPE_DEFS, driver: counted.driver, resolvers: { JSON: JSONScalar } });
  const schema = await lib.getSchema();
  const server = new ApolloServer({ schema });
  const port = await findFreePort();
  const { url } = await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
  return {
    url: url.replace(/\/$/, ''),
    queries: counted.count,
    schemaSdl: async () => (await import('graphql')).printSchema(schema),
    close: async () => { await server.stop(); await counted.driver.close(); },
  };
}

/** Apollo standalone with a one-field schema: the floor for `{ __typename }`. */
export async function startTrivialApollo(): Promise<LocalServer> {
  const server = new ApolloServer({ typeDefs: 'type Query { ok: Boolean }', resolvers: { Query: { ok: () => true } } });
  const port = await findFreePort();
  const { url } = await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
  return { url: url.replace(/\/$/, ''), queries: () => 0, close: () => server.stop() };
}
