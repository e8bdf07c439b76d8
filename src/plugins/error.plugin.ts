import { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { Logger } from 'pino';
import { AppContext } from '../context';

const PUBLIC_CODES = new Set([
  'BAD_USER_INPUT', 'NOT_FOUND', 'UNAVAILABLE', 'QUERY_TIMEOUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'CONFLICT',
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE',
  'INTERNAL_SERVER_ERROR', 'PERSISTED_QUERY_NOT_SUPPORTED', 'RATE_LIMITED', 'PAYLOAD_TOO_LARGE', 'INSUFFICIENT_STORAGE',
  'ROOT_FIELD_LIMIT', 'FIELD_LIMIT', 'DEPTH_LIMIT', 'ALIAS_LIMIT', 'DIRECTIVE_LIMIT', 'TOKEN_LIMIT', 'COST_LIMIT', 'INTROSPECTION_LIMIT',
]);

/** graphql-js says so only in words (16.x writes "more that"): the token limit has no code of its own. */
const TOKEN_LIMIT_MESSAGE = /Document contains more th(?:an|at) (\d+) tokens/;
const TOO_MANY_VARIABLE_ERRORS = /^Too many errors processing variables/;
/** "Did you mean …?" tells a stranger the schema's names even with introspection off. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * Logs each request (operation, duration, error codes) at debug, and unexpected errors at error;
 * masks anything unexpected as INTERNAL_SERVER_ERROR, so no stack trace or database detail reaches
 * a client. A line per request at the default level would cost every request a write
 * (/metrics counts and times them instead).
 */
export function createErrorPlugin(log: Logger): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart({ request }) {
      const perRequest = log.isLevelEnabled('debug');
      const started = perRequest ? process.hrtime.bigint() : 0n;
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
        async willSendResponse({ errors }) {
          if (!perRequest) return;
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          log.debug({ operation: request.operationName ?? null, ms: Math.round(ms * 10) / 10, errors: errors?.map((e) => e.extensions?.code) ?? [] }, 'graphql request');
        },
      };
    },
  };
}

/**
 * Apollo's formatError: known codes pass; everything else becomes a bare INTERNAL_SERVER_ERROR.
 * A validation error raised by one of our rules (a bad literal, a request limit) takes that
 * rule's code and extensions; field suggestions are cut unless enabled.
 */
export function createFormatError(options: { fieldSuggestions: boolean } = { fieldSuggestions: true }) {
  return function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    let code = formatted.extensions?.code as string | undefined;
    const original = unwrapResolverError(error);
    const cause = original instanceof GraphQLError && original.originalError instanceof GraphQLError ? original.originalError : undefined;
    if (code === 'GRAPHQL_VALIDATION_FAILED' && cause && PUBLIC_CODES.has(cause.extensions?.code as string)) {
      const { http: _http, ...own } = cause.extensions as Record<string, unknown>;
      code = own.code as string;
      formatted = { ...formatted, extensions: { ...formatted.extensions, ...own } };
    }
    // graphql-js gives up after 50 bad variables with an error that has no code; it is still the client's input.
    if (TOO_MANY_VARIABLE_ERRORS.test(formatted.message) && original instanceof GraphQLError && !original.originalError) {
      code = 'BAD_USER_INPUT';
      formatted = { ...formatted, extensions: { ...formatted.extensions, code } };
    }
    const tokens = code === 'GRAPHQL_PARSE_FAILED' ? TOKEN_LIMIT_MESSAGE.exec(formatted.message) : null;
    if (tokens) {
      code = 'TOKEN_LIMIT';
      formatted = { ...formatted, message: `A request may hold at most ${tokens[1]} tokens; this one holds more`, extensions: { code, limit: Number(tokens[1]), measured: `>${tokens[1]}` } };
    }
    if (!options.fieldSuggestions) formatted = { ...formatted, message: formatted.message.replace(SUGGESTION, '') };
    if (code && PUBLIC_CODES.has(code) && (code !== 'INTERNAL_SERVER_ERROR' || original instanceof GraphQLError)) {
      const { stacktrace: _drop, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
      return { ...formatted, extensions };
    }
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
