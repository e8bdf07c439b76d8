import type { StatementRecord } from './reconcile';

/** An end no source states, derived by a rule from the statement that follows. */
export interface DerivedEnd { rule: string; successor: string }

/**
 * Terms end (README "Ranks and derived ends"): unless a source gives an end,
 *  - a chairmanship ends when the next chairmanship of the same organization begins;
 *  - an observer status ends when the same state becomes a member of the same organization;
 *  - a single-holder office ends when its next holder starts.
 * The derived statement ends the day before its successor begins, so terms never overlap. When a
 * source gives no start for the successor, only a day on which it held, the term ended by then
 * at the latest, and that day is used.
 */
export const SUCCESSION_RULES: { rule: string; applies: (s: StatementRecord) => boolean; sequence: (s: StatementRecord) => string; successorOf?: (s: StatementRecord) => boolean }[] = [
  { rule: 'chair-succession: a chairmanship ends when the next one begins', applies: (s) => s.type === 'CHAIRED', sequence: (s) => s.to },
  {
    rule: 'observer-to-member: an observer status ends when the same state becomes a member',
    applies: (s) => s.type === 'MEMBER_OF', sequence: (s) => `${s.from}|${s.to}`,
    successorOf: (s) => s.role === 'observer',
  },
  {
    rule: 'office-succession: an office ends when its next holder starts',
    applies: (s) => s.type === 'HELD_OFFICE' && SINGLE_HOLDER_OFFICES.has(String(s.role ?? '').toLowerCase()),
    sequence: (s) => `${s.to}|${String(s.role).toLowerCase()}`,
  },
];

/** Offices one person holds at a time. */
export const SINGLE_HOLDER_OFFICES = new Set(['head of state', 'president', 'vice president', 'head of government', 'prime minister', 'foreign minister', 'executive director', 'secretary-general']);

const dayBefore = (iso: string) => new Date(Date.parse(iso) - 86_400_000).toISOString().slice(0, 10);

/** Sets the end of every truthy open term that has a successor (mutates the statements). */
export function deriveEnds(statements: StatementRecord[]): void {
  for (const { rule, applies, sequence, successorOf } of SUCCESSION_RULES) {
    const sequences = new Map<string, StatementRecord[]>();
    for (const s of statements) {
      if (!s.truthy || !applies(s) || !s.validFrom) continue;
      sequences.set(sequence(s), [...(sequences.get(sequence(s)) ?? []), s]);
    }
    for (const list of sequences.values()) {
      list.sort((a, b) => a.validFrom!.localeCompare(b.validFrom!));
      for (const s of list) {
        if (s.end || s.validTo || (successorOf && !successorOf(s))) continue;
        const next = list.find((o) => o !== s && o.validFrom! > s.validFrom! && (!successorOf || o.role !== s.role));
        if (!next) continue;
        s.end = next.start ?? next.attested;
        s.validTo = dayBefore(next.validFrom!);
        s.endDerived = { rule, successor: next.key };
      }
    }
  }
}
