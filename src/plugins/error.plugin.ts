import { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { Logger } from 'pino';
import { AppContext } from '../context';

const PUBLIC_CODES = new Set([
  'BAD_USER_INPUT', 'NOT_FOUND', 'UNAVAILABLE', 'QUERY_TIMEOUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'CONFLICT',
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE',
  'INTERNAL_SERVER_ERROR',
]);

/**
 * Logs each request (operation, duration, error codes) and masks anything unexpected as
 * INTERNAL_SERVER_ERROR, so no stack trace or database detail reaches a client.
 */
export function createErrorPlugin(log: Logger): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart({ request }) {
      const started = process.hrtime.bigint();
      return {
        async didEncounterErrors({ errors }) {
          for (const err of errors) {
            const original = unwrapResolverError(err);
            const code = (err.extensions?.code as string) ?? 'INTERNAL_SERVER_ERROR';
            if (code === 'INTERNAL_SERVER_ERROR') {
              const cause = (original instanceof GraphQLError && original.originalError ? original.originalError : original) as Error;
              log.error({ err: { message: cause.message, code: (cause as { code?: string }).code, stack: cause.stack }, operation: request.operationName }, 'unexpected error');
            }
          }
        },
        async willSendResponse({ response, errors }) {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          log.info({ operation: request.operationName ?? null, ms: Math.round(ms * 10) / 10, errors: errors?.map((e) => e.extensions?.code) ?? [] }, 'graphql request');
          void response;
        },
      };
    },
  };
}

/** Apollo's formatError: known codes pass; everything else becomes a bare INTERNAL_SERVER_ERROR. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  let code = formatted.extensions?.code as string | undefined;
  const original = unwrapResolverError(error);
  // A bad literal (such as date: "2015-13-11") fails validation; the scalar's own error says why.
  if (code === 'GRAPHQL_VALIDATION_FAILED' && original instanceof GraphQLError && original.originalError instanceof GraphQLError
    && original.originalError.extensions?.code === 'BAD_USER_INPUT') {
    code = 'BAD_USER_INPUT';
    formatted = { ...formatted, extensions: { ...formatted.extensions, code } };
  }
  if (code && PUBLIC_CODES.has(code) && (code !== 'INTERNAL_SERVER_ERROR' || original instanceof GraphQLError)) {
    const { stacktrace: _drop, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { ...formatted, extensions };
  }
  return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
