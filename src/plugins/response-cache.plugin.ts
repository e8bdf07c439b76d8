import type { ApolloServerPlugin } from '@apollo/server';
import { AppContext } from '../context';

/**
 * Tells the HTTP layer what it may do with an answer: a query that ran without errors may be kept
 * by the response cache (src/cache); a write's Neo4j bookmarks go back in the `neo4j-bookmark`
 * header, so the client can send them with its next read to any server replica.
 */
export function createResponseCachePlugin(): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, response, errors, contextValue }) {
          const written = contextValue.bookmarks?.written;
          if (written?.length) response.http.headers.set('neo4j-bookmark', written.join(','));
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          if (operation?.operation === 'query' && !errors?.length && body && !body.errors?.length) contextValue.markCacheable?.(contextValue.cost ?? 0);
        },
      };
    },
  };
}
