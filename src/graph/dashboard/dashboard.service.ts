import { AppContext } from '../../context';
import { parsePartialDate, Precision, PRECISION_ORDER } from '../../util/partial-date';
import { Direction, RelationType } from '../common/enums';
import { PartialDateType } from '../common/partial-date.type';
import { Statement } from '../common/statement.type';
import { loadOrganization, membersOn } from '../organization/organization.service';
import { ChairTermRow, ConflictRow, GraphStatsResult, MembershipYearRow, SummitAttendanceRow } from './dashboard.types';


/** A row per year and role: the count on 31 December, and who joined or left during the year. */
export async function membershipTimeline(ctx: AppContext, organization: string, from: string | null, to: string | null): Promise<MembershipYearRow[]> {
  const overview = await loadOrganization(ctx, organization);
  if (!overview) return [];
  const org = overview.organization;
  const records = org.statements([RelationType.MEMBER_OF], Direction.IN);
  const firstYear = from ? Number(from.slice(0, 4)) : Math.min(...records.map((r) => Number((r.validFrom ?? '9999').slice(0, 4))), new Date().getUTCFullYear());
  const lastYear = to ? Number(to.slice(0, 4)) : new Date().getUTCFullYear();
  const rows: MembershipYearRow[] = [];
  const at = (year: number) => {
    const day = to && year === lastYear ? to : `${year}-12-31`;
    return { day, rows: membersOn(org, day) };
  };
  let previous = at(firstYear - 1);
  for (let year = firstYear; year <= lastYear; year++) {
    const current = at(year);
    for (const role of ['member', 'observer']) {
      const before = new Map(previous.rows.filter((r) => r.role === role).map((r) => [r.entity.key, r.entity.name]));
      const now = new Map(current.rows.filter((r) => r.role === role).map((r) => [r.entity.key, r.entity.name]));
      const joined = [...now].filter(([k]) => !before.has(k)).map(([, n]) => n).sort();
      const left = [...before].filter(([k]) => !now.has(k)).map(([, n]) => n).sort();
      rows.push(Object.assign(new MembershipYearRow(), { year, date: current.day, role, count: now.size, joined, left, joinedCount: joined.length, leftCount: left.length }));
    }
    previous = current;
  }
  return rows;
}

/** Finer first; among equals, the earlier start or the later end. */
function pickDate(dates: PartialDateType[], prefer: 'earliest' | 'latest'): PartialDateType | null {
  const sorted = [...dates].sort((a, b) => PRECISION_ORDER.indexOf(a.precision) - PRECISION_ORDER.indexOf(b.precision)
    || (prefer === 'earliest' ? a.earliest.localeCompare(b.earliest) : b.latest.localeCompare(a.latest)));
  return sorted[0] ?? null;
}

/** Statements of the same holder whose spans overlap describe one term (stated by several sources). */
export function groupTerms(statements: Statement[]): Statement[][] {
  const groups: Statement[][] = [];
  const byHolder = new Map<string, Statement[]>();
  for (const s of statements) byHolder.set(s.other.key, [...(byHolder.get(s.other.key) ?? []), s]);
  for (const list of byHolder.values()) {
    const open: Statement[][] = [];
    for (const s of list) {
      const overlapping = open.filter((g) => g.some((t) => (t.validFrom ?? '0000') <= (s.validTo ?? '9999') && (s.validFrom ?? '0000') <= (t.validTo ?? '9999')));
      const merged = overlapping.flat().concat(s);
      for (const g of overlapping) open.splice(open.indexOf(g), 1);
      open.push(merged);
    }
    groups.push(...open);
  }
  return groups;
}

/**
 * A flat row per chairmanship term, in order. Records of the same holder whose spans overlap
 * are one term: its start and end are the most precise ones stated; merge: false gives a row per record.
 */
export async function chairmanshipTimeline(ctx: AppContext, organization: string, merge = true): Promise<ChairTermRow[]> {
  const overview = await loadOrganization(ctx, organization);
  if (!overview) return [];
  const statements = overview.organization.statements([RelationType.CHAIRED], Direction.IN);
  const groups = merge ? groupTerms(statements) : statements.map((s) => [s]);
  return groups.map((group) => {
    const start = pickDate(group.map((s) => s.start).filter(Boolean) as PartialDateType[], 'earliest');
    const end = pickDate(group.map((s) => s.end).filter(Boolean) as PartialDateType[], 'latest');
    const precisions = [start?.precision, end?.precision].filter(Boolean) as string[];
    const precision = precisions.sort((a, b) => PRECISION_ORDER.indexOf(b as Precision) - PRECISION_ORDER.indexOf(a as Precision))[0] ?? 'YEAR';
    const first = group[0];
    return Object.assign(new ChairTermRow(), {
      holder: first.other.name, holderKey: first.other.key,
      start: start?.earliest ?? group.map((s) => s.validFrom).filter(Boolean).sort()[0] ?? null,
      end: end?.latest ?? null, startText: start?.text ?? null, endText: end?.text ?? null, precision,
      sources: [...new Set(group.flatMap((s) => s.citations.map((c) => c.source)))], factId: group.map((s) => s.factId).join(','),
      records: group.length,
    });
  }).sort((a, b) => (a.start ?? '').localeCompare(b.start ?? '') || a.holder.localeCompare(b.holder));
}

