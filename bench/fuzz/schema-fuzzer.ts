import {
  getNamedType, GraphQLArgument, GraphQLCompositeType, GraphQLEnumType, GraphQLField, GraphQLInputObjectType, GraphQLInputType,
  GraphQLNamedType, GraphQLSchema, isAbstractType, isCompositeType, isEnumType, isInputObjectType, isInterfaceType, isListType,
  isNonNullType, isObjectType, isScalarType,
} from 'graphql';
import { SeededRandom } from '../support/seeded-random';
import { anyJsonValue, DATE_LIKE, deeplyNestedList, hostileString, HUGE_INTS, KNOWN_NAMES, ODD_FLOATS } from './hostile-values';

/** A GraphQL request body before it is serialised. */
export interface GraphQLBody {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** Values the graph holds, so that some requests reach the database with real keys. */
export interface KnownKeys {
  sourceIds: string[];
  entityKeys: string[];
}

interface VariableDef {
  name: string;
  type: string;
  value: unknown;
  omitValue: boolean;
}

interface BuildState {
  rng: SeededRandom;
  /** Probability, at each place a mistake can go, that one is made. */
  faultRate: number;
  useVariables: boolean;
  /** How far to go with hostile values (0: only realistic ones). */
  hostility: number;
  variables: VariableDef[];
  fragments: string[];
  faults: string[];
}

const WRONG_VARIABLE_TYPES = ['Int', 'Int!', 'String', 'Boolean!', 'Float', 'ID!', 'Date', 'EntityType', '[String]', '[[Int!]!]', 'IngestSourceInput', 'Nope', 'String!!', '[Date!]!'];

/**
 * Builds random operations by walking the emitted schema (schema/schema.graphql): root fields,
 * their arguments with realistic and hostile values (as literals or variables), selections of
 * random width and depth with inline and named fragments, aliases and directives, and, when
 * faultRate > 0, the mistakes a careless client makes (unknown fields, wrong argument types,
 * missing required arguments, selections on scalars, wrongly typed variables).
 */
export class SchemaFuzzer {
  constructor(readonly schema: GraphQLSchema, readonly keys: KnownKeys) {}

  /** One operation on Query (or Mutation when asked); faultRate 0 gives valid documents. */
  operation(rng: SeededRandom, options: { faultRate: number; hostility: number; rootType?: 'query' | 'mutation'; maxRoots?: number }): GraphQLBody & { faults: string[] } {
    const state: BuildState = { rng, faultRate: options.faultRate, hostility: options.hostility, useVariables: rng.chance(0.5), variables: [], fragments: [], faults: [] };
    const root = options.rootType === 'mutation' ? this.schema.getMutationType()! : this.schema.getQueryType()!;
    const fields = Object.values(root.getFields());
    const count = rng.chance(0.85) ? 1 : rng.int(2, options.maxRoots ?? 4);
    const parts = rng.sample(fields, count).map((field) => this.fieldSelection(field, 1, state));
    if (this.fault(state, 'unknown root field')) parts.push(`${rng.word()} { id }`);
    const opName = rng.chance(0.6) ? `Fuzz${rng.word(3, 6)}` : '';
    const keyword = options.rootType === 'mutation' ? 'mutation' : rng.chance(0.5) || opName || state.variables.length ? 'query' : '';
    const varDefs = state.variables.length ? `(${state.variables.map((v) => `$${v.name}: ${v.type}`).join(', ')})` : '';
    const head = keyword ? `${keyword} ${opName}${varDefs} ` : '';
    const query = `${head}{ ${parts.join(' ')} }${state.fragments.length ? '\n' + state.fragments.join('\n') : ''}`;
    const variables: Record<string, unknown> = {};
    for (const v of state.variables) if (!v.omitValue) variables[v.name] = v.value;
    const body: GraphQLBody & { faults: string[] } = { query, faults: state.faults };
    if (state.variables.length || rng.chance(0.2)) body.variables = variables;
    if (opName && rng.chance(0.5)) body.operationName = this.fault(state, 'wrong operationName') ? `${opName}x` : opName;
    return body;
  }

  /** A value of a type for an argument or variable, hostile with the given probability. */
  randomValue(rng: SeededRandom, type: GraphQLInputType, argName: string, fieldName: string, hostility: number): unknown {
    return this.valueFor(type, argName, fieldName, { rng, faultRate: 0, hostility, useVariables: false, variables: [], fragments: [], faults: [] });
  }

  private fault(state: BuildState, what: string): boolean {
    if (state.faultRate <= 0 || !state.rng.chance(state.faultRate)) return false;
    state.faults.push(what);
    return true;
  }

