import { DocumentNode, getNullableType, GraphQLError, GraphQLSchema, isListType } from 'graphql';
import { ComplexityEstimator, fieldExtensionsEstimator, getComplexity } from 'graphql-query-complexity';

/** Expected length of a list whose size no argument gives (a statement list, the attendees of a meeting). */
export const DEFAULT_LIST_SIZE = 10;

/** Lists known to be short, by field name: a fact has a few citations and names, not ten. */
const LIST_SIZE_HINTS: Record<string, number> = {
  citations: 3, claims: 2, names: 4, alternatives: 3, languages: 3, cities: 2, supportsClaims: 3,
};

/** The argument that bounds a list's length, where a field has one. */
function sizeArgument(args: Record<string, unknown>): number | undefined {
  for (const name of ['first', 'limit', 'last']) {
    const value = args[name];
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, value);
  }
  return undefined;
}

/**
 * Cost = the number of values a response is expected to hold: a field counts 1 plus its
 * selection, a list multiplies that by its length (its `first`/`limit` argument, else a hint,
 * else DEFAULT_LIST_SIZE). A size argument on a field that is not itself a list (a connection,
 * a neighbourhood) scales the lists below it, which were each assumed DEFAULT_LIST_SIZE long.
 * Introspection costs nothing here; it has its own bounds (measure-document.ts).
 */
export const listSizeEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (type.name.startsWith('__') || field.name.startsWith('__')) return 0;
  const size = sizeArgument(args);
  if (isListType(getNullableType(field.type))) {
    const length = size ?? LIST_SIZE_HINTS[field.name] ?? DEFAULT_LIST_SIZE;
    return length * (1 + childComplexity);
  }
  return 1 + (size === undefined ? childComplexity : Math.ceil((childComplexity * size) / DEFAULT_LIST_SIZE));
};

/** Beyond this many evaluated nodes the estimate stops (graphql-query-complexity's own early exit). */
const MAX_COST_NODES = 20000;

/** Costs already estimated, per parsed document (Apollo reuses the parsed document of a repeated query text). */
const estimated = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, number>>>();
/** Distinct variable shapes kept per document: a dashboard's few, not every page number a crawler tries. */
const SHAPES_PER_DOCUMENT = 32;

/**
 * What the cost can depend on, as a key: the operation and the variables with every string shown
 * as one mark. Only numbers (first, limit, last) and booleans (@include, @skip) enter the estimate;
 * names, dates and texts do not, so `state(name: $n)` is estimated once for all names.
 */
function costKey(variables: Record<string, unknown> | undefined, operationName?: string | null): string | undefined {
  const shape = shapeOf(variables ?? {}, 0);
  return shape === undefined ? undefined : `${operationName ?? ''}\n${shape}`;
}

/** No input of the schema nests deeper; deeper variables are estimated (and refused) without a key. */
const MAX_KEY_DEPTH = 16;

/** The variables as JSON with every string as '$'; undefined past MAX_KEY_DEPTH, so a hostile nesting cannot overflow the stack. */
function shapeOf(value: unknown, depth: number): string | undefined {
  if (typeof value === 'string') return '"$"';
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (depth >= MAX_KEY_DEPTH) return undefined;
  const isList = Array.isArray(value);
  const parts: string[] = [];
  for (const [name, item] of Object.entries(value)) {
    const part = shapeOf(item, depth + 1);
    if (part === undefined) return undefined;
    parts.push(isList ? part : `${JSON.stringify(name)}:${part}`);
  }
  return isList ? `[${parts.join(',')}]` : `{${parts.join(',')}}`;
}

/**
 * The estimated cost of the operation a request will run, with its variables. Fields may set their
 * own estimate with type-graphql's `complexity` option; the list-size rule covers the rest.
 * Throws a GraphQLError when the variables do not fit the arguments or the walk is too large
 * (never cached: a later request with the same shape of variables is estimated again).
 */
export function estimateQueryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName?: string | null): number {
  const key = costKey(variables, operationName);
  let bySchema = estimated.get(schema);
  if (!bySchema) estimated.set(schema, bySchema = new WeakMap());
  let costs = bySchema.get(document);
  const known = key === undefined ? undefined : costs?.get(key);
  if (known !== undefined) return known;
  const cost = getComplexity({
    schema, query: document, variables: variables ?? {}, operationName: operationName ?? undefined,
    estimators: [fieldExtensionsEstimator(), listSizeEstimator],
    maxQueryNodes: MAX_COST_NODES,
  });
  if (key === undefined) return cost;
  if (!costs) bySchema.set(document, costs = new Map());
  if (costs.size >= SHAPES_PER_DOCUMENT) costs.delete(costs.keys().next().value as string);
  costs.set(key, cost);
  return cost;
}

export function isCostWalkTooLarge(err: unknown): boolean {
  return err instanceof GraphQLError && /maximum allowed number of nodes/.test(err.message);
}
