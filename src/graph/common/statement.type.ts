import { Field, ObjectType } from 'type-graphql';
import { Citation } from './citation.type';
import { DateScalar } from './date.scalar';
import { EntityRef } from './entity-ref.type';
import { Direction, RelationType } from './enums';
import { PartialDateType } from './partial-date.type';

@ObjectType({ description: 'A relationship between two entities with its qualifiers, time span and citations (after Wikidata statements)' })
export class Statement {
  @Field({ description: 'Stable id of the fact' })
  factId: string;

  @Field(() => RelationType)
  type: RelationType;

  @Field(() => Direction, { description: 'OUT when the entity asked about is the subject' })
  direction: Direction;

  @Field(() => EntityRef, { description: 'The subject (from) of the relationship' })
  subject: EntityRef;

  @Field(() => EntityRef, { description: 'The object (to) of the relationship' })
  object: EntityRef;

  @Field(() => EntityRef, { description: 'The end that is not the entity asked about' })
  other: EntityRef;

  @Field({ nullable: true, description: 'member / observer; coordinator / co-coordinator; the office held' })
  role?: string;

  @Field({ nullable: true, description: 'For coordinators: the confidence-building area' })
  area?: string;

  @Field({ nullable: true, description: 'For attendance: the level of representation' })
  level?: string;

  @Field({ nullable: true })
  note?: string;

  @Field(() => PartialDateType, { nullable: true })
  start?: PartialDateType | null;

  @Field(() => PartialDateType, { nullable: true })
  end?: PartialDateType | null;

  @Field(() => PartialDateType, { nullable: true, description: 'A date on which a source says it held' })
  attested?: PartialDateType | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day asOf counts it as holding' })
  validFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day asOf counts it as holding (null: still holds)' })
  validTo?: string | null;

  @Field(() => [Citation])
  citations: Citation[];
}

/** True when a statement holds on a day, by the asOf rules of the README. */
export function holdsOn(statement: { validFrom?: string | null; validTo?: string | null }, day: string): boolean {
  return (!statement.validFrom || statement.validFrom <= day) && (!statement.validTo || statement.validTo >= day);
}
