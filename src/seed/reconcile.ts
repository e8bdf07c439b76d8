import { parsePartialDate, validitySpan } from '../util/partial-date';
import { agree, candidatesOf, Decision, decide, SourceInfo, sourceCatalog, Support } from './rank-rule';
import { Citation, ClaimRecord, EntityRecord, FactRecord, FactType, Rank, SeedBundle } from './seed-model';
import { deriveEnds, DerivedEnd } from './succession';

/**
 * Reconciliation at load (after Wikidata's statement model): the seed files keep one record per
 * source; here the records that state the same fact become ONE statement, each record a
 * reference on it, and the rank rule (rank-rule.ts) chooses among the values they give.
 */

/** One source's record of a statement: its citation and the values as that source gives them. */
export interface Reference {
  factId: string;
  file: string;
  source: string;
  quote: string;
  start?: string;
  end?: string;
  attested?: string;
  level?: string;
  rank: Rank;
  reason?: string;
}

export interface StatementRecord {
  key: string;
  type: FactType;
  from: string;
  to: string;
  role?: string;
  area?: string;
  level?: string;
  note?: string;
  start?: string;
  end?: string;
  attested?: string;
  admittedAt?: string;
  validFrom: string | null;
  validTo: string | null;
  endDerived?: DerivedEnd;
  rank: Rank;
  rankReason?: string;
  /** Shown by default: not DEPRECATED, and PREFERRED when a PREFERRED one of the same fact exists. */
  truthy: boolean;
  /** One per source (the first quote of that source). */
  citations: Citation[];
  references: Reference[];
  factIds: string[];
}

/** A disagreement the loader found, with the rank decision and its reason (listed in GraphStats). */
export interface Disagreement {
  key: string;
  subject: string;
  object?: string;
  relation?: string;
  statement?: string;
  property: string;
  chosen?: string;
  reason: string;
  overridden: boolean;
  values: Decision['values'];
}

export interface RankedClaim extends ClaimRecord { rank: Rank; rankReason?: string; conflict: boolean }

export interface ReconciledGraph {
  entities: EntityRecord[];
  statements: StatementRecord[];
  claims: RankedClaim[];
  disagreements: Disagreement[];
  rawFacts: number;
  hash: string;
}

/** Facts that hold over a time span: records of one fact whose spans meet are one statement. */
const TEMPORAL = new Set<FactType>(['MEMBER_OF', 'CHAIRED', 'COORDINATED', 'HELD_OFFICE', 'OBSERVER_AT', 'AGREEMENT_WITH', 'MET_WITH']);
/** Qualifiers that make two facts different facts (an observer is not a member). */
const IDENTITY: Partial<Record<FactType, (keyof FactRecord)[]>> = { MEMBER_OF: ['role'], HELD_OFFICE: ['role'], COORDINATED: ['area'] };
/** Facts that happen at a meeting: without dates of their own they hold while the meeting does. */
const MEETING_EVENTS = new Set<FactType>(['ATTENDED', 'HOSTED', 'SPOKE_AT', 'HELD_IN', 'MET_WITH']);
/** Facts that begin at a meeting and last: without dates of their own they hold from its start. */
const MEETING_OUTCOMES = new Set<FactType>(['ADOPTED_AT', 'PART_OF']);

const norm = (v: unknown) => String(v ?? '').trim().toLowerCase();
/** What makes two records (or statements) the same fact: type, ends and the identifying qualifiers. */
const identity = (f: Pick<FactRecord, 'type' | 'from' | 'to' | 'role' | 'area'>) =>
  [f.type, f.from, f.to, ...(IDENTITY[f.type] ?? []).map((q) => norm(f[q as 'role' | 'area']))].join('|');
const day = (edtf: string | undefined, which: 'earliest' | 'latest') => (edtf ? parsePartialDate(edtf)?.[which] ?? null : null);

