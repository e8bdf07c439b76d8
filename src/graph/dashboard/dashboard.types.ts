import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../common/date.scalar';

@ObjectType({ description: 'One year and role: how many held it at the year end, who joined and who left during the year' })
export class MembershipYearRow {
  @Field(() => Int) year: number;
  @Field(() => DateScalar, { description: 'The day the count refers to: 31 December of the year (or the "to" date)' }) date: string;
  @Field({ description: 'member or observer' }) role: string;
  @Field(() => Int) count: number;
  @Field(() => [String], { description: 'Names of those whose term began this year' }) joined: string[];
  @Field(() => [String], { description: 'Names of those whose term ended this year' }) left: string[];
  @Field(() => Int) joinedCount: number;
  @Field(() => Int) leftCount: number;
}

@ObjectType({ description: 'One chairmanship term as a flat row (records of the same holder with overlapping spans merged)' })
export class ChairTermRow {
  @Field() holder: string;
  @Field() holderKey: string;
  @Field(() => DateScalar, { nullable: true, description: 'Earliest day the term can have begun' }) start?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Latest day the term can have ended (null: open)' }) end?: string | null;
  @Field(() => String, { nullable: true, description: 'Start as the source gives it (EDTF)' }) startText?: string | null;
  @Field(() => String, { nullable: true, description: 'End as the source gives it (EDTF)' }) endText?: string | null;
  @Field({ description: 'DAY, MONTH, YEAR or INTERVAL: the coarser of start and end' }) precision: string;
  @Field(() => [String], { description: 'Source ids' }) sources: string[];
  @Field({ description: 'The fact ids of the records merged into this term, comma-separated' }) factId: string;
  @Field(() => Int, { description: 'How many records (sources) state this term' }) records: number;
}

@ObjectType({ description: 'One summit and level of representation: how many attended at that level, and who' })
export class SummitAttendanceRow {
  @Field() summit: string;
  @Field() summitKey: string;
  @Field(() => Int, { nullable: true }) ordinal?: number | null;
  @Field(() => DateScalar, { nullable: true }) date?: string | null;
  @Field(() => String, { nullable: true }) host?: string | null;
  @Field(() => String, { nullable: true }) city?: string | null;
  @Field() level: string;
  @Field(() => Int) count: number;
  @Field(() => [String]) who: string[];
}

@ObjectType()
export class CountRow {
  @Field() key: string;
  @Field(() => String, { nullable: true, description: 'A readable name (source title)' }) label?: string | null;
  @Field(() => Int) count: number;
}

@ObjectType({ description: 'Statements from different sources that cannot all be true: kept side by side' })
export class ConflictRow {
  @Field({ description: 'dates (the same fact dated incompatibly), count (different values for the same time), attribute (an entity attribute two files give differently)' }) kind: string;
  @Field() subject: string;
  @Field({ description: 'The fact type or claim property' }) property: string;
  @Field(() => [String], { description: 'The competing values, each with its source ids' }) values: string[];
  @Field(() => [String]) sources: string[];
}

@ObjectType({ description: 'What the graph holds: counts by type, facts per source, conflicts' })
export class GraphStatsResult {
  @Field(() => [CountRow]) entitiesByType: CountRow[];
  @Field(() => [CountRow]) relationshipsByType: CountRow[];
  @Field(() => [CountRow], { description: 'Facts (relationships and claims) citing each source' }) factsPerSource: CountRow[];
  @Field(() => Int) entities: number;
  @Field(() => Int) facts: number;
  @Field(() => Int) claims: number;
  @Field(() => Int) names: number;
  @Field(() => Int) mentions: number;
  @Field(() => Int, { description: 'How many disagreements between sources are recorded (see conflictList)' }) conflicts: number;
  @Field(() => [ConflictRow]) conflictList: ConflictRow[];
}
