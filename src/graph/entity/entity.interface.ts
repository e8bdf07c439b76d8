import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Field, ID, Int, InterfaceType } from 'type-graphql';
import { BadUserInputError } from '../../errors/app-errors';
import { Citation } from '../common/citation.type';
import { Claim } from '../common/claim.type';
import { Direction, EntityType, Rank, RelationType } from '../common/enums';
import { NameEntry, NameMatch } from '../common/name-entry.type';
import { PartialDateType, toPartialDate } from '../common/partial-date.type';
import { Statement } from '../common/statement.type';
import { filterInMemory, ListSpec, listSpec } from './statement-lists';
import { ListArgs } from './statement-list.types';

function notTraversable(): BadUserInputError {
  return new BadUserInputError('this entity is the end of a statement read by a named operation: traverse from an entity root field (entity, state, organization, meeting, document, person, place, node, entities) to follow its relationships');
}

/**
 * What every entity has. Relationship fields read the statements the one query already
 * fetched (no query per field): filters and asOf run in memory on them.
 */
@InterfaceType({
  description: 'Anything in the graph: a state, organization, meeting, document, person, place or source',
  resolveType: (value) => value.type,
})
export abstract class Entity {
  @Field(() => ID, { description: 'Global id, for node(id:)' })
  id: string;

  @Field({ description: 'Stable key (ISO alpha-3 for states, kebab-case otherwise, file name for corpus sources)' })
  key: string;

  @Field(() => EntityType, { description: 'The entity type' })
  type: EntityType;

  @Field({ description: 'English display name' })
  name: string;

  @Field({ nullable: true, description: 'Turkish name' })
  nameTr?: string;

  @Field({ nullable: true, description: 'A short description in English' })
  description?: string;

  @Field(() => [Citation], { description: 'Sources that name or describe the entity' })
  citations: Citation[];

  @Field(() => [Claim], { description: 'Values sources state about this entity, such as member counts' })
  claims: Claim[];

  @Field(() => NameMatch, { nullable: true, description: 'Set when the entity was found by a typed name' })
  matchedBy?: NameMatch | null;

  allNames: NameEntry[];
  /** Every statement of a whole-profile read; null for an entity read by a compiled query or a stub (the end of a statement). */
  allStatements: Statement[] | null;
  /** Compiled reads: each list field's page, by response key. */
  projection?: Record<string, { rows: Statement[]; total: number; offset: number }>;

  startText?: string;
  endText?: string;

  @Field(() => PartialDateType, { nullable: true, description: 'When it began: a meeting\'s first day, a document\'s adoption; the PREFERRED value where sources disagree' })
  start(): PartialDateType | null { return toPartialDate(this.startText); }

  @Field(() => Int, { nullable: true, description: 'For meetings: the ordinal (6 for the 6th summit)' })
  ordinal?: number | null;

  @Field(() => [NameEntry], { description: 'Names, aliases, acronyms, spellings and former names' })
  names(@Arg('lang', () => String, { nullable: true, description: 'Only this language (en, tr, ru)' }) lang?: string | null): NameEntry[] {
    return lang ? this.allNames.filter((n) => n.lang === lang) : this.allNames;
  }

  @Field(() => String, { description: 'The label in a language, falling back to English' })
  label(@Arg('lang', () => String, { description: 'Language code: en, tr, ru, ...' }) lang: string): string {
    const inLang = this.allNames.filter((n) => n.lang === lang);
    return (inLang.find((n) => n.kind === 'label') ?? inLang[0])?.text ?? this.name;
  }

  /** The typed JS view of the statements, for services (not a GraphQL field). */
  statementsOf(types?: RelationType[] | null, direction?: Direction | null, asOf?: string | null, ranks?: Rank[] | null): Statement[] {
    if (!this.allStatements) throw notTraversable();
    return filterInMemory(this.allStatements, listSpec('Entity', 'statements')!, { types, direction, asOf, ranks }).rows;
  }

  /** A list by its field name, read in memory (for services working on whole profiles). */
  listOf(field: string, args: ListArgs = {}): Statement[] {
    const spec = listSpec(this.type, field);
    if (!spec) throw new Error(`${this.type} has no list ${field}`);
    if (!this.allStatements) throw notTraversable();
    return filterInMemory(this.allStatements, spec, args).rows;
  }

  /** A list field: what the compiled query projected for it (by its response key), else the in-memory profile. */
  resolveList(spec: ListSpec, args: ListArgs, info: GraphQLResolveInfo): { rows: Statement[]; total: number; offset: number } {
    const projected = this.projection?.[info.path.key as string];
    if (projected) return projected;
    if (!this.allStatements) throw notTraversable();
    return filterInMemory(this.allStatements, spec, args);
  }

  /** Statements of some types in one direction, for the typed fields of the subclasses. */
  protected pick(type: RelationType | RelationType[], direction: Direction, asOf?: string | null, ranks?: Rank[] | null): Statement[] {
    return this.statementsOf(Array.isArray(type) ? type : [type], direction, asOf, ranks);
  }
}
