import { Database } from './db/database';
import { SourceCatalog } from './graph/source/source-catalog';
import { NameIndexCache } from './mentions/name-index-cache';

/** What every resolver gets: the database door, in-memory catalogs, and who is asking. */
export interface AppContext {
  db: Database;
  catalog: SourceCatalog;
  names: NameIndexCache;
  /** Set when the server requires a token for writes (WRITE_TOKEN). */
  writeToken?: string;
  /** The bearer token of this request, if any. */
  bearerToken?: string;
}
