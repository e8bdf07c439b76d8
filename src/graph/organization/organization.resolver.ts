import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Query, Resolver } from 'type-graphql';
import { readDocuments, readMeetings } from '../compiled/compiled-read';
import { asksAlternatives, asksPath } from '../compiled/selection';
import { AppContext } from '../../context';
import { DateScalar } from '../common/date.scalar';
import { Direction, Rank, RelationType } from '../common/enums';
import { Statement } from '../common/statement.type';
import { Document } from '../entity/entity-types';
import { ranksArg } from '../entity/statement-list.types';
import { toEntityRef } from '../entity/entity.mapper';
import { compareCounts, COUNT_PROPERTIES, distanceInDays, loadOrganization, MEMBERSHIP_FIELDS, MEMBERSHIP_ROW_FIELDS, MEMBERSHIP_ROW_FIELDS_UNCITED, membersOn } from './organization.service';
import { MeetingRow, MembersAsOf, MembershipHistory } from './organization.types';

const orgArg = () => Arg('organization', () => String, { description: 'Any name of the organization: CICA, AİGK, СВМДА…' });
const byStart = (a: Statement, b: Statement) => (a.validFrom ?? '').localeCompare(b.validFrom ?? '') || a.other.name.localeCompare(b.other.name);

@Resolver()
export class OrganizationResolver {
  @Query(() => MembersAsOf, { nullable: true, description: 'Every member and observer on a day, with role, start, end and citations' })
  async membersAsOf(@orgArg() organization: string, @Arg('date', () => DateScalar, { description: 'The day (YYYY-MM-DD): a relationship counts when validFrom <= date <= validTo' }) date: string, @Ctx() ctx: AppContext, @Info() info: GraphQLResolveInfo): Promise<MembersAsOf | null> {
    // The whole membership history and the count claims are read only for statedCounts, citations only when selected.
    const counts = asksPath(info, ['statedCounts']);
    const overview = await loadOrganization(ctx, organization, {
      types: counts ? [RelationType.MEMBER_OF] : [], fields: MEMBERSHIP_FIELDS, claims: counts ? COUNT_PROPERTIES : undefined, alternatives: asksAlternatives(info),
      holdingOn: date, holdingTypes: [RelationType.MEMBER_OF], holdingFields: asksPath(info, ['rows', 'citations']) ? MEMBERSHIP_ROW_FIELDS : MEMBERSHIP_ROW_FIELDS_UNCITED,
    });
    if (!overview) return null;
    const org = overview.organization;
    const rows = membersOn(overview.holding, date);
    // Nearest claims first; each claim's distance is computed once, not at every comparison of the sort.
    const statedCounts = !counts ? [] : compareCounts(org, org.claims).map((c) => ({ c, distance: distanceInDays(c.claim.date?.text, date) }))
      .sort((a, b) => a.distance - b.distance).map(({ c }) => c);
    return Object.assign(new MembersAsOf(), {
      organization: toEntityRef(org), matchedBy: org.matchedBy, date, rows,
      memberCount: rows.filter((r) => r.role === 'member').length, observerCount: rows.filter((r) => r.role === 'observer').length, statedCounts,
    });
  }

  @Query(() => MembershipHistory, { nullable: true, description: 'Every membership and observer record over time, and every stated count' })
  async membershipHistory(@orgArg() organization: string, @ranksArg() ranks: Rank[] | null, @Ctx() ctx: AppContext, @Info() info: GraphQLResolveInfo): Promise<MembershipHistory | null> {
    const overview = await loadOrganization(ctx, organization, { types: [RelationType.MEMBER_OF], claims: COUNT_PROPERTIES, alternatives: asksAlternatives(info) });
    if (!overview) return null;
    const org = overview.organization;
    return Object.assign(new MembershipHistory(), {
      organization: toEntityRef(org), matchedBy: org.matchedBy,
      records: org.statementsOf([RelationType.MEMBER_OF], Direction.IN, null, ranks).sort(byStart),
      countClaims: compareCounts(org, org.claims),
    });
  }

  @Query(() => [MeetingRow], { description: 'Summits in order: dates, city, host, attendees with level, documents, chairmanship taken over' })
  summits(@orgArg() organization: string, @Ctx() ctx: AppContext, @Info() info: GraphQLResolveInfo): Promise<MeetingRow[]> {
    return readMeetings(ctx, info, organization, 'summit');
  }

  @Query(() => [MeetingRow], { description: 'All meetings of every kind, in order' })
  meetings(@orgArg() organization: string, @Arg('kind', () => String, { nullable: true, description: 'summit, ministerial, …' }) kind: string | null, @Ctx() ctx: AppContext, @Info() info: GraphQLResolveInfo): Promise<MeetingRow[]> {
    return readMeetings(ctx, info, organization, kind ?? null);
  }

  @Query(() => [Statement], { description: 'Chairmanship (presidency) terms in order, with citations' })
  async chairmanships(@orgArg() organization: string, @ranksArg() ranks: Rank[] | null, @Ctx() ctx: AppContext): Promise<Statement[]> {
    const overview = await loadOrganization(ctx, organization, { types: [RelationType.CHAIRED] });
    return overview ? overview.organization.statementsOf([RelationType.CHAIRED], Direction.IN, null, ranks).sort(byStart) : [];
  }

  @Query(() => [Statement], { description: 'Coordinators and co-coordinators of confidence-building areas' })
  async coordinators(@orgArg() organization: string, @ranksArg() ranks: Rank[] | null, @Ctx() ctx: AppContext): Promise<Statement[]> {
    const overview = await loadOrganization(ctx, organization, { types: [RelationType.COORDINATED] });
    return overview ? overview.organization.statementsOf([RelationType.COORDINATED], Direction.IN, null, ranks).sort(byStart) : [];
  }

  @Query(() => [Document], { description: 'Documents adopted by the organization or at its meetings, in order' })
  documents(@orgArg() organization: string, @Ctx() ctx: AppContext, @Info() info: GraphQLResolveInfo): Promise<Document[]> {
    return readDocuments(ctx, info, organization);
  }
}
