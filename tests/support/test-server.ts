import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { DatabaseState, refreshCatalog } from '../../src/db/bootstrap';
import { CypherRegistry } from '../../src/db/cypher-registry';
import { Database } from '../../src/db/database';
import { QUERY_NAMES } from '../../src/db/query-names';
import { SourceCatalog } from '../../src/graph/source/source-catalog';
import { startApp, RunningApp } from '../../src/http/app';
import { HttpOptions } from '../../src/config';
import { NameIndexCache } from '../../src/mentions/name-index-cache';

const root = path.resolve(__dirname, '..', '..');

export interface TestServer {
  url: string;
  db: Database;
  app: RunningApp;
  /** POSTs a GraphQL request and returns the parsed body. */
  graphql(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ data?: any; errors?: any[] }>;
  /** graphql() with the server's write token as the bearer token. */
  write(query: string, variables?: Record<string, unknown>): Promise<{ data?: any; errors?: any[] }>;
  /** graphql() expecting no errors: the data. */
  data(query: string, variables?: Record<string, unknown>): Promise<any>;
  /** Runs a named operation from schema/operations. */
  operation(name: string, variables: Record<string, unknown>): Promise<{ data?: any; errors?: any[] }>;
  close(): Promise<void>;
}

export function testDatabase(uri = process.env.TEST_NEO4J_URI!, password = process.env.TEST_NEO4J_PASSWORD!): Database {
  return new Database({ uri, user: process.env.TEST_NEO4J_USER ?? 'neo4j', password, database: process.env.TEST_NEO4J_DATABASE ?? 'neo4j', queryTimeoutMs: 30000 },
    new CypherRegistry(path.join(root, 'cypher', 'queries'), QUERY_NAMES));
}

export function readOperation(name: string): string {
  return fs.readFileSync(path.join(root, 'schema', 'operations', `${name}.graphql`), 'utf8');
}

/** The real HTTP server on a free port over the test Neo4j (seeded by the global setup). */
/** The write token test servers use unless told otherwise. */
export const TEST_WRITE_TOKEN = 'test-write-token-0123456789';

export async function startTestServer(db: Database = testDatabase(), state?: DatabaseState, options: { writeToken?: string | null; http?: Partial<HttpOptions> } = {}): Promise<TestServer> {
  const writeToken = options.writeToken === null ? undefined : options.writeToken ?? TEST_WRITE_TOKEN;
  const catalog = new SourceCatalog();
  const dbState = state ?? Object.assign(new DatabaseState(), { schemaApplied: true, seeded: true });
  if (!state) await refreshCatalog(db, catalog);
  const app = await startApp({ db, catalog, names: new NameIndexCache(), state: dbState, log: pino({ level: 'silent' }), writeToken, http: options.http }, 0, '127.0.0.1');
  const graphql = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
    const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    return res.json() as Promise<{ data?: any; errors?: any[] }>;
  };
  return {
    url: app.url, db, app, graphql,
    write: (query, variables) => graphql(query, variables, writeToken ? { authorization: `Bearer ${writeToken}` } : {}),
    operation: (name, variables) => graphql(readOperation(name), variables),
    data: async (query, variables) => {
      const { data, errors } = await graphql(query, variables);
      expect(errors).toBeUndefined();
      return data;
    },
    close: async () => { await app.close(); await db.close(); },
  };
}
