import Cypher from '@neo4j/cypher-builder';
import { FieldNode, SelectionSetNode } from 'graphql';
import { ENTITY_TYPES, FACT_TYPES } from '../../seed/seed-model';
import { Direction } from '../common/enums';
import { listSpec, ListSpec, normalizeListArgs } from '../entity/statement-lists';
import { ListArgs, StatementOrder } from '../entity/statement-list.types';
import { argumentsOf, mergedSelection, RequestScope, selectedFields, Selected } from './selection';

/**
 * Compiles the selection of an entity into one Cypher map projection: its own properties, and for
 * each list field asked (by response key) a COLLECT subquery that filters, orders and pages in
 * the database and projects the other ends the same way, to any depth. Labels and relationship
 * types come from the fixed lists of seed-model; every value is a parameter.
 */

/** Properties every entity projection carries (small; a source's text is never among them). */
const ENTITY_PROPS = ['key', 'type', 'name', 'nameTr', 'description', 'start', 'end', 'ordinal', 'meetingKind', 'documentKind',
  'title', 'url', 'language', 'date', 'author', 'publisher', 'corpus', 'sources', 'quotes'];
/** What an object needs whatever is asked (its class, its sort keys). */
const ENTITY_BASE = ['key', 'type', 'name'];
/** The properties each entity field reads; a field not listed here reads them all. */
const ENTITY_FIELD_PROPS: Record<string, string[]> = {
  id: [], key: [], type: [], name: [], label: [], names: [], claims: [], matchedBy: [], __typename: [],
  nameTr: ['nameTr'], description: ['description'], citations: ['sources', 'quotes'], start: ['start'], end: ['end'],
  ordinal: ['ordinal'], meetingKind: ['meetingKind'], documentKind: ['documentKind'], title: ['title'], url: ['url'],
  language: ['language'], date: ['date'], author: ['author'], publisher: ['publisher'], corpus: ['corpus'],
};
const STATEMENT_PROPS = ['factId', 'factIds', 'start', 'end', 'attested', 'role', 'area', 'level', 'note', 'validFrom', 'validTo',
  'rank', 'rankReason', 'truthy', 'endDerived', 'endRule', 'endSuccessor', 'admittedAt', 'admittedAtName'];
const REFERENCE_PROPS = ['refFactIds', 'refSources', 'refQuotes', 'refStarts', 'refEnds', 'refAttested', 'refLevels', 'refRanks', 'refReasons'];
const ALL_STATEMENT_PROPS = [...STATEMENT_PROPS, 'sources', 'quotes', ...REFERENCE_PROPS];
/** What every statement row carries: its id and what the rank filters of the services read. */
const STATEMENT_BASE = ['factId', 'rank', 'truthy'];
/**
 * The relationship properties each Statement field reads; a field not listed reads them all. The
 * rows of a list are most of what goes over the wire, so a small question reads small rows.
 */
const STATEMENT_FIELD_PROPS: Record<string, string[]> = {
  factId: [], type: [], direction: [], subject: [], object: [], other: [], rank: [], __typename: [],
  factIds: ['factIds'], role: ['role'], area: ['area'], level: ['level'], note: ['note'], start: ['start'], end: ['end'],
  attested: ['attested'], validFrom: ['validFrom'], validTo: ['validTo'], citations: ['sources', 'quotes'], rankReason: ['rankReason'],
  endDerived: ['endDerived'], endRule: ['endRule'], endSuccessor: ['endSuccessor'], admittedAt: ['admittedAt', 'admittedAtName'],
  references: REFERENCE_PROPS,
};

/** The relationship properties a statement selection reads. */
function statementProps(fields: Selected[]): string[] {
  const props = new Set(STATEMENT_BASE);
  for (const f of fields) (STATEMENT_FIELD_PROPS[f.name] ?? ALL_STATEMENT_PROPS).forEach((p) => props.add(p));
  return ALL_STATEMENT_PROPS.filter((p) => props.has(p));
}

/** Relationship properties stored as Neo4j dates: they are read as their ISO text. */
const DATE_PROPS = new Set(['validFrom', 'validTo']);

/**
 * A statement's properties as a map, its dates as 'YYYY-MM-DD' text (what toNative would make of
 * them): the driver builds a Date from a date through a dozen 64-bit Integer operations, which
 * was 6% of the server's CPU on MembershipTimeline; a short string decodes at once.
 */
function statementProjection(r: Cypher.Relationship, props: string[]): Cypher.MapProjection {
  const dates = Object.fromEntries(props.filter((p) => DATE_PROPS.has(p)).map((p) => [p, Cypher.toString(r.property(p))]));
  return new Cypher.MapProjection(r, props.filter((p) => !DATE_PROPS.has(p)), dates);
}