/** The widest span a record can mean; null ends are open. */
function recordSpan(f: FactRecord): [string, string] | null {
  if (f.start || f.end) return [day(f.start, 'earliest') ?? '0000-01-01', day(f.end, 'latest') ?? '9999-12-31'];
  if (f.attested) return [day(f.attested, 'earliest')!, day(f.attested, 'latest')!];
  return null;
}
const meets = (a: [string, string], b: [string, string]) => a[0] <= b[1] && b[0] <= a[1];

/**
 * Splits the records of one fact into statements: dated records whose spans meet are one
 * holding (two touching terms are one continuous term); a record with only a date on which it
 * held joins the holding that covers that date, else the next holding, else the undated holding; a record without any
 * date joins the only holding, else the latest.
 */
function splitHoldings(records: FactRecord[]): FactRecord[][] {
  const dated = records.filter((f) => f.start || f.end);
  const groups: { span: [string, string]; records: FactRecord[] }[] = [];
  for (const f of dated) {
    const span = recordSpan(f)!;
    const touching = groups.filter((g) => meets(g.span, span));
    const merged = { span: span as [string, string], records: [...touching.flatMap((g) => g.records), f] };
    for (const g of touching) { merged.span = [g.span[0] < merged.span[0] ? g.span[0] : merged.span[0], g.span[1] > merged.span[1] ? g.span[1] : merged.span[1]]; groups.splice(groups.indexOf(g), 1); }
    groups.push(merged);
  }
  groups.sort((a, b) => a.span[0].localeCompare(b.span[0]));
  let undated: FactRecord[] | null = null;
  for (const f of records.filter((r) => !r.start && !r.end && r.attested)) {
    const when = recordSpan(f)!;
    // It held on that day: the holding that covers the day, else the next one (then its start is later than a source saw it).
    const home = groups.find((g) => meets(g.span, when)) ?? groups.find((g) => g.span[0] > when[1]);
    if (home) home.records.push(f);
    else (undated ??= []).push(f);
  }
  const out = groups.map((g) => g.records);
  if (undated) out.push(undated);
  for (const f of records.filter((r) => !r.start && !r.end && !r.attested)) {
    if (out.length === 0) out.push([f]);
    else (undated ?? out[out.length - 1]).push(f);
  }
  return out;
}

/** Whether d lies strictly inside another record's closed span (a renewal, not the start). */
function continues(d: string, which: 'start' | 'end', f: FactRecord, others: FactRecord[]): boolean {
  const x = parsePartialDate(d)!;
  return others.some((o) => {
    if (o === f || !o.start || !o.end || agree(d, which === 'start' ? o.start : o.end)) return false;
    const s = parsePartialDate(o.start)!;
    const e = parsePartialDate(o.end)!;
    return which === 'start' ? x.earliest > s.latest && x.earliest <= e.latest : x.latest < e.earliest && x.latest >= s.earliest;
  });
}

const supportOf = (f: FactRecord): Support[] => [...new Set(f.citations.map((c) => c.source))].map((source) => ({ source, record: f.key, override: f.override }));

class Reconciler {
  readonly disagreements: Disagreement[] = [];
  /** Entity values the rule deprecated ("entity|field" → value → the preferred value and why). */
  readonly outweighed = new Map<string, Map<string, { preferred: string; reason: string }>>();
  constructor(private readonly catalog: Map<string, SourceInfo>) {}

  /**
   * A record's date as it counts: a fact that happens at a meeting, dated with the meeting's date as
   * its source gives it, where the rule outweighed that date, takes the meeting's preferred date.
   */
  private dateOf(f: FactRecord, field: 'start' | 'end'): { value?: string; outweighed?: string } {
    const value = f[field];
    if (!value || !(MEETING_EVENTS.has(f.type) || MEETING_OUTCOMES.has(f.type))) return { value };
    for (const end of [f.from, f.to]) {
      const o = this.outweighed.get(`${end}|${field}`)?.get(value);
      if (o) return { value: o.preferred, outweighed: `the ${field} of ${end} as this source gives it: ${o.reason}` };
    }
    return { value };
  }

