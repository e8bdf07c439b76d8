import type { GraphQLResolveInfo } from 'graphql';
import { Field, Info, ObjectType } from 'type-graphql';
import { EntityRef } from '../common/entity-ref.type';
import { PartialDateType, toPartialDate as toPartial } from '../common/partial-date.type';
import { Statement } from '../common/statement.type';
import { Entity } from './entity.interface';
import { installListFields, listSpec } from './statement-lists';

/** The short reference of an entity object (for fields that give EntityRef). */
export function refOf(e: Entity): EntityRef {
  return Object.assign(new EntityRef(), { id: e.id, key: e.key, type: e.type, name: e.name, nameTr: e.nameTr, start: e.start(), ordinal: e.ordinal ?? null });
}

@ObjectType({ implements: Entity, description: 'A sovereign state (or a state-like member such as Palestine)' })
export class State extends Entity {}

@ObjectType({ implements: Entity, description: 'An international organization, one of its bodies, or another institution' })
export class Organization extends Entity {}

@ObjectType({ implements: Entity, description: 'A person' })
export class Person extends Entity {}

@ObjectType({ implements: Entity, description: 'A summit, ministerial meeting, consultative or bilateral meeting' })
export class Meeting extends Entity {
  @Field({ nullable: true, description: 'summit, ministerial, senior-officials, consultative, bilateral, session, other' })
  meetingKind?: string;

  @Field(() => PartialDateType, { nullable: true, description: 'Its last day, for meetings of more than one day' })
  end(): PartialDateType | null { return toPartial(this.endText); }

  @Field(() => [EntityRef], { description: 'Where it was held' })
  cities(@Info() info: GraphQLResolveInfo): EntityRef[] {
    return this.resolveList(listSpec('Meeting', 'venues')!, {}, info).rows.map((s) => refOf(s.other));
  }
}

@ObjectType({ implements: Entity, description: 'A declaration, act, catalogue, convention, statement, action plan or regulation' })
export class Document extends Entity {
  @Field({ nullable: true, description: 'declaration, act, action-plan, catalogue, convention, protocol, regulations, resolution, statement, other' })
  documentKind?: string;
}

@ObjectType({ implements: Entity, description: 'A city or other place' })
export class Place extends Entity {}

@ObjectType({ implements: Entity, description: 'A source document: a corpus text or a public page' })
export class Source extends Entity {
  @Field({ nullable: true, description: 'Title of the source' })
  title?: string;

  @Field({ nullable: true, description: 'Address of a public source' })
  url?: string;

  @Field({ nullable: true, description: 'Language of the text: tr, en or ru' })
  language?: string;

  @Field({ nullable: true, description: 'Who wrote it' })
  author?: string;

  @Field({ nullable: true, description: 'Who published it' })
  publisher?: string;

  @Field({ description: 'True for the texts of the corpus folder' })
  corpus: boolean;

  dateText?: string;

  @Field(() => PartialDateType, { nullable: true, description: 'The source date (EDTF)' })
  date(): PartialDateType | null { return toPartial(this.dateText); }

  @Field(() => [Statement], { description: 'Every relationship this source supports (filled by SourceProfile / source())' })
  supports: Statement[];

  @Field(() => [EntityRef], { description: 'Entities this source names or describes' })
  describes: EntityRef[];

  @Field(() => [String], { description: 'Keys of the claims this source supports' })
  supportsClaims: string[];
}

export const ENTITY_CLASSES = { State, Organization, Person, Meeting, Document, Place, Source } as const;
function ENTITY_CLASSES_WITH_INTERFACE() { return { ...ENTITY_CLASSES, Entity }; }

installListFields(ENTITY_CLASSES_WITH_INTERFACE());