/** A row per summit and level of representation. */
export async function summitAttendance(ctx: AppContext, organization: string): Promise<SummitAttendanceRow[]> {
  const overview = await loadOrganization(ctx, organization, 'summit', { meetings: true });
  if (!overview) return [];
  const rows: SummitAttendanceRow[] = [];
  for (const meeting of overview.meetings) {
    const byLevel = new Map<string, Set<string>>();
    for (const a of meeting.attendees()) {
      const level = a.level ?? (a.type === 'SPOKE_AT' ? 'video address' : 'unspecified');
      byLevel.set(level, (byLevel.get(level) ?? new Set()).add(a.other.name));
    }
    const host = meeting.hosts().find((h) => h.other.type === 'State')?.other.name ?? meeting.hosts()[0]?.other.name ?? null;
    for (const [level, who] of [...byLevel].sort(([a], [b]) => a.localeCompare(b))) {
      rows.push(Object.assign(new SummitAttendanceRow(), {
        summit: meeting.name, summitKey: meeting.key, ordinal: meeting.ordinal ?? null, date: meeting.start()?.earliest ?? null,
        host, city: meeting.cities()[0]?.name ?? null, level, count: who.size, who: [...who].sort(),
      }));
    }
  }
  return rows;
}

/** An approximate date ("mid-2014", 2014-06~) may be off by one unit of its precision. */
function widened(text: string) {
  const d = parsePartialDate(text);
  if (!d || !d.approximate) return d;
  const shift = (iso: string, sign: number) => {
    const t = new Date(iso + 'T00:00:00Z');
    if (d.precision === 'DAY') t.setUTCDate(t.getUTCDate() + sign * 7);
    else if (d.precision === 'MONTH') t.setUTCMonth(t.getUTCMonth() + sign);
    else t.setUTCFullYear(t.getUTCFullYear() + sign);
    return t.toISOString().slice(0, 10);
  };
  return { ...d, earliest: shift(d.earliest, -1), latest: shift(d.latest, 1) };
}

/** Whether two stated dates can denote the same moment (unstated dates agree with anything). */
const overlaps = (a?: string | null, b?: string | null) => {
  const x = a ? widened(a) : null;
  const y = b ? widened(b) : null;
  return !x || !y || (x.earliest <= y.latest && y.earliest <= x.latest);
};

/** Records whose spans share more than a boundary day are about the same term; others are separate terms. */
function sameTerm(a: any, b: any): boolean {
  return (a.validFrom ?? '0000') < (b.validTo ?? '9999') && (b.validFrom ?? '0000') < (a.validTo ?? '9999');
}

/**
 * Disagreements the graph records: the same fact (type, ends, role) dated incompatibly by
 * different records; the same claimed property with different values for overlapping dates;
 * and entity attributes two seed files give differently.
 */
export function findConflicts(repeated: any[], claims: any[]): ConflictRow[] {
  const rows: ConflictRow[] = [];
  for (const group of repeated) {
    const recs = group.records;
    const clash = recs.some((a: any, i: number) => recs.slice(i + 1).some((b: any) => sameTerm(a, b)
      && (!overlaps(a.start, b.start) || !overlaps(a.end, b.end))));
    if (clash) {
      rows.push(Object.assign(new ConflictRow(), {
        kind: 'dates', subject: `${group.from} → ${group.to}`, property: group.type + (group.role ? ` (${group.role})` : ''),
        values: recs.map((r: any) => `${r.start ?? '?'}–${r.end ?? ''} [${r.sources.join(', ')}]`), sources: [...new Set(recs.flatMap((r: any) => r.sources))] as string[],
      }));
    }
  }
  const byProperty = new Map<string, any[]>();
  for (const c of claims) {
    if (c.conflict) {
      rows.push(Object.assign(new ConflictRow(), { kind: 'attribute', subject: c.subjectName, property: c.property, values: [`${c.value} [${c.sources.join(', ')}]`, c.note ?? ''], sources: c.sources }));
      continue;
    }
    const key = `${c.subject}|${c.property}`;
    byProperty.set(key, [...(byProperty.get(key) ?? []), c]);
  }
  for (const group of byProperty.values()) {
    const clashing = group.filter((a, i) => group.some((b, j) => i !== j && a.value !== b.value && a.date && b.date && overlaps(a.date, b.date)));
    if (clashing.length > 1 && group[0].property !== 'other') {
      rows.push(Object.assign(new ConflictRow(), {
        kind: 'count', subject: group[0].subjectName, property: group[0].property,
        values: clashing.map((c) => `${c.value} on ${c.date} [${c.sources.join(', ')}]`), sources: [...new Set(clashing.flatMap((c) => c.sources))] as string[],
      }));
    }
  }
  return rows;
}

/** Counts by type, facts per source and conflicts, in one query. */
export async function graphStats(ctx: AppContext): Promise<GraphStatsResult> {
  const [row] = await ctx.db.read('dashboard/stats');
  const conflictList = findConflicts(row.repeated, row.claims);
  const sum = (rows: { count: number }[]) => rows.reduce((n, r) => n + r.count, 0);
  return Object.assign(new GraphStatsResult(), {
    entitiesByType: row.entitiesByType, relationshipsByType: row.relationshipsByType, factsPerSource: row.factsPerSource,
    entities: sum(row.entitiesByType), facts: sum(row.relationshipsByType), claims: row.claims.length, names: row.names, mentions: row.mentions,
    conflicts: conflictList.length, conflictList,
  });
}
