import { Arg, Ctx, Field, Info, Int } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { BadUserInputError } from '../../errors/app-errors';
import { DateScalar } from '../common/date.scalar';
import { Direction, EntityType, Rank, RelationType } from '../common/enums';
import { holdsOn, inRanks, Statement } from '../common/statement.type';
import {
  decodeCursor, encodeCursor, ListArgs, MAX_LIST_PAGE, ranksArg, StatementConnection, StatementOrder, StatementWhere,
} from './statement-list.types';

/**
 * Every statement list of the graph API, in one table: the GraphQL fields (and their
 * `<list>Connection` siblings), the compiled Cypher (graph/compiled) and the in-memory fallback
 * all read it, so they cannot disagree on what a list holds.
 */
export interface ListSpec {
  /** The GraphQL type that has the field ('Entity' for the interface). */
  owner: 'Entity' | 'State' | 'Organization' | 'Person' | 'Meeting' | 'Document' | 'Place';
  field: string;
  /** Relationship types followed; null: the `types` argument (Entity.statements). */
  relations: RelationType[] | null;
  /** null: the `direction` argument. */
  direction: Direction | null;
  /** Only these types at the other end. */
  otherType?: EntityType;
  /** Organization.members keeps its `role` argument. */
  roleArg?: boolean;
  description: string;
}

const R = RelationType;
const { OUT, IN, BOTH } = Direction;
export const LIST_SPECS: ListSpec[] = [
  { owner: 'Entity', field: 'statements', relations: null, direction: null, description: 'Relationships in both directions, with qualifiers, time spans and citations' },
  { owner: 'State', field: 'memberships', relations: [R.MEMBER_OF], direction: OUT, description: 'Memberships and observer roles in organizations' },
  { owner: 'State', field: 'chairmanships', relations: [R.CHAIRED], direction: OUT, description: 'Chairmanships (presidencies) of organizations' },
  { owner: 'State', field: 'coordinatorRoles', relations: [R.COORDINATED], direction: OUT, description: 'Coordinator or co-coordinator roles for confidence-building areas' },
  { owner: 'State', field: 'officeHolders', relations: [R.HELD_OFFICE], direction: IN, description: 'People who held an office of this state (head of state, foreign minister...)' },
  { owner: 'State', field: 'hosted', relations: [R.HOSTED], direction: OUT, description: 'Meetings this state hosted' },
  { owner: 'State', field: 'attended', relations: [R.ATTENDED], direction: OUT, description: 'Meetings this state attended, with the level of representation' },
  { owner: 'Organization', field: 'members', relations: [R.MEMBER_OF], direction: IN, roleArg: true, description: 'Its members and observers (role member / observer)' },
  { owner: 'Organization', field: 'memberships', relations: [R.MEMBER_OF, R.OBSERVER_AT], direction: OUT, description: 'Its own memberships and observer roles elsewhere' },
  { owner: 'Organization', field: 'chairs', relations: [R.CHAIRED], direction: IN, description: 'States that chaired it' },
  { owner: 'Organization', field: 'officeHolders', relations: [R.HELD_OFFICE], direction: IN, description: 'Offices held in it (executive director, secretary-general...)' },
  { owner: 'Organization', field: 'structure', relations: [R.PART_OF], direction: BOTH, otherType: 'Organization', description: 'Bodies that are part of it, and what it is part of' },
  { owner: 'Organization', field: 'agreements', relations: [R.AGREEMENT_WITH], direction: BOTH, description: 'Memoranda and agreements with other organizations' },
  { owner: 'Organization', field: 'meetings', relations: [R.PART_OF], direction: IN, otherType: 'Meeting', description: 'Its meetings' },
  { owner: 'Person', field: 'offices', relations: [R.HELD_OFFICE], direction: OUT, description: 'Offices held, with time spans' },
  { owner: 'Person', field: 'meetings', relations: [R.ATTENDED, R.HOSTED, R.SPOKE_AT], direction: OUT, description: 'Meetings attended (with level), hosted or addressed' },
  { owner: 'Person', field: 'metWith', relations: [R.MET_WITH], direction: BOTH, description: 'Bilateral meetings with other people' },
  { owner: 'Person', field: 'authored', relations: [R.AUTHORED], direction: OUT, description: 'Sources this person wrote' },
  { owner: 'Meeting', field: 'hosts', relations: [R.HOSTED], direction: IN, description: 'Who hosted it' },
  { owner: 'Meeting', field: 'attendees', relations: [R.ATTENDED, R.SPOKE_AT], direction: IN, description: 'Who attended, with the level of representation' },
  { owner: 'Meeting', field: 'documents', relations: [R.ADOPTED_AT], direction: IN, description: 'Documents adopted there' },
  { owner: 'Meeting', field: 'organizations', relations: [R.PART_OF], direction: OUT, description: 'Organizations it belongs to' },
  { owner: 'Meeting', field: 'venues', relations: [R.HELD_IN], direction: OUT, description: 'Where it was held, as statements (cities gives the places)' },
  { owner: 'Document', field: 'adoption', relations: [R.ADOPTED_AT, R.ADOPTED_BY], direction: OUT, description: 'Meetings (or organizations) where it was adopted' },
  { owner: 'Place', field: 'location', relations: [R.LOCATED_IN, R.CAPITAL_OF], direction: OUT, description: 'The state it lies in, or is the capital of' },
  { owner: 'Place', field: 'meetingsHeld', relations: [R.HELD_IN], direction: IN, description: 'Meetings held there' },
];

