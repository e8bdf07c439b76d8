import { Field, ObjectType } from 'type-graphql';
import { Citation } from './citation.type';
import { DateScalar } from './date.scalar';
import { Entity } from '../entity/entity.interface';
import { EntityRef } from './entity-ref.type';
import { Direction, Rank, RelationType } from './enums';
import { PartialDateType } from './partial-date.type';

@ObjectType({ description: 'One source\'s record of a statement: its citation and the values as that source gives them (after Wikidata references)' })
export class Reference {
  @Field({ description: 'The seed record this reference comes from' })
  factId: string;

  @Field(() => Citation, { description: 'The source and the words it uses' })
  citation: Citation;

  @Field(() => PartialDateType, { nullable: true, description: 'The start as this source gives it' })
  start?: PartialDateType | null;

  @Field(() => PartialDateType, { nullable: true, description: 'The end as this source gives it' })
  end?: PartialDateType | null;

  @Field(() => PartialDateType, { nullable: true, description: 'A date on which this source says it held' })
  attested?: PartialDateType | null;

  @Field(() => String, { nullable: true, description: 'For attendance: the level as this source gives it' })
  level?: string | null;

  @Field(() => Rank, { description: 'The rank of the values this source gives: DEPRECATED when they were outweighed' })
  rank: Rank;

  @Field(() => String, { nullable: true, description: 'Why the rank is not NORMAL' })
  rankReason?: string | null;
}

@ObjectType({ description: 'A relationship between two entities with its qualifiers, time span and citations (after Wikidata statements)' })
export class Statement {
  @Field({ description: 'Stable id of the statement (the first of its seed records)' })
  factId: string;

  /** Shown by default (Wikidata's truthy view): not DEPRECATED, and PREFERRED when one is. */
  truthy: boolean;

  @Field(() => RelationType, { description: 'The relationship type (MEMBER_OF, CHAIRED…)' })
  type: RelationType;

  @Field(() => Direction, { description: 'OUT when the entity asked about is the subject' })
  direction: Direction;

  @Field(() => Entity, { description: 'The subject (from) of the relationship: a whole entity, traversable further' })
  subject: Entity;

  @Field(() => Entity, { description: 'The object (to) of the relationship: a whole entity, traversable further' })
  object: Entity;

  @Field(() => Entity, { description: 'The end that is not the entity asked about: a whole entity, traversable further' })
  other: Entity;

  @Field({ nullable: true, description: 'member / observer; coordinator / co-coordinator; the office held' })
  role?: string;

  @Field({ nullable: true, description: 'For coordinators: the confidence-building area' })
  area?: string;

  @Field({ nullable: true, description: 'For attendance: the level of representation' })
  level?: string;

  @Field({ nullable: true, description: 'A remark from the seed file, in English' })
  note?: string;

  @Field(() => PartialDateType, { nullable: true, description: 'When it began (EDTF); the PREFERRED value where sources disagree' })
  start?: PartialDateType | null;

  @Field(() => PartialDateType, { nullable: true, description: 'When it ended (EDTF), stated or derived (see endDerived); null: no end known' })
  end?: PartialDateType | null;

  @Field(() => PartialDateType, { nullable: true, description: 'A date on which a source says it held' })
  attested?: PartialDateType | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day asOf counts it as holding' })
  validFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day asOf counts it as holding (null: still holds)' })
  validTo?: string | null;

  @Field(() => [Citation], { description: 'One per source that states this fact' })
  citations: Citation[];

  @Field(() => Rank, { description: 'DEPRECATED statements are hidden unless ranks asks for them' })
  rank: Rank;

  @Field(() => String, { nullable: true, description: 'Why the rank is not NORMAL' })
  rankReason?: string | null;

  @Field({ description: 'True when no source gives the end: a rule derived it from the statement that follows' })
  endDerived: boolean;

  @Field(() => String, { nullable: true, description: 'The rule that derived the end (chair-succession, observer-to-member, office-succession)' })
  endRule?: string | null;

  @Field(() => String, { nullable: true, description: 'The factId of the statement whose start ended this one' })
  endSuccessor?: string | null;

  @Field(() => EntityRef, { nullable: true, description: 'MEMBER_OF: the meeting that admitted the member' })
  admittedAt?: EntityRef | null;

  @Field(() => [String], { description: 'The seed records (one per source file) reconciled into this statement' })
  factIds: string[];

  @Field(() => [Reference], { description: 'Every source record of this statement, with the values as that source gives them and their rank' })
  references: Reference[];
}

/** True when a statement is in the asked ranks; no ranks asked means the truthy view. */
export function inRanks(statement: { rank: Rank; truthy: boolean }, ranks?: Rank[] | null): boolean {
  return ranks && ranks.length > 0 ? ranks.includes(statement.rank) : statement.truthy;
}

/** True when a statement holds on a day, by the asOf rules of the README. */
export function holdsOn(statement: { validFrom?: string | null; validTo?: string | null }, day: string): boolean {
  return (!statement.validFrom || statement.validFrom <= day) && (!statement.validTo || statement.validTo >= day);
}
