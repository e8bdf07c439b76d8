import { Field, ObjectType } from 'type-graphql';
import { PartialDateType } from './partial-date.type';

@ObjectType({ description: 'One name of an entity in one language' })
export class NameEntry {
  @Field({ description: 'The name as written' })
  text: string;

  @Field({ description: 'Language code: en, tr, ru, ...' })
  lang: string;

  @Field({ description: 'label, alias, acronym, former (with from/to) or spelling (a spelling found in a source)' })
  kind: string;

  @Field(() => PartialDateType, { nullable: true, description: 'For former names: when the name came into use' })
  from?: PartialDateType | null;

  @Field(() => PartialDateType, { nullable: true, description: 'For former names: when it stopped being used' })
  to?: PartialDateType | null;
}

@ObjectType({ description: 'How a typed name was matched to an entity' })
export class NameMatch {
  @Field({ description: 'What was asked for' })
  query: string;

  @Field({ description: 'The stored name that matched' })
  matched: string;

  @Field({ description: 'True for an exact match after Turkish case and diacritic folding; false for a fuzzy one' })
  exact: boolean;

  @Field({ description: 'True when other entities matched as well as this one' })
  ambiguous: boolean;

  @Field(() => [String], { description: 'The other entities that matched, best first (key: name)' })
  alternatives: string[];
}
