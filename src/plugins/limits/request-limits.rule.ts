import { ASTVisitor, BREAK, GraphQLError, ValidationContext } from 'graphql';
import { assertDocumentWithinLimits } from './measure-document';
import { RequestLimits } from './request-limits';

/**
 * A graphql-js validation rule that measures the whole document once, on entering it, and
 * reports the first limit exceeded (its error carries the limit's own code).
 */
export function createRequestLimitsRule(limits: RequestLimits) {
  return function requestLimitsRule(context: ValidationContext): ASTVisitor {
    return {
      Document(node) {
        try {
          assertDocumentWithinLimits(node, limits);
        } catch (err) {
          if (!(err instanceof GraphQLError)) throw err;
          context.reportError(err);
        }
        return BREAK;
      },
    };
  };
}
