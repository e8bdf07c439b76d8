import type { GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import { AppContext } from '../../context';
import { BadUserInputError } from '../../errors/app-errors';
import { foldName } from '../../util/fold-name';
import { EntitiesArgs, EntityConnection } from '../entity/entity-connection.type';
import { Entity } from '../entity/entity.interface';
import { checkName, describeMatch, Candidate } from '../entity/entity.service';
import { nameQueryParams } from '../entity/name-query';
import { compileByKey, compileByName, compileDocuments, compileEntities, CompiledQuery, compileMeetings } from './compile-root';
import { Document, Meeting } from '../entity/entity-types';
import { chairsTakenOver } from '../organization/organization.service';
import { MeetingRow } from '../organization/organization.types';
import { compiledFor } from './compile-cache';
import { fromProjection } from './from-projection';
import { asksAlternatives } from './selection';

/**
 * The read path of the graph API: each root field is ONE Cypher statement compiled from its
 * selection (compile-root / compile-entity); the objects built from its answer resolve every
 * nested field without another query.
 */
let builtSchema: GraphQLSchema | undefined;
/** The schema to compile a service's selection against: the request's, else (exports, scripts) one built once. */
export function schemaOf(ctx: AppContext): GraphQLSchema {
  if (ctx.schema) return ctx.schema;
  // Required here, not imported: the schema's resolvers import this module.
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  builtSchema ??= (require('../build-schema') as typeof import('../build-schema')).buildAppSchema();
  return builtSchema;
}

export async function run<T>(ctx: AppContext, field: string, query: CompiledQuery): Promise<T[]> {
  if (ctx.log?.isLevelEnabled?.('debug') ?? false) {
    // The statement and the names of its parameters, never their values.
    ctx.log!.debug({ field, cypher: query.cypher, params: Object.keys(query.params) }, 'compiled cypher');
  }
  return ctx.db.runText<T>(query.cypher, query.params);
}

export async function readEntityByName(ctx: AppContext, info: GraphQLResolveInfo, name: string, type: string | null): Promise<Entity | null> {
  checkName(name);
  if (!foldName(name)) return null;
  const params = nameQueryParams(name, type, asksAlternatives(info));
  const rows = await run<{ candidates: Candidate[]; entity: Record<string, any> }>(ctx, info.fieldName,
    compiledFor(info, type, () => compileByName(info, ctx.db.registry.get('entity/resolve-name'), { ...params }, type ?? 'Entity'), params));
  if (rows.length === 0) return null;
  return fromProjection(rows[0].entity, ctx.catalog, describeMatch(name, rows[0].candidates));
}

export async function readEntityByKey(ctx: AppContext, info: GraphQLResolveInfo, key: string): Promise<Entity | null> {
  const [row] = await run<{ entity: Record<string, any> }>(ctx, info.fieldName, compileByKey(info, key));
  return row ? fromProjection(row.entity, ctx.catalog) : null;
}

export async function readEntities(ctx: AppContext, info: GraphQLResolveInfo, args: EntitiesArgs): Promise<EntityConnection> {
  if (args.orderBy !== 'name' && args.orderBy !== 'start') throw new BadUserInputError('orderBy must be name or start');
  const after = args.after ? Buffer.from(args.after, 'base64url').toString('utf8') : null;
  const text = args.where?.nameContains ?? args.nameContains;
  const contains = text === undefined || text === null ? null : foldName(text);
  if (contains === '') throw new BadUserInputError('nameContains has no letters or digits to match', { argument: 'nameContains' });
  const filter = { type: args.type ?? null, contains, has: args.where?.has ?? [], hasNot: args.where?.hasNot ?? [], orderBy: args.orderBy as 'name' | 'start' };
  const [result] = await run<{ total: number; badCursor: boolean; rows: Record<string, any>[] }>(ctx, info.fieldName,
    compiledFor(info, filter, () => compileEntities(info, { ...filter, after, first: args.first }), { pageAfter: after, pageFirst: args.first }));
  if (result.badCursor) throw new BadUserInputError('after is not a cursor of this list (take endCursor from the previous page)', { argument: 'after' });
  const page = result.rows.slice(0, args.first);
  const edges = page.map((row) => ({ cursor: Buffer.from(row.key).toString('base64url'), node: fromProjection(row, ctx.catalog) }));
  return {
    edges, totalCount: result.total,
    pageInfo: { hasNextPage: result.rows.length > args.first, hasPreviousPage: after !== null, startCursor: edges[0]?.cursor ?? null, endCursor: edges[edges.length - 1]?.cursor ?? null },
  };
}

/** summits / meetings: one compiled statement; the chairmanship taken over at each meeting is matched here. */
export async function readMeetings(ctx: AppContext, info: GraphQLResolveInfo, organization: string, kind: string | null): Promise<MeetingRow[]> {
  checkName(organization);
  if (!foldName(organization)) return [];
  const params = nameQueryParams(organization, 'Organization', false);
  const [row] = await run<{ organization: Record<string, any>; meetings: Record<string, any>[]; chairs: { rows: any[]; total: number | null; offset: number } | null }>(ctx, info.fieldName,
    compiledFor(info, kind, () => compileMeetings(info, ctx.db.registry.get('entity/resolve-name'), { ...params }, kind), params));
  if (!row) return [];
  const org = fromProjection({ ...row.organization, __lists: row.chairs ? { chairs: row.chairs } : {} }, ctx.catalog);
  const chairs = org.projection?.chairs?.rows ?? [];
  return row.meetings.map((raw) => {
    const meeting = fromProjection(raw, ctx.catalog) as Meeting;
    return Object.assign(new MeetingRow(), { meeting, chairmanshipTakenOver: chairsTakenOver(meeting, chairs) });
  });
}

/** documents: the organization's documents, one compiled statement. */
export async function readDocuments(ctx: AppContext, info: GraphQLResolveInfo, organization: string): Promise<Document[]> {
  checkName(organization);
  if (!foldName(organization)) return [];
  const params = nameQueryParams(organization, 'Organization', false);
  const [row] = await run<{ documents: Record<string, any>[] }>(ctx, info.fieldName,
    compiledFor(info, null, () => compileDocuments(info, ctx.db.registry.get('entity/resolve-name'), { ...params }), params));
  return row ? row.documents.map((d) => fromProjection(d, ctx.catalog) as Document) : [];
}
