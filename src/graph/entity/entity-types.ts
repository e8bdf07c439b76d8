import { Arg, Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../common/date.scalar';
import { EntityRef } from '../common/entity-ref.type';
import { Direction, Rank, RelationType } from '../common/enums';
import { PartialDateType, toPartialDate as toPartial } from '../common/partial-date.type';
import { Statement } from '../common/statement.type';
import { Entity, ranksArg } from './entity.interface';

const asOfArg = () => Arg('asOf', () => DateScalar, { nullable: true, description: 'Only what holds on this day' });

@ObjectType({ implements: Entity, description: 'A sovereign state (or a state-like member such as Palestine)' })
export class State extends Entity {
  @Field(() => [Statement], { description: 'Memberships and observer roles in organizations' })
  memberships(@asOfArg() asOf?: string | null, @ranksArg() ranks?: Rank[] | null): Statement[] { return this.pick(RelationType.MEMBER_OF, Direction.OUT, asOf, ranks); }

  @Field(() => [Statement], { description: 'Chairmanships (presidencies) of organizations' })
  chairmanships(@asOfArg() asOf?: string | null, @ranksArg() ranks?: Rank[] | null): Statement[] { return this.pick(RelationType.CHAIRED, Direction.OUT, asOf, ranks); }

  @Field(() => [Statement], { description: 'Coordinator or co-coordinator roles for confidence-building areas' })
  coordinatorRoles(@ranksArg() ranks?: Rank[] | null): Statement[] { return this.pick(RelationType.COORDINATED, Direction.OUT, null, ranks); }

  @Field(() => [Statement], { description: 'People who held an office of this state (head of state, foreign minister...)' })
  officeHolders(@asOfArg() asOf?: string | null, @ranksArg() ranks?: Rank[] | null): Statement[] { return this.pick(RelationType.HELD_OFFICE, Direction.IN, asOf, ranks); }

  @Field(() => [Statement], { description: 'Meetings this state hosted' })
  hosted(@ranksArg() ranks?: Rank[] | null): Statement[] { return this.pick(RelationType.HOSTED, Direction.OUT, null, ranks); }

  @Field(() => [Statement], { description: 'Meetings this state attended, with the level of representation' })
  attended(@ranksArg() ranks?: Rank[] | null): Statement[] { return this.pick(RelationType.ATTENDED, Direction.OUT, null, ranks); }
}

@ObjectType({ implements: Entity, description: 'An international organization, one of its bodies, or another institution' })
export class Organization extends Entity {
  @Field(() => [Statement], { description: 'Its members and observers (role member / observer)' })
  members(
    @asOfArg() asOf?: string | null,
    @Arg('role', () => String, { nullable: true, description: 'member or observer' }) role?: string | null,
    @ranksArg() ranks?: Rank[] | null,
  ): Statement[] {
    return this.pick(RelationType.MEMBER_OF, Direction.IN, asOf, ranks).filter((s) => !role || s.role === role);
  }

  @Field(() => [Statement], { description: 'Its own memberships and observer roles elsewhere' })
  memberships(@asOfArg() asOf?: string | null, @ranksArg() ranks?: Rank[] | null): Statement[] { return this.pick([RelationType.MEMBER_OF, RelationType.OBSERVER_AT], Direction.OUT, asOf, ranks); }

  @Field(() => [Statement], { description: 'States that chaired it' })
  chairs(@asOfArg() asOf?: string | null, @ranksArg() ranks?: Rank[] | null): Statement[] { return this.pick(RelationType.CHAIRED, Direction.IN, asOf, ranks); }

  @Field(() => [Statement], { description: 'Offices held in it (executive director, secretary-general...)' })
  officeHolders(@asOfArg() asOf?: string | null, @ranksArg() ranks?: Rank[] | null): Statement[] { return this.pick(RelationType.HELD_OFFICE, Direction.IN, asOf, ranks); }

  @Field(() => [Statement], { description: 'Bodies that are part of it, and what it is part of' })
  structure(@ranksArg() ranks?: Rank[] | null): Statement[] { return this.pick(RelationType.PART_OF, Direction.BOTH, null, ranks).filter((s) => s.other.type === 'Organization'); }

  @Field(() => [Statement], { description: 'Memoranda and agreements with other organizations' })
  agreements(@ranksArg() ranks?: Rank[] | null): Statement[] { return this.pick(RelationType.AGREEMENT_WITH, Direction.BOTH, null, ranks); }

  @Field(() => [Statement], { description: 'Its meetings' })
  meetings(@ranksArg() ranks?: Rank[] | null): Statement[] { return this.pick(RelationType.PART_OF, Direction.IN, null, ranks).filter((s) => s.other.type === 'Meeting'); }
}

@ObjectType({ implements: Entity, description: 'A person' })
export class Person extends Entity {
  @Field(() => [Statement], { description: 'Offices held, with time spans' })
  offices(@asOfArg() asOf?: string | null, @ranksArg() ranks?: Rank[] | null): Statement[] { return this.pick(RelationType.HELD_OFFICE, Direction.OUT, asOf, ranks); }

  @Field(() => [Statement], { description: 'Meetings attended (with level), hosted or addressed' })
  meetings(@ranksArg() ranks?: Rank[] | null): Statement[] { return this.pick([RelationType.ATTENDED, RelationType.HOSTED, RelationType.SPOKE_AT], Direction.OUT, null, ranks); }

  @Field(() => [Statement], { description: 'Bilateral meetings with other people' })
  metWith(@ranksArg() ranks?: Rank[] | null): Statement[] { return this.pick(RelationType.MET_WITH, Direction.BOTH, null, ranks); }

  @Field(() => [Statement], { description: 'Sources this person wrote' })
  authored(@ranksArg() ranks?: Rank[] | null): Statement[] { return this.pick(RelationType.AUTHORED, Direction.OUT, null, ranks); }
}

@ObjectType({ implements: Entity, description: 'A summit, ministerial meeting, consultative or bilateral meeting' })
export class Meeting extends Entity {
  @Field({ nullable: true, description: 'summit, ministerial, senior-officials, consultative, bilateral, session, other' })
  meetingKind?: string;

  @Field(() => Int, { nullable: true })
  ordinal?: number;

  startText?: string;
  endText?: string;

  @Field(() => PartialDateType, { nullable: true })
  start(): PartialDateType | null { return toPartial(this.startText); }

  @Field(() => PartialDateType, { nullable: true })
  end(): PartialDateType | null { return toPartial(this.endText); }

  @Field(() => [EntityRef], { description: 'Where it was held' })
  cities(): EntityRef[] { return this.pick(RelationType.HELD_IN, Direction.OUT).map((s) => s.other); }

  @Field(() => [Statement], { description: 'Who hosted it' })
  hosts(@ranksArg() ranks?: Rank[] | null): Statement[] { return this.pick(RelationType.HOSTED, Direction.IN, null, ranks); }

  @Field(() => [Statement], { description: 'Who attended, with the level of representation' })
  attendees(@ranksArg() ranks?: Rank[] | null): Statement[] { return this.pick([RelationType.ATTENDED, RelationType.SPOKE_AT], Direction.IN, null, ranks); }

  @Field(() => [Statement], { description: 'Documents adopted there' })
  documents(@ranksArg() ranks?: Rank[] | null): Statement[] { return this.pick(RelationType.ADOPTED_AT, Direction.IN, null, ranks); }

  @Field(() => [Statement], { description: 'Organizations it belongs to' })
  organizations(@ranksArg() ranks?: Rank[] | null): Statement[] { return this.pick(RelationType.PART_OF, Direction.OUT, null, ranks); }
}

@ObjectType({ implements: Entity, description: 'A declaration, act, catalogue, convention, statement, action plan or regulation' })
export class Document extends Entity {
  @Field({ nullable: true })
  documentKind?: string;

  @Field(() => [Statement], { description: 'Meetings (or organizations) where it was adopted' })
  adoption(@ranksArg() ranks?: Rank[] | null): Statement[] { return this.pick([RelationType.ADOPTED_AT, RelationType.ADOPTED_BY], Direction.OUT, null, ranks); }
}

@ObjectType({ implements: Entity, description: 'A city or other place' })
export class Place extends Entity {
  @Field(() => [Statement], { description: 'The state it lies in, or is the capital of' })
  location(@ranksArg() ranks?: Rank[] | null): Statement[] { return this.pick([RelationType.LOCATED_IN, RelationType.CAPITAL_OF], Direction.OUT, null, ranks); }

  @Field(() => [Statement], { description: 'Meetings held there' })
  meetingsHeld(@ranksArg() ranks?: Rank[] | null): Statement[] { return this.pick(RelationType.HELD_IN, Direction.IN, null, ranks); }
}

@ObjectType({ implements: Entity, description: 'A source document: a corpus text or a public page' })
export class Source extends Entity {
  @Field({ nullable: true })
  title?: string;

  @Field({ nullable: true })
  url?: string;

  @Field({ nullable: true })
  language?: string;

  @Field({ nullable: true })
  author?: string;

  @Field({ nullable: true })
  publisher?: string;

  @Field({ description: 'True for the texts of the corpus folder' })
  corpus: boolean;

  dateText?: string;

  @Field(() => PartialDateType, { nullable: true })
  date(): PartialDateType | null { return toPartial(this.dateText); }

  @Field(() => [Statement], { description: 'Every relationship this source supports (filled by SourceProfile / source())' })
  supports: Statement[];

  @Field(() => [EntityRef], { description: 'Entities this source names or describes' })
  describes: EntityRef[];

  @Field(() => [String], { description: 'Keys of the claims this source supports' })
  supportsClaims: string[];
}

export const ENTITY_CLASSES = { State, Organization, Person, Meeting, Document, Place, Source } as const;
