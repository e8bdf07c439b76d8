import { compareWord } from './morphology';
import { isCapitalised, LinkContext, matchNameAt, NameHit, separatorBefore } from './match-names';

/**
 * Rules that decide, from the text around a name, whether it names the entity: a name that is
 * also an ordinary word, a surname alone, a given name that is also a city's name. Each returns
 * its decision with the evidence for it, which is stored with the mention.
 */

/** Titles and roles before a person's name (folded): Mr, President, Bay, Cumhurbaşkanı, г-н, президент. */
const TITLES = new Set((
  'mr mrs ms dr president minister premier chairman secretary general ambassador foreign prime leader counterpart ' +
  'bay bayan sayin cumhurbaskani bakan bakani bakanı basbakan baskani buyukelci disisleri ' +
  'г н господин госпожа президент президента президентом президенту министр министра министром министру глава главы премьер председатель посол лидер'
).split(' '));

export interface Decision { keep: boolean; evidence?: string }

/** What the linker has seen so far in a text. */
export interface TextMemory {
  /** Entities already linked in this text. */
  linked: Set<string>;
  /** People already named in full (two or more words) in this text. */
  fullNamed: Set<string>;
}

/** The title word right before word i, if any ("President", "Bay", "г-н"). */
export function titleBefore(ctx: LinkContext, i: number): string | undefined {
  if (i === 0) return undefined;
  const prev = ctx.tokens[i - 1];
  const sep = separatorBefore(ctx, i);
  if (!(sep === ' ' || sep === '. ')) return undefined;
  return TITLES.has(prev.word) ? ctx.text.slice(ctx.from[prev.start], ctx.to[prev.end - 1]) : undefined;
}

/** A capitalised word right after word i, on the same phrase ("Nazarbayev University", "Abbas Araghchi"). */
function capitalisedAfter(ctx: LinkContext, endTok: number): boolean {
  return endTok < ctx.tokens.length && separatorBefore(ctx, endTok) === ' ' && isCapitalised(ctx, endTok);
}

/** The entity's own acronym in parentheses right after the name ("the senior officials committee (SOC)"), if there. */
function acronymAfter(ctx: LinkContext, hit: NameHit): string | undefined {
  const j = hit.endTok;
  if (j >= ctx.tokens.length || hit.end !== ctx.tokens[j - 1].end || !/^ ?\($/.test(separatorBefore(ctx, j))) return undefined;
  const next = matchNameAt(ctx, j, (n) => n.entityKey === hit.name.entityKey && n.method === 'acronym');
  return next ? ctx.text.slice(ctx.from[ctx.tokens[j].start], ctx.to[next.end - 1]) : undefined;
}

/** Is word j the first of a sentence (or of the text, or of a line)? */
function startsSentence(ctx: LinkContext, j: number): boolean {
  if (j === 0) return true;
  const between = ctx.text.slice(ctx.to[ctx.tokens[j - 1].end - 1], ctx.from[ctx.tokens[j].start]);
  return /[.!?:;\n«"“(]/.test(between);
}

/**
 * Decides a name found by the index. Names are capitalised in all three languages, so a name the
 * graph writes with a capital but the text in lower case (Turkish zarif "elegant", kaya "rock",
 * usul kuralları) is an ordinary word; a name the graph itself writes in lower case (a generic
 * phrase: "special working group") links only after the entity was named earlier in the text. A
 * one-word short form of a person ("Zarif", "Kaya") links when capitalised mid-sentence, after a
 * title, or after the full name; at a sentence start the capital proves nothing. A one-word place
 * that is also a person's given name ("Nursultan") followed by a capitalised word is that person's
 * name, not the place. A person's name in quotes names something else (an airport).
 */
export function decideName(ctx: LinkContext, hit: NameHit, memory: TextMemory): Decision {
  const { name } = hit;
  const first = hit.startTok;
  const capital = isCapitalised(ctx, first);
  if (!name.caseSensitive && !capital) {
    if (name.capitalised) return { keep: false };
    if (memory.linked.has(name.entityKey)) return { keep: true, evidence: 'a generic phrase; the entity was named earlier in the text' };
    const acronym = acronymAfter(ctx, hit);
    if (acronym) return { keep: true, evidence: `a generic phrase defined by its acronym (${acronym})` };
    return { keep: false };
  }
  if (name.entityType === 'Person' && name.words.length === 1) {
    const title = titleBefore(ctx, first);
    if (title) return { keep: true, evidence: `after the title "${title}"` };
    if (memory.fullNamed.has(name.entityKey)) return { keep: true, evidence: 'the full name came earlier in the text' };
    if (startsSentence(ctx, first)) return { keep: false };
    return { keep: true, evidence: 'capitalised mid-sentence' };
  }
  if (name.entityType === 'Place' && name.words.length === 1 && ctx.index.givenNames.has(name.words[0]) && capitalisedAfter(ctx, hit.endTok)) {
    return { keep: false };
  }
  if (name.entityType === 'Person') {
    const before = first > 0 ? ctx.folded.slice(ctx.tokens[first - 1].end, ctx.tokens[first].start) : '';
    const after = hit.endTok < ctx.tokens.length ? ctx.folded.slice(hit.end, ctx.tokens[hit.endTok].start) : ctx.folded.slice(hit.end);
    if (/[«"“„]\s*$/.test(before) && /^\s*[»"”“]/.test(after)) return { keep: false };
  }
  return { keep: true };
}

/**
 * A surname alone ("Tokayev", "Токаева", "Xi") names a person only when the person's full name
 * came earlier in the same text, the word is capitalised, and it is not part of another person's
 * name (a capitalised word right before it that is not a title, or right after it).
 */
export function matchSurnameAt(ctx: LinkContext, i: number, memory: TextMemory): { entityKey: string; end: number; evidence: string } | null {
  if (memory.fullNamed.size === 0) return null;
  const tok = ctx.tokens[i];
  if (!isCapitalised(ctx, i)) return null;
  const keys = tok.cyrillic && tok.word.length >= 3 ? [tok.word, 'ru:' + tok.word.slice(0, 3)] : [tok.word];
  const found = new Map<string, number>();
  for (const key of keys) {
    for (const s of ctx.index.surnames.get(key) ?? []) {
      if (!memory.fullNamed.has(s.entityKey)) continue;
      const r = compareWord(tok.word, s.word, { russian: tok.cyrillic, turkish: ctx.turkish, last: true, capitalised: true, person: true });
      if (r) found.set(s.entityKey, tok.end - r.cut);
    }
  }
  if (found.size !== 1) return null;
  // A capitalised word before it is another person's given name ("Heydar Aliyev"), unless it is a title or an ordinary word opening the sentence ("Встреча Ваджпаи").
  if (i > 0 && separatorBefore(ctx, i) === ' ' && isCapitalised(ctx, i - 1) && !titleBefore(ctx, i)
    && !(startsSentence(ctx, i - 1) && !ctx.index.givenNames.has(ctx.tokens[i - 1].word))) return null;
  if (capitalisedAfter(ctx, i + 1)) return null;
  const [[entityKey, end]] = [...found];
  return { entityKey, end, evidence: 'the full name came earlier in the text' };
}
