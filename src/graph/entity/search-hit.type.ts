import { Field, Float, ObjectType } from 'type-graphql';
import { EntityRef } from '../common/entity-ref.type';

@ObjectType({ description: 'An entity found by search, with the name that matched' })
export class SearchHit {
  @Field(() => EntityRef, { description: 'The entity found' }) entity: EntityRef;
  @Field(() => Float, { description: 'Higher is better; exact folded matches rank first' }) score: number;
  @Field({ description: 'The stored name that matched' }) matched: string;
  @Field({ description: 'Language of the matched name' }) matchedLang: string;
  @Field({ description: 'True when the whole name matched after folding; false for prefix or fuzzy hits' }) exact: boolean;
}
