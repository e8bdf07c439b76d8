import { Field, InputType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { DateScalar } from '../common/date.scalar';
import { Direction, EntityType, RelationType } from '../common/enums';

@InputType({ description: 'A statement an entity has (or has not): its type and, optionally, role, other end and day (truthy statements only)' })
export class StatementFilter {
  @Field(() => RelationType, { description: 'The relationship type (MEMBER_OF, CHAIRED…)' })
  type: RelationType;

  @Field(() => Direction, { nullable: true, description: 'OUT: the entity is the subject; IN: the object; BOTH (default)' })
  direction?: Direction | null;

  @Field(() => String, { nullable: true, description: 'The role qualifier (member, observer, president…)' })
  @MaxLength(100)
  role?: string | null;

  @Field(() => String, { nullable: true, description: 'The key of the other end (cica, KAZ…)' })
  @MaxLength(200)
  otherKey?: string | null;

  @Field(() => EntityType, { nullable: true, description: 'The type of the other end' })
  otherType?: EntityType | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only a statement that holds on this day' })
  asOf?: string | null;
}

@InputType({ description: 'Entities by their relationships: all of has must hold and none of hasNot' })
export class EntityWhere {
  @Field(() => [StatementFilter], { nullable: true, description: 'Statements the entity must have (each of them)' })
  has?: StatementFilter[] | null;

  @Field(() => [StatementFilter], { nullable: true, description: 'Statements the entity must not have (none of them)' })
  hasNot?: StatementFilter[] | null;

  @Field(() => String, { nullable: true, description: 'Only entities with a name containing this (Turkish-aware folding)' })
  @MaxLength(200)
  nameContains?: string | null;
}
