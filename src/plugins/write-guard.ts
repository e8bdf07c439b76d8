import crypto from 'node:crypto';
import { GraphQLError } from 'graphql';
import { AppContext } from '../context';

/** Compares digests of equal length, so the time taken says nothing about the token. */
function sameToken(given: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

/**
 * Writes are closed unless the server has a write credential (WRITE_TOKEN): without one every
 * mutation is FORBIDDEN; with one, a missing or wrong bearer token is UNAUTHENTICATED.
 */
export function assertCanWrite(ctx: AppContext): void {
  if (!ctx.writeToken) {
    throw new GraphQLError('Writes are off on this server (no WRITE_TOKEN is configured)', { extensions: { code: 'FORBIDDEN' } });
  }
  if (!ctx.bearerToken || !sameToken(ctx.bearerToken, ctx.writeToken)) {
    throw new GraphQLError('This mutation needs Authorization: Bearer <WRITE_TOKEN>', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  }
}
