import { DocumentNode, FragmentDefinitionNode, Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { INTROSPECTION_LIMITS, RequestLimits } from './request-limits';
import { LimitError } from './limit-error';

/** What a selection expands to; counts saturate rather than overflow. */
interface Size { fields: number; depth: number; aliases: number; directives: number; introspectionDepth: number; introspectionLists: number }

const ZERO: Size = { fields: 0, depth: 0, aliases: 0, directives: 0, introspectionDepth: 0, introspectionLists: 0 };
const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);
const INTROSPECTION_LISTS = new Set(['types', 'fields', 'inputFields', 'interfaces', 'possibleTypes', 'enumValues', 'args', 'directives']);

/**
 * Measures a document in time linear in its size: each fragment is measured once per context
 * (inside or outside introspection) and its size reused wherever it is spread, so a fragment that
 * spreads the next one twice, twenty times over, costs twenty measurements, not a million.
 */
class DocumentMeasure {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly memo = new Map<string, Size>();

  constructor(document: DocumentNode) {
    for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(def.name.value, def);
  }

  /** `introspection`: inside __schema/__type, where depth and list nesting have their own bounds. */
  measure(set: SelectionSetNode | undefined, introspection: boolean): Size {
    if (!set) return ZERO;
    const total: Size = { ...ZERO };
    for (const selection of set.selections) {
      const directives = selection.directives?.length ?? 0;
      let inner: Size;
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const inIntrospection = introspection || INTROSPECTION_ROOTS.has(name);
        const child = this.measure(selection.selectionSet, inIntrospection);
        const listStep = inIntrospection && INTROSPECTION_LISTS.has(name) ? 1 : 0;
        inner = inIntrospection
          ? { ...child, fields: child.fields + 1, depth: 0, aliases: child.aliases + (selection.alias ? 1 : 0), introspectionDepth: child.introspectionDepth + 1, introspectionLists: child.introspectionLists + listStep }
          : { ...child, fields: child.fields + 1, depth: child.depth + 1, aliases: child.aliases + (selection.alias ? 1 : 0) };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = this.measure(selection.selectionSet, introspection);
      } else {
        inner = this.spread(selection.name.value, introspection);
      }
      total.fields = saturate(total.fields + inner.fields);
      total.aliases = saturate(total.aliases + inner.aliases);
      total.directives = saturate(total.directives + inner.directives + directives);
      total.depth = Math.max(total.depth, inner.depth);
      total.introspectionDepth = Math.max(total.introspectionDepth, inner.introspectionDepth);
      total.introspectionLists = Math.max(total.introspectionLists, inner.introspectionLists);
    }
    return total;
  }

  private spread(name: string, introspection: boolean): Size {
    const key = `${introspection ? 'i' : 'o'}:${name}`;
    const known = this.memo.get(key);
    if (known) return known;
    const fragment = this.fragments.get(name);
    if (!fragment) return ZERO; // graphql-js reports unknown fragments
    this.memo.set(key, ZERO); // a cycle counts as nothing here; graphql-js rejects cycles
    const size = this.measure(fragment.selectionSet, introspection);
    const withOwn = { ...size, directives: saturate(size.directives + (fragment.directives?.length ?? 0)) };
    this.memo.set(key, withOwn);
    return withOwn;
  }
}

function saturate(n: number): number {
  return Math.min(n, Number.MAX_SAFE_INTEGER);
}

function rootFieldCount(operation: OperationDefinitionNode): number {
  return operation.selectionSet.selections.filter((s) => !(s.kind === Kind.FIELD && s.name.value.startsWith('__'))).length;
}

/**
 * Checks every operation of a document against the limits; throws the first LimitError.
 * Token counts are the parser's job (parse option maxTokens), cost needs variables (query-cost.ts).
 */
export function assertDocumentWithinLimits(document: DocumentNode, limits: RequestLimits): void {
  const measure = new DocumentMeasure(document);
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    const roots = rootFieldCount(def);
    if (roots > limits.rootFields) {
      throw new LimitError('ROOT_FIELD_LIMIT', `A request may ask at most ${limits.rootFields} root fields (each is a database query); this one asks ${roots}`, limits.rootFields, roots);
    }
    const size = measure.measure(def.selectionSet, false);
    const directives = size.directives + (def.directives?.length ?? 0);
    if (size.depth > limits.depth) throw new LimitError('DEPTH_LIMIT', `A request may nest at most ${limits.depth} levels; this one nests ${size.depth}`, limits.depth, size.depth);
    if (size.aliases > limits.aliases) throw new LimitError('ALIAS_LIMIT', `A request may use at most ${limits.aliases} aliases; this one uses ${size.aliases}`, limits.aliases, size.aliases);
    if (directives > limits.directives) throw new LimitError('DIRECTIVE_LIMIT', `A request may use at most ${limits.directives} directives; this one uses ${directives}`, limits.directives, directives);
    if (size.fields > limits.fields) throw new LimitError('FIELD_LIMIT', `A request may select at most ${limits.fields} fields once fragments are expanded; this one selects ${size.fields}`, limits.fields, size.fields);
    if (size.introspectionDepth > INTROSPECTION_LIMITS.depth || size.introspectionLists > INTROSPECTION_LIMITS.listNesting) {
      throw new LimitError('INTROSPECTION_LIMIT', `Introspection may nest at most ${INTROSPECTION_LIMITS.depth} levels and ${INTROSPECTION_LIMITS.listNesting} lists (types → fields → args)`, INTROSPECTION_LIMITS.listNesting, size.introspectionLists);
    }
  }
}
