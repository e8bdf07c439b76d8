import { foldName } from '../util/fold-name';

/** A letter or digit: what words are made of. */
export const WORD = /[\p{L}\p{N}]/u;
const SPACE_OR_DASH = /[\s‐-―−-]/;
const APOSTROPHE = /['’ʼ`´]/;

/** A text folded for matching, with where each folded character came from. */
export interface Folded {
  folded: string;
  /** Per folded character: 'U' upper, 'L' lower, '-' caseless. */
  cases: string;
  /** Original UTF-16 start and end of the character(s) behind each folded character. */
  from: number[];
  to: number[];
}

/** One word of a folded text: folded offsets [start, end) and the folded word. */
export interface Token { start: number; end: number; word: string; cyrillic: boolean }

const charCache = new Map<string, string>();
/** Folds one letter or digit with the shared Turkish-aware rules (İ/I/ı → i, marks dropped). */
function foldChar(ch: string): string {
  let f = charCache.get(ch);
  // Й stays й: the Russian stemmer reads "-ой", "-ый" as endings, and "-ои" is not one.
  if (f === undefined) { f = ch === 'й' || ch === 'Й' ? 'й' : foldName(ch) || ch.toLowerCase(); charCache.set(ch, f); }
  return f;
}

/** 'U' upper, 'L' lower, '-' caseless. */
export function caseOf(ch: string): string {
  if (ch !== ch.toLowerCase() && ch === ch.toUpperCase()) return 'U';
  if (ch !== ch.toUpperCase() && ch === ch.toLowerCase()) return 'L';
  return '-';
}

/**
 * Folds a text character by character, keeping where each folded character came from, so a
 * match in folded space maps back to exact original offsets. Whitespace and dash runs become one
 * space (names run across line breaks; "Confidence-Building" = "Confidence Building"), all
 * apostrophes become ', and other punctuation is kept as it is. Yields every 4096 characters.
 */
export function* foldWithMapSteps(text: string): Generator<void, Folded> {
  let folded = '';
  let lastSpace = false;
  let cases = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  while (i < text.length) {
    if ((i & 4095) === 0 && i > 0) yield;
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    const end = i + ch.length;
    if (SPACE_OR_DASH.test(ch)) {
      // A flag, not folded.endsWith(' '): that would flatten the growing string on every space (quadratic).
      if (lastSpace) to[to.length - 1] = end;
      else { folded += ' '; cases += '-'; from.push(i); to.push(end); lastSpace = true; }
    } else if (/\p{M}/u.test(ch)) {
      if (to.length) to[to.length - 1] = end; // a combining mark belongs to the letter before it
    } else {
      const f = WORD.test(ch) ? foldChar(ch) : APOSTROPHE.test(ch) ? "'" : ch;
      // One entry per UTF-16 code unit, so positions in `folded` index from/to/cases directly (emoji take two).
      for (let k = 0; k < f.length; k++) { folded += f[k]; cases += caseOf(ch); from.push(i); to.push(end); }
      lastSpace = false;
    }
    i = end;
  }
  return { folded, cases, from, to };
}

const CYRILLIC = /[\u0400-\u04ff]/;

/** The words of a folded text, in order. */
export function tokenize(folded: string): Token[] {
  const tokens: Token[] = [];
  const re = /[\p{L}\p{N}]+/gu;
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    tokens.push({ start: m.index, end: m.index + m[0].length, word: m[0], cyrillic: CYRILLIC.test(m[0][0]) });
  }
  return tokens;
}

/** Folds a short string (a name) and returns its words and the separators between them. */
export function foldPhrase(text: string): { folded: Folded; tokens: Token[]; separators: string[] } {
  const folded = drain(foldWithMapSteps(text.trim()));
  const tokens = tokenize(folded.folded);
  const separators = tokens.slice(1).map((t, k) => folded.folded.slice(tokens[k].end, t.start));
  return { folded, tokens, separators };
}

/** Runs resumable steps to the end. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
