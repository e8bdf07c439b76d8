import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { AppContext } from '../../context';
import { BadUserInputError, NotFoundError } from '../../errors/app-errors';
import { fromGlobalId } from '../common/global-id';
import { readEntities, readEntityByKey, readEntityByName } from '../compiled/compiled-read';
import { EntityType } from '../common/enums';
import { toEntityRef } from './entity.mapper';
import { EntitiesArgs, EntityConnection } from './entity-connection.type';
import { Document, Meeting, Organization, Person, Place, State } from './entity-types';
import { Entity } from './entity.interface';
import { checkName } from './entity.service';
import { nameQueryParams } from './name-query';
import { SearchHit } from './search-hit.type';

const nameArg = (description = 'Any name, alias, acronym or spelling, in any language') => Arg('name', () => String, { description });

@Resolver()
export class EntityResolver {
  @Query(() => Entity, { nullable: true, description: 'An entity of any type by any of its names (null when none matches)' })
  entity(@nameArg() name: string, @Arg('type', () => EntityType, { nullable: true, description: 'Only an entity of this type' }) type: EntityType | null, @Ctx() ctx: AppContext, @Info() info: GraphQLResolveInfo) {
    return readEntityByName(ctx, info, name, type ?? null);
  }

  @Query(() => State, { nullable: true, description: 'A state by any name: Kazakhstan, Kazakistan, Казахстан, KAZ' })
  state(@nameArg() name: string, @Ctx() ctx: AppContext, @Info() info: GraphQLResolveInfo) { return readEntityByName(ctx, info, name, 'State'); }

  @Query(() => Organization, { nullable: true, description: 'An organization by any name: CICA, AİGK, СВМДА' })
  organization(@nameArg() name: string, @Ctx() ctx: AppContext, @Info() info: GraphQLResolveInfo) { return readEntityByName(ctx, info, name, 'Organization'); }

  @Query(() => Person, { nullable: true, description: 'A person by any name' })
  person(@nameArg() name: string, @Ctx() ctx: AppContext, @Info() info: GraphQLResolveInfo) { return readEntityByName(ctx, info, name, 'Person'); }

  @Query(() => Meeting, { nullable: true, description: 'A meeting by any name: 6th CICA Summit, cica-summit-6' })
  meeting(@nameArg() name: string, @Ctx() ctx: AppContext, @Info() info: GraphQLResolveInfo) { return readEntityByName(ctx, info, name, 'Meeting'); }

  @Query(() => Document, { nullable: true, description: 'A document by any name' })
  document(@nameArg() name: string, @Ctx() ctx: AppContext, @Info() info: GraphQLResolveInfo) { return readEntityByName(ctx, info, name, 'Document'); }

  @Query(() => Place, { nullable: true, description: 'A city or other place by any name: Astana, Nur-Sultan' })
  place(@nameArg() name: string, @Ctx() ctx: AppContext, @Info() info: GraphQLResolveInfo) { return readEntityByName(ctx, info, name, 'Place'); }

  @Query(() => Entity, { nullable: true, description: 'Any entity by its global id (Relay)' })
  node(@Arg('id', () => ID, { description: 'A global id, as in Entity.id' }) id: string, @Ctx() ctx: AppContext, @Info() info: GraphQLResolveInfo) {
    const decoded = fromGlobalId(id);
    if (!decoded) throw new BadUserInputError(`"${id}" is not a global id of this API`);
    if (decoded.kind !== 'Entity') throw new NotFoundError(`"${id}" is the id of a ${decoded.kind.toLowerCase()}; node() returns entities (claims appear under their entity's claims)`);
    return readEntityByKey(ctx, info, decoded.key);
  }

  @Query(() => EntityConnection, { description: 'Entities page by page, with filters and sorting' })
  entities(@Args() args: EntitiesArgs, @Ctx() ctx: AppContext, @Info() info: GraphQLResolveInfo): Promise<EntityConnection> {
    return readEntities(ctx, info, args);
  }

  @Query(() => [SearchHit], { description: 'Entities of any type whose names match a text: Turkish-aware, typo-tolerant, ranked' })
  async entitySearch(
    @Arg('text', { description: 'A name or part of one, in any language and spelling' }) text: string,
    @Arg('types', () => [EntityType], { nullable: true, description: 'Only entities of these types' }) types: EntityType[] | null,
    @Arg('first', () => Int, { defaultValue: 10, description: 'Hits, 1 to 100' }) first: number,
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
