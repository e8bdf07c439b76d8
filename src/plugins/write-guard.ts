import { GraphQLError } from 'graphql';
import { AppContext } from '../context';

/**
 * Writes are open on a local server, and closed behind a bearer token when WRITE_TOKEN is set
 * (the authenticated-writes work builds on this): a missing or wrong token is UNAUTHENTICATED.
 */
export function assertCanWrite(ctx: AppContext): void {
  if (!ctx.writeToken) return;
  if (ctx.bearerToken !== ctx.writeToken) {
    throw new GraphQLError('This mutation needs Authorization: Bearer <WRITE_TOKEN>', { extensions: { code: 'UNAUTHENTICATED' } });
  }
}
