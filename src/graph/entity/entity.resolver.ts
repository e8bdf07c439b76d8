import { Arg, Args, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { AppContext } from '../../context';
import { BadUserInputError } from '../../errors/app-errors';
import { foldName } from '../../util/fold-name';
import { EntityType } from '../common/enums';
import { toEntityRef } from './entity.mapper';
import { EntitiesArgs, EntityConnection } from './entity-connection.type';
import { Document, Meeting, Organization, Person, Place, State } from './entity-types';
import { Entity } from './entity.interface';
import { checkName, findEntityByGlobalId, findEntityByName, STATEMENT_LIMIT } from './entity.service';
import { EntityRow, toEntity } from './entity.mapper';
import { nameQueryParams } from './name-query';
import { SearchHit } from './search-hit.type';

const nameArg = (description = 'Any name, alias, acronym or spelling, in any language') => Arg('name', () => String, { description });

@Resolver()
export class EntityResolver {
  @Query(() => Entity, { nullable: true, description: 'An entity of any type by any of its names (null when none matches)' })
  entity(@nameArg() name: string, @Arg('type', () => EntityType, { nullable: true }) type: EntityType | null, @Ctx() ctx: AppContext) {
    return findEntityByName(ctx, name, type ?? null);
  }

  @Query(() => State, { nullable: true, description: 'A state by any name: Kazakhstan, Kazakistan, Казахстан, KAZ' })
  state(@nameArg() name: string, @Ctx() ctx: AppContext) { return findEntityByName(ctx, name, 'State'); }

  @Query(() => Organization, { nullable: true, description: 'An organization by any name: CICA, AİGK, СВМДА' })
  organization(@nameArg() name: string, @Ctx() ctx: AppContext) { return findEntityByName(ctx, name, 'Organization'); }

  @Query(() => Person, { nullable: true })
  person(@nameArg() name: string, @Ctx() ctx: AppContext) { return findEntityByName(ctx, name, 'Person'); }

  @Query(() => Meeting, { nullable: true })
  meeting(@nameArg() name: string, @Ctx() ctx: AppContext) { return findEntityByName(ctx, name, 'Meeting'); }

  @Query(() => Document, { nullable: true })
  document(@nameArg() name: string, @Ctx() ctx: AppContext) { return findEntityByName(ctx, name, 'Document'); }

  @Query(() => Place, { nullable: true })
  place(@nameArg() name: string, @Ctx() ctx: AppContext) { return findEntityByName(ctx, name, 'Place'); }

  @Query(() => Entity, { nullable: true, description: 'Any entity by its global id (Relay)' })
  node(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext) { return findEntityByGlobalId(ctx, id); }

  @Query(() => EntityConnection, { description: 'Entities page by page, with filters and sorting' })
  async entities(@Args() args: EntitiesArgs, @Ctx() ctx: AppContext): Promise<EntityConnection> {
    if (args.orderBy !== 'name' && args.orderBy !== 'start') throw new BadUserInputError('orderBy must be name or start');
    const after = args.after ? Buffer.from(args.after, 'base64url').toString('utf8') : null;
    const contains = args.nameContains === undefined || args.nameContains === null ? null : foldName(args.nameContains);
    if (contains === '') throw new BadUserInputError('nameContains has no letters or digits to match', { argument: 'nameContains' });
    const [result] = await ctx.db.read<{ total: number; badCursor: boolean; rows: EntityRow[] }>('entity/list', {
      type: args.type ?? null, contains, after, first: args.first, orderBy: args.orderBy, statementLimit: STATEMENT_LIMIT,
    });
    if (result.badCursor) throw new BadUserInputError('after is not a cursor of this list (take endCursor from the previous page)', { argument: 'after' });
    const rows = result.rows;
    const page = rows.slice(0, args.first);
    const edges = page.map((row) => ({ cursor: Buffer.from(row.entity.key).toString('base64url'), node: toEntity(row, ctx.catalog) }));
    return {
      edges,
      totalCount: result.total,
      pageInfo: { hasNextPage: rows.length > args.first, hasPreviousPage: after !== null, startCursor: edges[0]?.cursor ?? null, endCursor: edges[edges.length - 1]?.cursor ?? null },
    };
  }

  @Query(() => [SearchHit], { description: 'Entities of any type whose names match a text: Turkish-aware, typo-tolerant, ranked' })
  async entitySearch(
    @Arg('text') text: string,
    @Arg('types', () => [EntityType], { nullable: true }) types: EntityType[] | null,
    @Arg('first', () => Int, { defaultValue: 10 }) first: number,
    @Ctx() ctx: AppContext,
  ): Promise<SearchHit[]> {
    checkName(text, 'text');
    if (first < 1 || first > 100) throw new BadUserInputError('first must be from 1 to 100');
    const { key, candidates, fuzzy } = nameQueryParams(text);
    if (!fuzzy) return [];
    const words = fuzzy.split(' AND ');
    // Each word may match as typed, as a prefix (for names typed half-way) or with typos.
    const lucene = words.map((w) => {
      const bare = w.replace(/~\d$/, '');
      return `(${bare}^3 OR ${bare}*^2 OR ${w})`;
    }).join(' AND ');
    const rows = await ctx.db.read('entity/search', { key, candidates, lucene, types: types?.length ? types : null, first });
    return rows.map((r) => Object.assign(new SearchHit(), {
      entity: toEntityRef(r), score: r.score, matched: r.matched, matchedLang: r.matchedLang, exact: r.exact,
    }));
  }
}
