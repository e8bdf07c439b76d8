import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
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
    @Arg('from') from: string,
    @Arg('to') to: string,
    @Arg('maxHops', () => Int, { nullable: true }) maxHops: number | null,
    @asOfArg() asOf: string | null,
    @Ctx() ctx: AppContext,
  ) {
    return findConnection(ctx, from, to, maxHops, asOf ?? null);
  }

  @Query(() => NeighborhoodResult, { nullable: true, description: `Entities within depth hops (1 to ${LIMITS.depth.max}, default ${LIMITS.depth.default}) and the relationships among them, capped at limit nodes (default ${LIMITS.nodes.default}, at most ${LIMITS.nodes.max})` })
  neighborhood(
    @Arg('name') name: string,
    @Arg('depth', () => Int, { nullable: true }) depth: number | null,
    @asOfArg() asOf: string | null,
    @Arg('limit', () => Int, { nullable: true }) limit: number | null,
    @Ctx() ctx: AppContext,
  ) {
    return findNeighborhood(ctx, name, depth, asOf ?? null, limit);
  }

  @Query(() => CoMembershipResult, { nullable: true, description: 'States and organizations sharing memberships, observer roles, meetings or offices with an entity, with counts' })
  coMembership(@Arg('name') name: string, @asOfArg() asOf: string | null, @Ctx() ctx: AppContext) {
    return findCoMembership(ctx, name, asOf ?? null);
  }

  @Query(() => TimelineResult, { nullable: true, description: 'Every dated fact involving an entity, in order, with precision and citations' })
  timeline(@Arg('name') name: string, @Arg('type', () => EntityType, { nullable: true }) type: EntityType | null, @Ctx() ctx: AppContext) {
    return buildTimeline(ctx, name, type ?? null);
  }
}
