import { IsIn, IsOptional, Matches, MaxLength } from 'class-validator';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { EntityRef } from '../common/entity-ref.type';
import { NameMatch } from '../common/name-entry.type';

@ObjectType({ description: 'One place where a source names an entity' })
export class MentionSpan {
  @Field(() => Int, { description: 'Character offset of the first character (UTF-16, as JavaScript counts)' }) start: number;
  @Field(() => Int, { description: 'Offset after the last character' }) end: number;
  @Field({ description: 'The text as the source writes it' }) text: string;
  @Field({ description: 'Up to 80 characters before it' }) before: string;
  @Field({ description: 'Up to 80 characters after it' }) after: string;
}

@ObjectType({ description: 'A source that mentions the entity' })
export class SourceMentions {
  @Field(() => EntityRef) source: EntityRef;
  @Field({ nullable: true }) title?: string;
  @Field({ nullable: true }) language?: string;
  @Field({ nullable: true }) date?: string;
  @Field({ nullable: true }) url?: string;
  @Field(() => Int) count: number;
  @Field(() => [MentionSpan]) spans: MentionSpan[];
}

@ObjectType()
export class MentionsResult {
  @Field(() => EntityRef) entity: EntityRef;
  @Field(() => NameMatch, { nullable: true }) matchedBy?: NameMatch | null;
  @Field(() => [SourceMentions]) sources: SourceMentions[];
}

@InputType({ description: 'A source text to store and link' })
export class IngestSourceInput {
  @Field({ description: 'Stable id: letters, digits, _ . - (the corpus uses the file name without .txt)' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,119}$/, { message: 'id may hold only letters, digits, _ . - (at most 120)' })
  id: string;

  @Field({ description: 'The full text, UTF-8; at most INGEST_MAX_CHARS characters (1,000,000 by default), else PAYLOAD_TOO_LARGE' })
  text: string;

  @Field({ defaultValue: false, description: 'Replace the text stored under this id when it differs (else CONFLICT). Corpus sources, which the facts quote, are never replaced (FORBIDDEN).' })
  replace: boolean;

  @Field({ nullable: true }) @IsOptional() @MaxLength(500) title?: string;

  @Field({ nullable: true, description: 'tr, en or ru; guessed from the text when absent' })
  @IsOptional() @IsIn(['tr', 'en', 'ru'])
  language?: string;

  @Field({ nullable: true, description: 'EDTF: 2015-11-11, 2021-04, 2010-06/2014-05' })
  @IsOptional() @Matches(/^\d{4}(-\d{2}(-\d{2})?)?[~?]?(\/\d{4}(-\d{2}(-\d{2})?)?[~?]?)?$/, { message: 'date must be EDTF such as 2015-11-11 or 2021-04' })
  date?: string;

  @Field({ nullable: true }) @IsOptional() @MaxLength(2000) url?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(300) author?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(300) publisher?: string;
}

@ObjectType()
export class IngestSourceResult {
  @Field() id: string;
  @Field({ description: 'False when the same text was already stored (nothing changed)' }) changed: boolean;
  @Field() language: string;
  @Field(() => Int) mentionCount: number;
  @Field(() => Int) entityCount: number;
  @Field(() => [EntityRef], { description: 'The entities mentioned, most mentioned first' }) entities: EntityRef[];
  @Field({ description: 'True when the text held more mentions than INGEST_MAX_MENTIONS (10,000 by default) and only the first were stored' }) mentionsTruncated: boolean;
}
