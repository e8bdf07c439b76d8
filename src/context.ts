import type { GraphQLSchema } from 'graphql';
import { Database } from './db/database';
import { RequestBookmarks } from './db/request-bookmarks';
import { SourceCatalog } from './graph/source/source-catalog';
import { NameIndexCache } from './mentions/name-index-cache';

/** What every resolver gets: the database door, in-memory catalogs, and who is asking. */
export interface AppContext {
  /** This request's view of the database (Database.forRequest): it carries the request's bookmarks. */
  db: Database;
  /** The Neo4j bookmarks the client sent, and those its writes left (sent back in `neo4j-bookmark`). */
  bookmarks?: RequestBookmarks;
  catalog: SourceCatalog;
  names: NameIndexCache;
  /** The write credential (WRITE_TOKEN); unset means writes are off. */
  writeToken?: string;
  /** The bearer token of this request, if any. */
  bearerToken?: string;
  /** Who is asking, for the rate limiter: a configured API key, else the address. */
  clientKey?: string;
  /** The operation's estimated cost, set before it runs (plugins/limits). */
  cost?: number;
  /** The schema the request runs on: services compile their own selections against it. */
  schema?: GraphQLSchema;
  /** The server's logger (the compiled Cypher of a request goes to debug). */
  log?: { debug: (obj: object, msg: string) => void; isLevelEnabled?: (level: string) => boolean };
  /** Tells the response cache that this answer may be kept (a query without errors); set by the HTTP layer. */
  markCacheable?: (cost: number) => void;
  /** Ingest bounds (HttpOptions). */
  ingestLimits?: { maxSourceChars: number; maxMentionsPerSource: number };
}