  private fieldSelection(field: GraphQLField<unknown, unknown>, depth: number, state: BuildState): string {
    const { rng } = state;
    const alias = rng.chance(0.1) ? `${rng.word()}: ` : '';
    const args = this.argumentsFor(field.args, field.name, state);
    const directive = rng.chance(0.05) ? this.directive(state) : '';
    const named = getNamedType(field.type);
    if (isCompositeType(named)) {
      if (this.fault(state, 'object field without selection')) return `${alias}${field.name}${args}${directive}`;
      return `${alias}${field.name}${args}${directive} ${this.selectionSet(named, depth + 1, state)}`;
    }
    if (this.fault(state, 'selection on a scalar')) return `${alias}${field.name}${args} { ${rng.word()} }`;
    return `${alias}${field.name}${args}${directive}`;
  }

  private selectionSet(type: GraphQLCompositeType, depth: number, state: BuildState): string {
    const { rng } = state;
    const parts: string[] = [];
    if (isObjectType(type) || isInterfaceType(type)) {
      const fields = Object.values(type.getFields());
      const width = rng.int(1, Math.min(fields.length, depth > 4 ? 2 : 6));
      for (const field of rng.sample(fields, width)) parts.push(this.fieldSelection(field, depth, state));
    }
    if (rng.chance(0.15) || parts.length === 0) parts.push('__typename');
    if (isAbstractType(type)) {
      for (const possible of rng.sample(this.schema.getPossibleTypes(type), rng.int(0, 2))) {
        parts.push(`... on ${possible.name} ${this.selectionSet(possible, depth + 1, state)}`);
      }
    }
    if (rng.chance(0.08) && state.fragments.length < 8) {
      const name = `Frag${state.fragments.length}${rng.word(2, 4)}`;
      state.fragments.push('');
      const slot = state.fragments.length - 1;
      state.fragments[slot] = `fragment ${name} on ${type.name} ${this.selectionSet(type, depth + 1, state)}`;
      parts.push(`...${name}`);
    }
    if (this.fault(state, 'unknown field')) parts.push(rng.chance(0.5) ? rng.word() : `${rng.word()}(x: 1) { y }`);
    if (this.fault(state, 'fragment on a wrong type')) parts.push(`... on ${rng.pick(['Citation', 'Query', 'Mutation', 'Date', 'Nope', 'IngestSourceInput'])} { __typename }`);
    if (this.fault(state, 'spread of an undefined fragment')) parts.push(`...Missing${rng.word(2, 5)}`);
    if (this.fault(state, 'conflicting aliases')) parts.push(`dup: __typename dup: ${isObjectType(type) ? Object.keys(type.getFields())[0] : '__typename'}`);
    return `{ ${parts.join(' ')} }`;
  }

  private directive(state: BuildState): string {
    const { rng } = state;
    const bool = rng.chance(0.5) ? 'true' : 'false';
    if (this.fault(state, 'bad directive')) return rng.pick([' @include', ' @skip(if: "yes")', ` @${rng.word()}`, ' @deprecated', ' @include(if: true) @include(if: false)', ' @skip(if: $undefinedVariable)', ' @specifiedBy(url: "x")']);
    return rng.chance(0.5) ? ` @include(if: ${bool})` : ` @skip(if: ${bool})`;
  }

  private argumentsFor(args: readonly GraphQLArgument[], fieldName: string, state: BuildState): string {
    const { rng } = state;
    const parts: string[] = [];
    for (const arg of args) {
      const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
      if (!required && !rng.chance(0.5)) continue;
      if (required && this.fault(state, 'missing required argument')) continue;
      parts.push(`${arg.name}: ${this.argumentValue(arg.type, arg.name, fieldName, state)}`);
      if (this.fault(state, 'duplicate argument')) parts.push(`${arg.name}: ${this.argumentValue(arg.type, arg.name, fieldName, state)}`);
    }
    if (this.fault(state, 'unknown argument')) parts.push(`${rng.word()}: ${rng.pick(['1', '"x"', 'true', 'null', '[1]', '{a: 1}', 'ENUM'])}`);
    return parts.length ? `(${parts.join(', ')})` : '';
  }

  /** A literal, or a $variable holding the value (possibly declared with the wrong type). */
  private argumentValue(type: GraphQLInputType, argName: string, fieldName: string, state: BuildState): string {
    const { rng } = state;
    if (state.useVariables && rng.chance(0.6)) {
      const name = `v${state.variables.length}`;
      const wrongDecl = this.fault(state, 'variable declared with a wrong type');
      const wrongValue = this.fault(state, 'variable value of a wrong type');
      state.variables.push({
        name,
        type: wrongDecl ? rng.pick(WRONG_VARIABLE_TYPES) : String(type),
        value: wrongValue ? anyJsonValue(rng) : this.valueFor(type, argName, fieldName, state),
        omitValue: this.fault(state, 'variable without a value'),
      });
      return `$${name}`;
    }
    if (this.fault(state, 'literal of a wrong type')) return printLiteral(anyJsonValue(rng), rng);
    return printLiteral(this.valueFor(type, argName, fieldName, state), rng, getNamedType(type));
  }