/** The spec of a field of a concrete type (an interface field applies to every type). */
export function listSpec(typeName: string, field: string): ListSpec | undefined {
  const name = field.endsWith('Connection') ? field.slice(0, -'Connection'.length) : field;
  return LIST_SPECS.find((s) => s.field === name && (s.owner === typeName || s.owner === 'Entity'));
}

/** What a list's arguments mean, checked once for both paths (compiled and in memory). */
export function normalizeListArgs(spec: ListSpec, args: ListArgs): { relations: string[] | null; direction: Direction; where: StatementWhere; offset: number } {
  if (args.first !== undefined && args.first !== null && (args.first < 0 || args.first > MAX_LIST_PAGE)) {
    throw new BadUserInputError(`first must be from 0 to ${MAX_LIST_PAGE}`, { argument: 'first' });
  }
  let offset = 0;
  if (args.after) {
    const decoded = decodeCursor(args.after);
    if (decoded === null) throw new BadUserInputError('after is not a cursor of this list (take endCursor or an edge cursor from the previous page)', { argument: 'after' });
    offset = decoded;
  }
  const where = Object.assign(new StatementWhere(), args.where ?? {});
  if (spec.roleArg && args.role) where.role = [...(where.role ?? []), args.role];
  const relations = spec.relations ?? (args.types && args.types.length > 0 ? args.types : null);
  const direction = spec.direction ?? ((args.direction as Direction | null) ?? BOTH);
  return { relations, direction, where, offset };
}

const startOf = (s: Statement) => s.validFrom ?? s.other.start()?.earliest ?? '';
const COMPARE: Record<StatementOrder, (a: Statement, b: Statement) => number> = {
  START_ASC: (a, b) => (startOf(a) || '9999').localeCompare(startOf(b) || '9999') || a.other.name.localeCompare(b.other.name),
  START_DESC: (a, b) => startOf(b).localeCompare(startOf(a)) || a.other.name.localeCompare(b.other.name),
  NAME_ASC: (a, b) => a.other.name.localeCompare(b.other.name) || startOf(a).localeCompare(startOf(b)),
};