/** The node properties a selection reads: only those of the fields asked (list fields read none). */
function entityProps(fields: Selected[]): string[] {
  const props = new Set(ENTITY_BASE);
  for (const f of fields) {
    const own = ENTITY_FIELD_PROPS[f.name];
    if (own) own.forEach((p) => props.add(p));
    else if (!listSpec(f.typeCondition ?? 'Entity', f.name) && f.name !== 'cities') ENTITY_PROPS.forEach((p) => props.add(p));
  }
  return ENTITY_PROPS.filter((p) => props.has(p));
}
const CONCRETE = ENTITY_TYPES as readonly string[];

const param = (v: unknown) => new Cypher.Param(v);
const dateParam = (v: string) => Cypher.date(param(v));

function direction(d: Direction): 'right' | 'left' | 'undirected' {
  return d === Direction.OUT ? 'right' : d === Direction.IN ? 'left' : 'undirected';
}

/** The types that a list field's selection applies to, and the spec for each. */
function listEntries(fields: Selected[], knownType: string | null): { condition: string | null; spec: ListSpec; field: Selected }[] {
  const out: { condition: string | null; spec: ListSpec; field: Selected }[] = [];
  for (const f of fields) {
    const name = f.name === 'cities' ? 'venues' : f.name;
    const types = f.typeCondition ? [f.typeCondition] : CONCRETE;
    for (const t of types) {
      const spec = listSpec(t, name);
      // No CASE on the type where it is known (a typed root field) or does not matter (an interface field).
      const condition = (spec?.owner === 'Entity' && !f.typeCondition) || t === knownType ? null : t;
      if (spec && !out.some((e) => e.condition === condition && e.field.key === f.key)) out.push({ condition, spec, field: f });
    }
  }
  return out;
}

export class EntityCompiler {
  /** claimProperties: a service that reads only some claims (the counts) names their properties. */
  constructor(private readonly scope: RequestScope, private readonly options: { claimProperties?: readonly string[] } = {}) {}

  /** The projection of entity node `n` for a selection made on `typeName` (Entity or a concrete type). */
  entity(n: Cypher.Node, set: SelectionSetNode | undefined, typeName = 'Entity'): Cypher.Expr {
    const fields = selectedFields(this.scope, set, typeName === 'Entity' ? null : typeName);
    const extras: Record<string, Cypher.Expr> = {};
    if (fields.some((f) => f.name === 'names' || f.name === 'label')) extras.__names = this.names(n);
    if (fields.some((f) => f.name === 'claims')) extras.__claims = this.claims(n);
    const lists: Record<string, Cypher.Expr> = {};
    const byKey = new Map<string, ReturnType<typeof listEntries>>();
    for (const e of listEntries(fields, typeName === 'Entity' ? null : typeName)) byKey.set(e.field.key, [...(byKey.get(e.field.key) ?? []), e]);
    for (const [key, entries] of byKey) {
      const general = entries.find((e) => e.condition === null);
      if (general) { lists[key] = this.list(n, general.spec, general.field); continue; }
      const kase = new Cypher.Case();
      for (const e of entries) kase.when(Cypher.eq(n.property('type'), new Cypher.Literal(e.condition!))).then(this.list(n, e.spec, e.field));
      lists[key] = kase.else(Cypher.Null);
    }
    if (Object.keys(lists).length > 0) extras.__lists = new Cypher.Map(lists);
    return new Cypher.MapProjection(n, entityProps(fields), extras);
  }

  private names(n: Cypher.Node): Cypher.Expr {
    const x = new Cypher.Node();
    return new Cypher.Collect(new Cypher.Match(new Cypher.Pattern(n).related(new Cypher.Relationship(), { type: 'HAS_NAME' }).to(x, { labels: ['Name'] }))
      .return(new Cypher.MapProjection(x, ['text', 'lang', 'kind', 'from', 'to'])));
  }

  private claims(n: Cypher.Node): Cypher.Expr {
    const c = new Cypher.Node();
    const match = new Cypher.Match(new Cypher.Pattern(c, { labels: ['Claim'] }).related(new Cypher.Relationship(), { type: 'ABOUT' }).to(n));
    const only = this.options.claimProperties;
    return new Cypher.Collect((only ? match.where(Cypher.in(c.property('property'), new Cypher.Param([...only]))) : match)
      .with(c).orderBy([c.property('dateMin'), 'ASC'])
      .return(new Cypher.MapProjection(c, ['key', 'property', 'value', 'numericValue', 'date', 'note', 'conflict', 'rank', 'rankReason', 'sources', 'quotes'])));
  }

  /** One list field: {rows, total, offset} with the rows filtered, ordered and paged in Cypher. */
  private list(n: Cypher.Node, spec: ListSpec, field: Selected): Cypher.Expr {
    const args = argumentsOf(this.scope, spec.owner === 'Entity' ? 'Entity' : spec.owner, field.nodes[0]) as ListArgs;
    const isConnection = spec.field !== field.name && field.name.endsWith('Connection');
    return this.listQuery(n, spec, args, isConnection ? this.connectionNodes(field) : field.nodes, isConnection);
  }

