import { startTestServer, TestServer } from '../support/test-server';

// The 26 members and 11 observers that source 002 (CICA web, 2015-11-11) lists by name.
const MEMBERS_2015 = ['AFG', 'ARE', 'AZE', 'BGD', 'BHR', 'CHN', 'EGY', 'IND', 'IRN', 'IRQ', 'ISR', 'JOR', 'KAZ', 'KGZ', 'KHM', 'KOR', 'MNG', 'PAK', 'PSE', 'QAT', 'RUS', 'THA', 'TJK', 'TUR', 'UZB', 'VNM'];
const OBSERVERS_2015 = ['IDN', 'JPN', 'LKA', 'MYS', 'PHL', 'UKR', 'USA', 'las', 'osce', 'turkpa', 'un'];
const S000 = '000_c76b804907b0293e';
const S002 = '002_2e4f098f8697c243';
const S004 = '004_2d1292f50a99c4ec';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

describe('MembersAsOf', () => {
  it('returns on 2015-11-11 the 26 members and 11 observers that source 002 lists', async () => {
    const { data, errors } = await server.operation('MembersAsOf', { organization: 'CICA', date: '2015-11-11' });
    expect(errors).toBeUndefined();
    const rows = data.membersAsOf.rows;
    expect(rows.filter((r: any) => r.role === 'member').map((r: any) => r.entity.key).sort()).toEqual(MEMBERS_2015);
    expect(rows.filter((r: any) => r.role === 'observer').map((r: any) => r.entity.key).sort()).toEqual(OBSERVERS_2015);
    expect(data.membersAsOf.memberCount).toBe(26);
    expect(data.membersAsOf.observerCount).toBe(11);
    const kazakhstan = rows.find((r: any) => r.entity.key === 'KAZ');
    expect(kazakhstan.citations.some((c: any) => c.source === S002)).toBe(true);
  });

  it('answers every field of a row\'s entity reference, its start date included (a fuzz case once crashed here)', async () => {
    const { data, errors } = await server.graphql('{ membersAsOf(organization: "СВМДА", date: "2022-10-12") { rows { entity { key type start { approximate earliest } ordinal } } } }');
    expect(errors).toBeUndefined();
    const kaz = data.membersAsOf.rows.find((r: any) => r.entity.key === 'KAZ');
    expect(kaz.entity).toEqual({ key: 'KAZ', type: 'State', start: null, ordinal: null });
  });

  it('shows the counts sources state next to the derived ones: 26 (002, agrees) and 24 (000)', async () => {
    const { data } = await server.operation('MembersAsOf', { organization: 'AİGK', date: '2015-11-11' });
    const stated = data.membersAsOf.statedCounts;
    const from002 = stated.find((s: any) => s.role === 'member' && s.claim.citations.some((c: any) => c.source === S002));
    expect(from002).toMatchObject({ stated: 26, derivedAtLatest: 26, agrees: true });
    const from000 = stated.find((s: any) => s.role === 'member' && s.claim.citations.some((c: any) => c.source === S000));
    expect(from000.stated).toBe(24);
    expect(from000.claim.citations[0].quote).toBe("Halihazırda AİGK'nın yirmi dört üyesi bulunmaktadır");
  });

  it('reads the history and the citations only when selected, with the same rows either way, through fragments and aliases too', async () => {
    const full = await server.operation('MembersAsOf', { organization: 'CICA', date: '2015-11-11' });
    const slim = await server.graphql('{ membersAsOf(organization: "CICA", date: "2015-11-11") { memberCount observerCount rows { role entity { key } start { text } end { text } } } }');
    expect(slim.errors).toBeUndefined();
    const shape = (rows: any[]) => rows.map((r) => `${r.role}:${r.entity.key}:${r.start?.text}:${r.end?.text}`).sort();
    expect(shape(slim.data.membersAsOf.rows)).toEqual(shape(full.data.membersAsOf.rows));
    expect(slim.data.membersAsOf.memberCount).toBe(26);
    // statedCounts and citations asked for through a fragment under an alias: both still read.
    const viaFragment = await server.graphql(`{ m: membersAsOf(organization: "AİGK", date: "2015-11-11") { ...Counts rows { ... on MembershipRow { c: citations { source } } } } }
      fragment Counts on MembersAsOf { statedCounts { stated agrees } }`);
    expect(viaFragment.errors).toBeUndefined();
    expect(viaFragment.data.m.statedCounts).toEqual(expect.arrayContaining([{ stated: 26, agrees: true }, { stated: 24, agrees: false }]));
    expect(viaFragment.data.m.rows.find((r: any) => r.c.some((c: any) => c.source === S002))).toBeDefined();
  });

  it('counts Kuwait as a member after the 2022 summit and not before', async () => {
    const before = await server.operation('MembersAsOf', { organization: 'CICA', date: '2022-01-01' });
    const after = await server.operation('MembersAsOf', { organization: 'CICA', date: '2022-12-31' });
    const keys = (d: any) => d.membersAsOf.rows.filter((r: any) => r.role === 'member').map((r: any) => r.entity.key);
    expect(keys(before.data)).not.toContain('KWT');
    expect(keys(after.data)).toContain('KWT');
    expect(after.data.membersAsOf.memberCount).toBeGreaterThan(26);
  });

  it('answers a malformed date with BAD_USER_INPUT and an unknown organization with null', async () => {
    const bad = await server.operation('MembersAsOf', { organization: 'CICA', date: '2015-13-11' });
    expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].message).toMatch(/YYYY-MM-DD/);
    expect(JSON.stringify(bad)).not.toMatch(/at .*\.js:\d+/);
    const none = await server.operation('MembersAsOf', { organization: 'Narnia Pact', date: '2015-11-11' });
    expect(none.errors).toBeUndefined();
    expect(none.data.membersAsOf).toBeNull();
  });
});

