import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { Max, Min, MaxLength } from 'class-validator';
import { EntityWhere } from './entity-where.type';
import { EntityType } from '../common/enums';
import { Entity } from './entity.interface';

@ObjectType()
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field() hasPreviousPage: boolean;
  @Field(() => String, { nullable: true }) startCursor?: string | null;
  @Field(() => String, { nullable: true }) endCursor?: string | null;
}

@ObjectType()
export class EntityEdge {
  @Field() cursor: string;
  @Field(() => Entity) node: Entity;
}

@ObjectType({ description: 'A page of entities (Relay cursor connection)' })
export class EntityConnection {
  @Field(() => [EntityEdge]) edges: EntityEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int, { description: 'How many entities match in all' }) totalCount: number;
}

@ArgsType()
export class EntitiesArgs {
  @Field(() => EntityType, { nullable: true })
  type?: EntityType;

  @Field({ nullable: true, description: 'Only entities with a name containing this (Turkish-aware folding)' })
  @MaxLength(200)
  nameContains?: string;

  @Field({ nullable: true, defaultValue: 'name', description: 'name or start (meetings by date)' })
  orderBy: string;

  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1 to 100' })
  @Min(1) @Max(100)
  first: number;

  @Field({ nullable: true, description: 'Cursor of the last edge of the previous page' })
  after?: string;

  @Field(() => EntityWhere, { nullable: true, description: 'Entities by their relationships (has / hasNot) and names' })
  where?: EntityWhere;
}
