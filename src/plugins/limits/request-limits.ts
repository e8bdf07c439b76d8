/**
 * Bounds on one GraphQL request, checked before any resolver runs. The defaults suit a public
 * endpoint: GraphQL Armor's (aliases 15, directives 50, tokens 1,000) where ours mean the same
 * thing; depth 12 rather than Armor's 6 because the graph API traverses in GraphQL itself and
 * each hop takes two levels (list, other end): a five-hop traversal needs eleven; cost 10,000 in our own unit, an estimate
 * of the values a response holds (lists count their expected length, see query-cost.ts): the
 * largest named operation (Summits) costs about 6,100, a page of 100 entities with their
 * statements about 150,000. Armor's 5,000 counts fields without list lengths, so it is not comparable.
 */
export interface RequestLimits {
  /** Root fields per operation: each is one database query. */
  rootFields: number;
  /** Fields after expanding fragments. */
  fields: number;
  /** Nesting levels of fields (introspection has its own bound). */
  depth: number;
  aliases: number;
  directives: number;
  /** Lexical tokens of the document, enforced by the parser itself. */
  tokens: number;
  /** Estimated values in the response (query-cost.ts). */
  cost: number;
}

export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  rootFields: 10, fields: 1500, depth: 12, aliases: 15, directives: 50, tokens: 1000, cost: 10000,
};

/**
 * The standard introspection query nests `ofType` about ten levels deep; and an introspection
 * selection that lists fields of the types of fields of types... multiplies the schema, so lists
 * inside introspection may nest three deep (types → fields → args), no more.
 */
export const INTROSPECTION_LIMITS = { depth: 16, listNesting: 3 } as const;
