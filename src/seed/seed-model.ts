/** The fixed vocabularies of the graph: labels and relationship types come only from here. */
export const ENTITY_TYPES = ['State', 'Organization', 'Meeting', 'Document', 'Person', 'Place', 'Source'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const FACT_TYPES = [
  'MEMBER_OF', 'CHAIRED', 'COORDINATED', 'HELD_OFFICE', 'HOSTED', 'HELD_IN', 'LOCATED_IN', 'CAPITAL_OF',
  'ATTENDED', 'ADOPTED_AT', 'ADOPTED_BY', 'PROPOSED', 'PART_OF', 'AGREEMENT_WITH', 'OBSERVER_AT',
  'MET_WITH', 'SPOKE_AT', 'NATIONAL_OF', 'AUTHORED', 'PUBLISHED',
] as const;
export type FactType = (typeof FACT_TYPES)[number];

export const NAME_KINDS = ['label', 'alias', 'acronym', 'former', 'spelling'] as const;
export const LANGUAGES = ['en', 'tr', 'ru', 'zh', 'kk', 'fa', 'ar'] as const;

export interface Citation { source: string; quote: string }

/** Wikidata's ranks: the best-supported value PREFERRED, a contradicted or withdrawn one DEPRECATED. */
export const RANKS = ['PREFERRED', 'NORMAL', 'DEPRECATED'] as const;
export type Rank = (typeof RANKS)[number];

/** What kind of publisher a source is; the first three count as primary for the rank rule. */
export const SOURCE_KINDS = ['official', 'government', 'news', 'commentary', 'reference'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const PRIMARY_SOURCE_KINDS: readonly SourceKind[] = ['official', 'government', 'news'];

/** A seed file's own decision on one record, which the rank rule then respects. */
export interface RankOverride { rank: Rank; reason: string }

export interface NameRecord {
  text: string;
  lang: string;
  kind: (typeof NAME_KINDS)[number];
  from?: string;
  to?: string;
}

export interface EntityRecord {
  key: string;
  type: EntityType;
  names: NameRecord[];
  description?: string;
  meetingKind?: string;
  documentKind?: string;
  ordinal?: number;
  start?: string;
  end?: string;
  /** Source records only. */
  url?: string;
  language?: string;
  date?: string;
  author?: string;
  publisher?: string;
  title?: string;
  corpus?: boolean;
  /** Source records only: official, government, news, commentary or reference (see rank rule). */
  kind?: SourceKind;
  citations: Citation[];
  files: string[];
  /** Every value a file gives for an attribute, kept so the rank rule can choose among them. */
  stated?: StatedValue[];
}

/** One file's value of one entity attribute (a meeting's start, a document's kind), with its citations. */
export interface StatedValue { field: string; value: string; file: string; citations: Citation[] }

export interface FactRecord {
  key: string;
  type: FactType;
  from: string;
  to: string;
  start?: string;
  end?: string;
  attested?: string;
  role?: string;
  area?: string;
  level?: string;
  note?: string;
  /** MEMBER_OF: the meeting that admitted the member. */
  admittedAt?: string;
  override?: RankOverride;
  citations: Citation[];
  file: string;
}

export interface ClaimRecord {
  key: string;
  subject: string;
  property: string;
  value: string | number;
  date?: string;
  note?: string;
  override?: RankOverride;
  citations: Citation[];
  file: string;
}

/** Everything the seed files say, validated and merged, ready to write. */
export interface SeedBundle {
  entities: EntityRecord[];
  facts: FactRecord[];
  claims: ClaimRecord[];
  hash: string;
}
