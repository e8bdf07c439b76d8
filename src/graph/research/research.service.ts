import { AppContext } from '../../context';
import { BadUserInputError } from '../../errors/app-errors';
import { foldName } from '../../util/fold-name';
import { FACT_TYPES } from '../../seed/seed-model';
import { Direction } from '../common/enums';
import { toPartialDate } from '../common/partial-date.type';
import { checkName } from '../entity/entity.service';
import { toCitations, toEntityRef, toStatement, toStub } from '../entity/entity.mapper';
import { nameQueryParams } from '../entity/name-query';
import {
  CoMembershipResult, CoMembershipRow, ConnectionResult, GraphEdge, GraphNode, GraphPath, NeighborhoodResult, SharedTie,
} from './research.types';

/** Documented bounds: beyond them a request is BAD_USER_INPUT, not a runaway query. */
export const LIMITS = {
  maxHops: { default: 4, max: 6 },
  maxPaths: 20,
  depth: { default: 1, max: 3 },
  nodes: { default: 150, max: 500 },
  edgesPerNode: 4,
  coMembershipRows: 200,
  traversalTimeoutMs: 5000,
} as const;

/** The relationship types traversals follow: facts, never names or claims. */
const FOLLOWED = FACT_TYPES.filter((t) => t !== 'AUTHORED' && t !== 'PUBLISHED');

function boundedInt(name: string, value: number | null | undefined, fallback: number, max: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < 1 || v > max) throw new BadUserInputError(`${name} must be an integer from 1 to ${max}, got ${v}`, { argument: name, max });
  return v;
}

function nameParams(prefix: string, name: string) {
  checkName(name);
  const { key, candidates, fuzzy } = nameQueryParams(name);
  return { [`${prefix}Key`]: key, [`${prefix}Candidates`]: candidates, [`${prefix}Fuzzy`]: fuzzy };
}

/**
 * What a path's step reads of its relationship: the reference lists (most of its bytes) only when
 * steps { references } is asked. Fixed texts, put into research/connection's {{stepProps}}.
 */
const STEP_PROPS = {
  // Dates as their text, as in every compiled read (graph/compiled/compile-entity statementProjection).
  withReferences: 'r {.*, validFrom: toString(r.validFrom), validTo: toString(r.validTo)}',
  plain: 'r {.factId, .factIds, .role, .area, .level, .note, .start, .end, .attested, validFrom: toString(r.validFrom), validTo: toString(r.validTo), '
    + '.rank, .rankReason, .truthy, .endDerived, .endRule, .endSuccessor, .admittedAt, .admittedAtName, .sources, .quotes}',
} as const;

/** All shortest paths between two named entities, each step with type, direction, span and citations. */
export async function findConnection(ctx: AppContext, from: string, to: string, maxHopsArg: number | null | undefined, asOf: string | null, withReferences = true): Promise<ConnectionResult> {
  const maxHops = boundedInt('maxHops', maxHopsArg, LIMITS.maxHops.default, LIMITS.maxHops.max);
  if (!foldName(from) || !foldName(to)) return Object.assign(new ConnectionResult(), { from: null, to: null, maxHops, asOf, paths: [], truncated: false });
  const cypher = ctx.db.registry.get('research/connection').replaceAll('{{maxHops}}', String(maxHops))
    .replaceAll('{{stepProps}}', withReferences ? STEP_PROPS.withReferences : STEP_PROPS.plain);
  const [row] = await ctx.db.runText(cypher, {
    ...nameParams('from', from), ...nameParams('to', to), types: FOLLOWED, asOf, maxPaths: LIMITS.maxPaths + 1,
  }, 'READ', LIMITS.traversalTimeoutMs);
  const paths: GraphPath[] = (row?.paths ?? []).slice(0, LIMITS.maxPaths).map((p: any) => {
    const nodes = p.nodes.map(toEntityRef);
    const steps = p.rels.map((r: any, i: number) => {
      const here = p.nodes[i];
      const there = p.nodes[i + 1];
      const forward = r.from === here.key;
      const statement = toStatement(toStub(forward ? here : there, ctx.catalog), { type: r.type, out: true, props: r.props, other: forward ? there : here }, ctx.catalog);
      statement.direction = forward ? Direction.OUT : Direction.IN;
      statement.other = toStub(there, ctx.catalog);
      return statement;
    });
    return Object.assign(new GraphPath(), { length: steps.length, nodes, steps });
  });
  return Object.assign(new ConnectionResult(), {
    from: row?.from ? toEntityRef(row.from) : null, to: row?.to ? toEntityRef(row.to) : null,
    maxHops, asOf, paths, truncated: (row?.paths?.length ?? 0) > LIMITS.maxPaths,
  });
}

