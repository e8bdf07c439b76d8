import { registerEnumType } from 'type-graphql';
import { ENTITY_TYPES, FACT_TYPES, RANKS } from '../../seed/seed-model';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

/** The kinds of entity in the graph. */
export const EntityType = asEnum(ENTITY_TYPES);
export type EntityType = keyof typeof EntityType;
registerEnumType(EntityType, { name: 'EntityType', description: 'The kind of an entity' });

/** The relationship types, each a statement with qualifiers, time span and citations. */
export const RelationType = asEnum(FACT_TYPES);
export type RelationType = keyof typeof RelationType;
registerEnumType(RelationType, { name: 'RelationType', description: 'The type of a relationship (statement) between two entities' });

export enum Direction { OUT = 'OUT', IN = 'IN', BOTH = 'BOTH' }
registerEnumType(Direction, { name: 'Direction', description: 'OUT: the entity is the subject (Kazakhstan MEMBER_OF CICA); IN: the object' });

export enum DatePrecision { DAY = 'DAY', MONTH = 'MONTH', YEAR = 'YEAR', INTERVAL = 'INTERVAL' }
registerEnumType(DatePrecision, { name: 'DatePrecision', description: 'How precisely a date is known; INTERVAL: some time between earliest and latest' });

/** Wikidata's ranks, on statements, references and claims. */
export const Rank = asEnum(RANKS);
export type Rank = keyof typeof Rank;
registerEnumType(Rank, {
  name: 'Rank',
  description: 'PREFERRED: the best-supported of values that disagree (or the most precise of agreeing ones); NORMAL; DEPRECATED: contradicted or withdrawn, kept with its sources and reason (README "Ranks")',
});
