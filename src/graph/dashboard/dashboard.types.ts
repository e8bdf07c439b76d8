import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../common/date.scalar';
import { DatePrecision, Rank } from '../common/enums';

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
  @Field(() => DatePrecision, { description: 'DAY, MONTH, YEAR or INTERVAL: the coarser of start and end' }) precision: DatePrecision;
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

@ObjectType({ description: 'One of the values sources gave in a disagreement, with its rank' })
export class RankedValue {
  @Field() value: string;
  @Field(() => Rank) rank: Rank;
  @Field(() => String, { nullable: true }) reason?: string | null;
  @Field(() => [String]) sources: string[];
}

@ObjectType({ description: 'Values from different sources that cannot all be true, and how the rank rule decided (README "Ranks")' })
export class ConflictRow {
  @Field({ description: 'dates (a statement\'s start or end), qualifier (a statement\'s level, role or admitting meeting), count (a stated value for the same moment), attribute (an entity attribute such as a meeting\'s start)' }) kind: string;
  @Field() subject: string;
  @Field(() => String, { nullable: true, description: 'The statement (its factId) or claims the disagreement is about' }) statement?: string | null;
  @Field({ description: 'The fact type and property, or the claim property / attribute' }) property: string;
  @Field(() => [String], { description: 'The competing values, each with its source ids and rank' }) values: string[];
  @Field(() => [String]) sources: string[];
  @Field(() => String, { nullable: true, description: 'The value the graph shows (PREFERRED)' }) decision?: string | null;
  @Field({ description: 'Why: the counts the rule compared, or the reason a seed file gave' }) reason: string;
  @Field({ description: 'True when a seed file decided it for one record, not the rule' }) overridden: boolean;
  @Field(() => [RankedValue]) ranked: RankedValue[];
}

@ObjectType({ description: 'What reconciliation at load did: source records into statements' })
export class ReconciliationStats {
  @Field(() => Int, { description: 'Fact records in the seed files (one per source file)' }) factRecords: number;
  @Field(() => Int, { description: 'Statements they became (one per fact)' }) statements: number;
  @Field(() => Int, { description: 'Statements shown by default (not DEPRECATED)' }) truthyStatements: number;
  @Field(() => Int, { description: 'Ends derived by a succession rule' }) derivedEnds: number;
  @Field(() => Int, { description: 'Disagreements the rank rule decided' }) decidedByRule: number;
  @Field(() => Int, { description: 'Disagreements a seed file decided, with a stated reason' }) decidedByFile: number;
}

@ObjectType({ description: 'What the graph holds: counts by type, facts per source, conflicts' })
export class GraphStatsResult {
  @Field(() => [CountRow]) entitiesByType: CountRow[];
  @Field(() => [CountRow], { description: 'Truthy statements by type' }) relationshipsByType: CountRow[];
  @Field(() => [CountRow], { description: 'Facts (relationships and claims) citing each source' }) factsPerSource: CountRow[];
  @Field(() => Int) entities: number;
  @Field(() => Int) facts: number;
  @Field(() => Int) claims: number;
  @Field(() => Int) names: number;
  @Field(() => Int) mentions: number;
  @Field(() => Int, { description: 'How many disagreements between sources the loader found and ranked (see conflictList)' }) conflicts: number;
  @Field(() => [ConflictRow]) conflictList: ConflictRow[];
  @Field(() => ReconciliationStats) reconciliation: ReconciliationStats;
}
