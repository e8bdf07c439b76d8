import { AppContext } from '../../context';
import { Precision, PRECISION_ORDER } from '../../util/partial-date';
import { Direction, RelationType } from '../common/enums';
import { Statement } from '../common/statement.type';
import { loadOrganization, membershipsOf, rolesOn } from '../organization/organization.service';
import { ChairTermRow, ConflictRow, GraphStatsResult, MembershipYearRow, RankedValue, ReconciliationStats, SummitAttendanceRow } from './dashboard.types';


/** A row per year and role: the count on 31 December, and who joined or left during the year. */
export async function membershipTimeline(ctx: AppContext, organization: string, from: string | null, to: string | null): Promise<MembershipYearRow[]> {
  const overview = await loadOrganization(ctx, organization, { types: [RelationType.MEMBER_OF], fields: 'role validFrom validTo' });
  if (!overview) return [];
  const records = membershipsOf(overview.organization);
  const firstYear = from ? Number(from.slice(0, 4)) : Math.min(...records.map((r) => Number((r.validFrom ?? '9999').slice(0, 4))), new Date().getUTCFullYear());
  const lastYear = to ? Number(to.slice(0, 4)) : new Date().getUTCFullYear();
  const rows: MembershipYearRow[] = [];
  const at = (year: number) => {
    const day = to && year === lastYear ? to : `${year}-12-31`;
    // key → name of each role's holders that day, split once per year
    const byRole: Record<'member' | 'observer', Map<string, string>> = { member: new Map(), observer: new Map() };
    for (const [key, r] of rolesOn(records, day)) byRole[r.role].set(key, r.name);
    return { day, byRole };
  };
  let previous = at(firstYear - 1);
  for (let year = firstYear; year <= lastYear; year++) {
    const current = at(year);
    for (const role of ['member', 'observer'] as const) {
      const before = previous.byRole[role];
      const now = current.byRole[role];
      const joined = [...now].filter(([k]) => !before.has(k)).map(([, n]) => n).sort();
      const left = [...before].filter(([k]) => !now.has(k)).map(([, n]) => n).sort();
      rows.push(Object.assign(new MembershipYearRow(), { year, date: current.day, role, count: now.size, joined, left, joinedCount: joined.length, leftCount: left.length }));
    }
    previous = current;
  }
  return rows;
}

/** A statement as each of its seed records gives it (the merge: false view of the timelines). */
function perRecord(s: Statement): Statement[] {
  return [...new Set(s.references.map((r) => r.factId))].map((factId) => {
    const refs = s.references.filter((r) => r.factId === factId);
    return Object.assign(new Statement(), s, {
      factId, factIds: [factId], start: refs[0].start, end: refs[0].end, citations: refs.map((r) => r.citation), references: refs,
    });
  });
}

/**
 * A flat row per chairmanship term, in order: one per statement, whose start and end the rank rule
 * chose among its sources' values; merge: false gives a row per seed record.
 */
export async function chairmanshipTimeline(ctx: AppContext, organization: string, merge = true): Promise<ChairTermRow[]> {
  const overview = await loadOrganization(ctx, organization, { types: [RelationType.CHAIRED] });
  if (!overview) return [];
  const statements = overview.organization.statementsOf([RelationType.CHAIRED], Direction.IN);
  // The loader already made one statement per term (reconcile.ts); merge: false shows its records.
  return (merge ? statements : statements.flatMap(perRecord)).map((s) => {
    const precision = [s.start?.precision, s.end?.precision].filter(Boolean)
      .sort((a, b) => PRECISION_ORDER.indexOf(b as Precision) - PRECISION_ORDER.indexOf(a as Precision))[0] ?? 'YEAR';
    return Object.assign(new ChairTermRow(), {
      holder: s.other.name, holderKey: s.other.key,
      start: s.start?.earliest ?? s.validFrom ?? null, end: s.end?.latest ?? null, startText: s.start?.text ?? null, endText: s.end?.text ?? null, precision,
      sources: [...new Set(s.citations.map((c) => c.source))], factId: s.factId, records: s.factIds.length,
    });
  }).sort((a, b) => (a.start ?? '').localeCompare(b.start ?? '') || a.holder.localeCompare(b.holder));
}

