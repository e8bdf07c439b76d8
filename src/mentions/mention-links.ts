import { Mention } from './link-mentions';

/** Characters of context kept on each side of a mention for snippets. */
export const SNIPPET_CONTEXT = 80;

/** One entity's mentions in one text, as the MENTIONS relationship stores them (parallel lists). */
export interface MentionLink {
  entityKey: string;
  starts: number[];
  ends: number[];
  texts: string[];
  matched: string[];
  befores: string[];
  afters: string[];
  /** How each span was matched (Mention.method). */
  methods: string[];
  /** What a rule needed to link each span ('' when none did). */
  evidences: string[];
}

/**
 * Groups mentions per entity, with the snippet context cut here in JavaScript, where offsets are
 * the UTF-16 ones the API promises.
 */
export function toLinks(text: string, mentions: Mention[]): MentionLink[] {
  const byEntity = new Map<string, MentionLink>();
  for (const m of mentions) {
    const link = byEntity.get(m.entityKey) ?? { entityKey: m.entityKey, starts: [], ends: [], texts: [], matched: [], befores: [], afters: [], methods: [], evidences: [] };
    link.starts.push(m.start); link.ends.push(m.end); link.texts.push(m.text); link.matched.push(m.matchedName);
    link.methods.push(m.method); link.evidences.push(m.evidence ?? '');
    link.befores.push(text.slice(Math.max(0, m.start - SNIPPET_CONTEXT), m.start));
    link.afters.push(text.slice(m.end, m.end + SNIPPET_CONTEXT));
    byEntity.set(m.entityKey, link);
  }
  return [...byEntity.values()];
}

/**
 * Cuts links into chunks of at most `spans` spans, so a large text is written in several small
 * statements of one transaction: each is encoded for the wire in a few milliseconds, and the
 * event loop runs between them. A long link is split; its later chunks append to the same relationship.
 */
export function chunkLinks(links: MentionLink[], spans: number): MentionLink[][] {
  const chunks: MentionLink[][] = [];
  let current: MentionLink[] = [];
  let size = 0;
  for (const link of links) {
    for (let from = 0; from < link.starts.length; ) {
      const take = Math.min(spans - size, link.starts.length - from);
      const slice = <T>(list: T[]) => list.slice(from, from + take);
      current.push({ entityKey: link.entityKey, starts: slice(link.starts), ends: slice(link.ends), texts: slice(link.texts), matched: slice(link.matched), befores: slice(link.befores), afters: slice(link.afters), methods: slice(link.methods), evidences: slice(link.evidences) });
      size += take; from += take;
      if (size >= spans) { chunks.push(current); current = []; size = 0; }
    }
  }
  if (current.length) chunks.push(current);
  return chunks;
}
