import { parsePartialDate, PartialDate, PRECISION_ORDER } from '../util/partial-date';
import { EntityRecord, PRIMARY_SOURCE_KINDS, Rank, RankOverride, SourceKind } from './seed-model';

/**
 * The rank rule: which of the values sources give for one thing the graph shows (README "Ranks").
 * It is applied to every disagreement the loader finds, never to a hand-picked list:
 *   0. a seed file's own override (rank + rankReason on a record) is respected;
 *   1. values that agree (one date refines another: 2022-10 and 2022-10-13) are one candidate,
 *      shown by its most precise value;
 *   2. between candidates that disagree, the one with more independent primary publishers
 *      (official, government, news) that wrote on or after the date they state wins; then more
 *      independent publishers of any kind (commentary, reference) on or after the date; then the
 *      same two counts including announcements written before the date; then the more precise;
 *   3. a tie keeps the value of the first file (corpus files first) and says so.
 * The winner is PREFERRED, agreeing but less precise values NORMAL, the others DEPRECATED, each
 * with its reason.
 */

export interface SourceInfo { key: string; kind: SourceKind; publisher: string; date?: PartialDate | null }

/** One source's support for a value: the record that states it, and any override of the file. */
export interface Support { source: string; record: string; override?: RankOverride }
export interface Candidate { value: string; supports: Support[] }
export interface RankedValue { value: string; rank: Rank; reason?: string; sources: string[] }
export interface Decision {
  chosen?: string;
  values: RankedValue[];
  /** Set when the candidates disagreed: what decided it. */
  disagreement?: { reason: string; overridden: boolean };
}

const OFFICIAL_PUBLISHER = /^(CICA|СВМДА|AİGK)\b|CICA Secretariat|Секретариат СВМДА/i;
const OFFICIAL_HOST = /(^|\.)(s-cica\.(org|kz)|cica-china\.org)$/i;
const GOVERNMENT_PUBLISHER = /ministry|embassy|consulate|kremlin|president|cabinet|office of|government|akorda/i;
const GOVERNMENT_HOST = /(^|\.)(gov(\.[a-z]{2})?|mfa\.[a-z.]+|mofa\.[a-z.]+|mid\.ru|kremlin\.ru|akorda\.kz)$|\.gov\.|(^|\.)mfa\./i;
const REFERENCE = /wikipedia|britannica|encyclop/i;
const COMMENTARY = /ankasam|avim|avrasya|institute|center for|centre for|blog|magazine|think tank/i;

const hostOf = (url?: string) => { try { return url ? new URL(url).hostname : ''; } catch { return ''; } };

/** A source's kind: as its file states it, else read from its publisher and the host of its address. */
export function sourceKind(source: Pick<EntityRecord, 'kind' | 'publisher' | 'url' | 'title'>): SourceKind {
  if (source.kind) return source.kind;
  const publisher = source.publisher ?? '';
  const host = hostOf(source.url);
  if (REFERENCE.test(publisher) || REFERENCE.test(host)) return 'reference';
  if (OFFICIAL_PUBLISHER.test(publisher) || OFFICIAL_HOST.test(host)) return 'official';
  if (GOVERNMENT_PUBLISHER.test(publisher) || GOVERNMENT_HOST.test(host)) return 'government';
  if (COMMENTARY.test(publisher) || COMMENTARY.test(host)) return 'commentary';
  return 'news';
}

export function sourceCatalog(entities: EntityRecord[]): Map<string, SourceInfo> {
  return new Map(entities.filter((e) => e.type === 'Source').map((e) => [e.key, {
    key: e.key, kind: sourceKind(e), publisher: (e.publisher ?? e.key).toLowerCase().replace(/\s*\/.*$/, '').trim(),
    date: e.date ? parsePartialDate(e.date) : null,
  }]));
}

const APPROXIMATE_SLACK_DAYS = 31;
const shift = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);

/** The days a date can denote, widened by a month when it is approximate ("mid-2014"). */
function range(d: PartialDate): [string, string] {
  return d.approximate ? [shift(d.earliest, -APPROXIMATE_SLACK_DAYS), shift(d.latest, APPROXIMATE_SLACK_DAYS)] : [d.earliest, d.latest];
}

