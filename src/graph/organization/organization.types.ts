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
  @Field(() => EntityRef, { description: 'The member or observer' }) entity: EntityRef;
  @Field({ description: 'member or observer' }) role: string;
  @Field(() => PartialDateType, { nullable: true, description: 'Accession (earliest stated start)' }) start?: PartialDateType | null;
  @Field(() => PartialDateType, { nullable: true, description: 'End, when stated' }) end?: PartialDateType | null;
  @Field(() => [PartialDateType], { description: 'Dates on which sources list it' }) attested: PartialDateType[];
  @Field(() => [String], { description: 'The seed records (one per source file) that say so' }) factIds: string[];
  @Field(() => [Citation], { description: 'One per source that says so' }) citations: Citation[];
}

@ObjectType({ description: 'A count a source states, next to the count the graph derives for that date' })
export class CountComparison {
  @Field(() => Claim, { description: 'The stated count, with its source and date' }) claim: Claim;
  @Field({ description: 'member or observer' }) role: string;
  @Field(() => Int, { nullable: true, description: 'What the stated count is: the claim value' }) stated?: number | null;
  @Field(() => Int, { description: 'Count the graph derives on the earliest day of the claim date' }) derivedAtEarliest: number;
  @Field(() => Int, { description: 'Count the graph derives on the latest day of the claim date' }) derivedAtLatest: number;
  @Field({ description: 'True when the stated count equals a derived one' }) agrees: boolean;
}

@ObjectType({ description: 'The members and observers of an organization on a day (asOf rules), with the counts sources state' })
export class MembersAsOf {
  @Field(() => EntityRef, { description: 'The organization' }) organization: EntityRef;
  @Field(() => NameMatch, { nullable: true, description: 'How the organization name was matched' }) matchedBy?: NameMatch | null;
  @Field(() => DateScalar, { description: 'The day asked about' }) date: string;
  @Field(() => [MembershipRow], { description: 'Members and observers on that day, members first, by name' }) rows: MembershipRow[];
  @Field(() => Int, { description: 'Members on that day, derived from the statements' }) memberCount: number;
  @Field(() => Int, { description: 'Observers on that day, derived from the statements' }) observerCount: number;
  @Field(() => [CountComparison], { description: 'Counts sources state, nearest to this date first' }) statedCounts: CountComparison[];
}

@ObjectType({ description: 'Every membership and observer record of an organization, and every count sources state' })
export class MembershipHistory {
  @Field(() => EntityRef, { description: 'The organization' }) organization: EntityRef;
  @Field(() => NameMatch, { nullable: true, description: 'How the organization name was matched' }) matchedBy?: NameMatch | null;
  @Field(() => [Statement], { description: 'Every membership and observer record, by start' }) records: Statement[];
  @Field(() => [CountComparison], { description: 'Every stated count with its source, and the derived count' }) countClaims: CountComparison[];
}

@ObjectType({ description: 'A meeting of an organization with the chairmanship that began there' })
export class MeetingRow {
  @Field(() => Meeting, { description: 'The meeting' }) meeting: Meeting;
  @Field(() => [Statement], { description: 'Chairmanship terms whose start falls within the meeting dates' }) chairmanshipTakenOver: Statement[];
}
