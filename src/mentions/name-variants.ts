/**
 * Spelling variants of a name by transliteration rules that hold across sources (Kazakh, Russian
 * and Turkic names in Latin script; British and American English), applied to folded Latin words.
 * Not a list of names: each rule is a pattern, and a name gets every variant the patterns give.
 */

type Rule = (word: string) => string[];

const CONSONANT_PAIR = /([bcdfghjklmnpqrstvwxz])\1/;

const PERSON_RULES: Rule[] = [
  // Russian -ев after a vowel: Tokayev / Tokaev / Tokaiev (French Tokaïev), Nazarbayev / Nazarbaev.
  (w) => (/[aeiou]yev(a)?$/.test(w) ? [w.replace(/yev(a)?$/, 'ev$1'), w.replace(/yev(a)?$/, 'iev$1')] : []),
  (w) => (/[aeou]ev(a)?$/.test(w) ? [w.replace(/ev(a)?$/, 'yev$1')] : []),
  // Russian -ий: Dmitriy / Dmitry.
  (w) => (/iy$/.test(w) ? [w.replace(/iy$/, 'y')] : []),
  // Final -ay / -ai: Sarybay / Sarybai.
  (w) => (/ay$/.test(w) ? [w.replace(/ay$/, 'ai')] : /ai$/.test(w) ? [w.replace(/ai$/, 'ay')] : []),
  // A doubled consonant written single: Kassym / Kasym.
  (w) => (CONSONANT_PAIR.test(w) ? [w.replace(CONSONANT_PAIR, '$1')] : []),
  // Kazakh Ж: Zhandos / Jandos, Japarov / Zhaparov.
  (w) => (w.startsWith('zh') ? ['j' + w.slice(2)] : w.startsWith('j') ? ['zh' + w.slice(1)] : []),
  // Russian Х: Rakhmon / Rahmon.
  (w) => (w.includes('kh') ? [w.replace('kh', 'h')] : []),
];

const ENGLISH_RULES: Rule[] = [
  // Organisation / Organization, -isation / -ization.
  (w) => (/is(ation|e|ed)$/.test(w) ? [w.replace(/is(ation|e|ed)$/, 'iz$1')] : /iz(ation|e|ed)$/.test(w) ? [w.replace(/iz(ation|e|ed)$/, 'is$1')] : []),
];

const LATIN = /^[a-z0-9]+$/;
const MAX_VARIANTS = 16;

/** The variant word lists of a name's folded words (without the name itself), for one entity type. */
export function nameVariants(words: string[], entityType: string): string[][] {
  const rules = entityType === 'Person' ? PERSON_RULES : entityType === 'Place' ? PERSON_RULES.slice(4, 5) : ENGLISH_RULES;
  if (!words.every((w) => LATIN.test(w))) return [];
  const options = words.map((w) => [w, ...new Set(rules.flatMap((r) => r(w)).filter((v) => v !== w && v.length >= 2))]);
  let combos: string[][] = [[]];
  for (const opts of options) {
    const next: string[][] = [];
    for (const c of combos) for (const o of opts) if (next.length < MAX_VARIANTS * 4) next.push([...c, o]);
    combos = next;
  }
  const same = words.join(' ');
  return combos.filter((c) => c.join(' ') !== same).slice(0, MAX_VARIANTS);
}