  decideValue(stated: { value: string | undefined; f: FactRecord }[], where: Omit<Disagreement, 'reason' | 'overridden' | 'values' | 'chosen' | 'key'>): Decision {
    const decision = decide(candidatesOf(stated.filter((s) => s.value !== undefined).map((s) => ({ value: s.value!, support: supportOf(s.f) }))), this.catalog);
    this.record(decision, where);
    return decision;
  }

  record(decision: Decision, where: Omit<Disagreement, 'reason' | 'overridden' | 'values' | 'chosen' | 'key'>): void {
    if (!decision.disagreement) return;
    this.disagreements.push({
      key: [where.statement ?? where.subject, where.property].join('|'), ...where, chosen: decision.chosen,
      reason: decision.disagreement.reason, overridden: decision.disagreement.overridden, values: decision.values,
    });
  }

  statement(records: FactRecord[]): Omit<StatementRecord, 'validFrom' | 'validTo' | 'truthy'> {
    const head = records[0];
    const key = head.key;
    const where = { subject: head.from, object: head.to, relation: head.type, statement: key };
    const starts = this.decideValue(records.filter((f) => f.start && !continues(f.start, 'start', f, records)).map((f) => ({ value: this.dateOf(f, 'start').value, f })), { ...where, property: 'start' });
    const ends = this.decideValue(records.filter((f) => f.end && !continues(f.end, 'end', f, records)).map((f) => ({ value: this.dateOf(f, 'end').value, f })), { ...where, property: 'end' });
    const levels = this.decideValue(records.map((f) => ({ value: f.level, f })), { ...where, property: 'level' });
    const roles = IDENTITY[head.type]?.includes('role') ? null : this.decideValue(records.map((f) => ({ value: f.role, f })), { ...where, property: 'role' });
    const admitted = this.decideValue(records.map((f) => ({ value: f.admittedAt, f })), { ...where, property: 'admittedAt' });
    const attested = records.map((f) => f.attested).filter(Boolean).sort((a, b) => day(a, 'latest')!.localeCompare(day(b, 'latest')!))[0];

    // The rank of a record: that of the values it gives (the worst of them, else PREFERRED if one is).
    const valueRank = (f: FactRecord): { rank: Rank; reason?: string } => {
      if (f.override) return f.override;
      const outweighed = this.dateOf(f, 'start').outweighed ?? this.dateOf(f, 'end').outweighed;
      if (outweighed) return { rank: 'DEPRECATED', reason: outweighed };
      const given: [Decision, string | undefined][] = [[starts, this.dateOf(f, 'start').value], [ends, this.dateOf(f, 'end').value], [levels, f.level], [admitted, f.admittedAt]];
      const mine = given.flatMap(([d, value]) => d.values.filter((v) => v.value === value));
      const deprecated = mine.find((v) => v.rank === 'DEPRECATED');
      if (deprecated) return { rank: 'DEPRECATED', reason: deprecated.reason };
      return mine.some((v) => v.rank === 'PREFERRED') ? { rank: 'PREFERRED', reason: mine.find((v) => v.rank === 'PREFERRED')!.reason } : { rank: 'NORMAL' };
    };
    const references: Reference[] = [];
    for (const f of records) {
      const rank = valueRank(f);
      const seen = new Set<string>();
      for (const c of f.citations) {
        if (seen.has(c.source)) continue;
        seen.add(c.source);
        references.push({ factId: f.key, file: f.file, source: c.source, quote: c.quote, start: f.start, end: f.end, attested: f.attested, level: f.level, ...rank });
      }
    }
    const citations: Citation[] = [];
    for (const r of references) if (!citations.some((c) => c.source === r.source)) citations.push({ source: r.source, quote: r.quote });
    const withdrawn = records.every((f) => f.override?.rank === 'DEPRECATED');
    const preferred = records.find((f) => f.override?.rank === 'PREFERRED');
    return {
      key, type: head.type, from: head.from, to: head.to,
      role: roles ? roles.chosen : head.role, area: head.area, level: levels.chosen,
      note: records.map((f) => f.note).find(Boolean), start: starts.chosen, end: ends.chosen, attested, admittedAt: admitted.chosen,
      rank: withdrawn ? 'DEPRECATED' : preferred ? 'PREFERRED' : 'NORMAL',
      rankReason: withdrawn ? records[0].override!.reason : preferred?.override?.reason,
      citations, references, factIds: records.map((f) => f.key),
    };
  }
}

