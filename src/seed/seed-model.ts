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
  citations: Citation[];
  files: string[];
}

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
  citations: Citation[];
  file: string;
}

/** Everything the seed files say, validated and merged, ready to write. */
export interface SeedBundle {
  entities: EntityRecord[];
  facts: FactRecord[];
  claims: ClaimRecord[];
  /** Entity attributes that two files give differently: each value is kept as a claim. */
  conflicts: ClaimRecord[];
  hash: string;
}
