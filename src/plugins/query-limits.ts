import { ASTVisitor, FieldNode, GraphQLError, Kind, SelectionSetNode, ValidationContext } from 'graphql';

/**
 * Bounds on one request, so a single client cannot take every database connection or build a
 * giant response: root fields (each is one database query), total fields and nesting depth.
 */
export const QUERY_LIMITS = { rootFields: 10, fields: 1500, depth: 15 } as const;

function measure(set: SelectionSetNode | undefined, depth: number, fragments: Record<string, SelectionSetNode>, seen: Set<string>): { fields: number; depth: number } {
  if (!set) return { fields: 0, depth };
  let fields = 0;
  let deepest = depth;
  for (const selection of set.selections) {
    let inner: { fields: number; depth: number };
    if (selection.kind === Kind.FIELD) {
      inner = measure(selection.selectionSet, depth + 1, fragments, seen);
      fields += 1;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      inner = measure(selection.selectionSet, depth, fragments, seen);
    } else {
      const name = selection.name.value;
      if (seen.has(name)) continue; // fragment cycles are rejected by graphql-js itself
      inner = measure(fragments[name], depth, fragments, new Set([...seen, name]));
    }
    fields += inner.fields;
    deepest = Math.max(deepest, inner.depth);
  }
  return { fields, depth: deepest };
}

/** A graphql-js validation rule enforcing QUERY_LIMITS; its errors name the limit. */
export function queryLimitsRule(context: ValidationContext): ASTVisitor {
  const fragments: Record<string, SelectionSetNode> = {};
  for (const def of context.getDocument().definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def.selectionSet;
  return {
    OperationDefinition(node) {
      const roots = node.selectionSet.selections.filter((s) => !(s.kind === Kind.FIELD && (s as FieldNode).name.value.startsWith('__')));
      if (roots.length > QUERY_LIMITS.rootFields) {
        context.reportError(new GraphQLError(`A request may ask at most ${QUERY_LIMITS.rootFields} root fields (each is a database query); this one asks ${roots.length}`, { nodes: [node] }));
        return;
      }
      const size = measure(node.selectionSet, 0, fragments, new Set());
      if (size.fields > QUERY_LIMITS.fields) context.reportError(new GraphQLError(`A request may select at most ${QUERY_LIMITS.fields} fields; this one selects ${size.fields}`, { nodes: [node] }));
      if (size.depth > QUERY_LIMITS.depth) context.reportError(new GraphQLError(`A request may nest at most ${QUERY_LIMITS.depth} levels; this one nests ${size.depth}`, { nodes: [node] }));
    },
  };
}
