import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import { asksPath } from '../compiled/selection';
import { AppContext } from '../../context';
import { DateScalar } from '../common/date.scalar';
import { EntityType } from '../common/enums';
import { findCoMembership, findConnection, findNeighborhood, LIMITS } from './research.service';
import { CoMembershipResult, ConnectionResult, NeighborhoodResult, TimelineResult } from './research.types';
import { buildTimeline } from './timeline.service';

const asOfArg = () => Arg('asOf', () => DateScalar, { nullable: true, description: 'Only relationships that hold on this day' });

@Resolver()
export class ResearchResolver {
  @Query(() => ConnectionResult, { description: `Shortest paths between two entities named by any alias. maxHops: 1 to ${LIMITS.maxHops.max} (default ${LIMITS.maxHops.default}); at most ${LIMITS.maxPaths} paths; ${LIMITS.traversalTimeoutMs / 1000} s time limit (QUERY_TIMEOUT beyond)` })
  connection(
    @Arg('from', { description: 'Any name of the first entity' }) from: string,
    @Arg('to', { description: 'Any name of the last entity' }) to: string,
    @Arg('maxHops', () => Int, { nullable: true, description: `Longest path looked for, 1 to ${LIMITS.maxHops.max} (default ${LIMITS.maxHops.default})` }) maxHops: number | null,
    @asOfArg() asOf: string | null,
    @Ctx() ctx: AppContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return findConnection(ctx, from, to, maxHops, asOf ?? null, asksPath(info, ['paths', 'steps', 'references']));
  }

  @Query(() => NeighborhoodResult, { nullable: true, description: `Entities within depth hops (1 to ${LIMITS.depth.max}, default ${LIMITS.depth.default}) and the relationships among them, capped at limit nodes (default ${LIMITS.nodes.default}, at most ${LIMITS.nodes.max})` })
  neighborhood(
    @Arg('name', { description: 'Any name, alias, acronym or spelling, in any language' }) name: string,
    @Arg('depth', () => Int, { nullable: true, description: `Hops from the entity, 1 to ${LIMITS.depth.max} (default ${LIMITS.depth.default})` }) depth: number | null,
    @asOfArg() asOf: string | null,
    @Arg('limit', () => Int, { nullable: true, description: `Most nodes returned (default ${LIMITS.nodes.default}, at most ${LIMITS.nodes.max})` }) limit: number | null,
    @Ctx() ctx: AppContext,
  ) {
    return findNeighborhood(ctx, name, depth, asOf ?? null, limit);
  }

  @Query(() => CoMembershipResult, { nullable: true, description: 'States and organizations sharing memberships, observer roles, meetings or offices with an entity, with counts' })
  coMembership(@Arg('name', { description: 'Any name, alias, acronym or spelling, in any language' }) name: string, @asOfArg() asOf: string | null, @Ctx() ctx: AppContext) {
    return findCoMembership(ctx, name, asOf ?? null);
  }

  @Query(() => TimelineResult, { nullable: true, description: 'Every dated fact involving an entity, in order, with precision and citations' })
  timeline(@Arg('name', { description: 'Any name, alias, acronym or spelling, in any language' }) name: string, @Arg('type', () => EntityType, { nullable: true, description: 'Only an entity of this type' }) type: EntityType | null, @Ctx() ctx: AppContext) {
    return buildTimeline(ctx, name, type ?? null);
  }
}
