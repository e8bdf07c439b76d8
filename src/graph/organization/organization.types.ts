import { Field, Int, ObjectType } from 'type-graphql';
import { Citation } from '../common/citation.type';
import { Claim } from '../common/claim.type';
import { DateScalar } from '../common/date.scalar';
import { EntityRef } from '../common/entity-ref.type';
import { NameMatch } from '../common/name-entry.type';
import { PartialDateType } from '../common/partial-date.type';
import { Statement } from '../common/statement.type';
import { Meeting } from '../entity/entity-types';

@ObjectType({ description: 'One state or organization that was a member or observer, with every record saying so' })
export class MembershipRow {
  @Field(() => EntityRef) entity: EntityRef;
  @Field({ description: 'member or observer' }) role: string;
  @Field(() => PartialDateType, { nullable: true, description: 'Accession (earliest stated start)' }) start?: PartialDateType | null;
  @Field(() => PartialDateType, { nullable: true, description: 'End, when stated' }) end?: PartialDateType | null;
  @Field(() => [PartialDateType], { description: 'Dates on which sources list it' }) attested: PartialDateType[];
  @Field(() => [String]) factIds: string[];
  @Field(() => [Citation]) citations: Citation[];
}

@ObjectType({ description: 'A count a source states, next to the count the graph derives for that date' })
export class CountComparison {
  @Field(() => Claim) claim: Claim;
  @Field({ description: 'member or observer' }) role: string;
  @Field(() => Int, { nullable: true, description: 'What the stated count is: the claim value' }) stated?: number | null;
  @Field(() => Int, { description: 'Count the graph derives on the earliest day of the claim date' }) derivedAtEarliest: number;
  @Field(() => Int, { description: 'Count the graph derives on the latest day of the claim date' }) derivedAtLatest: number;
  @Field({ description: 'True when the stated count equals a derived one' }) agrees: boolean;
}

@ObjectType()
export class MembersAsOf {
  @Field(() => EntityRef) organization: EntityRef;
  @Field(() => NameMatch, { nullable: true }) matchedBy?: NameMatch | null;
  @Field(() => DateScalar) date: string;
  @Field(() => [MembershipRow], { description: 'Members and observers on that day, members first, by name' }) rows: MembershipRow[];
  @Field(() => Int) memberCount: number;
  @Field(() => Int) observerCount: number;
  @Field(() => [CountComparison], { description: 'Counts sources state, nearest to this date first' }) statedCounts: CountComparison[];
}

@ObjectType()
export class MembershipHistory {
  @Field(() => EntityRef) organization: EntityRef;
  @Field(() => NameMatch, { nullable: true }) matchedBy?: NameMatch | null;
  @Field(() => [Statement], { description: 'Every membership and observer record, by start' }) records: Statement[];
  @Field(() => [CountComparison], { description: 'Every stated count with its source, and the derived count' }) countClaims: CountComparison[];
}

@ObjectType({ description: 'A meeting of an organization with the chairmanship that began there' })
export class MeetingRow {
  @Field(() => Meeting) meeting: Meeting;
  @Field(() => [Statement], { description: 'Chairmanship terms whose start falls within the meeting dates' }) chairmanshipTakenOver: Statement[];
}
