import { foldName } from '../util/fold-name';

/** One name of one entity, as the seed files declare it. */
export interface NameForLinking { entityKey: string; entityType: string; text: string; lang: string; kind: string }

/** A span of a text that names an entity; `text === source.slice(start, end)` (UTF-16 offsets). */
export interface Mention { entityKey: string; start: number; end: number; text: string; matchedName: string }

interface IndexedName {
  entityKey: string;
  text: string;
  folded: string;
  /** Per folded character: 'U' upper, 'L' lower, '-' caseless; used only when caseSensitive. */
  cases: string;
  caseSensitive: boolean;
  rank: number;
}

/** Names by folded first word, longest first, so the first full match is the longest. */
export interface NameIndex { byFirstWord: Map<string, IndexedName[]> }

// Meetings are events named by phrases ("CICA Summit") that would swallow the organisation
// mentioned inside them, and sources are the texts themselves: neither is linked.
const EXCLUDED_TYPES = new Set(['Meeting', 'Source']);

// Lower rank = stronger evidence; ambiguity is a tie between different entities at the best rank.
const KIND_RANK: Record<string, number> = { label: 0, acronym: 0, alias: 1, spelling: 1, former: 2 };

// Turkish case, plural, possessive and copula endings that may follow a name without an
// apostrophe ("Kazakistanda", "Milletlerin", "sözleşmesindeki"), in folded form (ı→i, ü→u).
const TR_SUFFIXES = new Set((
  'a e i u ya ye yi yu na ne ni nu in un nin nun da de ta te dan den tan ten nda nde ndan nden ' +
  'daki deki taki teki ndaki ndeki la le yla yle lar ler lari leri larin lerin larda lerde lara lere ' +
  'si su sin sun sinin sunun sini sine sinde sindeki sinden dir dur tir tur'
).split(' '));

