import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestServer, TestServer } from '../support/test-server';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

const row = (rows: any[], year: number, role: string) => rows.find((r) => r.year === year && r.role === role);

describe('MembershipTimeline', () => {
  it('rises from the 26 members of the 2015 list to more in 2022, when Kuwait joined', async () => {
    const { data, errors } = await server.operation('MembershipTimeline', { organization: 'CICA', from: '2010-01-01', to: '2024-12-31' });
    expect(errors).toBeUndefined();
    const rows = data.membershipTimeline;
    expect(row(rows, 2015, 'member').count).toBe(26);
    expect(row(rows, 2015, 'observer').count).toBe(11);
    expect(row(rows, 2022, 'member').count).toBeGreaterThan(26);
    expect(row(rows, 2022, 'member').joined).toContain('Kuwait');
    expect(row(rows, 2022, 'member').date).toBe('2022-12-31');
    for (let y = 2011; y <= 2024; y++) {
      for (const role of ['member', 'observer']) {
        const before = row(rows, y - 1, role);
        const now = row(rows, y, role);
        expect(now.count).toBe(before.count + now.joinedCount - now.leftCount);
      }
    }
  });

  it('refuses from after to', async () => {
    const { errors } = await server.operation('MembershipTimeline', { organization: 'CICA', from: '2020-01-01', to: '2010-01-01' });
    expect(errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('ChairmanshipTimeline', () => {
  it('gives one row per term, merging the sources that state it: Kazakhstan, Turkey (June 2010), China (2014)', async () => {
    const { data } = await server.operation('ChairmanshipTimeline', { organization: 'CICA' });
    const rows = data.chairmanshipTimeline;
    expect(rows.slice(0, 3).map((r: any) => r.holderKey)).toEqual(['KAZ', 'TUR', 'CHN']);
    const turkey = rows[1];
    expect(turkey.start.startsWith('2010-06')).toBe(true);
    expect(turkey.sources).toEqual(expect.arrayContaining(['000_c76b804907b0293e', '002_2e4f098f8697c243']));
    expect(turkey.records).toBeGreaterThanOrEqual(2);
    expect(rows[2].start.startsWith('2014')).toBe(true);
    const starts = rows.map((r: any) => r.start ?? '');
    expect([...starts].sort()).toEqual(starts);
    const perRecord = await server.graphql('{ chairmanshipTimeline(organization: "CICA", merge: false) { holderKey startText } }');
    expect(perRecord.data.chairmanshipTimeline.some((r: any) => r.holderKey === 'TUR' && r.startText === '2010-06')).toBe(true);
    expect(perRecord.data.chairmanshipTimeline.length).toBeGreaterThan(rows.length);
  });
});

describe('SummitAttendance', () => {
  it('counts the heads of state at the 6th summit in Astana', async () => {
    const { data } = await server.operation('SummitAttendance', { organization: 'CICA' });
    const heads = data.summitAttendance.find((r: any) => r.summitKey === 'cica-summit-6' && r.level === 'head of state');
    expect(heads.count).toBeGreaterThanOrEqual(11);
    expect(heads.who).toEqual(expect.arrayContaining(['Türkiye', 'Azerbaijan', 'Qatar']));
    expect(heads.date).toBe('2022-10-12');
  });
});

describe('GraphStats', () => {
  it('counts entities and facts by type, facts per source, and the conflicts recorded', async () => {
    const { data } = await server.operation('GraphStats', {});
    const stats = data.graphStats;
    const byType = Object.fromEntries(stats.entitiesByType.map((r: any) => [r.key, r.count]));
    expect(byType.State).toBeGreaterThanOrEqual(40);
    expect(byType.Source).toBeGreaterThanOrEqual(5);
    const s002 = stats.factsPerSource.find((r: any) => r.key === '002_2e4f098f8697c243');
    expect(s002.count).toBeGreaterThan(37);
    expect(stats.conflicts).toBe(stats.conflictList.length);
    // Thailand's accession: 2004 (CICA Secretariat) against 2006 (China Daily), both kept.
    expect(stats.conflictList.some((c: any) => c.kind === 'dates' && c.subject.startsWith('Thailand'))).toBe(true);
    expect(stats.mentions).toBeGreaterThanOrEqual(263);
  });
});

describe('exports', () => {
  it('serves the state-year table in the COW layout', async () => {
    const res = await fetch(`${server.url}/export/cow-membership.csv?organization=AİGK&from=2014&to=2023`);
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split('\n');
    expect(lines[0]).toBe('ccode,stateabb,iso3,state,year,organization,status,cow_status');
    expect(lines).toContain('705,KZK,KAZ,Kazakhstan,2015,CICA,member,1');
    expect(lines).toContain('690,KUW,KWT,Kuwait,2021,CICA,none,0');
    expect(lines).toContain('690,KUW,KWT,Kuwait,2022,CICA,member,1');
    expect(lines).toContain('2,USA,USA,United States of America,2015,CICA,observer,3');
    const bad = await fetch(`${server.url}/export/cow-membership.csv?from=nineteen`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).code).toBe('BAD_USER_INPUT');
  });

  it('exports the graph as JSON with citations and as GraphML with the same edges, asOf filtering edges', async () => {
    const all = await (await fetch(`${server.url}/export/graph.json`)).json() as any;
    expect(all.nodes.find((n: any) => n.id === 'KAZ').name).toBe('Kazakhstan');
    expect(all.edges.every((e: any) => e.citations.length > 0)).toBe(true);
    const old = await (await fetch(`${server.url}/export/graph.json?asOf=2000-01-01`)).json() as any;
    expect(old.edges.length).toBeLessThan(all.edges.length);
    const graphml = await (await fetch(`${server.url}/export/graph.graphml`)).text();
    expect(graphml).toMatch(/^<\?xml/);
    expect(graphml).toContain('<node id="KAZ">');
    expect(graphml.match(/<edge /g)?.length).toBe(all.edges.length);
    expect((await fetch(`${server.url}/export/graph.json?asOf=2000-13-01`)).status).toBe(400);
  });

  it('exports from the command line too', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'export-')), 'cow.csv');
    const result = spawnSync('node', ['dist/src/scripts/export.js', 'cow', '--from', '2022', '--to', '2022', '--out', out], {
      cwd: path.resolve(__dirname, '..', '..'), encoding: 'utf8',
      env: { ...process.env, NEO4J_URI: process.env.TEST_NEO4J_URI, NEO4J_PASSWORD: process.env.TEST_NEO4J_PASSWORD },
    });
    expect(result.status).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toContain('705,KZK,KAZ,Kazakhstan,2022,CICA,member,1');
    expect(result.stderr).toMatch(/export cow: done/);
  });
});