/** The asOf span of a statement: its own dates, else those of the meeting or document it is about. */
function validity(s: Omit<StatementRecord, 'validFrom' | 'validTo' | 'truthy'>, entities: Map<string, EntityRecord>): { validFrom: string | null; validTo: string | null } {
  if (s.start || s.end || s.attested) {
    const span = validitySpan(s.start, s.end, s.attested);
    // A source that saw it hold before the stated start moves the first day back to what it saw.
    const seen = day(s.attested, 'latest');
    return seen && span.validFrom && seen < span.validFrom ? { ...span, validFrom: seen } : span;
  }
  const document = entities.get(s.from);
  if (s.type === 'ADOPTED_AT' && document?.type === 'Document' && document.start) return { validFrom: day(document.start, 'earliest'), validTo: null };
  const meeting = [entities.get(s.to), entities.get(s.from)].find((e) => e?.type === 'Meeting' && e.start);
  if (!meeting) return { validFrom: null, validTo: null };
  if (MEETING_EVENTS.has(s.type)) return { validFrom: day(meeting.start, 'earliest'), validTo: day(meeting.end ?? meeting.start, 'latest') };
  if (MEETING_OUTCOMES.has(s.type)) return { validFrom: day(meeting.start, 'earliest'), validTo: null };
  return { validFrom: null, validTo: null };
}

/** Entity attributes: every file's value is a claim with a rank; the entity shows the chosen one. */
function reconcileEntities(entities: EntityRecord[], r: Reconciler, catalog: Map<string, SourceInfo>): RankedClaim[] {
  const claims: RankedClaim[] = [];
  for (const e of entities) {
    const fields = [...new Set((e.stated ?? []).map((s) => s.field))];
    for (const field of fields) {
      const stated = e.stated!.filter((s) => s.field === field);
      const decision = decide(candidatesOf(stated.map((s) => ({
        value: s.value, support: [...new Set(s.citations.map((c) => c.source))].map((source) => ({ source, record: `${e.key}@${s.file}` })),
      }))), catalog);
      r.record(decision, { subject: e.key, property: field });
      const outweighed = new Map(decision.values.filter((v) => v.rank === 'DEPRECATED' && decision.chosen !== undefined)
        .map((v) => [v.value, { preferred: decision.chosen!, reason: v.reason ?? '' }]));
      if (outweighed.size > 0) r.outweighed.set(`${e.key}|${field}`, outweighed);
      if (decision.chosen !== undefined) (e as any)[field] = field === 'ordinal' ? Number(decision.chosen) : decision.chosen;
      const dated = field === 'start' || field === 'end' || field === 'date';
      if (!(dated && (e.type === 'Meeting' || e.type === 'Document')) && decision.values.length < 2) continue;
      decision.values.forEach((v, i) => {
        const from = stated.filter((s) => s.value === v.value);
        const citations: Citation[] = [];
        for (const c of from.flatMap((s) => s.citations)) if (!citations.some((x) => x.source === c.source)) citations.push(c);
        claims.push({
          key: `${e.key}-${field}-${i + 1}`, subject: e.key, property: field, value: v.value, citations, file: from[0].file,
          rank: v.rank, rankReason: v.reason, conflict: Boolean(decision.disagreement),
        });
      });
    }
  }
  return claims;
}