  /** A statement list of `n` by its spec and arguments, its rows projected for `statementNodes`' selections. */
  listQuery(n: Cypher.Node, spec: ListSpec, args: ListArgs, statementNodes: FieldNode[], isConnection = false): Cypher.Expr {
    const { relations, direction: dir, where, offset } = normalizeListArgs(spec, args);
    const r = new Cypher.Relationship();
    const o = new Cypher.Node();
    // Statements only: MENTIONS and HAS_NAME are not in FACT_TYPES.
    const types = (relations ?? FACT_TYPES).filter((t) => (FACT_TYPES as readonly string[]).includes(t));
    const pattern = () => new Cypher.Pattern(n).related(r, { type: Cypher.labelExpr.or(...types), direction: direction(dir) }).to(o, { labels: ['Entity'] });
    const conditions: Cypher.Predicate[] = [
      args.ranks && args.ranks.length > 0 ? Cypher.in(r.property('rank'), param(args.ranks)) : Cypher.eq(Cypher.coalesce(r.property('truthy'), Cypher.true), Cypher.true),
    ];
    if (args.asOf) {
      const day = dateParam(args.asOf);
      conditions.push(Cypher.or(Cypher.isNull(r.property('validFrom')), Cypher.lte(r.property('validFrom'), day))!);
      conditions.push(Cypher.or(Cypher.isNull(r.property('validTo')), Cypher.gte(r.property('validTo'), day))!);
    }
    if (spec.otherType) conditions.push(Cypher.eq(o.property('type'), new Cypher.Literal(spec.otherType)));
    if (where.role?.length) conditions.push(Cypher.in(r.property('role'), param(where.role)));
    if (where.otherKey?.length) conditions.push(Cypher.in(o.property('key'), param(where.otherKey)));
    if (where.otherType?.length) conditions.push(Cypher.in(o.property('type'), param(where.otherType)));
    if (where.startFrom) conditions.push(Cypher.gte(r.property('validFrom'), dateParam(where.startFrom)));
    if (where.startTo) conditions.push(Cypher.lte(r.property('validFrom'), dateParam(where.startTo)));
    if (where.source) conditions.push(Cypher.in(param(where.source), r.property('sources')));
    const predicate = Cypher.and(...conditions);

    const rowFields = selectedFields(this.scope, mergedSelection([{ key: '', name: '', typeCondition: null, nodes: statementNodes }]));
    const ends = rowFields.filter((f) => ['other', 'subject', 'object'].includes(f.name));
    const selfEnds = rowFields.filter((f) => f.name === 'subject' || f.name === 'object');
    const row: Record<string, Cypher.Expr> = {
      type: Cypher.type(r), out: Cypher.eq(Cypher.startNode(r), n),
      props: statementProjection(r, statementProps(rowFields)),
      other: this.entity(o, mergedSelection(ends)),
    };
    // subject / object may be the entity asked about: when they traverse further, project it for them too.
    if (selfEnds.some((f) => f.nodes.some((x) => x.selectionSet))) row.self = this.entity(n, mergedSelection(selfEnds));

    const start = Cypher.coalesce(r.property('validFrom'), o.property('startDay'));
    const order: [Cypher.Expr, 'ASC' | 'DESC'][] = args.orderBy === StatementOrder.START_DESC
      ? [[Cypher.coalesce(r.property('validFrom'), o.property('startDay'), Cypher.date(new Cypher.Literal('0001-01-01'))), 'DESC'], [o.property('name'), 'ASC']]
      : args.orderBy === StatementOrder.NAME_ASC ? [[o.property('name'), 'ASC'], [start, 'ASC']] : [[start, 'ASC'], [o.property('name'), 'ASC']];
    let query = new Cypher.Match(pattern()).where(predicate).with(r, o).orderBy(...order);
    if (offset > 0) query = query.skip(param(offset));
    if (args.first !== undefined && args.first !== null) query = query.limit(param(args.first));
    const rows = new Cypher.Collect(query.return(new Cypher.Map(row)));
    // Only a Connection asks for the total: a plain list does not pay for the count.
    const total = isConnection ? new Cypher.Count(new Cypher.Match(pattern()).where(predicate)) : Cypher.Null;
    return new Cypher.Map({ rows, total, offset: new Cypher.Literal(offset) });
  }

  /** A Connection's statements are the `node` of its `edges`. */
  private connectionNodes(field: Selected) {
    const edges = selectedFields(this.scope, mergedSelection([field])).filter((f) => f.name === 'edges');
    return selectedFields(this.scope, mergedSelection(edges)).filter((f) => f.name === 'node').flatMap((f) => f.nodes);
  }
}
