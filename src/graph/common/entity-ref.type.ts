import { Field, ID, Int, ObjectType } from 'type-graphql';
import { EntityType } from './enums';
import { PartialDateType } from './partial-date.type';

@ObjectType({ description: 'A short reference to an entity: enough to show and to follow it' })
export class EntityRef {
  @Field(() => ID, { description: 'Global id, for node(id:)' })
  id: string;

  @Field({ description: 'Stable key (ISO alpha-3 for states, kebab-case otherwise)' })
  key: string;

  @Field(() => EntityType, { description: 'The entity type' })
  type: EntityType;

  @Field({ description: 'English display name' })
  name: string;

  @Field({ nullable: true, description: 'Turkish name' })
  nameTr?: string;

  @Field(() => PartialDateType, { nullable: true, description: 'For meetings: when it began' })
  start?: PartialDateType | null;

  @Field(() => Int, { nullable: true, description: 'For meetings: the ordinal (6 for the 6th summit)' })
  ordinal?: number | null;
}
