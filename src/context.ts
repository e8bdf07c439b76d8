import { Database } from './db/database';
import { SourceCatalog } from './graph/source/source-catalog';

/** What every resolver gets: the database door and the in-memory source catalog. */
export interface AppContext {
  db: Database;
  catalog: SourceCatalog;
}
