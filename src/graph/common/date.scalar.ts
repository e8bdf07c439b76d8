import { GraphQLScalarType, Kind } from 'graphql';
import { BadUserInputError } from '../../errors/app-errors';
import { isIsoDay } from '../../util/partial-date';

/** A calendar day, YYYY-MM-DD; anything else is BAD_USER_INPUT. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar day written YYYY-MM-DD (ISO 8601), for example 2015-11-11.',
  serialize: (value) => String(value),
  parseValue: (value) => {
    if (typeof value !== 'string' || !isIsoDay(value)) throw new BadUserInputError(`Date must be a real day written YYYY-MM-DD, got ${JSON.stringify(value)}`);
    return value;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING || !isIsoDay(ast.value)) throw new BadUserInputError(`Date must be a real day written YYYY-MM-DD, got ${ast.kind === Kind.STRING ? JSON.stringify(ast.value) : ast.kind}`);
    return ast.value;
  },
});
