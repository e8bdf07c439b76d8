import { Arg, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../common/date.scalar';
import { EntityType, Rank } from '../common/enums';
import { Statement } from '../common/statement.type';
import { PageInfo } from './entity-connection.type';

/** The ranks argument of every statement list: without it, the truthy view (one statement per fact, best rank). */
export const ranksArg = () => Arg('ranks', () => [Rank], {
  nullable: true,
  description: 'Only statements of these ranks; without it the truthy view: DEPRECATED hidden, and only PREFERRED where a fact has one',
});

/** The orders of a statement list. */
export enum StatementOrder { START_ASC = 'START_ASC', START_DESC = 'START_DESC', NAME_ASC = 'NAME_ASC' }
registerEnumType(StatementOrder, {
  name: 'StatementOrder',
  description: 'START_ASC (the default): by first day (validFrom, else the other end\'s date), then name; START_DESC: latest first; NAME_ASC: by the other end\'s name',
});

@InputType({ description: 'Filters of a statement list; every given field must hold (lists: any of their values)' })
export class StatementWhere {
  @Field(() => [String], { nullable: true, description: 'role qualifier: member, observer, coordinator, president…' })
  role?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Keys of the other end (cica, KAZ, cica-summit-6)' })
  otherKey?: string[] | null;

  @Field(() => [EntityType], { nullable: true, description: 'Types of the other end' })
  otherType?: EntityType[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only statements whose first day (validFrom) is on or after this day' })
  startFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only statements whose first day (validFrom) is on or before this day' })
  startTo?: string | null;

  @Field(() => String, { nullable: true, description: 'Only statements citing this source id' })
  source?: string | null;
}

@ObjectType({ description: 'A statement in a page of a statement list' })
export class StatementEdge {
  @Field({ description: 'Opaque cursor: pass it as after to get what follows' })
  cursor: string;

  @Field(() => Statement, { description: 'The statement' })
  node: Statement;
}

@ObjectType({ description: 'A page of a statement list with its total (Relay cursor connection)' })
export class StatementConnection {
  @Field(() => Int, { description: 'How many statements match the list\'s arguments in all (before first/after)' })
  totalCount: number;

  @Field(() => [StatementEdge], { description: 'The statements of this page, in order' })
  edges: StatementEdge[];

  @Field(() => PageInfo, { description: 'Cursors and whether more pages follow' })
  pageInfo: PageInfo;
}

/** The arguments every statement list takes, decoded. */
export interface ListArgs {
  asOf?: string | null;
  ranks?: string[] | null;
  where?: StatementWhere | null;
  orderBy?: StatementOrder | null;
  first?: number | null;
  after?: string | null;
  /** Organization.members only (kept from before `where`). */
  role?: string | null;
  /** Entity.statements only. */
  types?: string[] | null;
  direction?: string | null;
}

export const MAX_LIST_PAGE = 1000;

export const encodeCursor = (offset: number) => Buffer.from(`s:${offset}`).toString('base64url');
/** The offset after a cursor, or null when it is not one of ours. */
export function decodeCursor(cursor: string): number | null {
  const m = /^s:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return m ? Number(m[1]) + 1 : null;
}
