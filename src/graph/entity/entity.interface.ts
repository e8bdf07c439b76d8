import { Arg, Field, ID, InterfaceType } from 'type-graphql';
import { Citation } from '../common/citation.type';
import { Claim } from '../common/claim.type';
import { DateScalar } from '../common/date.scalar';
import { Direction, EntityType, Rank, RelationType } from '../common/enums';
import { NameEntry, NameMatch } from '../common/name-entry.type';
import { holdsOn, inRanks, Statement } from '../common/statement.type';

/** The ranks argument of every statement list: without it, the truthy view (one statement per fact, best rank). */
export const ranksArg = () => Arg('ranks', () => [Rank], {
  nullable: true,
  description: 'Only statements of these ranks; without it the truthy view: DEPRECATED hidden, and only PREFERRED where a fact has one',
});

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

  @Field(() => EntityType)
  type: EntityType;

  @Field({ description: 'English display name' })
  name: string;

  @Field({ nullable: true, description: 'Turkish name' })
  nameTr?: string;

  @Field({ nullable: true })
  description?: string;

  @Field(() => [Citation], { description: 'Sources that name or describe the entity' })
  citations: Citation[];

  @Field(() => [Claim], { description: 'Values sources state about this entity, such as member counts' })
  claims: Claim[];

  @Field(() => NameMatch, { nullable: true, description: 'Set when the entity was found by a typed name' })
  matchedBy?: NameMatch | null;

  allNames: NameEntry[];
  allStatements: Statement[];

  @Field(() => [NameEntry], { description: 'Names, aliases, acronyms, spellings and former names' })
  names(@Arg('lang', () => String, { nullable: true, description: 'Only this language (en, tr, ru)' }) lang?: string | null): NameEntry[] {
    return lang ? this.allNames.filter((n) => n.lang === lang) : this.allNames;
  }

  @Field(() => String, { description: 'The label in a language, falling back to English' })
  label(@Arg('lang', () => String) lang: string): string {
    const inLang = this.allNames.filter((n) => n.lang === lang);
    return (inLang.find((n) => n.kind === 'label') ?? inLang[0])?.text ?? this.name;
  }

  @Field(() => [Statement], { description: 'Relationships in both directions, with qualifiers, time spans and citations' })
  statements(
    @Arg('types', () => [RelationType], { nullable: true }) types?: RelationType[] | null,
    @Arg('direction', () => Direction, { nullable: true, defaultValue: Direction.BOTH }) direction?: Direction | null,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Only statements that hold on this day (README: Dates and asOf)' }) asOf?: string | null,
    @ranksArg() ranks?: Rank[] | null,
  ): Statement[] {
    return this.allStatements.filter((s) =>
      (!types || types.length === 0 || types.includes(s.type))
      && (!direction || direction === Direction.BOTH || s.direction === direction)
      && (!asOf || holdsOn(s, asOf))
      && inRanks(s, ranks));
  }

  /** Statements of some types in one direction, for the typed fields of the subclasses. */
  protected pick(type: RelationType | RelationType[], direction: Direction, asOf?: string | null, ranks?: Rank[] | null): Statement[] {
    return this.statements(Array.isArray(type) ? type : [type], direction, asOf, ranks);
  }
}
