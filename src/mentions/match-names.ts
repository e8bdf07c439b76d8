import { Token } from './fold-text';
import { compareWord, isPatronymic, TR_SUFFIXES } from './morphology';
import { compareNames, IndexedName, lookupKeys, NameIndex } from './name-index';

/** One text being linked: its folded form, its words, and the index. */
export interface LinkContext {
  text: string;
  folded: string;
  cases: string;
  from: number[];
  to: number[];
  tokens: Token[];
  turkish: boolean;
  index: NameIndex;
}

/** A name found at a word: the words it covers [startTok, endTok) and where it ends in folded text. */
export interface NameHit {
  name: IndexedName;
  startTok: number;
  endTok: number;
  /** Folded end: before a Turkish suffix glued to the last word. */
  end: number;
  method: 'exact' | 'acronym' | 'inflected' | 'variant';
  /** True when another entity has an equally good name there (left unlinked). */
  ambiguous: boolean;
}

const METHOD_ORDER: Record<string, number> = { exact: 0, acronym: 0, inflected: 1, variant: 2 };

/** The separator between word j-1 and word j. */
export function separatorBefore(ctx: LinkContext, j: number): string {
  return ctx.folded.slice(ctx.tokens[j - 1].end, ctx.tokens[j].start);
}

/** Does word j start with a capital letter in the text? */
export function isCapitalised(ctx: LinkContext, j: number): boolean {
  return ctx.cases[ctx.tokens[j].start] === 'U';
}

function matchSequence(ctx: LinkContext, i: number, n: IndexedName): { endTok: number; end: number; inflected: boolean } | null {
  const { tokens } = ctx;
  const person = n.entityType === 'Person';
  let j = i;
  let inflected = false;
  let end = 0;
  for (let k = 0; k < n.words.length; k++, j++) {
    if (j >= tokens.length) return null;
    if (k > 0) {
      let sep = separatorBefore(ctx, j);
      // A Russian patronymic between given name and surname: "Касым-Жомарта Кемелевича Токаева".
      if (k === n.words.length - 1 && person && sep === ' ' && tokens[j].cyrillic && isPatronymic(tokens[j].word) && j + 1 < tokens.length) {
        j++; sep = separatorBefore(ctx, j);
      }
      if (sep !== n.separators[k - 1]) return null;
    }
    const tok = tokens[j];
    const capitalised = ctx.cases[tok.start] === 'U';
    const word = n.words[k];
    const r = compareWord(tok.word, word, { russian: tok.cyrillic, turkish: ctx.turkish, last: k === n.words.length - 1, capitalised, person });
    if (!r) return null;
    if (r.how === 'inflected') {
      if (n.caseSensitive || (n.cases[k][0] === 'U' && !capitalised)) return null;
      inflected = true;
    } else if (n.caseSensitive) {
      const got = ctx.cases.slice(tok.start, tok.start + word.length);
      for (let c = 0; c < word.length; c++) if (n.cases[k][c] !== '-' && n.cases[k][c] !== got[c]) return null;
    }
    end = tok.end - r.cut;
  }
  return { endTok: j, end, inflected };
}

/** The best name starting at word i (longest, then exact over inflected over variant, then the stronger kind), or null. */
export function matchNameAt(ctx: LinkContext, i: number, accept?: (n: IndexedName) => boolean): NameHit | null {
  const tok = ctx.tokens[i];
  const keys = lookupKeys(tok.word, tok.cyrillic);
  // A one-word Turkish name may carry a suffix without apostrophe: look it up by its stem as well (suffixes are at most 7 letters).
  if (ctx.turkish) for (let k = Math.max(1, tok.word.length - 7); k < tok.word.length; k++) if (TR_SUFFIXES.has(tok.word.slice(k))) keys.push(tok.word.slice(0, k));
  let best: NameHit[] = [];
  let bestScore: number[] = [];
  for (const key of keys) {
    for (const n of ctx.index.byKey.get(key) ?? []) {
      if (accept && !accept(n)) continue;
      const m = matchSequence(ctx, i, n);
      if (!m) continue;
      const method = m.inflected ? 'inflected' : n.method;
      const score = [-m.end, METHOD_ORDER[method], n.rank];
      const cmp = best.length === 0 ? -1 : compareScores(score, bestScore);
      const hit: NameHit = { name: n, startTok: i, endTok: m.endTok, end: m.end, method, ambiguous: false };
      if (cmp < 0) { best = [hit]; bestScore = score; } else if (cmp === 0) best.push(hit);
    }
  }
  if (!best.length) return null;
  best.sort((a, b) => compareNames(a.name, b.name));
  const surface = ctx.text.slice(ctx.from[ctx.tokens[i].start], ctx.to[best[0].end - 1]);
  const chosen = best.find((h) => h.name.text === surface) ?? best[0];
  // A form that names several entities equally ("Anlaşma Protokolü") is left unlinked.
  chosen.ambiguous = new Set(best.map((h) => h.name.entityKey)).size > 1;
  return chosen;
}

function compareScores(a: number[], b: number[]): number {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k] - b[k];
  return 0;
}
