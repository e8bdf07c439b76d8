import { FragmentDefinitionNode, GraphQLResolveInfo, Kind, OperationDefinitionNode, parse, validate } from 'graphql';
import { buildAppSchema } from '../../src/graph/build-schema';
import { compiledFor, variablesInside } from '../../src/graph/compiled/compile-cache';
import { compileByName, compileEntities } from '../../src/graph/compiled/compile-root';

/**
 * The compiled Cypher of a root field is kept per selection: a request with the same document
 * reuses it only when every variable its selection uses has the same value, and then with its own
 * per-request parameters. Compared with what compiling afresh gives, so a wrong reuse shows.
 */
const schema = buildAppSchema();
const PREFIX = '// name resolution (fragments/resolve-entity)\nWITH candidates, e';

function documentOf(query: string) {
  const document = parse(query);
  expect(validate(schema, document)).toEqual([]);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = Object.fromEntries(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  // One parse, as Apollo keeps one per query text: every request below shares these nodes.
  return (variableValues: Record<string, unknown>) => ({ schema, fragments, variableValues, fieldNodes: [operation.selectionSet.selections[0]], operation } as unknown as GraphQLResolveInfo);
}

const nameParams = (name: string) => ({ key: name, candidates: [name.toLowerCase()], fuzzy: null, type: 'Organization', alternatives: false });

function counted(info: GraphQLResolveInfo, name: string) {
  let compiles = 0;
  const query = compiledFor(info, 'Organization', () => { compiles += 1; return compileByName(info, PREFIX, nameParams(name), 'Organization'); }, nameParams(name));
  return { query, compiles, fresh: compileByName(info, PREFIX, nameParams(name), 'Organization') };
}

describe('compiled queries kept per selection', () => {
  const QUERY = `query Q($org: String!, $day: Date, $role: String, $withChairs: Boolean!) {
    organization(name: $org) { key members(asOf: $day, role: $role) { other { key } } ...Chairs }
  }
  fragment Chairs on Organization { chairs @include(if: $withChairs) { other { key } } }`;

  it('finds the variables a selection uses, through fragments, and not the root field\'s own', () => {
    const info = documentOf(QUERY)({});
    expect(variablesInside(info.fieldNodes[0], info.fragments)).toEqual(['day', 'role', 'withChairs']);
  });

  it('reuses the Cypher when only a root argument differs, with that request\'s parameters', () => {
    const request = documentOf(QUERY);
    const first = counted(request({ org: 'CICA', day: '2015-11-11', role: 'member', withChairs: true }), 'CICA');
    const second = counted(request({ org: 'AİGK', day: '2015-11-11', role: 'member', withChairs: true }), 'AİGK');
    expect(first.compiles).toBe(1);
    expect(second.compiles).toBe(0);
    expect(second.query).toEqual(second.fresh);
    expect(second.query.params.key).toBe('AİGK');
  });

  it.each([
    ['a nested argument changes', { day: '2002-06-04' }],
    ['a nested argument becomes absent', { day: undefined }],
    ['a directive in a fragment changes', { withChairs: false }],
    ['a nested argument becomes null', { role: null }],
  ])('compiles again when %s', (_what, change) => {
    const request = documentOf(QUERY);
    const base = { org: 'CICA', day: '2015-11-11', role: 'observer', withChairs: true };
    counted(request(base), 'CICA');
    const changed: Record<string, unknown> = { ...base, ...change };
    for (const [k, v] of Object.entries(changed)) if (v === undefined) delete changed[k];
    const again = counted(request(changed), 'CICA');
    expect(again.compiles).toBe(1);
    expect(again.query).toEqual(again.fresh);
  });

  it('keeps the page cursor per request and the filter in the key', () => {
    const request = documentOf('{ entities(first: 5) { edges { node { key } } } }');
    const page = (type: string | null, after: string | null) => {
      const info = request({});
      const filter = { type, contains: null, has: [], hasNot: [], orderBy: 'name' as const };
      return { kept: compiledFor(info, filter, () => compileEntities(info, { ...filter, after, first: 5 }), { pageAfter: after, pageFirst: 5 }), fresh: compileEntities(info, { ...filter, after, first: 5 }) };
    };
    page('State', null);
    const next = page('State', 'KAZ');
    expect(next.kept).toEqual(next.fresh);
    expect(next.kept.params.pageAfter).toBe('KAZ');
    const other = page('Organization', 'KAZ');
    expect(other.kept).toEqual(other.fresh);
    expect(Object.values(other.kept.params)).toContain('Organization');
  });
});
