import { GraphQLError } from 'graphql';
import { InternalError, QueryTimeoutError, UnavailableError } from './app-errors';

/** Codes meaning "the database is not there right now", from neo4j-driver and the server. */
const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.ClientError.Security.Unauthorized', 'Neo.ClientError.Database.DatabaseNotFound']);

/**
 * Turns a driver error into a client-facing GraphQLError by its Neo4jError.code, never by
 * message text, so the client sees a stable code and no internals.
 */
export function mapNeo4jError(err: unknown): GraphQLError {
  if (err instanceof GraphQLError) return err;
  const code = typeof (err as { code?: unknown })?.code === 'string' ? (err as { code: string }).code : '';
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
