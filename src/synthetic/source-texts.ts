import crypto from 'node:crypto';
import { LINK_VERSION, MAX_MENTIONS_PER_SOURCE } from '../mentions/ingest-source';
import { SyntheticEntity } from './synthetic-shape';

/** Characters of context kept before and after a span, as the ingest keeps them. */
export const SNIPPET_CHARS = 80;

/** A name inside a sentence: which entity, where (from the sentence's start), as written. */
export interface SentenceSpan { key: string; offset: number; text: string }

interface Link { starts: number[]; ends: number[]; texts: string[] }
interface Text { parts: string[]; length: number; sentences: number; spans: number; links: Map<string, Link> }

/** One MENTIONS relationship as the ingest writes it: parallel lists of spans. */
export interface MentionLink { entityKey: string; starts: number[]; ends: number[]; texts: string[]; matched: string[]; befores: string[]; afters: string[] }

/**
 * The texts of the synthetic sources, built from the quotes that statements cite: every quote is
 * a sentence of its source, so a reference's quote is found in the source it names, and each
 * entity name in it is a mention span at its true offset, as the ingest would have linked it.
 */
export class SourceTexts {
  private readonly texts: Text[];
  totalSpans = 0;

  constructor(private readonly sources: SyntheticEntity[], private readonly maxSpans = MAX_MENTIONS_PER_SOURCE) {
    this.texts = sources.map((s) => {
      const head = `${s.name}\n\n`;
      return { parts: [head], length: head.length, sentences: 0, spans: 0, links: new Map() };
    });
  }

  /** Appends a sentence to source `index` and records its spans (past the per-source cap they are dropped, as the ingest does). */
  add(index: number, sentence: string, spans: SentenceSpan[]): void {
    const t = this.texts[index];
    const sep = t.sentences === 0 ? '' : t.sentences % 6 === 0 ? '\n\n' : ' ';
    const at = t.length + sep.length;
    t.parts.push(sep, sentence);
    t.length = at + sentence.length;
    t.sentences++;
    for (const span of spans) {
      if (t.spans >= this.maxSpans) break;
      const link = t.links.get(span.key) ?? { starts: [], ends: [], texts: [] };
      link.starts.push(at + span.offset);
      link.ends.push(at + span.offset + span.text.length);
      link.texts.push(span.text);
      t.links.set(span.key, link);
      t.spans++;
      this.totalSpans++;
    }
  }

  get count(): number { return this.sources.length; }

  /** Source `index` as write-source stores it: text, hash and one link per mentioned entity. Frees its parts. */
  take(index: number, snippetChars = SNIPPET_CHARS): { key: string; text: string; textHash: string; links: MentionLink[] } {
    const t = this.texts[index];
    const text = t.parts.join('');
    const links: MentionLink[] = [];
    for (const [entityKey, l] of t.links) {
      links.push({
        entityKey, starts: l.starts, ends: l.ends, texts: l.texts, matched: l.texts,
        befores: l.starts.map((s) => text.slice(Math.max(0, s - snippetChars), s)),
        afters: l.ends.map((e) => text.slice(e, e + snippetChars)),
      });
    }
    t.parts = [];
    t.links = new Map();
    return { key: this.sources[index].key, text, textHash: crypto.createHash('sha256').update(LINK_VERSION).update(text).digest('hex'), links };
  }
}
