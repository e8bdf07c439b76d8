import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Citation } from './citation.type';
import { Rank } from './enums';
import { PartialDateType } from './partial-date.type';

@ObjectType({ description: 'A value a source states (such as "twenty-four members"), kept as stated with its source and date' })
export class Claim {
  @Field(() => ID, { description: 'Global id (Relay)' })
  id: string;

  @Field({ description: 'Stable key of the claim (as in Source.supportsClaims)' })
  key: string;

  @Field({ description: 'memberCount, observerCount, ... or the attribute two sources give differently' })
  property: string;

  @Field({ description: 'The stated value, as text' })
  value: string;

  @Field(() => Float, { nullable: true, description: 'The stated value when it is a number' })
  numericValue?: number | null;

  @Field(() => PartialDateType, { nullable: true, description: 'When the source says it held' })
  date?: PartialDateType | null;

  @Field({ nullable: true, description: 'A remark from the seed file, in English' })
  note?: string;

  @Field({ description: 'True when this records a disagreement between sources' })
  conflict: boolean;

  @Field(() => [Citation], { description: 'One per source that states this value' })
  citations: Citation[];

  @Field(() => Rank, { description: 'PREFERRED: the value the graph shows where sources disagree; DEPRECATED: outweighed' })
  rank: Rank;

  @Field(() => String, { nullable: true, description: 'Why the rank is not NORMAL' })
  rankReason?: string | null;
}
