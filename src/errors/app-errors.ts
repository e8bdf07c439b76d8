import { GraphQLError } from 'graphql';

/** Errors a client may see; each carries a literal extensions.code. */
export class BadUserInputError extends GraphQLError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', ...extra } });
  }
}

export class NotFoundError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'NOT_FOUND' } });
  }
}

/** The request would overwrite something it must not (an id already used by another kind of entity). */
export class ConflictError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'CONFLICT' } });
  }
}

/** The database cannot be reached or is not ready; the client may retry later. */
export class UnavailableError extends GraphQLError {
  constructor(message = 'The graph database is unavailable; try again shortly') {
    super(message, { extensions: { code: 'UNAVAILABLE', retryable: true } });
  }
}

/** A write failed because the database's disk is full; the client may retry once space is freed. */
export class InsufficientStorageError extends GraphQLError {
  constructor(message = "The database's disk is full; writes are refused until space is freed") {
    super(message, { extensions: { code: 'INSUFFICIENT_STORAGE', retryable: true } });
  }
}

/** A query ran past its time limit (QUERY_TIMEOUT_MS or a per-operation bound). */
export class QueryTimeoutError extends GraphQLError {
  constructor(message = 'The query took too long and was stopped; narrow it (fewer hops, a smaller depth)') {
    super(message, { extensions: { code: 'QUERY_TIMEOUT' } });
  }
}

/** Something unexpected; the cause is logged on the server, never sent to the client. */
export class InternalError extends GraphQLError {
  constructor(cause?: unknown) {
    super('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' }, originalError: cause instanceof Error ? cause : undefined });
  }
}
