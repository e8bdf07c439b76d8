import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { AppContext } from '../../context';
import { BadUserInputError } from '../../errors/app-errors';
import { DateScalar } from '../common/date.scalar';
import { chairmanshipTimeline, graphStats, membershipTimeline, summitAttendance } from './dashboard.service';
import { ChairTermRow, GraphStatsResult, MembershipYearRow, SummitAttendanceRow } from './dashboard.types';

const orgArg = () => Arg('organization', () => String, { description: 'Any name of the organization' });

/** Flat rows with ISO dates for dashboards (Grafana's GraphQL sources take a root selector to an array). */
@Resolver()
export class DashboardResolver {
  @Query(() => [MembershipYearRow], { description: 'A row per year and role: count at the year end, who joined, who left' })
  membershipTimeline(@orgArg() organization: string, @Arg('from', () => DateScalar, { nullable: true, description: 'Only its year counts: rows start that year (1900 to 2100); default: the year of the first membership' }) from: string | null, @Arg('to', () => DateScalar, { nullable: true, description: 'The last row counts on this day (1900 to 2100); default: 31 December of the current year' }) to: string | null, @Ctx() ctx: AppContext) {
    if (from && to && from > to) throw new BadUserInputError('from must not be after to');
    for (const [name, value] of [['from', from], ['to', to]] as const) {
      if (value && (value < '1900-01-01' || value > '2100-12-31')) throw new BadUserInputError(`${name} must lie between 1900 and 2100`, { argument: name });
    }
    return membershipTimeline(ctx, organization, from ?? null, to ?? null);
  }

  @Query(() => [ChairTermRow], { description: 'A row per chairmanship term: holder, start, end, precision' })
  chairmanshipTimeline(
    @orgArg() organization: string,
    @Arg('merge', () => Boolean, { defaultValue: true, description: 'false: one row per record instead of per term' }) merge: boolean,
    @Ctx() ctx: AppContext,
  ) {
    return chairmanshipTimeline(ctx, organization, merge);
  }

  @Query(() => [SummitAttendanceRow], { description: 'A row per summit and level of representation: count and who' })
  summitAttendance(@orgArg() organization: string, @Ctx() ctx: AppContext) {
    return summitAttendance(ctx, organization);
  }

  @Query(() => GraphStatsResult, { description: 'Counts of entities and relationships by type, facts per source, conflicts recorded' })
  graphStats(@Ctx() ctx: AppContext) {
    return graphStats(ctx);
  }
}
