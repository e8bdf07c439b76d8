import Cypher from '@neo4j/cypher-builder';
import { FieldNode, GraphQLResolveInfo, OperationDefinitionNode, parse, SelectionSetNode } from 'graphql';
import { FACT_TYPES } from '../../seed/seed-model';
import { Direction } from '../common/enums';
import { StatementFilter } from '../entity/entity-where.type';
import { listSpec } from '../entity/statement-lists';
import { EntityCompiler } from './compile-entity';
import { mergedSelection, RequestScope, selectedFields } from './selection';

/** A compiled root field: one Cypher statement and its parameters. */
export interface CompiledQuery { cypher: string; params: Record<string, unknown> }

export const scopeOf = (info: GraphQLResolveInfo): RequestScope => ({ schema: info.schema, fragments: info.fragments, variables: info.variableValues });

/** The selection of the root field itself (what it returns). */
const rootSelection = (info: GraphQLResolveInfo) => mergedSelection([{ key: '', name: '', typeCondition: null, nodes: [...info.fieldNodes] }]);

const build = (clause: Cypher.Clause, extra: Record<string, unknown> = {}): CompiledQuery => {
  const { cypher, params } = clause.build();
  return { cypher, params: { ...extra, ...params } };
};

/**
 * An entity found by a typed name: the name resolution (fragments/resolve-entity, leaving
 * `candidates` and `e`) followed by the compiled projection of `e`.
 */
export function compileByName(info: GraphQLResolveInfo, resolvePrefix: string, nameParams: Record<string, unknown>, typeName: string): CompiledQuery {
  const e = new Cypher.NamedNode('e');
  const projection = new EntityCompiler(scopeOf(info)).entity(e, rootSelection(info), typeName);
  return build(Cypher.utils.concat(new Cypher.Raw(resolvePrefix), new Cypher.Return(new Cypher.NamedVariable('candidates'), [projection, 'entity'])), nameParams);
}

/** An entity by key (node(id:)). */
export function compileByKey(info: GraphQLResolveInfo, key: string): CompiledQuery {
  const e = new Cypher.Node();
  const projection = new EntityCompiler(scopeOf(info)).entity(e, rootSelection(info));
  return build(new Cypher.Match(new Cypher.Pattern(e, { labels: ['Entity'] })).where(Cypher.eq(e.property('key'), new Cypher.Param(key))).return([projection, 'entity']));
}

/** An entity has (or has not) a statement of this kind: an EXISTS subquery. */
function statementExists(e: Cypher.Node, f: StatementFilter): Cypher.Predicate {
  if (!(FACT_TYPES as readonly string[]).includes(f.type)) throw new Error(`unknown relation type ${f.type}`);
  const r = new Cypher.Relationship();
  const o = new Cypher.Node();
  const dir = f.direction === Direction.OUT ? 'right' : f.direction === Direction.IN ? 'left' : 'undirected';
  const conditions: Cypher.Predicate[] = [Cypher.eq(Cypher.coalesce(r.property('truthy'), Cypher.true), Cypher.true)];
  if (f.role) conditions.push(Cypher.eq(r.property('role'), new Cypher.Param(f.role)));
  if (f.otherKey) conditions.push(Cypher.eq(o.property('key'), new Cypher.Param(f.otherKey)));
  if (f.otherType) conditions.push(Cypher.eq(o.property('type'), new Cypher.Param(f.otherType)));
  if (f.asOf) {
    const day = Cypher.date(new Cypher.Param(f.asOf));
    conditions.push(Cypher.or(Cypher.isNull(r.property('validFrom')), Cypher.lte(r.property('validFrom'), day))!);
    conditions.push(Cypher.or(Cypher.isNull(r.property('validTo')), Cypher.gte(r.property('validTo'), day))!);
  }
  return new Cypher.Exists(new Cypher.Match(new Cypher.Pattern(e).related(r, { type: f.type, direction: dir }).to(o, { labels: ['Entity'] }))
    .where(Cypher.and(...conditions)));
}

export interface EntitiesFilter {
  type: string | null;
  contains: string | null;
  has: StatementFilter[];
  hasNot: StatementFilter[];
  orderBy: 'name' | 'start';
  after: string | null;
  first: number;
}

/**
 * A page of entities (the `entities` connection): filters, order and page in the database, and
 * each entity of the page projected for what `edges { node { … } }` asks.
 */
export function compileEntities(info: GraphQLResolveInfo, filter: EntitiesFilter): CompiledQuery {
  const scope = scopeOf(info);
  const e = new Cypher.NamedNode('e');
  const edges = selectedFields(scope, rootSelection(info)).filter((f) => f.name === 'edges');
  const nodes = selectedFields(scope, mergedSelection(edges)).filter((f) => f.name === 'node');
  const projection = new EntityCompiler(scope).entity(e, mergedSelection(nodes));
  const conditions: Cypher.Predicate[] = [];
  if (filter.type) conditions.push(Cypher.eq(e.property('type'), new Cypher.Param(filter.type)));
  if (filter.contains !== null) {
    const n = new Cypher.Node();
    conditions.push(new Cypher.Exists(new Cypher.Match(new Cypher.Pattern(e).related(new Cypher.Relationship(), { type: 'HAS_NAME' }).to(n, { labels: ['Name'] }))
      .where(Cypher.contains(n.property('folded'), new Cypher.Param(filter.contains)))));
  }
  for (const f of filter.has) conditions.push(statementExists(e, f));
  for (const f of filter.hasNot) conditions.push(Cypher.not(statementExists(e, f)));
  const where = Cypher.and(...conditions);
  const order = filter.orderBy === 'start' ? "coalesce(toString(e.startDay), '9999')" : "''";
  const raw = new Cypher.Raw((env) => `MATCH (e:Entity)
${where ? `WHERE ${env.compile(where)}\n` : ''}WITH e ORDER BY ${order}, e.name, e.key
WITH collect(e) AS matched
WITH matched, size(matched) AS total,
     CASE WHEN $pageAfter IS NULL THEN 0 ELSE [i IN range(0, size(matched) - 1) WHERE matched[i].key = $pageAfter][0] + 1 END AS offset
CALL (matched, offset) {
  UNWIND (CASE WHEN offset IS NULL THEN [] ELSE matched[offset..offset + $pageFirst + 1] END) AS e
  RETURN collect(${env.compile(projection)}) AS rows
}
RETURN total, offset IS NULL AS badCursor, rows`);
  return build(raw, { pageAfter: filter.after, pageFirst: filter.first });
}

