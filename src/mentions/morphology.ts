import { newStemmer } from 'snowball-stemmers';

/**
 * Word-level morphology for matching names: Russian case forms by Snowball stems, Turkish
 * suffixes glued to a name, Russian patronymics. Works on folded words (lower case, ё→е; й is kept).
 */

// Turkish case, plural, possessive and copula endings that may follow a name without an
// apostrophe ("Kazakistanda", "Milletlerin", "sözleşmesindeki"), in folded form (ı→i, ü→u).
export const TR_SUFFIXES = new Set((
  'a e i u ya ye yi yu na ne ni nu in un nin nun da de ta te dan den tan ten nda nde ndan nden ' +
  'daki deki taki teki ndaki ndeki la le yla yle lar ler lari leri larin lerin larda lerde lara lere ' +
  'si su sin sun sinin sunun sini sine sinde sindeki sinden dir dur tir tur'
).split(' '));

const russian = newStemmer('russian');
const stems = new Map<string, string>();
/** The Snowball Russian stem of a folded word, cached (a text repeats its words). */
export function russianStem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = russian.stem(word) as string;
    if (stems.size > 200_000) stems.clear();
    stems.set(word, s);
  }
  return s;
}

// Endings a Russian noun, adjective or name takes (folded, with й kept); what may differ between two forms.
const RU_ENDINGS = new Set((
  'а я у ю е и ы о ь й ой ей ый ий ией ьей ои еи ом ем ам ям ах ях ами ями ого его ому ему ым им ых их ую юю ая яя ое ее ии ыи ия ию иеи ье ья ьи ью ьеи ьем ьего ову еву ова ева ове еве овы евы ов ев ин ина ину ине ины ым'
).split(' ')).add('');
// A person's name does not take the endings of feminine nouns in -ия (Герман is not Германия).
const PERSON_EXCLUDED = new Set(['ия', 'ии', 'ию', 'ией']);

/**
 * Is `text` a case form of the Russian word `name`? Both must share the longer of their two
 * Snowball stems (Snowball cuts proper nouns unevenly: токаев → тока, токаева → токаев) and differ
 * only by noun or adjective endings. Stems of three letters or fewer ("инд", "ира") are taken only
 * for capitalised proper nouns; shorter ones only exactly.
 */
export function isRussianForm(text: string, name: string, capitalised: boolean, person: boolean): boolean {
  if (text === name) return true;
  const a = russianStem(text);
  const b = russianStem(name);
  const need = Math.max(a.length, b.length);
  if (need < 3 || (need === 3 && !capitalised)) return false;
  let p = 0;
  while (p < text.length && p < name.length && text[p] === name[p]) p++;
  // The shared part may end inside an ending (совещани-ем / совещани-е share "совещание"): try each split.
  for (let q = p; q >= need; q--) {
    const tailText = text.slice(q);
    if (RU_ENDINGS.has(tailText) && RU_ENDINGS.has(name.slice(q))) return !(person && PERSON_EXCLUDED.has(tailText));
  }
  return false;
}

const PATRONYMIC = /^[а-я]{3,}(ович|евич|ич|овна|евна|ична|инична)(а|у|ем|ом|е|ой|ы|и|ю)?$/;
/** A Russian patronymic in any case ("Кемелевича", "Абишевичем"), which may stand between a given name and a surname. */
export function isPatronymic(word: string): boolean {
  return PATRONYMIC.test(word);
}

/**
 * How a text word meets a name word: 'exact', 'inflected' (a Russian case form), a Turkish suffix
 * glued to the name's last word (returns the suffix length) or no match (null).
 */
export function compareWord(text: string, name: string, opts: { russian: boolean; turkish: boolean; last: boolean; capitalised: boolean; person: boolean }):
  { how: 'exact' | 'inflected'; cut: number } | null {
  if (text === name) return { how: 'exact', cut: 0 };
  if (opts.turkish && opts.last && text.startsWith(name) && TR_SUFFIXES.has(text.slice(name.length))) return { how: 'exact', cut: text.length - name.length };
  if (opts.russian && isRussianForm(text, name, opts.capitalised, opts.person)) return { how: 'inflected', cut: 0 };
  return null;
}
