import { foldName } from '../util/fold-name';
import { parsePartialDate } from '../util/partial-date';
import {
  acronymOf, createRandom, createWordSource, DOCUMENT_KINDS, DOCUMENT_TOPICS, LANGUAGES, MEETING_KIND_NAMES, MEETING_KINDS,
  ordinal, ORG_KINDS, ORG_TOPICS, PUBLISHERS, Random, SOURCE_KINDS, WORD_SPACE,
} from './synthetic-names';

/**
 * What the synthetic graph holds at a scale, and its entities. Keys start with "syn-", every
 * item carries origin 'synthetic'. States stop growing at about 200 (there are not more states
 * in the world); everything else grows with the scale, at the ratios issue 11 asks for: at
 * 1000x about 3,000 organizations, 30,000 meetings, 20,000 documents, 30,000 people, 5,000
 * places and 5,000 sources.
 */
export const SYNTHETIC_PREFIX = 'syn-';
export const SYNTHETIC_ORIGIN = 'synthetic';
export const SYNTHETIC_TYPES = ['State', 'Organization', 'Meeting', 'Document', 'Person', 'Place', 'Source'] as const;
export type SyntheticType = (typeof SYNTHETIC_TYPES)[number];

export interface SyntheticSize { states: number; organizations: number; meetings: number; documents: number; people: number; places: number; sources: number }

export function syntheticSize(scale: number): SyntheticSize {
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`scale must be a positive number, got ${scale}`);
  const per = (n: number) => Math.max(1, Math.round(n * scale));
  return {
    // 40 at 1x, about 117 at 100x, 200 at 1000x and beyond.
    states: Math.min(200, Math.max(2, Math.round(40 * scale ** (Math.log(5) / Math.log(1000))))),
    organizations: Math.max(2, per(3)), meetings: per(30), documents: per(20), people: per(30), places: per(5), sources: per(5),
  };
}

export interface SyntheticName { key: string; text: string; folded: string; lang: string; kind: string; from: string | null; to: string | null }

export interface SyntheticEntity {
  key: string;
  type: SyntheticType;
  name: string;
  props: Record<string, unknown>;
  names: SyntheticName[];
}

/** The entities, grouped by type, and what statements need to know of them. */
export interface SyntheticEntities {
  size: SyntheticSize;
  seed: number;
  all: SyntheticEntity[];
  states: SyntheticEntity[];
  organizations: SyntheticEntity[];
  meetings: (SyntheticEntity & { date: string; org: number })[];
  documents: SyntheticEntity[];
  people: SyntheticEntity[];
  places: SyntheticEntity[];
  sources: SyntheticEntity[];
}

