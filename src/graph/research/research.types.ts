import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Citation } from '../common/citation.type';
import { Claim } from '../common/claim.type';
import { DateScalar } from '../common/date.scalar';
import { EntityRef } from '../common/entity-ref.type';
import { EntityType, RelationType } from '../common/enums';
import { PartialDateType } from '../common/partial-date.type';
import { Statement } from '../common/statement.type';

@ObjectType({ description: 'One shortest path: its entities in order and the relationships between them' })
export class GraphPath {
  @Field(() => Int) length: number;
  @Field(() => [EntityRef]) nodes: EntityRef[];
  @Field(() => [Statement], { description: 'Step i links nodes[i] and nodes[i+1]; direction OUT when the step runs subject to object' })
  steps: Statement[];
}

@ObjectType()
export class ConnectionResult {
  @Field(() => EntityRef, { nullable: true, description: 'What "from" matched (null: nothing)' }) from?: EntityRef | null;
  @Field(() => EntityRef, { nullable: true, description: 'What "to" matched (null: nothing)' }) to?: EntityRef | null;
  @Field(() => Int) maxHops: number;
  @Field(() => DateScalar, { nullable: true }) asOf?: string | null;
  @Field(() => [GraphPath], { description: 'All shortest paths, up to the cap' }) paths: GraphPath[];
  @Field({ description: 'True when more shortest paths exist than were returned' }) truncated: boolean;
}

@ObjectType({ description: 'A node for graph-drawing libraries: id is the entity key' })
export class GraphNode {
  @Field(() => ID) id: string;
  @Field() globalId: string;
  @Field(() => EntityType, { description: 'The entity type' }) type: EntityType;
  @Field() label: string;
  @Field({ nullable: true }) labelTr?: string;
  @Field({ description: 'True for the entity asked about' }) center: boolean;
}

@ObjectType({ description: 'An edge for graph-drawing libraries: source and target are node ids' })
export class GraphEdge {
  @Field(() => ID, { description: 'The fact id' }) id: string;
  @Field() source: string;
  @Field() target: string;
  @Field(() => RelationType, { description: 'The relationship type' }) type: RelationType;
  @Field({ description: 'A short caption: the type with its role or level' }) label: string;
  @Field({ nullable: true }) role?: string;
  @Field({ nullable: true }) level?: string;
  @Field(() => PartialDateType, { nullable: true }) start?: PartialDateType | null;
  @Field(() => PartialDateType, { nullable: true }) end?: PartialDateType | null;
  @Field(() => DateScalar, { nullable: true }) validFrom?: string | null;
  @Field(() => DateScalar, { nullable: true }) validTo?: string | null;
  @Field(() => [Citation]) citations: Citation[];
}

@ObjectType()
export class NeighborhoodResult {
  @Field(() => EntityRef) center: EntityRef;
  @Field(() => Int) depth: number;
  @Field(() => DateScalar, { nullable: true }) asOf?: string | null;
  @Field(() => [GraphNode]) nodes: GraphNode[];
  @Field(() => [GraphEdge]) edges: GraphEdge[];
  @Field({ description: 'True when the node or edge cap cut the neighbourhood' }) truncated: boolean;
}

@ObjectType({ description: 'Something two entities share: an organization, a meeting or an office' })
export class SharedTie {
  @Field(() => EntityRef) via: EntityRef;
  @Field(() => [String], { description: 'member, observer, meeting, held_office, coordinated, chaired' }) kinds: string[];
}

@ObjectType({ description: 'One dyad: an entity that shares ties with the one asked about, with counts' })
export class CoMembershipRow {
  @Field(() => EntityRef) other: EntityRef;
  @Field(() => Int, { description: 'Organizations, meetings and offices shared' }) sharedCount: number;
  @Field(() => Int) memberships: number;
  @Field(() => Int) observerRoles: number;
  @Field(() => Int) meetings: number;
  @Field(() => Int) offices: number;
  @Field(() => [SharedTie]) shared: SharedTie[];
}

@ObjectType()
export class CoMembershipResult {
  @Field(() => EntityRef) center: EntityRef;
  @Field(() => DateScalar, { nullable: true }) asOf?: string | null;
  @Field(() => [CoMembershipRow]) rows: CoMembershipRow[];
}

@ObjectType({ description: 'A dated fact involving an entity' })
export class TimelineEvent {
  @Field(() => PartialDateType) date: PartialDateType;
  @Field({ description: 'start, end, attested (a source lists it then), held (a meeting took place), stated (a claim)' }) event: string;
  @Field({ description: 'One line saying what happened' }) summary: string;
  @Field(() => Statement, { nullable: true }) statement?: Statement | null;
  @Field(() => Claim, { nullable: true }) claim?: Claim | null;
  @Field(() => [Citation]) citations: Citation[];
}

@ObjectType()
export class TimelineResult {
  @Field(() => EntityRef) entity: EntityRef;
  @Field(() => [TimelineEvent]) events: TimelineEvent[];
}