/** True when two values can be the same: dates whose ranges meet, or texts equal up to case. */
export function agree(a: string, b: string): boolean {
  const x = parsePartialDate(a);
  const y = parsePartialDate(b);
  if (x && y) {
    const [xa, xb] = range(x);
    const [ya, yb] = range(y);
    return xa <= yb && ya <= xb;
  }
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Lower is more precise: a day before a month before a year; exact before approximate. */
function precision(value: string): number {
  const d = parsePartialDate(value);
  return d ? PRECISION_ORDER.indexOf(d.precision) * 2 + (d.approximate ? 1 : 0) : 0;
}

/** True when the source was written before the day the value states: an announcement. */
function prospective(info: SourceInfo | undefined, value: string): boolean {
  const d = parsePartialDate(value);
  return Boolean(d && info?.date && info.date.latest < d.earliest);
}

interface Score { primaryAfter: number; allAfter: number; primary: number; all: number; precision: number }

function score(group: Candidate[], catalog: Map<string, SourceInfo>): Score {
  const publishers = (filter: (s: Support, value: string) => boolean) => new Set(group.flatMap((c) =>
    c.supports.filter((s) => filter(s, c.value)).map((s) => catalog.get(s.source)?.publisher ?? s.source))).size;
  const primary = (s: Support) => PRIMARY_SOURCE_KINDS.includes(catalog.get(s.source)?.kind ?? 'commentary');
  const after = (s: Support, v: string) => !prospective(catalog.get(s.source), v);
  return {
    primaryAfter: publishers((s, v) => primary(s) && after(s, v)), allAfter: publishers(after),
    primary: publishers(primary), all: publishers(() => true), precision: Math.min(...group.map((c) => precision(c.value))),
  };
}

const ORDER: (keyof Score)[] = ['primaryAfter', 'allAfter', 'primary', 'all'];
function compare(a: Score, b: Score): number {
  for (const k of ORDER) if (a[k] !== b[k]) return b[k] - a[k];
  return a.precision - b.precision;
}
const describe = (s: Score) => `${s.primaryAfter} primary and ${s.allAfter} independent publishers in all${s.all !== s.allAfter ? ` (${s.all} counting announcements)` : ''}`;

const sourcesOf = (c: Candidate) => [...new Set(c.supports.map((s) => s.source))];
const mostPrecise = (group: Candidate[]) => [...group].sort((a, b) => precision(a.value) - precision(b.value))[0];

/** Groups candidates that agree (transitively), keeping the order in which they were stated. */
function cluster(candidates: Candidate[]): Candidate[][] {
  const groups: Candidate[][] = [];
  for (const c of candidates) {
    const matching = groups.filter((g) => g.some((o) => agree(o.value, c.value)));
    const merged = [...matching.flat(), c];
    for (const g of matching) groups.splice(groups.indexOf(g), 1);
    groups.push(merged);
  }
  return groups.sort((a, b) => candidates.indexOf(a[0]) - candidates.indexOf(b[0]));
}

/** Merges candidates of the same value (several records may state it). */
export function candidatesOf(stated: { value: string; support: Support[] }[]): Candidate[] {
  const out: Candidate[] = [];
  for (const s of stated) {
    const same = out.find((c) => c.value === s.value);
    if (same) same.supports.push(...s.support);
    else out.push({ value: s.value, supports: [...s.support] });
  }
  return out;
}

/** Applies the rank rule to the values stated for one thing. */
export function decide(all: Candidate[], catalog: Map<string, SourceInfo>): Decision {
  if (all.length === 0) return { values: [] };
  const ranked = new Map<Candidate, { rank: Rank; reason?: string }>();
  const withdrawn = all.filter((c) => c.supports.length > 0 && c.supports.every((s) => s.override?.rank === 'DEPRECATED'));
  for (const c of withdrawn) ranked.set(c, { rank: 'DEPRECATED', reason: c.supports[0].override!.reason });
  const live = all.filter((c) => !withdrawn.includes(c));
  const finish = (chosen: Candidate | undefined, disagreement?: Decision['disagreement']): Decision => ({
    chosen: chosen?.value,
    values: all.map((c) => ({ value: c.value, sources: sourcesOf(c), ...(ranked.get(c) ?? { rank: 'NORMAL' as Rank }) })),
    disagreement: disagreement ?? (withdrawn.length > 0 && live.length > 0 ? { reason: withdrawn[0].supports[0].override!.reason, overridden: true } : undefined),
  });
  if (live.length === 0) return finish(undefined);

  const groups = cluster(live);
  const preferredByFile = live.find((c) => c.supports.some((s) => s.override?.rank === 'PREFERRED'));
  let winner: Candidate[];
  let reason: string;
  let overridden = false;
  if (preferredByFile) {
    winner = groups.find((g) => g.includes(preferredByFile))!;
    reason = preferredByFile.supports.find((s) => s.override?.rank === 'PREFERRED')!.override!.reason;
    overridden = true;
  } else if (groups.length === 1) {
    winner = groups[0];
    reason = '';
  } else {
    const scored = groups.map((g) => ({ g, s: score(g, catalog) })).sort((a, b) => compare(a.s, b.s));
    winner = scored[0].g;
    const tie = compare(scored[0].s, scored[1].s) === 0;
    const first = groups[0];
    if (tie) winner = first;
    const ws = score(winner, catalog);
    reason = tie
      ? `tie (${describe(ws)} each): the first file's value is kept`
      : `best supported: ${describe(ws)}, against ${scored.filter((x) => x.g !== winner).map((x) => describe(x.s)).join('; ')}`;
  }
  const best = preferredByFile ?? mostPrecise(winner);
  for (const c of live) {
    if (c === best) {
      if (groups.length > 1 || winner.length > 1 || overridden) {
        ranked.set(c, { rank: 'PREFERRED', reason: groups.length > 1 || overridden ? reason : `the most precise of ${winner.length} agreeing values` });
      }
    } else if (winner.includes(c)) {
      ranked.set(c, { rank: 'NORMAL' });
    } else {
      ranked.set(c, { rank: 'DEPRECATED', reason: overridden ? `a file prefers ${best.value}: ${reason}` : `outweighed by ${best.value} (${reason.replace(/^best supported: /, '')})` });
    }
  }
  return finish(best, groups.length > 1 || overridden ? { reason, overridden } : undefined);
}