describe('MembershipHistory', () => {
  it('keeps both stated member counts, 24 (000) and 26 (002), each with its source', async () => {
    const { data } = await server.operation('MembershipHistory', { organization: 'CICA' });
    const members = data.membershipHistory.countClaims.filter((c: any) => c.role === 'member');
    const bySource = (s: string) => members.filter((c: any) => c.claim.citations.some((x: any) => x.source === s)).map((c: any) => c.stated);
    expect(bySource(S000)).toContain(24);
    expect(bySource(S002)).toContain(26);
    expect(data.membershipHistory.records.length).toBeGreaterThan(37);
  });
});

describe('Chairmanships', () => {
  it('passes from Kazakhstan to Turkey in June 2010 and to China in 2014', async () => {
    const { data, errors } = await server.operation('Chairmanships', { organization: 'CICA' });
    expect(errors).toBeUndefined();
    const terms = data.chairmanships;
    // One statement per term: 000's and 002's "June 2010" is a reference on the term that the public record dates to the day.
    const kaz = terms.find((t: any) => t.other.key === 'KAZ' && t.end?.text === '2010-06-08');
    expect(kaz.references.filter((r: any) => r.end?.text === '2010-06').map((r: any) => r.citation.source)).toEqual(expect.arrayContaining([S000, S002]));
    const turkey = terms.find((t: any) => t.other.key === 'TUR');
    expect(turkey.start.text).toBe('2010-06-08');
    expect(turkey.citations[0].source).toBe(S000);
    const china = terms.find((t: any) => t.other.key === 'CHN' && t.start?.text?.startsWith('2014'));
    expect(china).toBeDefined();
    const order = terms.map((t: any) => t.other.key);
    expect(order.indexOf('TUR')).toBeLessThan(order.lastIndexOf('CHN'));
  });
});

describe('Summits', () => {
  it('gives the 6th summit in Astana, 12–13 October 2022, with heads of state and adopted documents', async () => {
    const { data, errors } = await server.operation('Summits', { organization: 'CICA' });
    expect(errors).toBeUndefined();
    const sixth = data.summits.find((s: any) => s.meeting.ordinal === 6);
    expect(sixth.meeting.start.text).toBe('2022-10-12');
    expect(sixth.meeting.cities.map((c: any) => c.key)).toContain('city-astana');
    expect(sixth.meeting.hosts.map((h: any) => h.other.key)).toEqual(expect.arrayContaining(['KAZ']));
    const heads = sixth.meeting.attendees.filter((a: any) => a.level === 'head of state').map((a: any) => a.other.key);
    expect(heads).toEqual(expect.arrayContaining(['TUR', 'AZE', 'UZB', 'KGZ', 'TJK', 'RUS', 'IRN', 'IRQ', 'QAT', 'PSE']));
    // 004 calls Pakistan's delegation head of state; two public reports name its prime minister: the rule prefers them.
    const pakistan = sixth.meeting.attendees.find((a: any) => a.other.key === 'PAK');
    expect(pakistan.level).toBe('head of government');
    const vice = sixth.meeting.attendees.filter((a: any) => a.level === 'vice president').map((a: any) => a.other.key);
    expect(vice).toEqual(expect.arrayContaining(['CHN', 'VNM']));
    expect(sixth.meeting.documents.map((d: any) => d.other.name).join(' | ')).toMatch(/Astana Declaration on Transformation of CICA/);
  });

  it('shows Turkey taking over the chairmanship at the 3rd summit in Istanbul (2010)', async () => {
    const { data } = await server.operation('Summits', { organization: 'CICA' });
    const third = data.summits.find((s: any) => s.meeting.ordinal === 3);
    expect(third.meeting.cities.map((c: any) => c.key)).toContain('city-istanbul');
    expect(third.chairmanshipTakenOver.map((c: any) => c.other.key)).toContain('TUR');
  });
});

