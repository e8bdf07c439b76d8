import { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { AppContext } from '../../context';
import { ClientRateLimiter } from '../../http/rate-limit';
import { LimitError } from './limit-error';
import { estimateQueryCost, isCostWalkTooLarge } from './query-cost';
import { RequestLimits } from './request-limits';

/**
 * Estimates the cost of the operation once it is parsed, validated and its variables are known,
 * and refuses it past the limit before any resolver runs; the client then pays for the cost in
 * rate-limit points, so expensive operations weigh more than cheap ones.
 */
export function createCostLimitPlugin(limits: RequestLimits, rateLimiter?: ClientRateLimiter): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operation, operationName, contextValue }) {
          // graphql-js 16 validates no operation type the schema lacks; execution would fail without a code.
          if (operation?.operation === 'subscription') {
            throw new GraphQLError('This API has no subscriptions; send a query or a mutation', { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
          }
          let cost: number;
          try {
            cost = estimateQueryCost(schema, document, request.variables, operationName);
          } catch (err) {
            if (isCostWalkTooLarge(err)) throw new LimitError('COST_LIMIT', `This request is too large to estimate; its cost is above ${limits.cost}`, limits.cost, `>${limits.cost}`);
            // Variables that do not fit: execution coerces them the same way and answers BAD_USER_INPUT
            // before any resolver runs, so nothing is spent unmeasured.
            if (err instanceof GraphQLError) return;
            throw err;
          }
          if (cost > limits.cost) {
            throw new LimitError('COST_LIMIT', `A request may cost at most ${limits.cost} (about that many values in the answer; lists count their length); this one costs ${cost}. Ask for fewer items (first, limit) or fewer fields.`, limits.cost, cost);
          }
          contextValue.cost = cost;
          if (rateLimiter && contextValue.clientKey) await rateLimiter.chargeCost(contextValue.clientKey, cost);
        },
      };
    },
  };
}
