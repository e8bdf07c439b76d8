import { LinkingFacts, MeetingDescriptor, NameForLinking } from './name-index';

/**
 * States whose people put the family name first (Xi Jinping, Hun Sen, Ban Ki-moon, Võ Thị Ánh
 * Xuân): a short reference to such a person is the first word of the name, not the last.
 */
export const FAMILY_NAME_FIRST_STATES = ['CHN', 'KOR', 'PRK', 'JPN', 'VNM', 'KHM', 'TWN', 'HUN'];

/** A row of cypher/queries/mentions/linking-facts.cypher. */
export interface LinkingFactRow {
  key: string;
  type: string;
  meetingKind?: string | null;
  ordinal?: number | null;
  start?: string | null;
  orgKeys?: string[] | null;
  cityKeys?: string[] | null;
  states?: string[] | null;
}

/** The facts the linker uses, from query rows (or from the seed files, in tests). */
export function toLinkingFacts(rows: LinkingFactRow[]): LinkingFacts {
  const meetings: MeetingDescriptor[] = [];
  const familyNameFirst: string[] = [];
  for (const r of rows) {
    if (r.type === 'Meeting' && r.meetingKind) {
      const year = r.start ? Number(String(r.start).slice(0, 4)) : NaN;
      meetings.push({ key: r.key, meetingKind: r.meetingKind, ordinal: r.ordinal ?? null, year: Number.isFinite(year) ? year : null, orgKeys: r.orgKeys ?? [], cityKeys: r.cityKeys ?? [] });
    } else if (r.type === 'Person' && (r.states ?? []).some((s) => FAMILY_NAME_FIRST_STATES.includes(s))) {
      familyNameFirst.push(r.key);
    }
  }
  return { meetings, familyNameFirst };
}

interface SeedLike {
  entities: Array<{ key: string; type: string; meetingKind?: string; ordinal?: number; start?: string; names: Array<{ text: string; lang: string; kind: string }> }>;
  facts: Array<{ type: string; from: string; to: string }>;
}

/** Names and facts for the linker straight from the seed files (the unit tests link without a database). */
export function linkingInputFromSeed(bundle: SeedLike): { names: NameForLinking[]; facts: LinkingFacts } {
  const names = bundle.entities.flatMap((e) => e.names.map((n) => ({ entityKey: e.key, entityType: e.type, text: n.text, lang: n.lang, kind: n.kind })));
  const types = new Map(bundle.entities.map((e) => [e.key, e.type]));
  const out = (key: string, type: string) => bundle.facts.filter((f) => f.from === key && f.type === type).map((f) => f.to);
  const ancestors = (key: string): string[] => {
    const seen = new Set<string>();
    const queue = out(key, 'PART_OF');
    while (queue.length) { const k = queue.shift()!; if (!seen.has(k)) { seen.add(k); queue.push(...out(k, 'PART_OF')); } }
    return [...seen].filter((k) => types.get(k) === 'Organization');
  };
  const rows: LinkingFactRow[] = bundle.entities.filter((e) => e.type === 'Meeting' || e.type === 'Person').map((e) => ({
    key: e.key, type: e.type, meetingKind: e.meetingKind, ordinal: e.ordinal, start: e.start,
    orgKeys: e.type === 'Meeting' ? ancestors(e.key) : [],
    cityKeys: e.type === 'Meeting' ? [...new Set(out(e.key, 'HELD_IN'))] : [],
    states: e.type === 'Person' ? [...new Set([...out(e.key, 'NATIONAL_OF'), ...out(e.key, 'HELD_OFFICE')])].filter((k) => types.get(k) === 'State') : [],
  }));
  return { names, facts: toLinkingFacts(rows) };
}
