import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { loadSeedFiles } from '../../src/seed/load-seed';
import { normalizeSpace } from '../../src/seed/read-seed-files';
import { SINGLE_HOLDER_OFFICES } from '../../src/seed/succession';
import { startTestServer, TestServer } from '../support/test-server';

// Issue 9: one statement per fact, every source a reference on it, a rank on every value.
const S000 = '000_c76b804907b0293e';
const S002 = '002_2e4f098f8697c243';
const S004 = '004_2d1292f50a99c4ec';
const root = path.resolve(__dirname, '..', '..');
const corpusDir = loadConfig().corpusDir;

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

const q = (query: string, variables?: Record<string, unknown>) => server.data(query, variables);

describe('reads are truthy: one statement per fact, best rank', () => {
  it('gives Azerbaijan alone as the chair on 2026-01-01', async () => {
    const data = await q('{ organization(name: "CICA") { chairs(asOf: "2026-01-01") { other { key } } } }');
    expect(data.organization.chairs.map((s: any) => s.other.key)).toEqual(['AZE']);
  });

  it('gives one chairmanship per term, in order: Kazakhstan, Turkey, China, Tajikistan, Kazakhstan, Azerbaijan', async () => {
    const data = await q('{ organization(name: "CICA") { chairs { other { key } validFrom validTo endDerived references { factId } } } }');
    const chairs = [...data.organization.chairs].sort((a: any, b: any) => (a.validFrom ?? '').localeCompare(b.validFrom ?? ''));
    expect(chairs.map((s: any) => s.other.key)).toEqual(['KAZ', 'TUR', 'CHN', 'TJK', 'KAZ', 'AZE']);
    // China's term is stated by 000, 002 and two public records: all references of the one statement.
    const china = chairs[2];
    expect(new Set(china.references.map((r: any) => r.factId)).size).toBeGreaterThanOrEqual(4);
    expect(china.validTo).toBe('2018-09-24');
  });

  it('counts 22 members on 2010-12-31, each once, with Qatar an observer', async () => {
    const data = await q('{ organization(name: "CICA") { m: members(asOf: "2010-12-31", role: "member") { other { key type } } o: members(asOf: "2010-12-31", role: "observer") { other { key } } } }');
    const members = data.organization.m.filter((s: any) => s.other.type === 'State').map((s: any) => s.other.key);
    expect(members).toHaveLength(22);
    expect(new Set(members).size).toBe(22);
    expect(members).not.toContain('QAT');
    expect(data.organization.o.map((s: any) => s.other.key)).toContain('QAT');
  });

  it('counts the 16 members of the first summit on 2003-01-01', async () => {
    const data = await q('{ organization(name: "CICA") { members(asOf: "2003-01-01", role: "member") { other { key type } } } }');
    const members = data.organization.members.filter((s: any) => s.other.type === 'State').map((s: any) => s.other.key);
    expect(new Set(members).size).toBe(16);
    expect(members).toHaveLength(16);
  });

  it('answers one query text by its variables each time (the compiled Cypher is kept per query text)', async () => {
    const members = 'query M($org: String!, $day: Date!) { organization(name: $org) { key members(asOf: $day, role: "member") { other { key type } } } }';
    const states = async (org: string, day: string) => {
      const data = await q(members, { org, day });
      return new Set(data.organization.members.filter((s: any) => s.other.type === 'State').map((s: any) => s.other.key)).size;
    };
    expect(await states('CICA', '2003-01-01')).toBe(16);
    expect(await states('CICA', '2010-12-31')).toBe(22);
    expect(await states('AİGK', '2003-01-01')).toBe(16);
    // Another entity by name, and a nested day that changes its answer: Qatar an observer, then a member.
    const memberships = 'query S($name: String!, $day: Date!) { state(name: $name) { key memberships(asOf: $day) { role other { key } } } }';
    const roles = async (name: string, day: string) => {
      const data = await q(memberships, { name, day });
      return `${data.state.key} ${data.state.memberships.map((s: any) => `${s.role} of ${s.other.key}`).join(', ')}`;
    };
    expect(await roles('Kazakhstan', '2010-12-31')).toBe('KAZ member of cica');
    expect(await roles('Qatar', '2010-12-31')).toBe('QAT observer of cica');
    expect(await roles('Katar', '2015-01-01')).toBe('QAT member of cica');
  });

  it('keeps Qatar\'s 2008 announcement as a DEPRECATED reference with the file\'s reason, and its membership from 2014', async () => {
    const data = await q('{ state(name: "Qatar") { memberships { role start { text } admittedAt { key } references { factId rank rankReason start { text } } } } }');
    const member = data.state.memberships.find((s: any) => s.role === 'member');
    expect(member.start.text).toBe('2014-05-20');
    expect(member.admittedAt.key).toBe('cica-summit-4');
    const announcement = member.references.find((r: any) => r.start?.text === '2008-08-25');
    expect(announcement).toMatchObject({ rank: 'DEPRECATED' });
    expect(announcement.rankReason).toMatch(/announcement/i);
  });

  it('ends Sri Lanka\'s observer status when it becomes a member in 2018', async () => {
    const data = await q('{ state(name: "Sri Lanka") { now: memberships(asOf: "2019-01-01") { role object { key } } } }');
    expect(data.state.now.filter((s: any) => s.object.key === 'cica').map((s: any) => s.role)).toEqual(['member']);
  });

  it('gives Kuwait one membership citing both 004 and the public report of 13 October 2022', async () => {
    const data = await q('{ state(name: "Kuwait") { memberships { role start { text } citations { source } } } }');
    expect(data.state.memberships).toHaveLength(1);
    const sources = data.state.memberships[0].citations.map((c: any) => c.source);
    expect(sources).toEqual(expect.arrayContaining([S004, 'web-inform-2022-10-13-kuwait']));
    expect(data.state.memberships[0].start.text).toBe('2022-10-13');
  });

  it('keeps the stated member counts 24 (000) and 26 (002)', async () => {
    const data = await q('{ organization(name: "CICA") { claims { property numericValue rank citations { source } } } }');
    const counts = data.organization.claims.filter((c: any) => c.property === 'memberCount');
    expect(counts.some((c: any) => c.numericValue === 24 && c.citations.some((x: any) => x.source === S000))).toBe(true);
    expect(counts.some((c: any) => c.numericValue === 26 && c.citations.some((x: any) => x.source === S002))).toBe(true);
  });

  it('shows the other ranks when asked, and marks ends a rule derived', async () => {
    const all = await q('{ organization(name: "CICA") { t: officeHolders { factId } a: officeHolders(ranks: [PREFERRED, NORMAL, DEPRECATED]) { factId } } }');
    expect(all.organization.a.length).toBeGreaterThanOrEqual(all.organization.t.length);
    const data = await q('{ organization(name: "cica-secretariat") { officeHolders { other { key } role end { text } endDerived endRule endSuccessor } } }');
    const aldemir = data.organization.officeHolders.find((s: any) => s.other.key === 'cinar-aldemir');
    expect(aldemir).toMatchObject({ endDerived: true, endSuccessor: 'gong-jianwei-executive-director' });
    expect(aldemir.endRule).toMatch(/^office-succession/);
  });

  it('dates what happened at a meeting by the meeting\'s preferred date, not by a date the rule outweighed', async () => {
    // 000 dates the Almaty Act's adoption by its own (outweighed) date of the 1st summit, 4 July 2002.
    const data = await q('{ document(name: "Almaty Act") { adoption { validFrom other { key } references { rank rankReason citation { source } } } } }');
    const atSummit = data.document.adoption.find((s: any) => s.other.key === 'cica-summit-1');
    expect(atSummit.validFrom).toBe('2002-06-04');
    const from000 = atSummit.references.find((r: any) => r.citation.source === S000);
    expect(from000).toMatchObject({ rank: 'DEPRECATED' });
    expect(from000.rankReason).toMatch(/^the start of cica-summit-1 as this source gives it/);
  });

  it('dates the Dushanbe Declaration by its own adoption day, 15 June 2019', async () => {
    const data = await q('{ document(name: "dushanbe-declaration-2019") { adoption { validFrom other { key } } } }');
    expect(data.document.adoption.find((s: any) => s.other.key === 'cica-summit-5').validFrom).toBe('2019-06-15');
  });
});

