import { Citation } from '../common/citation.type';
import { Claim } from '../common/claim.type';
import { EntityRef } from '../common/entity-ref.type';
import { Direction, EntityType, RelationType } from '../common/enums';
import { toGlobalId } from '../common/global-id';
import { NameEntry, NameMatch } from '../common/name-entry.type';
import { toPartialDate } from '../common/partial-date.type';
import { Reference, Statement } from '../common/statement.type';
import { SourceCatalog } from '../source/source-catalog';
import { ENTITY_CLASSES } from './entity-types';
import { Entity } from './entity.interface';

/** One row of the profile queries: an entity with names, relationships and claims. */
export interface EntityRow {
  entity: Record<string, any>;
  names: Record<string, any>[];
  statements: { type: string; out: boolean; props: Record<string, any>; other: Record<string, any> }[];
  claims: Record<string, any>[];
}

export function toCitations(sources: string[] | null | undefined, quotes: string[] | null | undefined, catalog: SourceCatalog): Citation[] {
  return (sources ?? []).map((source, i) => {
    const info = catalog.get(source);
    return Object.assign(new Citation(), { source, quote: quotes?.[i] ?? '', sourceTitle: info?.title, url: info?.url, sourceDate: info?.date });
  });
}

export function toEntityRef(raw: Record<string, any>): EntityRef {
  return Object.assign(new EntityRef(), {
    id: toGlobalId('Entity', raw.key), key: raw.key, type: raw.type as EntityType, name: raw.name, nameTr: raw.nameTr ?? undefined,
    // An Entity keeps its start as text (its start field is a method); a raw row has it as a property.
    start: toPartialDate(raw instanceof Entity ? raw.startText : raw.start), ordinal: raw.ordinal ?? null,
  });
}

/** The end of a statement read by a whole-profile query: its short form, not traversable further. */
export function toStub(raw: Record<string, any>, catalog: SourceCatalog): Entity {
  const stub = toEntity({ entity: raw, names: [], statements: [], claims: [] }, catalog);
  stub.allStatements = null;
  return stub;
}

export function toStatement(self: Entity, s: EntityRow['statements'][number], catalog: SourceCatalog): Statement {
  return buildStatement(self, toStub(s.other, catalog), s, catalog);
}

/** A statement between the entity asked about and the other end (both already built). */
export function buildStatement(self: Entity, other: Entity, s: { type: string; out: boolean; props: Record<string, any> }, catalog: SourceCatalog): Statement {
  const p = s.props;
  return Object.assign(new Statement(), {
    factId: p.factId ?? '', type: s.type as RelationType, direction: s.out ? Direction.OUT : Direction.IN,
    subject: s.out ? self : other, object: s.out ? other : self, other,
    role: p.role ?? undefined, area: p.area ?? undefined, level: p.level ?? undefined, note: p.note ?? undefined,
    start: toPartialDate(p.start), end: toPartialDate(p.end), attested: toPartialDate(p.attested),
    validFrom: p.validFrom ?? null, validTo: p.validTo ?? null, citations: toCitations(p.sources, p.quotes, catalog),
    rank: p.rank ?? 'NORMAL', rankReason: p.rankReason ?? null, truthy: p.truthy ?? true,
    endDerived: Boolean(p.endDerived), endRule: p.endRule ?? null, endSuccessor: p.endSuccessor ?? null,
    admittedAt: p.admittedAt ? toEntityRef({ key: p.admittedAt, type: 'Meeting', name: p.admittedAtName ?? p.admittedAt }) : null,
    factIds: p.factIds ?? (p.factId ? [p.factId] : []), references: toReferences(p, catalog),
  });
}

/** The stored parallel lists of a statement's references, as objects ('' in a list is absent). */
function toReferences(p: Record<string, any>, catalog: SourceCatalog): Reference[] {
  const citations = toCitations(p.refSources, p.refQuotes, catalog);
  const opt = (list: string[] | undefined, i: number) => (list?.[i] ? list[i] : null);
  return citations.map((citation, i) => Object.assign(new Reference(), {
    factId: p.refFactIds?.[i] ?? p.factId, citation, start: toPartialDate(opt(p.refStarts, i)), end: toPartialDate(opt(p.refEnds, i)),
    attested: toPartialDate(opt(p.refAttested, i)), level: opt(p.refLevels, i), rank: p.refRanks?.[i] ?? 'NORMAL', rankReason: opt(p.refReasons, i),
  }));
}

export function toClaim(raw: Record<string, any>, catalog: SourceCatalog): Claim {
  return Object.assign(new Claim(), {
    id: toGlobalId('Claim', raw.key), key: raw.key, property: raw.property, value: String(raw.value), numericValue: raw.numericValue ?? null,
    date: toPartialDate(raw.date), note: raw.note ?? undefined, conflict: Boolean(raw.conflict), citations: toCitations(raw.sources, raw.quotes, catalog),
    rank: raw.rank ?? 'NORMAL', rankReason: raw.rankReason ?? null,
  });
}

/** Builds the GraphQL object of an entity row; its fields then read from it without queries. */
export function toEntity(row: EntityRow, catalog: SourceCatalog, matchedBy?: NameMatch | null): Entity {
  const e = row.entity;
  const Class = ENTITY_CLASSES[e.type as keyof typeof ENTITY_CLASSES];
  if (!Class) throw new Error(`unknown entity type ${e.type}`);
  const entity: Entity = Object.assign(new Class(), {
    id: toGlobalId('Entity', e.key), key: e.key, type: e.type, name: e.name, nameTr: e.nameTr ?? undefined, description: e.description ?? undefined,
    citations: toCitations(e.sources, e.quotes, catalog),
    claims: (row.claims ?? []).map((c) => toClaim(c, catalog)),
    matchedBy: matchedBy ?? null,
    allNames: (row.names ?? []).map((n) => Object.assign(new NameEntry(), { text: n.text, lang: n.lang, kind: n.kind, from: toPartialDate(n.from), to: toPartialDate(n.to) })),
    allStatements: [],
    meetingKind: e.meetingKind ?? undefined, ordinal: e.ordinal ?? undefined, startText: e.start, endText: e.end,
    documentKind: e.documentKind ?? undefined, title: e.title ?? undefined, url: e.url ?? undefined, language: e.language ?? undefined,
    author: e.author ?? undefined, publisher: e.publisher ?? undefined, corpus: Boolean(e.corpus), dateText: e.date,
    supports: [], describes: [], supportsClaims: [],
  });
  entity.allStatements = (row.statements ?? []).filter(Boolean).map((s) => toStatement(entity, s, catalog));
  return entity;
}
