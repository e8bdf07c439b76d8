import { drain, foldWithMapSteps, tokenize } from './fold-text';
import { decideName, matchSurnameAt, TextMemory } from './evidence';
import { LinkContext, matchNameAt } from './match-names';
import { findMeetingPhrases, MeetingPhrase, resolveMeeting } from './meetings';
import { buildNameIndex, LinkingFacts, MatchMethod, MeetingDescriptor, NameForLinking, NameIndex } from './name-index';

export { buildNameIndex };
export type { LinkingFacts, MatchMethod, MeetingDescriptor, NameForLinking, NameIndex };

/** A span of a text that names an entity; `text === source.slice(start, end)` (UTF-16 offsets). */
export interface Mention {
  entityKey: string;
  start: number;
  end: number;
  text: string;
  matchedName: string;
  /** How it was matched: exact, acronym, inflected, variant, surname-after-full, meeting-ordinal or meeting-city. */
  method: MatchMethod;
  /** What a rule needed to link it (a title, the full name earlier, the meeting's organisation), if one did. */
  evidence?: string;
}

/** The linker as resumable steps: it yields every few thousand words so a caller can let others run. */
function* linkSteps(text: string, language: string, index: NameIndex, maxMentions: number): Generator<void, Mention[]> {
  const { folded, cases, from, to } = yield* foldWithMapSteps(text);
  const ctx: LinkContext = { text, folded, cases, from, to, tokens: tokenize(folded), turkish: language === 'tr', index };
  yield;
  const phrases = findMeetingPhrases(ctx);
  yield;
  const memory: TextMemory = { linked: new Set(), fullNamed: new Set() };
  const mentions: Mention[] = [];
  const span = (startTok: number, end: number) => {
    const start = from[ctx.tokens[startTok].start];
    const stop = to[end - 1];
    return { start, end: stop, text: text.slice(start, stop) };
  };

  /** Leftmost-longest names over words [from, until), skipping the meeting phrases. */
  function* linkRange(first: number, until: number, blocked: MeetingPhrase[]): Generator<void, void> {
    let p = 0;
    let steps = 0;
    for (let i = first; i < until && mentions.length < maxMentions; ) {
      if ((++steps & 1023) === 0) yield;
      while (p < blocked.length && (blocked[p].endTok <= i || blocked[p].dropped)) p++;
      const phrase = blocked[p];
      if (phrase && phrase.startTok <= i) {
        const outer = i === phrase.startTok ? matchNameAt(ctx, i) : null;
        if (outer && !outer.ambiguous && outer.endTok > phrase.endTok) { phrase.dropped = true; continue; }
        i = phrase.endTok;
        continue;
      }
      let hit = matchNameAt(ctx, i);
      // A known name that holds a whole meeting phrase is the outer one ("Beşinci AİGK Zirvesi Duşanbe Bildirgesi").
      if (hit && phrase && hit.endTok > phrase.startTok) {
        if (hit.endTok >= phrase.endTok && !hit.ambiguous) phrase.dropped = true;
        else hit = null;
      }
      if (hit && hit.endTok <= until) {
        if (!hit.ambiguous) {
          const decision = decideName(ctx, hit, memory);
          if (decision.keep) {
            const s = span(i, hit.end);
            mentions.push({ entityKey: hit.name.entityKey, ...s, matchedName: hit.name.text, method: hit.method, ...(decision.evidence ? { evidence: decision.evidence } : {}) });
            memory.linked.add(hit.name.entityKey);
            if (hit.name.entityType === 'Person' && hit.name.words.length >= 2) memory.fullNamed.add(hit.name.entityKey);
            i = hit.endTok;
            continue;
          }
        } else {
          i = hit.endTok;
          continue;
        }
      }
      const surname = matchSurnameAt(ctx, i, memory);
      if (surname) {
        mentions.push({ entityKey: surname.entityKey, ...span(i, surname.end), matchedName: ctx.tokens[i].word, method: 'surname-after-full', evidence: surname.evidence });
      }
      i++;
    }
  }

  yield* linkRange(0, ctx.tokens.length, phrases);
  // Phrases the phrase alone cannot resolve take the organisation the text names ("the sixth summit" in a CICA text).
  const textOrgs = new Set([...memory.linked].filter((k) => index.entityTypes.get(k) === 'Organization'));
  for (const p of phrases) for (const o of p.orgKeys) textOrgs.add(o);
  for (const p of phrases) {
    if (p.dropped) continue;
    resolveMeeting(p, index.meetings, textOrgs);
    if (p.key) {
      const s = span(p.startTok, p.end);
      mentions.push({ entityKey: p.key, ...s, matchedName: s.text, method: p.ordinal !== undefined ? 'meeting-ordinal' : 'meeting-city', evidence: p.evidence });
    } else {
      yield* linkRange(p.startTok, p.endTok, []); // an unresolved phrase keeps the names inside it
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  return mentions.slice(0, maxMentions);
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
