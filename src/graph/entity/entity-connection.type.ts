import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { Max, Min, MaxLength } from 'class-validator';
import { EntityWhere } from './entity-where.type';
import { EntityType } from '../common/enums';
import { Entity } from './entity.interface';

@ObjectType({ description: 'Where a page lies in its list (Relay cursor connection)' })
export class PageInfo {
  @Field({ description: 'True when more follow after endCursor' }) hasNextPage: boolean;
  @Field({ description: 'True when this page does not start at the beginning of the list' }) hasPreviousPage: boolean;
  @Field(() => String, { nullable: true, description: 'Cursor of the first edge of the page (null: empty page)' }) startCursor?: string | null;
  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the page: pass it as after for the next page (null: empty page)' }) endCursor?: string | null;
}

@ObjectType({ description: 'An entity in a page of entities' })
export class EntityEdge {
  @Field({ description: 'Opaque cursor: pass it as after to get what follows' }) cursor: string;
  @Field(() => Entity, { description: 'The entity' }) node: Entity;
}

@ObjectType({ description: 'A page of entities (Relay cursor connection)' })
export class EntityConnection {
  @Field(() => [EntityEdge], { description: 'The entities of this page, in order' }) edges: EntityEdge[];
  @Field(() => PageInfo, { description: 'Cursors and whether more pages follow' }) pageInfo: PageInfo;
  @Field(() => Int, { description: 'How many entities match in all' }) totalCount: number;
}

@ArgsType()
export class EntitiesArgs {
  @Field(() => EntityType, { nullable: true, description: 'Only entities of this type' })
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
