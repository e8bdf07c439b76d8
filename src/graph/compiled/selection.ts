import {
  FieldNode, FragmentDefinitionNode, getDirectiveValues, GraphQLField, GraphQLIncludeDirective, GraphQLResolveInfo, GraphQLSchema,
  GraphQLSkipDirective, isInterfaceType, isObjectType, Kind, SelectionSetNode,
} from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';

/** What a compilation reads from a request: the schema, its fragments and variables. */
export interface RequestScope {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** The fields asked under one response key for one type condition (null: every type). */
export interface Selected {
  key: string;
  name: string;
  typeCondition: string | null;
  nodes: FieldNode[];
}

const included = (scope: RequestScope, node: { directives?: readonly any[] }) =>
  getDirectiveValues(GraphQLSkipDirective, node as any, scope.variables)?.if !== true
  && getDirectiveValues(GraphQLIncludeDirective, node as any, scope.variables)?.if !== false;

/**
 * The fields of a selection set by response key, following fragments and inline fragments. A
 * type condition that names an interface (Entity) applies to every type; one that names a
 * concrete type is kept, so the compiled query can choose by the entity's type.
 */
export function selectedFields(scope: RequestScope, set: SelectionSetNode | undefined, condition: string | null = null, out: Selected[] = []): Selected[] {
  for (const s of set?.selections ?? []) {
    if (!included(scope, s)) continue;
    if (s.kind === Kind.FIELD) {
      const key = s.alias?.value ?? s.name.value;
      const same = out.find((x) => x.key === key && x.typeCondition === condition);
      if (same) same.nodes.push(s);
      else out.push({ key, name: s.name.value, typeCondition: condition, nodes: [s] });
    } else {
      const typeName = s.kind === Kind.INLINE_FRAGMENT ? s.typeCondition?.name.value : scope.fragments[s.name.value]?.typeCondition.name.value;
      const set2 = s.kind === Kind.INLINE_FRAGMENT ? s.selectionSet : scope.fragments[s.name.value]?.selectionSet;
      const type = typeName ? scope.schema.getType(typeName) : null;
      const next = !typeName || isInterfaceType(type) ? condition : typeName;
      selectedFields(scope, set2, next, out);
    }
  }
  return out;
}

/** The sub-selections of every node of some selected fields, as one selection set. */
export function mergedSelection(fields: Selected[]): SelectionSetNode {
  return { kind: Kind.SELECTION_SET, selections: fields.flatMap((f) => f.nodes.flatMap((n) => n.selectionSet?.selections ?? [])) };
}

/** The schema field a selection names on a type (an interface's field for a null condition). */
export function fieldDef(scope: RequestScope, typeName: string, name: string): GraphQLField<unknown, unknown> | undefined {
  const type = scope.schema.getType(typeName);
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
}

/** A field's argument values, with variables and defaults applied (as execution would). */
export function argumentsOf(scope: RequestScope, typeName: string, field: FieldNode): Record<string, any> {
  const def = fieldDef(scope, typeName, field.name.value);
  return def ? getArgumentValues(def, field, scope.variables) : {};
}

/**
 * True when a root field's selection asks for the field at `path` (field names from the root's
 * own selection down), through fragments and aliases: a service reads what only that field needs
 * only when it is asked.
 */
export function asksPath(info: Pick<GraphQLResolveInfo, 'schema' | 'fragments' | 'variableValues' | 'fieldNodes'>, path: readonly string[]): boolean {
  const scope: RequestScope = { schema: info.schema, fragments: info.fragments, variables: info.variableValues };
  let fields: Selected[] = [{ key: '', name: '', typeCondition: null, nodes: [...info.fieldNodes] }];
  for (const name of path) {
    fields = selectedFields(scope, mergedSelection(fields)).filter((f) => f.name === name);
    if (fields.length === 0) return false;
  }
  return true;
}

/** matchedBy { alternatives }: only then does a name that matches exactly also need the fuzzy near-matches (fragments/resolve-entity). */
export const asksAlternatives = (info: Parameters<typeof asksPath>[0]) => asksPath(info, ['matchedBy', 'alternatives']);