describe('properties of the whole loaded graph', () => {
  let statements: any[];
  beforeAll(async () => {
    statements = await server.db.runText(`MATCH (a:Entity)-[r]->(b:Entity) WHERE r.factId IS NOT NULL
      RETURN type(r) AS type, a.key AS from, b.key AS to, r {.*, validFrom: toString(r.validFrom), validTo: toString(r.validTo)} AS r`, {});
  });

  it('has no two truthy statements of the same fact with overlapping spans', () => {
    const byFact = new Map<string, any[]>();
    for (const s of statements.filter((x) => x.r.truthy)) {
      const k = [s.type, s.from, s.to, s.r.role ?? '', s.r.area ?? ''].join('|');
      byFact.set(k, [...(byFact.get(k) ?? []), s]);
    }
    const overlaps: string[] = [];
    for (const [k, list] of byFact) {
      for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [list[i].r, list[j].r];
        if ((a.validFrom ?? '0000') <= (b.validTo ?? '9999') && (b.validFrom ?? '0000') <= (a.validTo ?? '9999')) overlaps.push(`${k}: ${a.factId} / ${b.factId}`);
      }
    }
    expect(overlaps).toEqual([]);
    expect(byFact.size).toBeGreaterThan(300);
  });

  it('leaves no term open where a successor exists', () => {
    const open: string[] = [];
    const check = (list: any[]) => {
      const sorted = list.filter((s) => s.r.validFrom).sort((a, b) => a.r.validFrom.localeCompare(b.r.validFrom));
      sorted.forEach((s, i) => { if (!s.r.validTo && sorted.slice(i + 1).some((o) => o.r.validFrom > s.r.validFrom)) open.push(s.r.factId); });
    };
    const truthy = statements.filter((s) => s.r.truthy);
    const group = (pick: (s: any) => boolean, key: (s: any) => string) => {
      const m = new Map<string, any[]>();
      for (const s of truthy.filter(pick)) m.set(key(s), [...(m.get(key(s)) ?? []), s]);
      return [...m.values()];
    };
    group((s) => s.type === 'CHAIRED', (s) => s.to).forEach(check);
    group((s) => s.type === 'HELD_OFFICE' && SINGLE_HOLDER_OFFICES.has(String(s.r.role).toLowerCase()), (s) => `${s.to}|${String(s.r.role).toLowerCase()}`).forEach(check);
    for (const list of group((s) => s.type === 'MEMBER_OF', (s) => `${s.from}|${s.to}`)) {
      for (const o of list.filter((s) => s.r.role === 'observer' && s.r.validFrom && !s.r.validTo)) {
        if (list.some((m) => m.r.role === 'member' && m.r.validFrom > o.r.validFrom)) open.push(o.r.factId);
      }
    }
    expect(open).toEqual([]);
  });

  it('cites each source once per statement, with at least one reference quoting its source verbatim', () => {
    const texts = new Map<string, string>();
    const corpus = (id: string) => {
      if (!texts.has(id)) texts.set(id, normalizeSpace(fs.readFileSync(path.join(corpusDir, `${id}.txt`), 'utf8')));
      return texts.get(id)!;
    };
    const bad: string[] = [];
    for (const { r } of statements) {
      if (new Set(r.sources).size !== r.sources.length) bad.push(`${r.factId}: a source twice`);
      const verbatim = (r.refSources as string[]).some((source, i) => r.refQuotes[i]
        && (!/^00\d_/.test(source) || corpus(source).includes(normalizeSpace(r.refQuotes[i]))));
      if (!verbatim) bad.push(`${r.factId}: no reference with a verbatim quote`);
    }
    expect(bad).toEqual([]);
  });

  it('lists every disagreement the loader found in GraphStats, each with its decision and reason', async () => {
    const reconciled = loadSeedFiles(path.join(root, 'cypher', 'seed'), corpusDir);
    const { data } = await server.operation('GraphStats', {});
    const rows = data.graphStats.conflictList;
    expect(rows).toHaveLength(reconciled.disagreements.length);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const row of rows) {
      expect(row.reason).toBeTruthy();
      expect(row.ranked.filter((v: any) => v.rank === 'PREFERRED').length).toBeLessThanOrEqual(1);
      expect(row.ranked.some((v: any) => v.rank === 'DEPRECATED')).toBe(true);
    }
    // Thailand's accession: 2004 (the CICA site and an embassy) over 2006 (China Daily).
    const thailand = rows.find((r: any) => r.subject.startsWith('Thailand') && r.property === 'MEMBER_OF start');
    expect(thailand).toMatchObject({ decision: '2004-10-22', overridden: false });
    const stats = data.graphStats.reconciliation;
    expect(stats).toMatchObject({ factRecords: reconciled.rawFacts, statements: reconciled.statements.length });
    expect(stats.statements).toBeLessThan(stats.factRecords);
    expect(stats.decidedByFile).toBeGreaterThanOrEqual(1);
  });
});
