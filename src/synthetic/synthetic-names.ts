/**
 * Deterministic randomness and invented names for the synthetic graph. Every name is built from
 * a word that no other synthetic entity uses (a bijection of a global counter onto three
 * syllables), so names resolve to one entity each and the full-text index gets many distinct
 * tokens, as a real index of many names would.
 */

/** mulberry32: a small seeded generator, the same numbers for the same seed on every machine. */
export function createRandom(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** A whole number from `from` to `to`, both included. */
    int: (from: number, to: number) => from + Math.floor(next() * (to - from + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)],
    chance: (p: number) => next() < p,
    /** `count` distinct items of a list (all of it when it is shorter). */
    sample: <T>(list: readonly T[], count: number): T[] => {
      if (count >= list.length) return [...list];
      const chosen = new Set<number>();
      while (chosen.size < count) chosen.add(Math.floor(next() * list.length));
      return [...chosen].sort((a, b) => a - b).map((i) => list[i]);
    },
  };
}
export type Random = ReturnType<typeof createRandom>;

const CONSONANTS = ['b', 'd', 'k', 'l', 'm', 'n', 'r', 's', 't', 'v', 'z', 'sh'];
const VOWELS = ['a', 'e', 'i', 'o'];
const SYLLABLES = CONSONANTS.flatMap((c) => VOWELS.map((v) => c + v));
const BASE = SYLLABLES.length;
/** How many distinct words there are: 48^3. */
export const WORD_SPACE = BASE ** 3;
const STRIDE = 7919;

/** The n-th invented word (n < WORD_SPACE), capitalized, e.g. "Tavoreshi"; different n, different word. */
export function inventedWord(n: number, seed: number): string {
  if (n < 0 || n >= WORD_SPACE) throw new Error(`synthetic word ${n} is outside the ${WORD_SPACE} words there are`);
  // 7919 is prime and does not divide 48^3, so n -> m is a bijection; the seed shifts all words.
  const m = (n * STRIDE + (seed % WORD_SPACE) * 131) % WORD_SPACE;
  const text = SYLLABLES[Math.floor(m / (BASE * BASE))] + SYLLABLES[Math.floor(m / BASE) % BASE] + SYLLABLES[m % BASE];
  return text[0].toUpperCase() + text.slice(1);
}

/** Hands out words in order, each once. */
export function createWordSource(seed: number) {
  let next = 0;
  return () => inventedWord(next++, seed);
}

export const ORG_KINDS = ['Council', 'Forum', 'Conference', 'Union', 'Organization', 'Assembly', 'Partnership'];
export const ORG_TOPICS = ['Cooperation', 'Security', 'Dialogue', 'Trade', 'Confidence Building', 'Development', 'Energy'];
export const MEETING_KINDS = ['summit', 'ministerial', 'senior-officials', 'working-group', 'special'] as const;
export const MEETING_KIND_NAMES: Record<(typeof MEETING_KINDS)[number], string> = {
  summit: 'Summit', ministerial: 'Ministerial Meeting', 'senior-officials': 'Senior Officials Committee',
  'working-group': 'Special Working Group', special: 'Special Session',
};
export const DOCUMENT_KINDS = ['declaration', 'statement', 'action plan', 'convention', 'communique'] as const;
export const DOCUMENT_TOPICS = ['Principles Guiding Relations', 'Confidence Building Measures', 'Eliminating Terrorism',
  'Dialogue among Civilizations', 'Economic Cooperation', 'Transport Corridors', 'Food Security', 'Digital Connectivity'];
export const LEVELS = ['head of state', 'head of government', 'vice president', 'foreign minister', 'deputy foreign minister', 'ambassador'];
export const OFFICES = ['head of state', 'head of government', 'foreign minister', 'deputy foreign minister', 'ambassador'];
export const ORG_OFFICES = ['executive director', 'secretary-general', 'deputy executive director'];
export const AREAS = ['economic dimension', 'environmental dimension', 'human dimension', 'new challenges and threats', 'military-political dimension'];
export const PUBLISHERS = ['Synthetic Wire', 'Imaginary Herald', 'Foreign Ministry Bulletin', 'Secretariat Press Office', 'Regional Review'];
export const SOURCE_KINDS = ['official', 'government', 'news', 'commentary', 'reference'] as const;
export const LANGUAGES = ['en', 'en', 'en', 'ru', 'tr'] as const;

const ORDINAL_SUFFIX = (n: number) => (n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
export const ordinal = (n: number) => `${n}${ORDINAL_SUFFIX(n)}`;

/** The initials of a name's capitalized words, prefixed with X so no real acronym (CICA, SCO, OSCE) is taken. */
export function acronymOf(name: string): string {
  return 'X' + name.split(/\s+/).filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join('');
}
