import { ASTNode, FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, visit } from 'graphql';
import type { CompiledQuery } from './compile-root';

/**
 * Compiled root fields, kept with the selection they were compiled from.
 *
 * A root field's Cypher is a function of its selection (the AST of the document, which Apollo
 * parses once and hands to every request with the same text), the fragments that selection
 * spreads, the values of the variables used inside it, and the arguments the caller compiles
 * from. Those make the key. What changes per request without changing the text (the typed name
 * a field resolves, a page's cursor) the caller passes as `perRequest`: those parameters replace
 * the kept ones. Building the Cypher again for every request was 7% of Node's time on Summits
 * and 8% on StateProfile in a CPU profile.
 *
 * Variables used only by the root field's own arguments (`summits(organization: $org)`) are not
 * in the key: the caller passes what it compiles from those as `args`.
 */
type Info = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'variableValues'>;

interface Kept { variables: readonly string[]; byKey: Map<string, CompiledQuery> }

/** Distinct variable values kept per selection (dates of a nested `asOf: $day`, say) before starting over. */
const MAX_PER_SELECTION = 32;
const kept = new WeakMap<FieldNode, Kept>();
const ABSENT = '\u0000absent';

export function compiledFor(info: Info, args: unknown, compile: () => CompiledQuery, perRequest: Record<string, unknown> = {}): CompiledQuery {
  // The same response key asked twice merges two selections; rare, compiled each time.
  if (info.fieldNodes.length !== 1) return withParams(compile(), perRequest);
  const node = info.fieldNodes[0];
  let entry = kept.get(node);
  if (!entry) kept.set(node, entry = { variables: variablesInside(node, info.fragments), byKey: new Map() });
  const values = entry.variables.map((name) => (Object.prototype.hasOwnProperty.call(info.variableValues, name) ? info.variableValues[name] : ABSENT));
  const key = JSON.stringify([args, values]);
  let query = entry.byKey.get(key);
  if (!query) {
    query = compile();
    if (entry.byKey.size >= MAX_PER_SELECTION) entry.byKey.clear();
    entry.byKey.set(key, query);
  }
  return withParams(query, perRequest);
}

/** A kept query with this request's values of the parameters that vary without changing the text. */
export const withParams = (query: CompiledQuery, perRequest: Record<string, unknown>): CompiledQuery =>
  ({ cypher: query.cypher, params: { ...query.params, ...perRequest } });

/** The variables a field's selection set uses, in its arguments and directives and the fragments it spreads. */
export function variablesInside(field: FieldNode, fragments: Record<string, FragmentDefinitionNode>): string[] {
  const names = new Set<string>();
  const spread = new Set<string>();
  const walk = (node: ASTNode) => visit(node, {
    Variable(variable) { names.add(variable.name.value); },
    FragmentSpread(s) {
      const fragment = fragments[s.name.value];
      if (fragment && !spread.has(s.name.value)) { spread.add(s.name.value); walk(fragment.selectionSet); }
    },
  });
  if (field.selectionSet) walk(field.selectionSet);
  return [...names].sort();
}