describe('profiles by any name', () => {
  it("finds Kazakhstan by its Turkish name with a suffix (Kazakistan'ın)", async () => {
    const { data } = await server.operation('StateProfile', { name: "Kazakistan'ın" });
    expect(data.state.key).toBe('KAZ');
    expect(data.state.names.filter((n: any) => n.lang === 'tr').map((n: any) => n.text)).toContain('Kazakistan');
    expect(data.state.chairmanships.length).toBeGreaterThan(0);
  });

  it('resolves Tokayev\'s spellings in the sources to one person', async () => {
    const keys = await Promise.all(['Kasım Cömert Tokayev', 'Kasım Comart Tokayev', 'Kassym-Jomart Tokayev', 'kasim comert tokayev']
      .map(async (name) => (await server.operation('PersonProfile', { name })).data.person?.key));
    expect(new Set(keys)).toEqual(new Set(['kassym-jomart-tokayev']));
    const { data } = await server.operation('PersonProfile', { name: 'Tokayev' });
    expect(data.person.offices.some((o: any) => o.other.key === 'KAZ')).toBe(true);
  });

  it('finds CICA by AİGK, СВМДА and its English name', async () => {
    for (const name of ['AİGK', 'СВМДА', 'Conference on Interaction and Confidence Building Measures in Asia', "AİGK'nın"]) {
      const { data } = await server.operation('OrganizationProfile', { name });
      expect(data.organization?.key).toBe('cica');
    }
  });

  it('finds entities by their key as well (KAZ, almaty-act)', async () => {
    const { data } = await server.graphql('{ state(name: "KAZ") { key } document(name: "almaty-act") { key } connection(from: "KWT", to: "almaty-act") { from { key } to { key } } }');
    expect(data).toEqual({ state: { key: 'KAZ' }, document: { key: 'almaty-act' }, connection: { from: { key: 'KWT' }, to: { key: 'almaty-act' } } });
  });

  it('returns null for a name that matches nothing', async () => {
    const { data, errors } = await server.operation('StateProfile', { name: 'Atlantis' });
    expect(errors).toBeUndefined();
    expect(data.state).toBeNull();
  });
});

describe('SourceProfile', () => {
  it('lists every fact source 002 supports, with its metadata', async () => {
    const { data } = await server.operation('SourceProfile', { id: S002 });
    expect(data.source.language).toBe('en');
    expect(data.source.date.text).toBe('2015-11-11');
    // 002's own values are on its references (the statements reconcile every source's record).
    const own = (s: any) => s.references.filter((r: any) => r.citation.source === S002);
    const listed = data.source.supports.filter((s: any) => s.type === 'MEMBER_OF' && own(s).some((r: any) => r.attested?.text === '2015-11-11'));
    expect(listed.map((s: any) => s.subject.key).sort()).toEqual([...MEMBERS_2015, ...OBSERVERS_2015].sort());
    // 002 also dates the end of Australia's and Lebanon's observer status (absent from its list).
    expect([...new Set(data.source.supports.filter((s: any) => s.type === 'MEMBER_OF' && own(s).some((r: any) => r.end)).map((s: any) => s.subject.key))].sort()).toEqual(['AUS', 'LBN']);
    expect(data.source.supports.filter((s: any) => s.type === 'COORDINATED').map((s: any) => s.subject.key).sort())
      .toEqual(['AZE', 'IRN', 'ISR', 'KAZ', 'KOR', 'MNG', 'RUS', 'THA', 'TJK', 'TUR']);
  });

  it('gives the author of source 004', async () => {
    const { data } = await server.operation('SourceProfile', { id: S004 });
    expect(data.source.author).toMatch(/Emrah Kaya/i);
  });
});

