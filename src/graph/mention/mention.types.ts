import { IsIn, IsOptional, Matches, MaxLength } from 'class-validator';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { EntityRef } from '../common/entity-ref.type';
import { NameMatch } from '../common/name-entry.type';
import { MentionMethod } from './mention-method.enum';

@ObjectType({ description: 'One place where a source names an entity' })
export class MentionSpan {
  @Field(() => Int, { description: 'Character offset of the first character (UTF-16, as JavaScript counts)' }) start: number;
  @Field(() => Int, { description: 'Offset after the last character' }) end: number;
  @Field({ description: 'The text as the source writes it' }) text: string;
  @Field({ description: 'Up to 80 characters before it' }) before: string;
  @Field({ description: 'Up to 80 characters after it' }) after: string;
  @Field(() => MentionMethod, { nullable: true, description: 'How the span was matched; null for spans stored by a linker older than links-3' }) method?: MentionMethod | null;
  @Field(() => String, { nullable: true, description: 'What a rule needed to link the span (a title before it, the full name earlier, the meeting\'s organisation), when one did' }) evidence?: string | null;
}

@ObjectType({ description: 'A source that mentions the entity' })
export class SourceMentions {
  @Field(() => EntityRef, { description: 'The source' }) source: EntityRef;
  @Field({ nullable: true, description: 'Title of the source' }) title?: string;
  @Field({ nullable: true, description: 'Language of the text: tr, en or ru' }) language?: string;
  @Field({ nullable: true, description: 'The source date (EDTF)' }) date?: string;
  @Field({ nullable: true, description: 'Address of a public source' }) url?: string;
  @Field(() => Int, { description: 'How many times the source names the entity' }) count: number;
  @Field(() => [MentionSpan], { description: 'The places it names the entity, at most 100' }) spans: MentionSpan[];
}

@ObjectType({ description: 'The sources that mention an entity' })
export class MentionsResult {
  @Field(() => EntityRef, { description: 'The entity asked about' }) entity: EntityRef;
  @Field(() => NameMatch, { nullable: true, description: 'How the name was matched' }) matchedBy?: NameMatch | null;
  @Field(() => [SourceMentions], { description: 'The sources, most mentions first' }) sources: SourceMentions[];
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

  @Field({ nullable: true, description: 'Title of the source' }) @IsOptional() @MaxLength(500) title?: string;

  @Field({ nullable: true, description: 'tr, en or ru; guessed from the text when absent' })
  @IsOptional() @IsIn(['tr', 'en', 'ru'])
  language?: string;

  @Field({ nullable: true, description: 'EDTF: 2015-11-11, 2021-04, 2010-06/2014-05' })
  @IsOptional() @Matches(/^\d{4}(-\d{2}(-\d{2})?)?[~?]?(\/\d{4}(-\d{2}(-\d{2})?)?[~?]?)?$/, { message: 'date must be EDTF such as 2015-11-11 or 2021-04' })
  date?: string;

  @Field({ nullable: true, description: 'Address of a public source' }) @IsOptional() @MaxLength(2000) url?: string;
  @Field({ nullable: true, description: 'Who wrote it' }) @IsOptional() @MaxLength(300) author?: string;
  @Field({ nullable: true, description: 'Who published it' }) @IsOptional() @MaxLength(300) publisher?: string;
}

@ObjectType({ description: 'What ingestSource stored and linked' })
export class IngestSourceResult {
  @Field({ description: 'The source id' }) id: string;
  @Field({ description: 'False when the same text was already stored (nothing changed)' }) changed: boolean;
  @Field({ description: 'Language of the text: tr, en or ru (given or guessed)' }) language: string;
  @Field(() => Int, { description: 'Mentions of known entities linked' }) mentionCount: number;
  @Field(() => Int, { description: 'Distinct entities mentioned' }) entityCount: number;
  @Field(() => [EntityRef], { description: 'The entities mentioned, most mentioned first' }) entities: EntityRef[];
  @Field({ description: 'True when the text held more mentions than INGEST_MAX_MENTIONS (10,000 by default) and only the first were stored' }) mentionsTruncated: boolean;
}
