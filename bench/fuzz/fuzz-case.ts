import { RequestSpec } from '../support/send-request';

/** How a mutation was authorised, and whether it aimed at an id it must never write. */
export interface WriteIntent {
  auth: 'none' | 'wrong' | 'right';
  /** An existing corpus source or entity key: the server must refuse it even with the right token. */
  protectedId: boolean;
}

/** One generated request: over HTTP (most), or raw bytes on a socket. */
export interface FuzzCase {
  index: number;
  generator: string;
  request?: RequestSpec;
  raw?: Buffer;
  write?: WriteIntent;
  /** What the generator did on purpose (faults injected, variant), for the samples. */
  note?: string;
}

/** A GraphQL POST with a JSON body. */
export function graphqlPost(body: unknown, headers: Record<string, string> = {}): RequestSpec {
  return { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}