const WORD = /[\p{L}\p{N}]/u;
const SPACE_OR_DASH = /[\s‐-―−-]/;
const APOSTROPHE = /['’ʼ`´]/;

interface Folded {
  folded: string;
  cases: string;
  /** Original UTF-16 start and end of the character(s) behind each folded character. */
  from: number[];
  to: number[];
}

const charCache = new Map<string, string>();
/** Folds one letter or digit with the shared Turkish-aware rules (İ/I/ı → i, marks dropped). */
function foldChar(ch: string): string {
  let f = charCache.get(ch);
  if (f === undefined) { f = foldName(ch) || ch.toLowerCase(); charCache.set(ch, f); }
  return f;
}

function caseOf(ch: string): string {
  if (ch !== ch.toLowerCase() && ch === ch.toUpperCase()) return 'U';
  if (ch !== ch.toUpperCase() && ch === ch.toLowerCase()) return 'L';
  return '-';
}

/**
 * Folds a text character by character, keeping where each folded character came from, so a
 * match in folded space maps back to exact original offsets. Whitespace and dash runs become one
 * space (names run across line breaks; "Confidence-Building" = "Confidence Building"), all
 * apostrophes become ', and other punctuation is kept as it is.
 */
function* foldWithMapSteps(text: string): Generator<void, Folded> {
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

function wordAt(s: string, i: number): string {
  let j = i;
  while (j < s.length && WORD.test(s[j])) j++;
  return s.slice(i, j);
}

/** Acronyms, and short all-capital names ("CICA", "BM"), must keep their case: not "un", not "Bm". */
function isCaseSensitive(text: string, kind: string): boolean {
  if (kind === 'acronym') return true;
  const letters = [...text].filter((c) => /\p{L}/u.test(c));
  return letters.length > 0 && letters.length <= 5 && letters.every((c) => caseOf(c) === 'U');
}

export function buildNameIndex(names: NameForLinking[]): NameIndex {
  const byFirstWord = new Map<string, IndexedName[]>();
  const seen = new Set<string>();
  for (const n of names) {
    if (EXCLUDED_TYPES.has(n.entityType)) continue;
    const { folded, cases } = drain(foldWithMapSteps(n.text.trim()));
    const key = wordAt(folded, 0);
    if (!key) continue;
    const caseSensitive = isCaseSensitive(n.text, n.kind);
    const id = `${n.entityKey}\u0000${n.text.trim()}\u0000${n.kind}`;
    if (seen.has(id)) continue; // the same form in several languages counts once
    seen.add(id);
    const entry: IndexedName = { entityKey: n.entityKey, text: n.text.trim(), folded, cases, caseSensitive, rank: KIND_RANK[n.kind] ?? 1 };
    const list = byFirstWord.get(key) ?? [];
    list.push(entry);
    byFirstWord.set(key, list);
  }
  for (const list of byFirstWord.values()) list.sort(compareNames);
  return { byFirstWord };
}

function compareNames(a: IndexedName, b: IndexedName): number {
  return b.folded.length - a.folded.length || a.rank - b.rank
    || (a.entityKey < b.entityKey ? -1 : a.entityKey > b.entityKey ? 1 : 0) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
}

/** Does a name found at folded position `end` stop at a word end, or at a Turkish suffix? */
function endsWell(f: string, end: number, turkish: boolean): boolean {
  if (end >= f.length || !WORD.test(f[end]) || !WORD.test(f[end - 1])) return true;
  return turkish && TR_SUFFIXES.has(wordAt(f, end));
}

/** The linker as resumable steps: it yields every few thousand characters so a caller can let others run. */
function* linkSteps(text: string, language: string, index: NameIndex, maxMentions: number): Generator<void, Mention[]> {
  const turkish = language === 'tr';
  const { folded: f, cases, from, to } = yield* foldWithMapSteps(text);
  const mentions: Mention[] = [];
  let i = 0;
  let steps = 0;
  while (i < f.length && mentions.length < maxMentions) {
    if ((++steps & 2047) === 0) yield;
    // Matches start only at a word start; an apostrophe counts as a boundary.
    if (!WORD.test(f[i]) || (i > 0 && WORD.test(f[i - 1]))) { i++; continue; }
    const word = wordAt(f, i);
    const keys = new Set([word]);
    // A one-word name may carry a suffix without apostrophe: look it up by its stem as well.
    if (turkish) for (let k = 1; k < word.length; k++) if (TR_SUFFIXES.has(word.slice(k))) keys.add(word.slice(0, k));
    const candidates = [...keys].flatMap((k) => index.byFirstWord.get(k) ?? []).sort(compareNames);
    const hits = candidates.filter((n) => f.startsWith(n.folded, i) && endsWell(f, i + n.folded.length, turkish)
      && (!n.caseSensitive || [...n.cases].every((c, k) => c === '-' || c === cases[i + k])));
    if (hits.length === 0) { i += word.length; continue; }
    const longest = hits.filter((n) => n.folded.length === hits[0].folded.length);
    const best = longest.filter((n) => n.rank === Math.min(...longest.map((m) => m.rank)));
    const end = i + longest[0].folded.length;
    // A form that names several entities equally ("Anlaşma Protokolü") is left unlinked.
    if (new Set(best.map((n) => n.entityKey)).size === 1) {
      const start = from[i];
      const stop = to[end - 1];
      const surface = text.slice(start, stop);
      // Report the name as written when the entity has it, else the strongest one (order-independent).
      const name = best.find((n) => n.text === surface) ?? best[0];
      mentions.push({ entityKey: name.entityKey, start, end: stop, text: surface, matchedName: name.text });
    }
    i = end;
  }
  return mentions;
}

/** Finds entity names in a text: leftmost, longest, unambiguous, never overlapping. */
export function linkMentions(text: string, language: string, index: NameIndex, maxMentions = Infinity): Mention[] {
  return drain(linkSteps(text, language, index, maxMentions));
}

/**
 * linkMentions for large texts on a server: works in slices of `sliceMs` and yields to the event
 * loop between them, so health checks and other requests are answered while a long text is linked.
 * Stops after `maxMentions` (the caller reports the text as truncated).
 */
export async function linkMentionsInSlices(text: string, language: string, index: NameIndex, maxMentions = Infinity, sliceMs = 8): Promise<Mention[]> {
  const steps = linkSteps(text, language, index, maxMentions);
  for (;;) {
    const until = performance.now() + sliceMs;
    let step = steps.next();
    while (!step.done && performance.now() < until) step = steps.next();
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