const edgeLabel = (type: string, props: any) => [type.toLowerCase().replace(/_/g, ' '), props.role ?? props.level].filter(Boolean).join(': ');

/** Entities around one entity and the relationships among them, capped, with a truncated flag. */
export async function findNeighborhood(ctx: AppContext, name: string, depthArg: number | null | undefined, asOf: string | null, limitArg: number | null | undefined): Promise<NeighborhoodResult | null> {
  const depth = boundedInt('depth', depthArg, LIMITS.depth.default, LIMITS.depth.max);
  const nodeLimit = boundedInt('limit', limitArg, LIMITS.nodes.default, LIMITS.nodes.max);
  if (!foldName(name)) return null;
  const edgeLimit = nodeLimit * LIMITS.edgesPerNode;
  const cypher = ctx.db.registry.get('research/neighborhood').replaceAll('{{depth}}', String(depth));
  const [row] = await ctx.db.runText(cypher, { ...nameParams('center', name), types: FOLLOWED, asOf, nodeLimit, edgeLimit }, 'READ', LIMITS.traversalTimeoutMs);
  if (!row) return null;
  const nodes = row.nodes.map((n: any) => Object.assign(new GraphNode(), {
    id: n.key, globalId: toEntityRef(n).id, type: n.type, label: n.name, labelTr: n.nameTr ?? undefined, center: n.key === row.center.key,
  }));
  const edges = row.edges.slice(0, edgeLimit).map((e: any) => Object.assign(new GraphEdge(), {
    id: e.props.factId ?? `${e.from}-${e.type}-${e.to}`, source: e.from, target: e.to, type: e.type, label: edgeLabel(e.type, e.props),
    role: e.props.role ?? undefined, level: e.props.level ?? undefined, start: toPartialDate(e.props.start), end: toPartialDate(e.props.end),
    validFrom: e.props.validFrom ?? null, validTo: e.props.validTo ?? null, citations: toCitations(e.props.sources, e.props.quotes, ctx.catalog),
  }));
  return Object.assign(new NeighborhoodResult(), {
    center: toEntityRef(row.center), depth, asOf, nodes, edges, truncated: row.nodesTruncated || row.edges.length > edgeLimit,
  });
}

/** The dyads of an entity: who shares organizations, meetings and offices with it, and how much. */
export async function findCoMembership(ctx: AppContext, name: string, asOf: string | null): Promise<CoMembershipResult | null> {
  if (!foldName(name)) return null;
  const [row] = await ctx.db.read('research/co-membership', { ...nameParams('center', name), asOf, limit: LIMITS.coMembershipRows });
  if (!row) return null;
  const rows = row.rows.map((r: any) => {
    const shared: SharedTie[] = r.shared.map((s: any) => Object.assign(new SharedTie(), { via: toEntityRef(s.via), kinds: s.kinds }));
    const count = (kind: string) => shared.filter((s) => s.kinds.includes(kind)).length;
    return Object.assign(new CoMembershipRow(), {
      other: toEntityRef(r.other), sharedCount: shared.length, memberships: count('member'), observerRoles: count('observer'),
      meetings: count('meeting'), offices: count('held_office'), shared,
    });
  });
  return Object.assign(new CoMembershipResult(), { center: toEntityRef(row.center), asOf, rows });
}

