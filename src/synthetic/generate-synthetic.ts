import { Database } from '../db/database';
import { foldName } from '../util/fold-name';
import { createProgress } from '../util/progress';

/**
 * A synthetic graph shaped like the real one (states in organizations, meetings with
 * attendees, chairs, offices), to measure traversals at many times the real size. Keys start
 * with "syn-" and items carry origin 'synthetic', so removeSynthetic() takes them out again.
 * Deterministic: the same scale and seed give the same graph.
 */
export interface SyntheticCounts { entities: number; facts: number }

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LABELS = ['State', 'Organization', 'Meeting', 'Person', 'Place'] as const;
const TYPES = ['MEMBER_OF', 'ATTENDED', 'HOSTED', 'HELD_IN', 'PART_OF', 'CHAIRED', 'HELD_OFFICE'] as const;

export function buildSynthetic(scale: number, seed = 42) {
  const random = rng(seed);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const year = (from: number, to: number) => from + Math.floor(random() * (to - from + 1));
  const entities: { key: string; type: (typeof LABELS)[number]; name: string; start?: string }[] = [];
  const facts: { type: (typeof TYPES)[number]; from: string; to: string; role?: string; level?: string; start?: string; end?: string }[] = [];
  const byKey = new Map<string, (typeof entities)[number]>();
  const make = (type: (typeof LABELS)[number], prefix: string, count: number) => {
    const keys: string[] = [];
    for (let i = 0; i < count; i++) {
      const key = `syn-${prefix}-${i}`;
      const entity = { key, type, name: `Synthetic ${type} ${i}` };
      entities.push(entity);
      byKey.set(key, entity);
      keys.push(key);
    }
    return keys;
  };
  const states = make('State', 'state', 50 * scale);
  const orgs = make('Organization', 'org', 10 * scale);
  const places = make('Place', 'city', 20 * scale);
  const people = make('Person', 'person', 100 * scale);
  const meetings = make('Meeting', 'meeting', 40 * scale);
  // Some synthetic states join CICA itself, so the real hub grows dense as it would with real data.
  const allOrgs = [...orgs, 'cica'];
  for (const s of states) {
    for (let k = 0; k < 5; k++) {
      const start = year(1990, 2020);
      const ended = random() < 0.2;
      facts.push({ type: 'MEMBER_OF', from: s, to: k === 0 && random() < 0.1 ? 'cica' : pick(allOrgs), role: random() < 0.8 ? 'member' : 'observer', start: String(start), end: ended ? String(start + year(1, 6)) : undefined });
    }
  }
  for (const m of meetings) {
    const when = `${year(1995, 2024)}-${String(year(1, 12)).padStart(2, '0')}`;
    (byKey.get(m) as { start?: string }).start = when;
    facts.push({ type: 'PART_OF', from: m, to: pick(orgs) }, { type: 'HELD_IN', from: m, to: pick(places), start: when, end: when });
    facts.push({ type: 'HOSTED', from: pick(states), to: m, start: when, end: when });
    for (let k = 0; k < 10; k++) facts.push({ type: 'ATTENDED', from: pick(states), to: m, level: pick(['head of state', 'foreign minister', 'vice president']), start: when, end: when });
    for (let k = 0; k < 5; k++) facts.push({ type: 'ATTENDED', from: pick(people), to: m, start: when, end: when });
  }
  for (const o of orgs) {
    let y = year(1990, 2000);
    while (y < 2024) {
      const term = year(2, 4);
      facts.push({ type: 'CHAIRED', from: pick(states), to: o, start: String(y), end: String(y + term) });
      y += term;
    }
  }
  for (const p of people) facts.push({ type: 'HELD_OFFICE', from: p, to: pick(states), role: pick(['head of state', 'foreign minister']), start: String(year(1990, 2020)) });
  return { entities, facts };
}

/** Writes the synthetic graph in batches (each a transaction of its own), with a progress bar. */
export async function writeSynthetic(db: Database, scale: number, options: { quiet?: boolean; batch?: number } = {}): Promise<SyntheticCounts> {
  const { entities, facts } = buildSynthetic(scale);
  const batch = options.batch ?? 5000;
  const steps = Math.ceil(entities.length / batch) * 1 + Math.ceil(facts.length / batch);
  const progress = options.quiet ? undefined : createProgress(`synthetic x${scale}`, steps);
  let done = 0;
  for (const label of LABELS) {
    const rows = entities.filter((e) => e.type === label).map((e) => ({ key: e.key, name: e.name, folded: foldName(e.name), start: e.start ?? null }));
    for (let i = 0; i < rows.length; i += batch) {
      // Labels come from the fixed LABELS list.
      await db.runText(`UNWIND $rows AS row
MERGE (e:Entity {key: row.key}) SET e:${label}, e.type = '${label}', e.name = row.name, e.start = row.start, e.origin = 'synthetic', e.sources = ['synthetic'], e.quotes = ['generated']
MERGE (n:Name {key: row.key + '|en|' + row.name}) SET n.text = row.name, n.folded = row.folded, n.lang = 'en', n.kind = 'label', n.origin = 'synthetic', n.entityKey = row.key
MERGE (e)-[:HAS_NAME]->(n)`, { rows: rows.slice(i, i + batch) }, 'WRITE', 120000);
      progress?.tick(++done);
    }
  }
  let factIndex = 0;
  for (const type of TYPES) {
    const rows = facts.filter((f) => f.type === type).map((f) => ({
      ...f, id: `syn-fact-${factIndex++}`, role: f.role ?? null, level: f.level ?? null, start: f.start ?? null, end: f.end ?? null,
      validFrom: f.start ? `${f.start.slice(0, 4)}-${f.start.length > 4 ? f.start.slice(5, 7) : '01'}-01` : null,
      validTo: f.end ? `${f.end.slice(0, 4)}-${f.end.length > 4 ? f.end.slice(5, 7) : '12'}-28` : null,
    }));
    for (let i = 0; i < rows.length; i += batch) {
      await db.runText(`UNWIND $rows AS row
MATCH (a:Entity {key: row.from}), (b:Entity {key: row.to})
MERGE (a)-[r:${type} {factId: row.id}]->(b)
SET r.role = row.role, r.level = row.level, r.start = row.start, r.end = row.end, r.origin = 'synthetic',
    r.validFrom = CASE WHEN row.validFrom IS NULL THEN null ELSE date(row.validFrom) END,
    r.validTo = CASE WHEN row.validTo IS NULL THEN null ELSE date(row.validTo) END,
    r.sources = ['synthetic'], r.quotes = ['generated']`, { rows: rows.slice(i, i + batch) }, 'WRITE', 120000);
      progress?.tick(++done);
    }
  }
  progress?.finish(`${entities.length} entities, ${facts.length} facts`);
  return { entities: entities.length, facts: facts.length };
}

/** Removes everything the generator wrote. */
export async function removeSynthetic(db: Database): Promise<void> {
  for (;;) {
    const [row] = await db.runText<{ deleted: number }>(`MATCH (n) WHERE n.origin = 'synthetic' WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS deleted`, {}, 'WRITE', 120000);
    if (!row || row.deleted === 0) return;
  }
}
