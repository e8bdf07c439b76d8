import { startTestServer, TestServer } from '../support/test-server';

// Issue 10: the graph API traverses to any depth, one Cypher statement per root field.
let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

const q = (query: string, variables?: Record<string, unknown>) => server.data(query, variables);

describe('nested traversal', () => {
  it('follows four levels: CICA\'s chair on a day, its memberships, each organization\'s observers that day', async () => {
    const data = await q(`{ organization(name: "CICA") { chairs(asOf: "2015-11-11") {
      other { key ... on State { memberships(asOf: "2015-11-11") { role other { key ... on Organization { members(asOf: "2015-11-11", role: "observer") { other { key } } } } } } } } } }`);
    const chairs = data.organization.chairs;
    expect(chairs.map((c: any) => c.other.key)).toEqual(['CHN']);
    const cica = chairs[0].other.memberships.find((m: any) => m.other.key === 'cica');
    expect(cica.role).toBe('member');
    const observers = cica.other.members.map((m: any) => m.other.key).sort();
    expect(observers).toEqual(['IDN', 'JPN', 'LKA', 'MYS', 'PHL', 'UKR', 'USA', 'las', 'osce', 'turkpa', 'un']);
  });

  it('gives subject and object as whole entities too', async () => {
    const data = await q('{ state(name: "Kuwait") { memberships { subject { key } object { key ... on Organization { chairs(orderBy: START_DESC, first: 1) { other { name } } } } } } }');
    const m = data.state.memberships[0];
    expect(m.subject.key).toBe('KWT');
    expect(m.object.chairs[0].other.name).toBe('Azerbaijan');
  });
});

describe('statement lists: where, orderBy, paging, connections', () => {
  it('counts 26 members on 2015-11-11 and walks them in pages of 10, each once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 5; page++) {
      const data: any = await q(`query($after: String) { organization(name: "CICA") { membersConnection(asOf: "2015-11-11", where: { role: ["member"] }, first: 10, after: $after) {
        totalCount edges { cursor node { other { key } } } pageInfo { hasNextPage endCursor } } } }`, { after });
      const c = data.organization.membersConnection;
      total = c.totalCount;
      seen.push(...c.edges.map((e: any) => e.node.other.key));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(total).toBe(26);
    expect(seen).toHaveLength(26);
    expect(new Set(seen).size).toBe(26);
  });

  it('orders chairs latest first: Azerbaijan', async () => {
    const data = await q('{ organization(name: "CICA") { chairs(orderBy: START_DESC, first: 1) { other { key } } } }');
    expect(data.organization.chairs.map((c: any) => c.other.key)).toEqual(['AZE']);
  });

  it('filters by the other end, start range and source', async () => {
    const data = await q(`{ state(name: "Kazakhstan") {
      cica: memberships(where: { otherKey: ["cica"] }) { other { key } }
      chairs: chairmanships(where: { startFrom: "2015-01-01" }) { start { text } }
      from002: memberships(where: { source: "002_2e4f098f8697c243" }) { other { key } } } }`);
    expect(data.state.cica.map((s: any) => s.other.key)).toEqual(['cica']);
    expect(data.state.chairs.map((s: any) => s.start.text)).toEqual(['2020-09-24']);
    expect(data.state.from002.map((s: any) => s.other.key)).toEqual(['cica']);
  });

  it('refuses a cursor that is not one', async () => {
    const { errors } = await server.graphql('{ organization(name: "CICA") { membersConnection(after: "nope") { totalCount } } }');
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('entities by their relationships', () => {
  it('finds the six states that were observers and members of CICA', async () => {
    const data = await q(`{ entities(type: State, first: 50, where: { has: [{ type: MEMBER_OF, role: "observer", otherKey: "cica" }, { type: MEMBER_OF, role: "member", otherKey: "cica" }] }) {
      totalCount edges { node { key } } } }`);
    const keys = data.entities.edges.map((e: any) => e.node.key).sort();
    expect(keys).toEqual(expect.arrayContaining(['QAT', 'LKA', 'THA', 'KOR', 'VNM', 'BGD']));
    expect(data.entities.totalCount).toBe(keys.length);
  });

  it('finds observers that never became members (hasNot)', async () => {
    const data = await q(`{ entities(type: State, first: 50, where: { has: [{ type: MEMBER_OF, role: "observer", otherKey: "cica" }], hasNot: [{ type: MEMBER_OF, role: "member", otherKey: "cica" }] }) {
      edges { node { key } } } }`);
    const keys = data.entities.edges.map((e: any) => e.node.key);
    expect(keys).toEqual(expect.arrayContaining(['USA', 'JPN', 'UKR']));
    expect(keys).not.toContain('QAT');
  });
});

describe('one Neo4j query per root field', () => {
  const metric = async (name: string) => {
    const text = await (await fetch(`${server.url.replace(/\/graphql$/, '')}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
    return Number(line?.split(' ').pop() ?? NaN);
  };

  it('runs a 5-level request as exactly one query (neo4j_queries_total)', async () => {
    const before = await metric('neo4j_queries_total');
    await q(`{ organization(name: "CICA") { chairs { other { ... on State { memberships { other { ... on Organization { members(first: 2) { other { ... on State { chairmanships { other { key } } } } } } } } } } } } }`);
    const after = await metric('neo4j_queries_total');
    expect(after - before).toBe(1);
  });
});
