import { startTestServer, TestServer } from '../support/test-server';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

describe('EntitySearch', () => {
  it('finds the English entity from a Turkish spelling, and the reverse', async () => {
    const tr = await server.operation('EntitySearch', { text: 'Birleşmiş Milletler' });
    expect(tr.data.entitySearch[0].entity).toMatchObject({ key: 'un', name: 'United Nations' });
    expect(tr.data.entitySearch[0].matchedLang).toBe('tr');
    const en = await server.operation('EntitySearch', { text: 'Almaty Act' });
    expect(en.data.entitySearch[0].entity.key).toBe('almaty-act');
    const trAct = await server.operation('EntitySearch', { text: 'Almati Yasası' });
    expect(trAct.data.entitySearch[0].entity.key).toBe('almaty-act');
  });

  it('tolerates typos and missing Turkish letters, and says which name matched', async () => {
    const typo = await server.operation('EntitySearch', { text: 'Kazakstan' });
    expect(typo.data.entitySearch[0].entity.key).toBe('KAZ');
    expect(typo.data.entitySearch[0].exact).toBe(false);
    const ascii = await server.operation('EntitySearch', { text: 'Sanghay' });
    expect(ascii.data.entitySearch[0].entity.key).toBe('city-shanghai');
    expect(ascii.data.entitySearch[0].matched).toBe('Şanghay');
  });

  it('filters by type', async () => {
    const res = await server.graphql('{ entitySearch(text: "Tokayev", types: [Person]) { entity { key type } } }');
    expect(res.data.entitySearch.every((h: any) => h.entity.type === 'Person')).toBe(true);
    expect(res.data.entitySearch[0].entity.key).toBe('kassym-jomart-tokayev');
  });
});

describe('Connection', () => {
  it('links Kuwait to the Almaty Act through CICA, each step with its citations', async () => {
    const { data, errors } = await server.operation('Connection', { from: 'Kuveyt', to: 'Almaty Act' });
    expect(errors).toBeUndefined();
    expect(data.connection.from.key).toBe('KWT');
    const path = data.connection.paths[0];
    expect(path.nodes.map((n: any) => n.key)).toEqual(['KWT', 'cica', 'almaty-act']);
    expect(path.steps[0]).toMatchObject({ type: 'MEMBER_OF', direction: 'OUT', role: 'member' });
    expect(path.steps[1].direction).toBe('IN');
    expect(path.steps.every((s: any) => s.citations.length > 0)).toBe(true);
  });

  it('finds no path through Kuwait\'s membership before it joined (asOf 2015-11-11)', async () => {
    const { data } = await server.operation('Connection', { from: 'Kuwait', to: 'Almaty Act', maxHops: 2, asOf: '2015-11-11' });
    expect(data.connection.paths.every((p: any) => p.steps[0].type !== 'MEMBER_OF')).toBe(true);
  });

  it('reads each step\'s references (every source record) when they are asked, and the same steps without them', async () => {
    const query = (extra: string) => `{ connection(from: "Kuwait", to: "Almaty Act", maxHops: 2) { paths { steps { factId type citations { source } ${extra} } } } }`;
    const withRefs = await server.graphql(query('references { factId citation { source quote } }'));
    expect(withRefs.errors).toBeUndefined();
    const steps = withRefs.data.connection.paths[0].steps;
    // Every statement has at least one seed record, and each record cites one of the statement's sources.
    for (const step of steps) {
      expect(step.references.length).toBeGreaterThan(0);
      for (const ref of step.references) expect(step.citations.map((c: any) => c.source)).toContain(ref.citation.source);
    }
    const plain = await server.graphql(query(''));
    expect(plain.data.connection.paths[0].steps.map((s: any) => s.factId)).toEqual(steps.map((s: any) => s.factId));
  });

  it('refuses more hops than the documented maximum', async () => {
    const { errors } = await server.operation('Connection', { from: 'Kuwait', to: 'Almaty Act', maxHops: 7 });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'maxHops', max: 6 });
  });
});

describe('Neighborhood', () => {
  it('differs for Kazakhstan on two dates as the facts say', async () => {
    const q = async (asOf: string) => (await server.operation('Neighborhood', { name: 'Kazakistan', depth: 1, asOf })).data.neighborhood;
    const in2005 = await q('2005-01-01');
    const atSummit = await q('2022-10-12');
    const keys = (n: any) => n.nodes.map((x: any) => x.id);
    expect(keys(atSummit)).toContain('cica-summit-6');
    expect(keys(in2005)).not.toContain('cica-summit-6');
    expect(keys(in2005)).toContain('cica');
    // Chairmanship: Kazakhstan chaired CICA before 2010 and again from 2020.
    const chaired = (n: any) => n.edges.filter((e: any) => e.type === 'CHAIRED' && e.source === 'KAZ').length;
    expect(chaired(in2005)).toBeGreaterThan(0);
    expect(chaired(atSummit)).toBeGreaterThan(0);
    expect(atSummit.nodes.find((n: any) => n.id === 'KAZ').center).toBe(true);
    for (const e of atSummit.edges) expect(keys(atSummit)).toEqual(expect.arrayContaining([e.source, e.target]));
  });

  it('caps the size and says so', async () => {
    const { data } = await server.operation('Neighborhood', { name: 'CICA', depth: 2, limit: 10 });
    expect(data.neighborhood.nodes.length).toBeLessThanOrEqual(11);
    expect(data.neighborhood.truncated).toBe(true);
  });
});

describe('CoMembership', () => {
  it('counts what Kazakhstan shares with Kyrgyzstan: CICA membership and meetings', async () => {
    const { data } = await server.operation('CoMembership', { name: 'Kazakhstan' });
    const kgz = data.coMembership.rows.find((r: any) => r.other.key === 'KGZ');
    expect(kgz.memberships).toBeGreaterThanOrEqual(1);
    expect(kgz.meetings).toBeGreaterThanOrEqual(1);
    expect(kgz.shared.map((s: any) => s.via.key)).toContain('cica');
  });
});

describe('Timeline', () => {
  it('orders the chairmanship of CICA: Kazakhstan, Turkey (2010), China (2014)', async () => {
    const { data } = await server.operation('Timeline', { name: 'CICA' });
    const chair = data.timeline.events.filter((e: any) => e.statement?.type === 'CHAIRED' && e.event === 'start');
    const holders = chair.map((e: any) => e.statement.subject.key);
    expect(holders.indexOf('TUR')).toBeLessThan(holders.indexOf('CHN'));
    // One term, dated by its most precise agreeing value (8 June 2010); 000's "June 2010" is among its citations.
    const turkey = chair.find((e: any) => e.statement.subject.key === 'TUR');
    expect(turkey.date).toMatchObject({ text: '2010-06-08', precision: 'DAY' });
    expect(turkey.citations.map((c: any) => c.source)).toContain('000_c76b804907b0293e');
    const dates = data.timeline.events.map((e: any) => e.date.earliest);
    expect([...dates].sort()).toEqual(dates);
  });
});