  /** A value of the argument's type, realistic or hostile; strings and numbers are picked by argument name. */
  private valueFor(type: GraphQLInputType, argName: string, fieldName: string, state: BuildState): unknown {
    const { rng } = state;
    if (isNonNullType(type)) return this.valueFor(type.ofType, argName, fieldName, state);
    if (isListType(type)) {
      if (state.hostility > 0 && rng.chance(0.1)) return rng.chance(0.5) ? deeplyNestedList(rng.int(2, 300)) : Array.from({ length: rng.int(100, 20000) }, () => this.valueFor(type.ofType, argName, fieldName, state));
      return Array.from({ length: rng.int(0, 3) }, () => this.valueFor(type.ofType, argName, fieldName, state));
    }
    if (isEnumType(type)) return this.enumValue(type, state);
    if (isInputObjectType(type)) return this.inputObject(type, state);
    if (!isScalarType(type)) return null;
    const hostile = state.hostility > 0 && rng.chance(state.hostility);
    switch (type.name) {
      case 'Int':
        if (hostile) return rng.pick(HUGE_INTS);
        if (argName === 'maxHops') return rng.int(1, 6);
        if (argName === 'depth') return rng.int(1, 3);
        if (argName === 'limit') return rng.pick([1, 10, 150, 500]);
        return rng.pick([1, 5, 10, 20, 50, 100]);
      case 'Float': return rng.pick(ODD_FLOATS);
      case 'Boolean': return rng.chance(0.5);
      case 'Date': return hostile ? rng.pick(DATE_LIKE) : rng.pick(['2015-11-11', '1999-09-14', '2022-10-12', '2006-06-17', '2010-06-08']);
      default: return this.stringValue(argName, fieldName, hostile, state);
    }
  }

  private stringValue(argName: string, fieldName: string, hostile: boolean, state: BuildState): string {
    const { rng } = state;
    if (hostile) return hostileString(rng, state.hostility > 0.5 ? 400000 : 20000);
    if (fieldName === 'node' && argName === 'id') return Buffer.from(`Entity:${rng.pick(this.keys.entityKeys)}`).toString('base64url');
    if (fieldName === 'source' && argName === 'id') return rng.pick(this.keys.sourceIds);
    switch (argName) {
      case 'lang': return rng.pick(['en', 'tr', 'ru', 'kk', 'EN']);
      case 'role': return rng.pick(['member', 'observer']);
      case 'kind': return rng.pick(['summit', 'ministerial', 'senior-officials', 'consultative']);
      case 'orderBy': return rng.pick(['name', 'start']);
      case 'after': return Buffer.from(String(rng.int(0, 200))).toString('base64url');
      case 'id': return rng.pick(this.keys.sourceIds);
      default: return rng.chance(0.8) ? rng.pick(KNOWN_NAMES) : rng.pick(this.keys.entityKeys);
    }
  }

  private enumValue(type: GraphQLEnumType, state: BuildState): string {
    const values = type.getValues().map((v) => v.name);
    if (state.hostility > 0 && state.rng.chance(state.hostility / 3)) return state.rng.pick([values[0].toLowerCase(), 'NOPE', `${values[0]}_`, '']);
    return state.rng.pick(values);
  }

  private inputObject(type: GraphQLInputObjectType, state: BuildState): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) || state.rng.chance(0.5)) out[field.name] = this.valueFor(field.type, field.name, type.name, state);
    }
    return out;
  }
}

/**
 * Prints a JavaScript value as a GraphQL literal: strings as JSON strings (sometimes block
 * strings), enum values bare when the type is an enum, lists and objects recursively.
 */
export function printLiteral(value: unknown, rng: SeededRandom, namedType?: GraphQLNamedType): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') {
    if (namedType && isEnumType(namedType) && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value)) return value;
    if (rng.chance(0.1) && !value.includes('\\')) return `"""${value.replace(/"""/g, '\\"""')}"""`;
    return JSON.stringify(value);
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value === 0 ? 0 : value) : '0';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => printLiteral(v, rng, namedType)).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${/^[_A-Za-z][_0-9A-Za-z]*$/.test(k) ? k : 'bad'}: ${printLiteral(v, rng)}`).join(', ')}}`;
  }
  return 'null';
}
