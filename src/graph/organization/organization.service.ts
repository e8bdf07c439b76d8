import { AppContext } from '../../context';
import { GraphQLSchema, OperationDefinitionNode, parse, SelectionSetNode } from 'graphql';
import { withParams } from '../compiled/compile-cache';
import { compileOverview, CompiledQuery } from '../compiled/compile-root';
import { run, schemaOf } from '../compiled/compiled-read';
import { fromProjection } from '../compiled/from-projection';
import { checkName, describeMatch, Candidate } from '../entity/entity.service';
import { Entity } from '../entity/entity.interface';
import { Meeting, Organization } from '../entity/entity-types';
import { nameQueryParams } from '../entity/name-query';
import { toEntityRef } from '../entity/entity.mapper';
import { Claim } from '../common/claim.type';
import { Direction, RelationType } from '../common/enums';
import { holdsOn, Statement } from '../common/statement.type';
import { parsePartialDate } from '../../util/partial-date';
import { foldName } from '../../util/fold-name';
import { CountComparison, MembershipRow } from './organization.types';

export interface OrganizationOverview {
  organization: Organization;
  meetings: Meeting[];
  /** With needs.holdingOn: the statements of needs.types that hold on that day, read with needs.holdingFields. */
  holding: Statement[];
}

/**
 * An organization by name with the statements a service works on, its meetings and (needs.claims) some of its claims, in ONE
 * compiled query (graph/compiled): only the relation types asked for are read, so a service must
 * name every type it uses (statementsOf on another type finds nothing). null when nothing matches.
 */
export async function loadOrganization(
  ctx: AppContext, name: string,
  needs: {
    types: RelationType[]; fields?: string; alternatives?: boolean;
    /** The organization's claims of these properties (COUNT_PROPERTIES for compareCounts); none when absent. */
    claims?: readonly string[];
    /** Statements of these types holding on `holdingOn` (default: `types`), read with `holdingFields`. */
    holdingOn?: string; holdingFields?: string; holdingTypes?: RelationType[];
    meetings?: { kind: string | null; types: RelationType[]; fields?: string };
  },
): Promise<OrganizationOverview | null> {
  checkName(name, 'organization');
  if (!foldName(name)) return null;
  const rows = await run<{ candidates: Candidate[]; entity: Record<string, any>; meetings: Record<string, any>[] | null }>(ctx, 'loadOrganization',
    overviewQuery(ctx, needs, { ...nameQueryParams(name, 'Organization', needs.alternatives ?? false) }));
  if (rows.length === 0) return null;
  const row = rows[0];
  const withStatements = <T extends Entity>(e: T): T => { e.allStatements = e.projection?.statements?.rows ?? []; return e; };
  const organization = withStatements(fromProjection(row.entity, ctx.catalog, describeMatch(name, row.candidates)) as Organization);
  return {
    organization,
    meetings: (row.meetings ?? []).map((m) => withStatements(fromProjection(m, ctx.catalog) as Meeting)),
    holding: organization.projection?.holding?.rows ?? [],
  };
}

type Needs = Parameters<typeof loadOrganization>[2];
/** The day the overview is compiled with when it reads what holds on a day; each request's day replaces it in the parameters. */
const DAY_PLACEHOLDER = '0001-01-01';
/** Compiled overviews by schema, resolve prefix and needs (the services' own selections, so few). */
const compiledOverviews = new WeakMap<object, Map<string, Map<string, CompiledQuery & { dayParam?: string }>>>();

/**
 * The compiled query of an overview. The services' selections are fixed, so the query is compiled
 * once per kind of needs and kept (building it was 8% of the CPU of a MembersAsOf request); only
 * the day of `holdingOn` varies, and it is a parameter of its own. When the compiled query does
 * not hold the placeholder day in exactly one parameter, it is compiled for each request instead.
 */
