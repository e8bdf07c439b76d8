import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../common/date.scalar';
import { DatePrecision, Rank } from '../common/enums';

@ObjectType({ description: 'One year and role: how many held it at the year end, who joined and who left during the year' })
export class MembershipYearRow {
  @Field(() => Int, { description: 'The calendar year' }) year: number;
  @Field(() => DateScalar, { description: 'The day the count refers to: 31 December of the year (or the "to" date)' }) date: string;
  @Field({ description: 'member or observer' }) role: string;
  @Field(() => Int, { description: 'How many held the role on that day' }) count: number;
  @Field(() => [String], { description: 'Names of those whose term began this year' }) joined: string[];
  @Field(() => [String], { description: 'Names of those whose term ended this year' }) left: string[];
  @Field(() => Int, { description: 'How many joined (the length of joined)' }) joinedCount: number;
  @Field(() => Int, { description: 'How many left (the length of left)' }) leftCount: number;
}

@ObjectType({ description: 'One chairmanship term as a flat row (records of the same holder with overlapping spans merged)' })
export class ChairTermRow {
  @Field({ description: 'English name of the chair' }) holder: string;
  @Field({ description: 'Key of the chair (ISO alpha-3 for states)' }) holderKey: string;
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
  @Field({ description: 'English name of the summit' }) summit: string;
  @Field({ description: 'Key of the summit (cica-summit-6)' }) summitKey: string;
  @Field(() => Int, { nullable: true, description: 'The ordinal (6 for the 6th summit)' }) ordinal?: number | null;
  @Field(() => DateScalar, { nullable: true, description: 'Earliest day the summit can have begun' }) date?: string | null;
  @Field(() => String, { nullable: true, description: 'The host (a state where one is recorded)' }) host?: string | null;
  @Field(() => String, { nullable: true, description: 'The city where it was held' }) city?: string | null;
  @Field({ description: 'The level of representation ("video address" for SPOKE_AT, "unspecified" when no source gives one)' }) level: string;
  @Field(() => Int, { description: 'How many attended at this level' }) count: number;
  @Field(() => [String], { description: 'Names of those who attended at this level' }) who: string[];
}

@ObjectType({ description: 'A count for one key (an entity type, a relationship type or a source id)' })
export class CountRow {
  @Field({ description: 'The entity type, relationship type or source id' }) key: string;
  @Field(() => String, { nullable: true, description: 'A readable name (source title)' }) label?: string | null;
  @Field(() => Int, { description: 'How many' }) count: number;
}

@ObjectType({ description: 'One of the values sources gave in a disagreement, with its rank' })
export class RankedValue {
  @Field({ description: 'The value as the sources give it' }) value: string;
  @Field(() => Rank, { description: 'PREFERRED: the value the graph shows; DEPRECATED: outweighed' }) rank: Rank;
  @Field(() => String, { nullable: true, description: 'Why the rank is not NORMAL' }) reason?: string | null;
  @Field(() => [String], { description: 'Source ids giving this value' }) sources: string[];
}

@ObjectType({ description: 'Values from different sources that cannot all be true, and how the rank rule decided (README "Ranks")' })
export class ConflictRow {
  @Field({ description: 'dates (a statement\'s start or end), qualifier (a statement\'s level, role or admitting meeting), count (a stated value for the same moment), attribute (an entity attribute such as a meeting\'s start)' }) kind: string;
  @Field({ description: 'The entity (or subject → object of the statement) the disagreement is about' }) subject: string;
  @Field(() => String, { nullable: true, description: 'The statement (its factId) or claims the disagreement is about' }) statement?: string | null;
  @Field({ description: 'The fact type and property, or the claim property / attribute' }) property: string;
  @Field(() => [String], { description: 'The competing values, each with its source ids and rank' }) values: string[];
  @Field(() => [String], { description: 'Source ids of all the competing values' }) sources: string[];
  @Field(() => String, { nullable: true, description: 'The value the graph shows (PREFERRED)' }) decision?: string | null;
  @Field({ description: 'Why: the counts the rule compared, or the reason a seed file gave' }) reason: string;
  @Field({ description: 'True when a seed file decided it for one record, not the rule' }) overridden: boolean;
  @Field(() => [RankedValue], { description: 'The competing values, each with its rank, reason and source ids' }) ranked: RankedValue[];
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
  @Field(() => [CountRow], { description: 'Entities by type' }) entitiesByType: CountRow[];
  @Field(() => [CountRow], { description: 'Truthy statements by type' }) relationshipsByType: CountRow[];
  @Field(() => [CountRow], { description: 'Facts (relationships and claims) citing each source' }) factsPerSource: CountRow[];
  @Field(() => Int, { description: 'Entities in all' }) entities: number;
  @Field(() => Int, { description: 'Truthy statements in all' }) facts: number;
  @Field(() => Int, { description: 'Stated values (claims) in all' }) claims: number;
  @Field(() => Int, { description: 'Names, aliases, acronyms and spellings in all' }) names: number;
  @Field(() => Int, { description: 'Mentions of entities in the stored sources, in all' }) mentions: number;
  @Field(() => Int, { description: 'How many disagreements between sources the loader found and ranked (see conflictList)' }) conflicts: number;
  @Field(() => [ConflictRow], { description: 'The disagreements, each with its decision' }) conflictList: ConflictRow[];
  @Field(() => ReconciliationStats, { description: 'What reconciliation at load did' }) reconciliation: ReconciliationStats;
}