/** The in-memory list (entities built from a whole profile): the same filters, order and page. */
export function filterInMemory(all: Statement[], spec: ListSpec, args: ListArgs): { rows: Statement[]; total: number; offset: number } {
  const { relations, direction, where, offset } = normalizeListArgs(spec, args);
  const matching = all.filter((s) =>
    (!relations || relations.includes(s.type))
    && (direction === BOTH || s.direction === direction)
    && (!spec.otherType || s.other.type === spec.otherType)
    && (!args.asOf || holdsOn(s, args.asOf))
    && inRanks(s, args.ranks as Rank[] | null)
    && (!where.role?.length || (s.role !== undefined && where.role.includes(s.role)))
    && (!where.otherKey?.length || where.otherKey.includes(s.other.key))
    && (!where.otherType?.length || where.otherType.includes(s.other.type))
    && (!where.startFrom || (!!s.validFrom && s.validFrom >= where.startFrom))
    && (!where.startTo || (!!s.validFrom && s.validFrom <= where.startTo))
    && (!where.source || s.citations.some((c) => c.source === where.source)));
  const ordered = args.orderBy ? [...matching].sort(COMPARE[args.orderBy]) : matching;
  const end = args.first === undefined || args.first === null ? undefined : offset + args.first;
  return { rows: ordered.slice(offset, end), total: matching.length, offset };
}

/** A page as a Relay connection. */
export function toConnection(rows: Statement[], total: number, offset: number): StatementConnection {
  const edges = rows.map((node, i) => ({ cursor: encodeCursor(offset + i), node }));
  return Object.assign(new StatementConnection(), {
    totalCount: total, edges,
    pageInfo: {
      hasNextPage: offset + rows.length < total, hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null, endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  });
}

/** What an entity object does for its list fields (implemented by Entity). */
export interface ListHost {
  resolveList(spec: ListSpec, args: ListArgs, info: GraphQLResolveInfo): { rows: Statement[]; total: number; offset: number };
}

type ParamDecorator = (target: object, key: string, index: number) => void;

/**
 * Adds, for every spec, the list field and its `<field>Connection` sibling to its class, with the
 * arguments every list takes. Decorators are applied here as they would be on a written method.
 */
export function installListFields(classes: Record<string, { prototype: object }>): void {
  for (const spec of LIST_SPECS) {
    const proto = classes[spec.owner].prototype as Record<string, unknown>;
    const params: [string, ParamDecorator][] = [
      ['asOf', Arg('asOf', () => DateScalar, { nullable: true, description: 'Only statements that hold on this day (README: Dates and asOf)' })],
      ['ranks', ranksArg()],
      ['where', Arg('where', () => StatementWhere, { nullable: true, description: 'Filters: role, other end, start range, source' })],
      ['orderBy', Arg('orderBy', () => StatementOrder, { nullable: true, description: 'The order (default START_ASC)' })],
      ['first', Arg('first', () => Int, { nullable: true, description: `At most this many (0 to ${MAX_LIST_PAGE}); all when not given` })],
      ['after', Arg('after', () => String, { nullable: true, description: 'Only what follows this cursor (from a Connection\'s edges or pageInfo)' })],
    ];
    if (spec.roleArg) params.push(['role', Arg('role', () => String, { nullable: true, description: 'member or observer' })]);
    if (!spec.relations) {
      params.push(['types', Arg('types', () => [RelationType], { nullable: true, description: 'Only these relationship types' })]);
      params.push(['direction', Arg('direction', () => Direction, { nullable: true, defaultValue: Direction.BOTH, description: 'OUT: the entity is the subject; IN: the object' })]);
    }
    const names = params.map(([n]) => n);
    const decorate = (field: string, type: () => any, description: string, body: (host: ListHost, args: ListArgs, info: GraphQLResolveInfo) => unknown) => {
      proto[field] = function (this: ListHost, ...values: unknown[]) {
        const args = Object.fromEntries(names.map((n, i) => [n, values[i]])) as ListArgs;
        return body(this, args, values[names.length + 1] as GraphQLResolveInfo);
      };
      params.forEach(([, d], i) => d(proto, field, i));
      Ctx()(proto, field, names.length);
      Info()(proto, field, names.length + 1);
      Field(type, { description })(proto, field, Object.getOwnPropertyDescriptor(proto, field)!);
    };
    decorate(spec.field, () => [Statement], spec.description, (host, args, info) => host.resolveList(spec, args, info).rows);
    decorate(`${spec.field}Connection`, () => StatementConnection, `${spec.description}: a page with its total count`, (host, args, info) => {
      const { rows, total, offset } = host.resolveList(spec, args, info);
      return toConnection(rows, total, offset);
    });
  }
}
