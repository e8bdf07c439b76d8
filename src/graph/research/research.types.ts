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
  @Field(() => Int, { description: 'Number of steps (relationships)' }) length: number;
  @Field(() => [EntityRef], { description: 'The entities along the path, from first to last' }) nodes: EntityRef[];
  @Field(() => [Statement], { description: 'Step i links nodes[i] and nodes[i+1]; direction OUT when the step runs subject to object' })
  steps: Statement[];
}

@ObjectType({ description: 'The shortest paths between two entities' })
export class ConnectionResult {
  @Field(() => EntityRef, { nullable: true, description: 'What "from" matched (null: nothing)' }) from?: EntityRef | null;
  @Field(() => EntityRef, { nullable: true, description: 'What "to" matched (null: nothing)' }) to?: EntityRef | null;
  @Field(() => Int, { description: 'The hop limit applied' }) maxHops: number;
  @Field(() => DateScalar, { nullable: true, description: 'The day relationships had to hold on (null: any time)' }) asOf?: string | null;
  @Field(() => [GraphPath], { description: 'All shortest paths, up to the cap' }) paths: GraphPath[];
  @Field({ description: 'True when more shortest paths exist than were returned' }) truncated: boolean;
}

@ObjectType({ description: 'A node for graph-drawing libraries: id is the entity key' })
export class GraphNode {
  @Field(() => ID, { description: 'The entity key' }) id: string;
  @Field({ description: 'Global id, for node(id:)' }) globalId: string;
  @Field(() => EntityType, { description: 'The entity type' }) type: EntityType;
  @Field({ description: 'English display name' }) label: string;
  @Field({ nullable: true, description: 'Turkish name' }) labelTr?: string;
  @Field({ description: 'True for the entity asked about' }) center: boolean;
}

@ObjectType({ description: 'An edge for graph-drawing libraries: source and target are node ids' })
export class GraphEdge {
  @Field(() => ID, { description: 'The fact id' }) id: string;
  @Field({ description: 'The node id (entity key) of the subject' }) source: string;
  @Field({ description: 'The node id (entity key) of the object' }) target: string;
  @Field(() => RelationType, { description: 'The relationship type' }) type: RelationType;
  @Field({ description: 'A short caption: the type with its role or level' }) label: string;
  @Field({ nullable: true, description: 'member / observer; coordinator / co-coordinator; the office held' }) role?: string;
  @Field({ nullable: true, description: 'For attendance: the level of representation' }) level?: string;
  @Field(() => PartialDateType, { nullable: true, description: 'When it began (EDTF)' }) start?: PartialDateType | null;
  @Field(() => PartialDateType, { nullable: true, description: 'When it ended (EDTF)' }) end?: PartialDateType | null;
  @Field(() => DateScalar, { nullable: true, description: 'First day asOf counts it as holding' }) validFrom?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Last day asOf counts it as holding (null: still holds)' }) validTo?: string | null;
  @Field(() => [Citation], { description: 'One per source that states this fact' }) citations: Citation[];
}

@ObjectType({ description: 'The entities around one entity and the relationships among them, as nodes and edges for drawing' })
export class NeighborhoodResult {
  @Field(() => EntityRef, { description: 'The entity asked about' }) center: EntityRef;
  @Field(() => Int, { description: 'The depth applied, in hops' }) depth: number;
  @Field(() => DateScalar, { nullable: true, description: 'The day relationships had to hold on (null: any time)' }) asOf?: string | null;
  @Field(() => [GraphNode], { description: 'The entities, the center included' }) nodes: GraphNode[];
  @Field(() => [GraphEdge], { description: 'The relationships among the nodes' }) edges: GraphEdge[];
  @Field({ description: 'True when the node or edge cap cut the neighbourhood' }) truncated: boolean;
}

@ObjectType({ description: 'Something two entities share: an organization, a meeting or an office' })
export class SharedTie {
  @Field(() => EntityRef, { description: 'The organization, meeting or office shared' }) via: EntityRef;
  @Field(() => [String], { description: 'member, observer, meeting, held_office, coordinated, chaired' }) kinds: string[];
}

@ObjectType({ description: 'One dyad: an entity that shares ties with the one asked about, with counts' })
export class CoMembershipRow {
  @Field(() => EntityRef, { description: 'The entity sharing ties with the one asked about' }) other: EntityRef;
  @Field(() => Int, { description: 'Organizations, meetings and offices shared' }) sharedCount: number;
  @Field(() => Int, { description: 'Shared ties through which the other is a member (kinds has member)' }) memberships: number;
  @Field(() => Int, { description: 'Shared ties through which the other is an observer (kinds has observer)' }) observerRoles: number;
  @Field(() => Int, { description: 'Meetings both attended or hosted' }) meetings: number;
  @Field(() => Int, { description: 'Offices both held (kinds has held_office)' }) offices: number;
  @Field(() => [SharedTie], { description: 'What they share, one per organization, meeting or office' }) shared: SharedTie[];
}

@ObjectType({ description: 'The states and organizations that share ties with an entity, with counts' })
export class CoMembershipResult {
  @Field(() => EntityRef, { description: 'The entity asked about' }) center: EntityRef;
  @Field(() => DateScalar, { nullable: true, description: 'The day relationships had to hold on (null: any time)' }) asOf?: string | null;
  @Field(() => [CoMembershipRow], { description: 'One row per entity sharing ties, most shared first' }) rows: CoMembershipRow[];
}

@ObjectType({ description: 'A dated fact involving an entity' })
export class TimelineEvent {
  @Field(() => PartialDateType, { description: 'When it happened (EDTF)' }) date: PartialDateType;
  @Field({ description: 'start, end, attested (a source lists it then), held (a meeting took place), stated (a claim)' }) event: string;
  @Field({ description: 'One line saying what happened' }) summary: string;
  @Field(() => Statement, { nullable: true, description: 'The relationship, for start, end and attested events' }) statement?: Statement | null;
  @Field(() => Claim, { nullable: true, description: 'The stated value, for stated events' }) claim?: Claim | null;
  @Field(() => [Citation], { description: 'The sources of the event' }) citations: Citation[];
}

@ObjectType({ description: 'Every dated fact involving an entity, in date order' })
export class TimelineResult {
  @Field(() => EntityRef, { description: 'The entity asked about' }) entity: EntityRef;
  @Field(() => [TimelineEvent], { description: 'The events, in date order' }) events: TimelineEvent[];
}