function overviewQuery(ctx: AppContext, needs: Needs, nameParams: Record<string, unknown>): CompiledQuery {
  const schema = schemaOf(ctx);
  const prefix = ctx.db.registry.get('entity/resolve-name');
  const key = JSON.stringify({ ...needs, holdingOn: needs.holdingOn ? true : undefined });
  let bySchema = compiledOverviews.get(schema);
  if (!bySchema) compiledOverviews.set(schema, bySchema = new Map());
  let byNeeds = bySchema.get(prefix);
  if (!byNeeds) bySchema.set(prefix, byNeeds = new Map());
  let entry = byNeeds.get(key);
  if (!entry) {
    const compiled = compileOverviewFor(schema, prefix, { ...needs, holdingOn: needs.holdingOn ? DAY_PLACEHOLDER : undefined });
    const dayParams = Object.keys(compiled.params).filter((k) => compiled.params[k] === DAY_PLACEHOLDER);
    if (needs.holdingOn && dayParams.length !== 1) return withParams(compileOverviewFor(schema, prefix, needs), nameParams);
    entry = { ...compiled, dayParam: dayParams[0] };
    if (byNeeds.size < 500) byNeeds.set(key, entry);
  }
  return withParams(entry, { ...nameParams, ...(entry.dayParam ? { [entry.dayParam]: needs.holdingOn } : {}) });
}

function compileOverviewFor(schema: GraphQLSchema, prefix: string, needs: Needs): CompiledQuery {
  // Statements holding on a day can be read with more (citations) than the whole history the counts need.
  const holdingTypes = needs.holdingTypes ?? needs.types;
  const holding = needs.holdingOn && holdingTypes.length ? `holding: statements(types: $holdingTypes, asOf: $holdingOn) { ${needs.holdingFields ?? STATEMENT_FIELDS} }` : '';
  return compileOverview(
    { schema, fragments: {}, variables: { types: needs.types, holdingTypes, meetingTypes: needs.meetings?.types ?? [], holdingOn: needs.holdingOn ?? null } }, prefix, {},
    selection(`{ key ${needs.claims ? 'claims { key }' : ''} ${needs.types.length ? `statements(types: $types) { ${needs.fields ?? STATEMENT_FIELDS} }` : ''} ${holding} }`),
    needs.meetings ? { kind: needs.meetings.kind, selection: selection(`{ start end ordinal ... on Meeting { meetingKind } ${needs.meetings.types.length ? `statements(types: $meetingTypes) { ${needs.meetings.fields ?? STATEMENT_FIELDS} }` : ''} }`) } : null,
    needs.claims,
  );
}

/**
 * What a service reads of each statement unless it names less: every field, since the statements
 * a service returns are the client's to select from. The compiled query reads only the
 * relationship properties these fields need, so a service that computes (membersOn) names its own.
 */
const STATEMENT_FIELDS = `factId factIds role area level note start end attested validFrom validTo rank rankReason
  endDerived endRule endSuccessor admittedAt citations { source } references { factId } other { nameTr start ordinal }`;
/** What the counts (rolesOn) read of a membership, and what membersOn reads of one that holds. */
export const MEMBERSHIP_FIELDS = 'role validFrom validTo';
export const MEMBERSHIP_ROW_FIELDS = 'role validFrom validTo start end attested citations { source } other { nameTr start }';
/** The same without citations, for a client that does not select them. */
export const MEMBERSHIP_ROW_FIELDS_UNCITED = 'role validFrom validTo start end attested other { nameTr start }';
/** The few selections the services write, parsed once each (not on every request). */
const parsed = new Map<string, SelectionSetNode>();
function selection(text: string): SelectionSetNode {
  let set = parsed.get(text);
  if (!set) parsed.set(text, set = (parse(text).definitions[0] as OperationDefinitionNode).selectionSet);
  return set;
}

/** The memberships of an organization (MEMBER_OF, incoming). */
export const membershipsOf = (org: Organization) => org.statementsOf([RelationType.MEMBER_OF], Direction.IN);

export interface RoleOn { role: 'member' | 'observer'; name: string }

/**
 * Who holds a membership role on a day: entity key → member or observer (member wins) and name.
 * The counts need no more than this, so they do not build rows and citations for every day.
 */
export function rolesOn(memberships: Statement[], day: string): Map<string, RoleOn> {
  const roles = new Map<string, RoleOn>();
  for (const s of memberships) {
    if ((s.role !== 'member' && s.role !== 'observer') || !holdsOn(s, day)) continue;
    const had = roles.get(s.other.key);
    if (!had || (had.role === 'observer' && s.role === 'member')) roles.set(s.other.key, { role: s.role, name: s.other.name });
  }
  return roles;
}