const pad = (n: number) => String(n).padStart(2, '0');
/** A random day from `from` to `to` (years), as YYYY-MM-DD. */
export const randomDay = (random: Random, from: number, to: number) => `${random.int(from, to)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
export const dayOf = (edtf: string | null | undefined, which: 'earliest' | 'latest' = 'earliest') => {
  const parsed = edtf ? parsePartialDate(edtf) : null;
  return parsed ? parsed[which] : null;
};

function entity(type: SyntheticType, key: string, names: [string, string, string][], props: Record<string, unknown>): SyntheticEntity {
  const name = names[0][0];
  const tr = names.find((n) => n[1] === 'tr')?.[0] ?? null;
  return {
    key, type, name,
    props: {
      type, name, nameTr: tr, description: props.description ?? null, start: props.start ?? null, end: props.end ?? null,
      startDay: dayOf(props.start as string | null), endDay: dayOf((props.end ?? props.start) as string | null, 'latest'),
      ...props, sources: [], quotes: [], origin: SYNTHETIC_ORIGIN,
    },
    names: names.map(([text, lang, kind]) => ({ key: `${key}|${lang}|${text}`, text, folded: foldName(text), lang, kind, from: null, to: null })),
  };
}

/** Builds the entities of a scale; the same scale and seed give the same entities. */
export function buildSyntheticEntities(scale: number, seed = 42): SyntheticEntities {
  const size = syntheticSize(scale);
  const random = createRandom(seed);
  const word = createWordSource(seed);
  const words = size.states + size.organizations * 2 + size.places + size.documents + size.people * 2 + size.sources;
  if (words > WORD_SPACE) throw new Error(`scale ${scale} needs ${words} distinct names; at most ${WORD_SPACE} can be invented`);

  const states = Array.from({ length: size.states }, (_, i) => {
    const w = word();
    // "Synthetic State i" stays as an alias: the traversal bench asks for states by that name.
    return entity('State', `${SYNTHETIC_PREFIX}state-${i}`, [[w, 'en', 'label'], [`Republic of ${w}`, 'en', 'alias'], [`${w} Cumhuriyeti`, 'tr', 'label'], [`Synthetic State ${i}`, 'en', 'alias']],
      { description: `An invented state of the synthetic graph (${i})`, start: `${random.int(1920, 1995)}` });
  });
  const organizations = Array.from({ length: size.organizations }, (_, i) => {
    const name = `${random.pick(ORG_KINDS)} on ${word()} ${random.pick(ORG_TOPICS)} of ${word()}`;
    return entity('Organization', `${SYNTHETIC_PREFIX}org-${i}`, [[name, 'en', 'label'], [acronymOf(name) + i, 'en', 'acronym'], [`${name} Teşkilatı`, 'tr', 'label']],
      { description: i === 0 ? 'The synthetic hub: every synthetic state is a member, a tenth of the meetings are its own' : 'An invented organization', start: `${random.int(1950, 2015)}` });
  });
  const places = Array.from({ length: size.places }, (_, i) => {
    const w = word();
    return entity('Place', `${SYNTHETIC_PREFIX}place-${i}`, [[w, 'en', 'label'], [`${w} City`, 'en', 'alias']], { description: 'An invented city' });
  });
  const perOrg = new Map<number, number>();
  const meetings = Array.from({ length: size.meetings }, (_, i) => {
    // Every tenth meeting is the hub's, the rest spread over the organizations.
    const org = i % 10 === 0 ? 0 : random.int(0, size.organizations - 1);
    const n = (perOrg.get(org) ?? 0) + 1;
    perOrg.set(org, n);
    const kind = random.pick(MEETING_KINDS);
    const date = randomDay(random, 1993, 2024);
    const orgName = organizations[org].names[1].text;
    const name = `${ordinal(n)} ${orgName} ${MEETING_KIND_NAMES[kind]}`;
    const e = entity('Meeting', `${SYNTHETIC_PREFIX}meeting-${i}`, [[name, 'en', 'label'], [`${n}. ${orgName} ${MEETING_KIND_NAMES[kind]} Toplantısı`, 'tr', 'label']],
      { description: `${name}, ${date}`, meetingKind: kind, ordinal: n, start: date, end: date });
    return Object.assign(e, { date, org });
  });
  const documents = Array.from({ length: size.documents }, (_, i) => {
    const kind = random.pick(DOCUMENT_KINDS);
    const name = `${word()} ${kind[0].toUpperCase() + kind.slice(1)} on ${random.pick(DOCUMENT_TOPICS)}`;
    return entity('Document', `${SYNTHETIC_PREFIX}document-${i}`, [[name, 'en', 'label'], [`${name} Belgesi`, 'tr', 'label']], { documentKind: kind, description: 'An invented document' });
  });
  const people = Array.from({ length: size.people }, (_, i) => {
    const given = word();
    const family = word();
    return entity('Person', `${SYNTHETIC_PREFIX}person-${i}`, [[`${given} ${family}`, 'en', 'label'], [`${given[0]}. ${family}`, 'en', 'alias']], { description: 'An invented person' });
  });
  const sources = Array.from({ length: size.sources }, (_, i) => {
    const publisher = random.pick(PUBLISHERS);
    const title = `${publisher}: ${word()} report ${i}`;
    const date = randomDay(random, 1995, 2024);
    return entity('Source', `${SYNTHETIC_PREFIX}src-${i}`, [[`${SYNTHETIC_PREFIX}src-${i}`, 'en', 'alias'], [title, 'en', 'label']], {
      title, date, publisher, url: `https://synthetic.invalid/${i}`, language: random.pick(LANGUAGES), kind: random.pick(SOURCE_KINDS),
      corpus: false, author: null, description: 'An invented source',
    });
  });
  for (const s of sources) s.name = s.props.name = s.props.title as string;
  return { size, seed, all: [...states, ...organizations, ...places, ...meetings, ...documents, ...people, ...sources], states, organizations, meetings, documents, people, places, sources };
}