describe('Documents, Coordinators, Meetings', () => {
  it('keeps the Almaty Act adopted at the first summit on 4 July 2002', async () => {
    const { data } = await server.operation('Documents', { organization: 'CICA' });
    const act = data.documents.find((d: any) => d.key === 'almaty-act');
    expect(act.names.map((n: any) => n.text)).toEqual(expect.arrayContaining(['Almaty Act']));
    expect(act.adoption.some((a: any) => a.citations.some((c: any) => c.source === S000))).toBe(true);
  });

  it('dates the first summit 4 June 2002 (the CICA site) and keeps 000\'s 4 July 2002 as a lower-ranked claim', async () => {
    const { data } = await server.graphql('{ meeting(name: "cica-summit-1") { start { text } claims { property value conflict rank rankReason citations { source } } } }');
    expect(data.meeting.start.text).toBe('2002-06-04');
    const starts = data.meeting.claims.filter((c: any) => c.property === 'start');
    expect(starts.find((c: any) => c.value === '2002-06-04')).toMatchObject({ rank: 'PREFERRED', conflict: true });
    const july = starts.find((c: any) => c.value === '2002-07-04');
    expect(july).toMatchObject({ rank: 'DEPRECATED', conflict: true });
    expect(july.citations.map((c: any) => c.source)).toEqual([S000]);
    expect(july.rankReason).toMatch(/outweighed by 2002-06-04/);
  });

  it('lists the ten coordinator states of source 002', async () => {
    const { data } = await server.operation('Coordinators', { organization: 'CICA' });
    const from002 = data.coordinators.filter((c: any) => c.citations.some((x: any) => x.source === S002)).map((c: any) => c.other.key);
    expect(new Set(from002).size).toBe(10);
  });

  it('lists meetings of several kinds in date order', async () => {
    const { data } = await server.operation('Meetings', { organization: 'CICA' });
    const kinds = new Set(data.meetings.map((m: any) => m.meeting.meetingKind));
    expect(kinds.has('summit') && kinds.has('ministerial')).toBe(true);
  });
});

describe('generic API', () => {
  it('pages through states with cursors, and node(id) returns the same entity', async () => {
    const q = `query($after: String) { entities(type: State, first: 10, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id key name } } } }`;
    const first = await server.graphql(q);
    const second = await server.graphql(q, { after: first.data.entities.pageInfo.endCursor });
    expect(first.data.entities.edges).toHaveLength(10);
    expect(first.data.entities.pageInfo.hasNextPage).toBe(true);
    const seen = new Set(first.data.entities.edges.map((e: any) => e.node.key));
    expect(second.data.entities.edges.some((e: any) => seen.has(e.node.key))).toBe(false);
    const node = first.data.entities.edges[0].node;
    const byId = await server.graphql(`query($id: ID!) { node(id: $id) { key name } }`, { id: node.id });
    expect(byId.data.node).toEqual({ key: node.key, name: node.name });
  });

  it('answers statements asOf: Turkey chairs CICA on 2012-01-01, China on 2016-01-01', async () => {
    const q = `query($d: Date!) { organization(name: "CICA") { chairs(asOf: $d) { other { key } } } }`;
    const y2012 = await server.graphql(q, { d: '2012-01-01' });
    const y2016 = await server.graphql(q, { d: '2016-01-01' });
    expect(y2012.data.organization.chairs.map((c: any) => c.other.key)).toContain('TUR');
    expect(y2016.data.organization.chairs.map((c: any) => c.other.key)).toContain('CHN');
    expect(y2016.data.organization.chairs.map((c: any) => c.other.key)).not.toContain('TUR');
  });

  it('rejects an out-of-range page size with BAD_USER_INPUT', async () => {
    const res = await server.graphql(`{ entities(first: 1000) { totalCount } }`);
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('names, former names and ambiguity', () => {
  it('knows Astana by its former name Nur-Sultan, valid 2019–2022', async () => {
    const { data } = await server.graphql('{ place(name: "Nur-Sultan") { key names { text kind from { text } to { text } } } }');
    expect(data.place.key).toBe('city-astana');
    const former = data.place.names.find((n: any) => n.text === 'Nur-Sultan');
    expect(former.kind).toBe('former');
    expect(former.from.text.startsWith('2019')).toBe(true);
    expect(former.to.text.startsWith('2022')).toBe(true);
  });

  it('knows Türkiye by its former name Turkey', async () => {
    const { data } = await server.graphql('{ state(name: "Turkey") { key name names { text kind } } }');
    expect(data.state.key).toBe('TUR');
    expect(data.state.names.find((n: any) => n.text === 'Turkey').kind).toBe('former');
  });

  it('returns the best match for an ambiguous name and says so', async () => {
    const { data } = await server.graphql('{ entity(name: "Anlaşma Protokolü") { key matchedBy { ambiguous alternatives } } }');
    expect(data.entity.matchedBy.ambiguous).toBe(true);
    expect(data.entity.matchedBy.alternatives.length).toBeGreaterThanOrEqual(2);
  });
});

describe('the corpus checklist', () => {
  it('holds every entity each source names (the hand-made mention list of the five sources)', async () => {
    const gold = JSON.parse(require('node:fs').readFileSync(require('node:path').resolve(__dirname, '..', 'fixtures', 'mentions-gold.json'), 'utf8'));
    const keys = [...new Set(Object.values(gold).flat().map((m: any) => m.entity))] as string[];
    const rows = await server.db.runText<{ key: string }>('MATCH (e:Entity) WHERE e.key IN $keys RETURN e.key AS key', { keys });
    expect(rows.map((r) => r.key).sort()).toEqual([...keys].sort());
    expect(keys.length).toBeGreaterThan(80);
  });
});
