import type { ApolloServerPlugin } from '@apollo/server';
import { graphqlDuration, graphqlRequests, operationLabel } from '../observability/metrics';

/** Counts every GraphQL request by operation and outcome, and times it. */
export function createMetricsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, response, errors }) {
          const operation = operationLabel(operationName);
          const body = response.body.kind === 'single' ? response.body.singleResult : null;
          const first = (errors ?? body?.errors ?? [])[0] as { extensions?: { code?: unknown } } | undefined;
          const outcome = first ? String(first.extensions?.code ?? 'ERROR') : 'ok';
          graphqlRequests.inc({ operation, outcome });
          graphqlDuration.observe({ operation }, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
}