/** The meetings of organization `e` in order (of one kind, or all), each projected for `selection`. */
function meetingsOf(compiler: EntityCompiler, e: Cypher.Node, kind: string | null, selection: SelectionSetNode): Cypher.Expr {
  const m = new Cypher.Node();
  const r = new Cypher.Relationship();
  const conditions: Cypher.Predicate[] = [Cypher.eq(Cypher.coalesce(r.property('truthy'), Cypher.true), Cypher.true)];
  if (kind) conditions.push(Cypher.eq(m.property('meetingKind'), new Cypher.Param(kind)));
  return new Cypher.Collect(new Cypher.Match(new Cypher.Pattern(m, { labels: ['Meeting'] }).related(r, { type: 'PART_OF' }).to(e))
    .where(Cypher.and(...conditions)).with(m).orderBy([m.property('startDay'), 'ASC'], [m.property('ordinal'), 'ASC'])
    .return(compiler.entity(m, selection, 'Meeting')));
}

/**
 * What a service reads of an organization (organization.service loadOrganization): the
 * organization projected for a selection the service writes, and its meetings for another.
 */
export function compileOverview(scope: RequestScope, resolvePrefix: string, nameParams: Record<string, unknown>,
  organization: SelectionSetNode, meetings: { kind: string | null; selection: SelectionSetNode } | null, claimProperties?: readonly string[]): CompiledQuery {
  const compiler = new EntityCompiler(scope, { claimProperties });
  const e = new Cypher.NamedNode('e');
  const list = meetings ? meetingsOf(compiler, e, meetings.kind, meetings.selection) : Cypher.Null;
  return build(Cypher.utils.concat(new Cypher.Raw(resolvePrefix), new Cypher.Return(
    new Cypher.NamedVariable('candidates'), [compiler.entity(e, organization, 'Organization'), 'entity'], [list, 'meetings'])), nameParams);
}

/** The documents adopted by an organization or at its meetings, in order, each projected for the root selection. */
export function compileDocuments(info: GraphQLResolveInfo, resolvePrefix: string, nameParams: Record<string, unknown>): CompiledQuery {
  const compiler = new EntityCompiler(scopeOf(info));
  const e = new Cypher.NamedNode('e');
  const x = new Cypher.Node();
  const adoptedBy = new Cypher.Exists(new Cypher.Match(new Cypher.Pattern(x).related(new Cypher.Relationship(), { type: 'ADOPTED_BY' }).to(e)));
  const atMeeting = new Cypher.Exists(new Cypher.Match(new Cypher.Pattern(x).related(new Cypher.Relationship(), { type: 'ADOPTED_AT' })
    .to(new Cypher.Node(), { labels: ['Meeting'] }).related(new Cypher.Relationship(), { type: 'PART_OF' }).to(e)));
  const documents = new Cypher.Collect(new Cypher.Match(new Cypher.Pattern(x, { labels: ['Document'] })).where(Cypher.or(adoptedBy, atMeeting))
    .with(x).orderBy([x.property('startDay'), 'ASC'], [x.property('name'), 'ASC'])
    .return(compiler.entity(x, rootSelection(info), 'Document')));
  return build(Cypher.utils.concat(new Cypher.Raw(resolvePrefix), new Cypher.Return([documents, 'documents'])), nameParams);
}

const TERM_START = ((parse('{ chairmanshipTakenOver { start { text } } }').definitions[0] as OperationDefinitionNode).selectionSet.selections[0]) as FieldNode;

/**
 * An organization's meetings in order (summits, meetings): the organization by name, its
 * meetings each projected for what `meeting { … }` asks, and, when `chairmanshipTakenOver` is
 * asked, its chairmanship terms projected for that selection (matched to meetings in memory).
 */
export function compileMeetings(info: GraphQLResolveInfo, resolvePrefix: string, nameParams: Record<string, unknown>, kind: string | null): CompiledQuery {
  const scope = scopeOf(info);
  const compiler = new EntityCompiler(scope);
  const fields = selectedFields(scope, rootSelection(info));
  const e = new Cypher.NamedNode('e');
  const meetings = meetingsOf(compiler, e, kind, mergedSelection(fields.filter((f) => f.name === 'meeting')));
  const takenOver = fields.filter((f) => f.name === 'chairmanshipTakenOver');
  // chairsTakenOver matches terms to meetings by their start, asked or not.
  const chairs = takenOver.length > 0 ? compiler.listQuery(e, listSpec('Organization', 'chairs')!, {}, [...takenOver.flatMap((f) => f.nodes), TERM_START]) : Cypher.Null;
  return build(Cypher.utils.concat(new Cypher.Raw(resolvePrefix), new Cypher.Return(
    [new Cypher.MapProjection(e, ['key', 'type', 'name']), 'organization'], [meetings, 'meetings'], [chairs, 'chairs'])), nameParams);
}