/** A row per summit and level of representation. */
export async function summitAttendance(ctx: AppContext, organization: string): Promise<SummitAttendanceRow[]> {
  const overview = await loadOrganization(ctx, organization, {
    types: [], meetings: { kind: 'summit', types: [RelationType.ATTENDED, RelationType.SPOKE_AT, RelationType.HOSTED, RelationType.HELD_IN] },
  });
  if (!overview) return [];
  const rows: SummitAttendanceRow[] = [];
  for (const meeting of overview.meetings) {
    const byLevel = new Map<string, Set<string>>();
    for (const a of meeting.listOf('attendees')) {
      const level = a.level ?? (a.type === 'SPOKE_AT' ? 'video address' : 'unspecified');
      byLevel.set(level, (byLevel.get(level) ?? new Set()).add(a.other.name));
    }
    const host = meeting.listOf('hosts').find((h) => h.other.type === 'State')?.other.name ?? meeting.listOf('hosts')[0]?.other.name ?? null;
    for (const [level, who] of [...byLevel].sort(([a], [b]) => a.localeCompare(b))) {
      rows.push(Object.assign(new SummitAttendanceRow(), {
        summit: meeting.name, summitKey: meeting.key, ordinal: meeting.ordinal ?? null, date: meeting.start()?.earliest ?? null,
        host, city: meeting.listOf('venues')[0]?.other.name ?? null, level, count: who.size, who: [...who].sort(),
      }));
    }
  }
  return rows;
}

const KINDS: Record<string, string> = { start: 'dates', end: 'dates', level: 'qualifier', role: 'qualifier', admittedAt: 'qualifier' };

/** The disagreements the loader ranked (Disagreement nodes), as rows with their decision. */
export function toConflictRows(disagreements: any[]): ConflictRow[] {
  return disagreements.map((d) => {
    const ranked = (d.values as string[]).map((value, i) => Object.assign(new RankedValue(), {
      value, rank: d.valueRanks[i], reason: d.valueReasons[i] || null, sources: d.valueSources[i] ? String(d.valueSources[i]).split(',') : [],
    }));
    return Object.assign(new ConflictRow(), {
      kind: d.relation ? KINDS[d.property] ?? 'qualifier' : d.statement ? 'count' : 'attribute',
      subject: d.objectName ? `${d.subjectName} → ${d.objectName}` : d.subjectName, statement: d.statement ?? null,
      property: d.relation ? `${d.relation} ${d.property}` : d.property,
      values: ranked.map((v) => `${v.value} [${v.sources.join(', ')}] ${v.rank}`), sources: [...new Set(ranked.flatMap((v) => v.sources))],
      decision: d.chosen ?? null, reason: d.reason, overridden: Boolean(d.overridden), ranked,
    });
  });
}

/** Counts by type, facts per source and conflicts, in one query. */
export async function graphStats(ctx: AppContext): Promise<GraphStatsResult> {
  const [row] = await ctx.db.read('dashboard/stats');
  const conflictList = toConflictRows(row.disagreements);
  const r = row.reconciliation ?? {};
  const sum = (rows: { count: number }[]) => rows.reduce((n, r) => n + r.count, 0);
  return Object.assign(new GraphStatsResult(), {
    entitiesByType: row.entitiesByType, relationshipsByType: row.relationshipsByType, factsPerSource: row.factsPerSource,
    entities: sum(row.entitiesByType), facts: sum(row.relationshipsByType), claims: row.claims, names: row.names, mentions: row.mentions,
    conflicts: conflictList.length, conflictList,
    reconciliation: Object.assign(new ReconciliationStats(), {
      factRecords: r.rawFacts ?? 0, statements: r.statements ?? 0, truthyStatements: r.truthyStatements ?? 0, derivedEnds: r.derivedEnds ?? 0,
      decidedByRule: conflictList.filter((c) => !c.overridden).length, decidedByFile: conflictList.filter((c) => c.overridden).length,
    }),
  });
}
