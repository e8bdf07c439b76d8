import { GraphQLError } from 'graphql';

export type LimitCode = 'ROOT_FIELD_LIMIT' | 'FIELD_LIMIT' | 'DEPTH_LIMIT' | 'ALIAS_LIMIT' | 'DIRECTIVE_LIMIT' | 'TOKEN_LIMIT' | 'COST_LIMIT' | 'INTROSPECTION_LIMIT';

/** A request refused for its size; `limit` and `measured` tell the client how far over it is. */
export class LimitError extends GraphQLError {
  constructor(code: LimitCode, message: string, limit: number, measured: number | string) {
    super(message, { extensions: { code, limit, measured, http: { status: 400 } } });
  }
}