/** Members and observers holding on a day, one row per entity (member wins over observer), from memberships of the organization. */
export function membersOn(memberships: Statement[], day: string): MembershipRow[] {
  const holding = memberships.filter((s) => s.direction === Direction.IN && (s.role === 'member' || s.role === 'observer') && holdsOn(s, day));
  const byEntity = new Map<string, Statement[]>();
  for (const s of holding) {
    const list = byEntity.get(s.other.key);
    if (list) list.push(s); else byEntity.set(s.other.key, [s]);
  }
  const rows: MembershipRow[] = [];
  for (const statements of byEntity.values()) {
    const role = statements.some((s) => s.role === 'member') ? 'member' : 'observer';
    const mine = statements.filter((s) => s.role === role);
    const starts = mine.map((s) => s.start).filter(Boolean).sort((a, b) => a!.earliest.localeCompare(b!.earliest));
    const ends = mine.map((s) => s.end).filter(Boolean).sort((a, b) => b!.latest.localeCompare(a!.latest));
    const attested = mine.map((s) => s.attested).filter(Boolean);
    const citations = mine.flatMap((s) => s.citations);
    rows.push(Object.assign(new MembershipRow(), {
      // A short reference, not the Entity itself: EntityRef.start is a date, Entity.start a method.
      entity: toEntityRef(mine[0].other), role, start: starts[0] ?? null, end: ends[0] ?? null, attested,
      factIds: mine.map((s) => s.factId), citations: [...new Map(citations.map((c) => [`${c.source}\u0000${c.quote}`, c])).values()],
    }));
  }
  return rows.sort((a, b) => (a.role === b.role ? a.entity.name.localeCompare(b.entity.name) : a.role === 'member' ? -1 : 1));
}

const COUNT_ROLES: Record<string, string> = { memberCount: 'member', observerCount: 'observer' };
/** The claims compareCounts reads: a service comparing counts asks loadOrganization for these only. */
export const COUNT_PROPERTIES = Object.keys(COUNT_ROLES);

/** Stated member/observer counts beside the counts the graph derives for the claim's date. */
export function compareCounts(org: Organization, claims: Claim[]): CountComparison[] {
  // Many claims share a day; each day's counts are derived once.
  const memberships = membershipsOf(org);
  const byDay = new Map<string, Record<string, number>>();
  const countsOn = (day: string) => {
    let counts = byDay.get(day);
    if (!counts) {
      counts = { member: 0, observer: 0 };
      for (const r of rolesOn(memberships, day).values()) counts[r.role]++;
      byDay.set(day, counts);
    }
    return counts;
  };
  return claims.filter((c) => COUNT_ROLES[c.property] && c.date).map((claim) => {
    const role = COUNT_ROLES[claim.property];
    const count = (day: string) => countsOn(day)[role];
    const derivedAtEarliest = count(claim.date!.earliest);
    const derivedAtLatest = count(claim.date!.latest);
    const stated = claim.numericValue ?? null;
    return Object.assign(new CountComparison(), {
      claim, role, stated, derivedAtEarliest, derivedAtLatest,
      agrees: stated !== null && (stated === derivedAtEarliest || stated === derivedAtLatest),
    });
  });
}

/** Days between a claim's date and a day, to order claims by nearness. */
export function distanceInDays(edtf: string | undefined, day: string): number {
  const parsed = edtf ? parsePartialDate(edtf) : null;
  if (!parsed) return Number.MAX_SAFE_INTEGER;
  if (parsed.earliest <= day && day <= parsed.latest) return 0;
  const t = Date.parse(day);
  return Math.min(Math.abs(Date.parse(parsed.earliest) - t), Math.abs(Date.parse(parsed.latest) - t)) / 86400000;
}

/**
 * The chairmanship terms that began at a meeting: a term whose (possibly imprecise) start overlaps
 * the meeting's dates; the presidency passes at summits and ministerial meetings only.
 */
export function chairsTakenOver(meeting: Meeting, chairs: Statement[]): Statement[] {
  const start = meeting.start();
  const end = meeting.end() ?? start;
  const handsOver = meeting.meetingKind === 'summit' || meeting.meetingKind === 'ministerial';
  return start && end && handsOver ? chairs.filter((c) => c.start && c.start.earliest <= end.latest && c.start.latest >= start.earliest) : [];
}