/**
 * Stated values (member counts...): two claims of one property disagree when they give different
 * values for the same moment (dates that agree, neither a "some time between" interval) from
 * different sources (one source giving two values on a day reports a change, not a dispute).
 * Free-text claims (property "other") state different things and are never compared.
 */
function reconcileClaims(claims: ClaimRecord[], r: Reconciler, catalog: Map<string, SourceInfo>): RankedClaim[] {
  const out = claims.map((c): RankedClaim => ({ ...c, rank: c.override?.rank ?? 'NORMAL', rankReason: c.override?.reason, conflict: false }));
  const sourcesOf = (c: ClaimRecord) => new Set(c.citations.map((x) => x.source));
  const moment = (c: ClaimRecord) => c.date !== undefined && parsePartialDate(c.date)?.precision !== 'INTERVAL';
  const contest = (a: RankedClaim, b: RankedClaim) => a !== b && a.subject === b.subject && a.property === b.property
    && String(a.value) !== String(b.value) && moment(a) && moment(b) && agree(a.date!, b.date!)
    && ![...sourcesOf(a)].some((s) => sourcesOf(b).has(s));
  const done = new Set<RankedClaim>();
  for (const c of out) {
    if (done.has(c) || c.property === 'other') continue;
    const component = [c];
    for (let i = 0; i < component.length; i++) {
      for (const o of out) if (!component.includes(o) && contest(component[i], o)) component.push(o);
    }
    if (component.length < 2) continue;
    component.forEach((o) => done.add(o));
    const decision = decide(candidatesOf(component.map((o) => ({
      value: String(o.value), support: [...sourcesOf(o)].map((source) => ({ source, record: o.key, override: o.override })),
    }))), catalog);
    r.record(decision, { subject: c.subject, property: c.property, statement: component.map((o) => o.key).join('+') });
    for (const o of component) {
      const v = decision.values.find((x) => x.value === String(o.value))!;
      Object.assign(o, { rank: v.rank, rankReason: v.reason, conflict: true });
    }
  }
  return out;
}

/** Truthy (Wikidata): a fact's statements without DEPRECATED, and only PREFERRED when one is. */
function markTruthy(statements: StatementRecord[]): void {
  const byFact = new Map<string, StatementRecord[]>();
  for (const s of statements) byFact.set(identity(s), [...(byFact.get(identity(s)) ?? []), s]);
  for (const group of byFact.values()) {
    const hasPreferred = group.some((s) => s.rank === 'PREFERRED');
    for (const s of group) s.truthy = s.rank !== 'DEPRECATED' && (!hasPreferred || s.rank === 'PREFERRED');
  }
}

export function reconcile(bundle: SeedBundle): ReconciledGraph {
  const catalog = sourceCatalog(bundle.entities);
  const r = new Reconciler(catalog);
  const claims = [...reconcileEntities(bundle.entities, r, catalog), ...reconcileClaims(bundle.claims, r, catalog)];
  const byEntity = new Map(bundle.entities.map((e) => [e.key, e]));

  const byFact = new Map<string, FactRecord[]>();
  for (const f of bundle.facts) byFact.set(identity(f), [...(byFact.get(identity(f)) ?? []), f]);
  const statements: StatementRecord[] = [];
  for (const records of byFact.values()) {
    for (const holding of TEMPORAL.has(records[0].type) ? splitHoldings(records) : [records]) {
      const s = r.statement(holding);
      statements.push({ ...s, ...validity(s, byEntity), truthy: true });
    }
  }
  markTruthy(statements);
  deriveEnds(statements);
  return { entities: bundle.entities, statements, claims, disagreements: r.disagreements, rawFacts: bundle.facts.length, hash: bundle.hash };
}
