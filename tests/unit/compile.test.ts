import { FragmentDefinitionNode, GraphQLResolveInfo, Kind, OperationDefinitionNode, parse, validate } from 'graphql';
import { buildAppSchema } from '../../src/graph/build-schema';
import { compileByKey, compileByName, compileEntities, CompiledQuery, compileMeetings, compileOverview } from '../../src/graph/compiled/compile-root';
import { asksAlternatives } from '../../src/graph/compiled/selection';

/**
 * Compiled reads in the style of @neo4j/graphql's tck: GraphQL in, Cypher and parameters out,
 * pinned as readable snapshots (tests/unit/__snapshots__/compile.test.ts.snap). A change to the
 * generated Cypher shows in review as a diff of these.
 */
const schema = buildAppSchema();
const PREFIX = '// name resolution (fragments/resolve-entity)\nWITH candidates, e';

function infoFor(query: string, variables: Record<string, unknown> = {}): GraphQLResolveInfo {
  const document = parse(query);
  expect(validate(schema, document)).toEqual([]);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = Object.fromEntries(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const field = operation.selectionSet.selections[0] as any;
  return { schema, fragments, variableValues: variables, fieldNodes: [field], fieldName: field.name.value, operation } as unknown as GraphQLResolveInfo;
}

const show = ({ cypher, params }: CompiledQuery) => `${cypher}\n\nparams: ${JSON.stringify(params, null, 2)}`;
const byName = (query: string, type = 'Entity', variables?: Record<string, unknown>) =>
  show(compileByName(infoFor(query, variables), PREFIX, { key: 'CICA', candidates: ['cica'], fuzzy: 'cica', type: null }, type));

describe('compiled Cypher (tck)', () => {
  it('projects only the entity\'s own properties when no list is asked', () => {
    expect(byName('{ organization(name: "CICA") { key name nameTr } }', 'Organization')).toMatchSnapshot();
  });

  it('compiles a list with asOf and role to one COLLECT subquery filtered in the database', () => {
    expect(byName('{ organization(name: "CICA") { members(asOf: "2015-11-11", role: "member") { role other { key name } } } }', 'Organization')).toMatchSnapshot();
  });

  it('nests a traversal: chairs → memberships → observers, each a subquery of the one before', () => {
    expect(byName(`{ organization(name: "CICA") { chairs(asOf: "2015-11-11") { other { key ... on State {
      memberships(asOf: "2015-11-11") { other { ... on Organization { members(role: "observer") { other { key } } } } } } } } } }`, 'Organization')).toMatchSnapshot();
  });

  it('pages a Connection: where, orderBy, first and after, with a COUNT for totalCount', () => {
    const after = Buffer.from('s:9').toString('base64url');
    expect(byName(`query($after: String) { organization(name: "CICA") { membersConnection(where: { role: ["member"], otherType: [State], startFrom: "2000-01-01", source: "002_2e4f098f8697c243" }, orderBy: NAME_ASC, first: 10, after: $after) {
      totalCount edges { cursor node { other { key } } } pageInfo { hasNextPage endCursor } } } }`, 'Organization', { after })).toMatchSnapshot();
  });

  it('chooses by type when the same response key means different lists on different types', () => {
    expect(byName(`{ entity(name: "CICA") { ... on State { links: memberships { other { key } } } ... on Organization { links: members(first: 3, orderBy: START_DESC) { other { key } } } } }`)).toMatchSnapshot();
  });

  it('reads names, claims, ranks and references only when asked', () => {
    expect(byName(`{ state(name: "Qatar") { label(lang: "tr") names { text } claims { value rank }
      memberships(ranks: [PREFERRED, NORMAL, DEPRECATED]) { rank references { factId rank } subject { key ... on State { chairmanships { other { key } } } } } } }`, 'State')).toMatchSnapshot();
  });

  it('follows fragments and honours @skip / @include', () => {
    expect(byName(`query($no: Boolean!) { state(name: "KAZ") { ...F chairmanships @skip(if: $no) { other { key } } } } fragment F on State { attended @include(if: $no) { level } hosted { other { key } } }`, 'State', { no: true })).toMatchSnapshot();
  });

  it('compiles node(id:) by key', () => {
    expect(show(compileByKey(infoFor('{ node(id: "RW50aXR5OmNpY2E") { key ... on Organization { chairs(first: 1) { other { key } } } } }'), 'cica'))).toMatchSnapshot();
  });

  it('compiles entities by their relationships: has and hasNot as EXISTS subqueries', () => {
    const info = infoFor(`{ entities(type: State, first: 5, where: { has: [{ type: MEMBER_OF, role: "observer", otherKey: "cica" }], hasNot: [{ type: MEMBER_OF, role: "member", otherKey: "cica", asOf: "2015-11-11" }] }) {
      totalCount edges { node { key ... on State { memberships(first: 1) { other { key } } } } } } }`);
    expect(show(compileEntities(info, {
      type: 'State', contains: null, orderBy: 'name', after: null, first: 5,
      has: [{ type: 'MEMBER_OF', role: 'observer', otherKey: 'cica' } as any], hasNot: [{ type: 'MEMBER_OF', role: 'member', otherKey: 'cica', asOf: '2015-11-11' } as any],
    }))).toMatchSnapshot();
  });

  it('compiles Summits: the meetings of the organization, and its chairs only because chairmanshipTakenOver is asked', () => {
    const info = infoFor('{ summits(organization: "CICA") { meeting { key ordinal start { text } attendees { level other { key } } } chairmanshipTakenOver { other { key } start { text } } } }');
    expect(show(compileMeetings(info, PREFIX, { key: 'CICA', candidates: ['cica'], fuzzy: 'cica', type: 'Organization' }, 'summit'))).toMatchSnapshot();
  });

  it('reads of each relationship only the properties its fields need: no quote or reference for a question about roles', () => {
    const cypher = (q: string) => compileByName(infoFor(q), PREFIX, { key: 'CICA', candidates: ['cica'], fuzzy: 'cica', type: null }, 'Organization').cypher;
    const roles = cypher('{ organization(name: "CICA") { members { role validFrom other { key } } } }');
    // Dates come as their text (a driver Date costs a dozen Integer operations to build).
    expect(roles).toContain('{ .factId, .role, .rank, .truthy, validFrom: toString(this0.validFrom) }');
    for (const prop of ['.quotes', '.refQuotes', '.note', '.start,']) expect(roles).not.toContain(prop);
    const cited = cypher('{ organization(name: "CICA") { members { citations { quote } references { start { text } } } } }');
    for (const prop of ['.sources', '.quotes', '.refQuotes', '.refStarts']) expect(cited).toContain(prop);
    expect(cited).not.toContain('.role');
  });

  it('reads only the claims a service names: the counts for statedCounts, every claim for a client', () => {
    const organization = (parse('{ key claims { key } }').definitions[0] as OperationDefinitionNode).selectionSet;
    const overview = (only?: string[]) => compileOverview({ schema, fragments: {}, variables: {} }, PREFIX, {}, organization, null, only);
    const counts = overview(['memberCount', 'observerCount']);
    expect(counts.cypher).toMatch(/MATCH \(this0:Claim\)-\[this1:ABOUT\]->\(e\)\s+WHERE this0\.property IN \$param0/);
    expect(counts.params.param0).toEqual(['memberCount', 'observerCount']);
    expect(overview().cypher).not.toContain('.property IN');
  });

  it('chairsTakenOver gets each term\'s start even when the client does not ask for it', () => {
    const info = infoFor('{ summits(organization: "CICA") { meeting { key } chairmanshipTakenOver { other { key } } } }');
    const { cypher } = compileMeetings(info, PREFIX, { key: 'CICA', candidates: ['cica'], fuzzy: 'cica', type: 'Organization' }, 'summit');
    expect(cypher.slice(cypher.indexOf('CHAIRED'))).toContain('.start');
  });

  it('asks for fuzzy alternatives only when matchedBy.alternatives is selected, through fragments too', () => {
    expect(asksAlternatives(infoFor('{ state(name: "KAZ") { key matchedBy { exact ambiguous } } }'))).toBe(false);
    expect(asksAlternatives(infoFor('{ state(name: "KAZ") { key } }'))).toBe(false);
    expect(asksAlternatives(infoFor('{ state(name: "KAZ") { ...M } } fragment M on State { matchedBy { alternatives } }'))).toBe(true);
    expect(asksAlternatives(infoFor('{ membersAsOf(organization: "CICA", date: "2015-11-11") { matchedBy { alternatives } } }'))).toBe(true);
  });

  it('never puts a value from the request into the Cypher text', () => {
    const text = byName('{ organization(name: "CICA") { members(where: { otherKey: ["x\' OR 1=1 //"], source: "evil}" }) { role } } }', 'Organization');
    const cypher = text.split('\n\nparams:')[0];
    expect(cypher).not.toContain('OR 1=1');
    expect(cypher).not.toContain('evil');
  });
});
