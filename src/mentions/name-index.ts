import { caseOf, foldPhrase } from './fold-text';
import { nameVariants } from './name-variants';

/** One name of one entity, as the seed files declare it. */
export interface NameForLinking { entityKey: string; entityType: string; text: string; lang: string; kind: string }

/** What the graph says about one meeting, for resolving "the sixth summit" to it. */
export interface MeetingDescriptor {
  key: string;
  meetingKind: string;
  ordinal?: number | null;
  /** The year it started, if known. */
  year?: number | null;
  /** Organisations it is PART_OF. */
  orgKeys: string[];
  /** Cities it was HELD_IN. */
  cityKeys: string[];
}

/** Facts beyond names that the linker uses. */
export interface LinkingFacts {
  meetings: MeetingDescriptor[];
  /** People whose family name comes first (Xi Jinping, Hun Sen): their short form is the first word. */
  familyNameFirst: string[];
}

/** How a name is matched, in order of confidence. */
export type MatchMethod = 'exact' | 'acronym' | 'inflected' | 'variant' | 'surname-after-full' | 'meeting-ordinal' | 'meeting-city';

export interface IndexedName {
  entityKey: string;
  entityType: string;
  text: string;
  kind: string;
  /** Lower = stronger evidence (label/acronym over alias over former). */
  rank: number;
  method: 'exact' | 'acronym' | 'variant';
  words: string[];
  /** Folded separators between the words (" " mostly). */
  separators: string[];
  /** Per word, per folded character: 'U' / 'L' / '-'; compared only when caseSensitive. */
  cases: string[];
  caseSensitive: boolean;
  /** The name starts with a capital: a lower-case occurrence in a text is an ordinary word unless there is evidence. */
  capitalised: boolean;
  length: number;
}

/** A person's surname alone, linked only after the full name appeared in the same text. */
export interface SurnameEntry { entityKey: string; word: string; cyrillic: boolean }

/** Names by lookup key (the first word, and for Cyrillic its first three letters), surnames and meetings. */
export interface NameIndex {
  byKey: Map<string, IndexedName[]>;
  surnames: Map<string, SurnameEntry[]>;
  /** First words of people's names ("nursultan"), which a place may share. */
  givenNames: Set<string>;
  entityTypes: Map<string, string>;
  meetings: MeetingDescriptor[];
  /** Russian adjectives of cities ("алматинск" for Алматы), by their first three letters: "Алматинский саммит". */
  placeAdjectives: Map<string, { prefix: string; entityKey: string }[]>;
}

// Meetings are found by the meeting rules (ordinal, kind, organisation), sources are the texts themselves.
const EXCLUDED_TYPES = new Set(['Meeting', 'Source']);
const KIND_RANK: Record<string, number> = { label: 0, acronym: 0, alias: 1, spelling: 1, former: 2 };

/** Acronyms, and short all-capital names ("CICA", "BM"), must keep their case: not "un", not "Bm". */
function isCaseSensitive(text: string, kind: string): boolean {
  if (kind === 'acronym') return true;
  const letters = [...text].filter((c) => /\p{L}/u.test(c));
  return letters.length > 0 && letters.length <= 5 && letters.every((c) => caseOf(c) === 'U');
}

/** The key a word is looked up by; Cyrillic words also by their first three letters (case forms share them). */
export function lookupKeys(word: string, cyrillic: boolean): string[] {
  return cyrillic && word.length >= 3 ? [word, 'ru:' + word.slice(0, 3)] : [word];
}

export function compareNames(a: IndexedName, b: IndexedName): number {
  return b.length - a.length || a.rank - b.rank
    || (a.entityKey < b.entityKey ? -1 : a.entityKey > b.entityKey ? 1 : 0) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
}

const EMPTY_FACTS: LinkingFacts = { meetings: [], familyNameFirst: [] };

/** Builds the linker's index from the graph's names (and, for meetings and short forms, a few facts). */
export function buildNameIndex(names: NameForLinking[], facts: LinkingFacts = EMPTY_FACTS): NameIndex {
  const byKey = new Map<string, IndexedName[]>();
  const surnames = new Map<string, SurnameEntry[]>();
  const givenNames = new Set<string>();
  const entityTypes = new Map<string, string>();
  const familyFirst = new Set(facts.familyNameFirst);
  const seen = new Set<string>();
  const placeAdjectives = new Map<string, { prefix: string; entityKey: string }[]>();
  const add = (entry: IndexedName) => {
    const id = `${entry.entityKey}\u0000${entry.text}\u0000${entry.method}\u0000${entry.words.join(' ')}`;
    if (seen.has(id)) return; // the same form in several languages counts once
    seen.add(id);
    const first = entry.words[0];
    for (const k of lookupKeys(first, /[\u0400-\u04ff]/.test(first))) (byKey.get(k) ?? byKey.set(k, []).get(k)!).push(entry);
  };
  const sorted = [...names].sort((a, b) => (KIND_RANK[a.kind] ?? 1) - (KIND_RANK[b.kind] ?? 1));
  for (const n of sorted) {
    entityTypes.set(n.entityKey, n.entityType);
    if (EXCLUDED_TYPES.has(n.entityType)) continue;
    const { folded, tokens, separators } = foldPhrase(n.text);
    if (!tokens.length || tokens[0].start !== 0) continue;
    const words = tokens.map((t) => t.word);
    const cases = tokens.map((t) => folded.cases.slice(t.start, t.end));
    const caseSensitive = isCaseSensitive(n.text, n.kind);
    const base: IndexedName = {
      entityKey: n.entityKey, entityType: n.entityType, text: n.text.trim(), kind: n.kind, rank: KIND_RANK[n.kind] ?? 1,
      method: n.kind === 'acronym' ? 'acronym' : 'exact', words, separators, cases, caseSensitive,
      capitalised: folded.cases[0] === 'U', length: folded.folded.length,
    };
    add(base);
    for (const variant of nameVariants(words, n.entityType)) {
      add({ ...base, method: 'variant', words: variant, caseSensitive: false, length: variant.join(' ').length });
    }
    if (n.entityType === 'Place' && words.length === 1 && tokens[0].cyrillic && words[0].length >= 4) {
      const stem = words[0].replace(/[аяыеиоуьй]$/, '');
      for (const prefix of new Set([stem + 'инск', stem + 'ск', stem + 'ск'.replace('с', 'ис')])) {
        const list = placeAdjectives.get(prefix.slice(0, 3)) ?? placeAdjectives.set(prefix.slice(0, 3), []).get(prefix.slice(0, 3))!;
        list.push({ prefix, entityKey: n.entityKey });
      }
    }
    if (n.entityType === 'Person' && words.length >= 2) {
      givenNames.add(words[0]);
      const short = familyFirst.has(n.entityKey) ? words[0] : words[words.length - 1];
      const cyrillic = tokens[0].cyrillic;
      const forms = [short, ...(cyrillic ? [] : nameVariants([short], 'Person').map((v) => v[0]))];
      for (const word of forms) {
        for (const k of lookupKeys(word, cyrillic)) {
          const list = surnames.get(k) ?? surnames.set(k, []).get(k)!;
          if (!list.some((s) => s.entityKey === n.entityKey && s.word === word)) list.push({ entityKey: n.entityKey, word, cyrillic });
        }
      }
    }
  }
  for (const list of byKey.values()) list.sort(compareNames);
  return { byKey, surnames, givenNames, entityTypes, meetings: facts.meetings, placeAdjectives };
}
