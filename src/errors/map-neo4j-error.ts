import { GraphQLError } from 'graphql';
import { InsufficientStorageError, InternalError, QueryTimeoutError, UnavailableError } from './app-errors';

/** Codes meaning "the database is not there right now", from neo4j-driver and the server. */
const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable', 'SessionExpired', 'Neo.ClientError.Security.Unauthorized', 'Neo.ClientError.Database.DatabaseNotFound',
  // After a panic (such as a full disk on commit) every transaction fails to start until Neo4j restarts.
  'Neo.DatabaseError.Transaction.TransactionStartFailed',
]);

/**
 * What Neo4j 5.26 answers when the disk fills: the commit that cannot append to the
 * transaction log fails with TransactionLogError (the database then panics). Measured on a
 * full tmpfs; the Bolt error carries no cause, the JVM's panic event says "No space left on device".
 */
const DISK_FULL_CODES = new Set(['Neo.DatabaseError.Transaction.TransactionLogError']);

/** Neo4j's own read-only failover when it cannot allocate store space ("failure to allocate disk space"). */
const READ_ONLY_CODE = 'Neo.ClientError.General.ForbiddenOnReadOnlyDatabase';

export interface Neo4jErrorContext {
  /** The database is known to be out of space, so a refused write is a full disk, not a read-only store. */
  diskFull?: boolean;
}

/** The Neo4jError.code of a driver error, or '' when it has none. */
export function neo4jErrorCode(err: unknown): string {
  return typeof (err as { code?: unknown })?.code === 'string' ? (err as { code: string }).code : '';
}

/**
 * Turns a driver error into a client-facing GraphQLError by its Neo4jError.code, never by
 * message text, so the client sees a stable code and no internals.
 */
export function mapNeo4jError(err: unknown, context: Neo4jErrorContext = {}): GraphQLError {
  if (err instanceof GraphQLError) return err;
  const code = neo4jErrorCode(err);
  if (DISK_FULL_CODES.has(code) || code === READ_ONLY_CODE && context.diskFull) return new InsufficientStorageError();
  if (UNAVAILABLE_CODES.has(code) || code.startsWith('Neo.TransientError.') && !code.includes('Transaction.')) {
    return new UnavailableError();
  }
  if (code === 'Neo.ClientError.Transaction.TransactionTimedOut' || code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'
    || code === 'Neo.TransientError.Transaction.LockClientStopped' || code === 'Neo.ClientError.Transaction.Terminated'
    || code === 'Neo.TransientError.Transaction.Terminated') {
    return new QueryTimeoutError();
  }
  return new InternalError(err);
}
