import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Database } from '../db/database';
import { GraphQLError } from 'graphql';
import { BadUserInputError, ConflictError } from '../errors/app-errors';
import { parsePartialDate } from '../util/partial-date';
import { createProgress } from '../util/progress';
import { Mention } from './link-mentions';
import { linkPool } from './link-pool';
import { chunkLinks } from './mention-links';

export { SNIPPET_CONTEXT } from './mention-links';
import { NameIndexCache } from './name-index-cache';

export interface SourceInput {
  id: string;
  text: string;
  title?: string | null;
  language?: string | null;
  date?: string | null;
  url?: string | null;
  author?: string | null;
  publisher?: string | null;
}

export interface IngestResult {
  id: string;
  changed: boolean;
  language: string;
  mentionCount: number;
  entityCount: number;
  mentions: Mention[];
  /** True when the text had more mentions than the cap and only the first were stored. */
  mentionsTruncated: boolean;
}

export interface IngestOptions {
  /** Replace a stored text that differs (never a seed source's). */
  replace?: boolean;
  /** The corpus folder itself: may update the seed sources' texts (they are the ground truth). */
  trusted?: boolean;
  maxChars?: number;
  maxMentions?: number;
}

/** Bump when linkMentions or the stored mention shape changes. */
export const LINK_VERSION = 'links-3';

export const SOURCE_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,119}$/;
/** Defaults of INGEST_MAX_CHARS and INGEST_MAX_MENTIONS. */
export const MAX_SOURCE_CHARS = 1_000_000;
export const MAX_MENTIONS_PER_SOURCE = 10_000;
/** Spans per write statement: about 50 KB of parameters, encoded in a few milliseconds. */
const MENTION_CHUNK = 500;

/** The linker's version is part of the hash, so a better linker relinks texts already stored. */
function textHashOf(text: string): string {
  return crypto.createHash('sha256').update(LINK_VERSION).update(text).digest('hex');
}

/** Turkish has letters English does not; a text with several of them is Turkish. */
export function guessLanguage(text: string): string {
  const turkish = (text.match(/[ğĞşŞıİ]/g) ?? []).length;
  const cyrillic = (text.match(/[а-яА-Я]/g) ?? []).length;
  if (cyrillic > text.length / 10) return 'ru';
  return turkish >= 3 ? 'tr' : 'en';
}

/**
 * Stores a source's text and metadata and links every mention of a known entity, in one
 * transaction. The same text again changes nothing; another text for a stored id is a CONFLICT
 * unless `replace` is asked, and a seed source (cited by facts) only changes from the corpus folder.
 * Linking runs in a worker thread and the mentions go to Neo4j in chunks, so a large text never
 * stalls the server's event loop.
 */
export async function ingestSource(db: Database, names: NameIndexCache, input: SourceInput, options: IngestOptions = {}): Promise<IngestResult> {
  const maxChars = options.maxChars ?? MAX_SOURCE_CHARS;
  const maxMentions = options.maxMentions ?? MAX_MENTIONS_PER_SOURCE;
  if (!SOURCE_ID.test(input.id)) throw new BadUserInputError(`source id "${input.id}" may hold only letters, digits, _ . - (at most 120)`);
  if (input.text.length > maxChars) {
    throw new GraphQLError(`source ${input.id} has ${input.text.length} characters; at most ${maxChars} are taken`, { extensions: { code: 'PAYLOAD_TOO_LARGE', limit: maxChars, measured: input.text.length, http: { status: 413 } } });
  }
  if (!input.text.trim()) throw new BadUserInputError('text is empty', { argument: 'text' });
  if (input.date && !parsePartialDate(input.date)) throw new BadUserInputError(`date "${input.date}" is not an EDTF date (2015-11-11, 2021-04, 2010-06/2014-05)`);
  const language = input.language || guessLanguage(input.text);
  const { mentions, links } = await linkPool.link(await names.names(db), input.text, language, maxMentions);
  const textHash = textHashOf(input.text);
  const props: Record<string, unknown> = { language };
  for (const key of ['title', 'date', 'url', 'author', 'publisher'] as const) if (input[key]) props[key] = input[key];
  const row = await db.writeInSteps(async (run) => {
    const [decided] = await run<{ status: string }>('mentions/write-source', {
      key: input.id, props, text: input.text, textHash, replace: options.replace ?? false, trusted: options.trusted ?? false,
    });
    if (decided?.status === 'created' || decided?.status === 'replaced') {
      for (const chunk of chunkLinks(links, MENTION_CHUNK)) await run('mentions/write-mentions', { key: input.id, links: chunk });
    }
    return decided;
  });
  switch (row?.status) {
    case 'created': case 'replaced': case 'unchanged': break;
    case 'not-a-source': throw new ConflictError(`"${input.id}" is already the key of an entity that is not a source; choose another id`);
    case 'text-differs': throw new ConflictError(`source "${input.id}" is stored with another text; send replace: true to replace it`);
    case 'protected': throw new GraphQLError(`source "${input.id}" is a corpus source that the graph's facts quote; it changes only in the corpus folder`, { extensions: { code: 'FORBIDDEN' } });
    default: throw new Error(`write-source returned ${JSON.stringify(row)}`);
  }
  const changed = row.status !== 'unchanged';
  return { id: input.id, changed, language, mentionCount: mentions.length, entityCount: links.length, mentions, mentionsTruncated: mentions.length >= maxMentions };
}

/** The .txt files of a folder (or the one file given), in a stable order. */
export function listTextFiles(target: string): string[] {
  const stat = fs.statSync(target);
  if (stat.isFile()) return [target];
  return fs.readdirSync(target).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(target, f));
}

/**
 * Ingests every .txt file of a folder (id = file name without .txt), with a progress bar.
 * `trusted`: the folder is the corpus itself, whose texts may update the seed sources.
 */
export async function ingestFolder(db: Database, names: NameIndexCache, target: string, options: { quiet?: boolean; trusted?: boolean; replace?: boolean } = {}): Promise<IngestResult[]> {
  const files = listTextFiles(target);
  const progress = options.quiet || files.length < 2 ? undefined : createProgress('ingest', files.length);
  const texts = files.map((file) => ({ id: path.basename(file, '.txt'), text: fs.readFileSync(file, 'utf8') }));
  // One query tells which texts the graph already holds; only the others are linked and written.
  const stored = new Map((await db.read<{ key: string; textHash: string; language: string; mentionCount: number; entityCount: number }>('mentions/stored-sources', { keys: texts.map((t) => t.id) }))
    .map((row) => [row.key, row]));
  const results: IngestResult[] = [];
  for (const { id, text } of texts) {
    const known = stored.get(id);
    results.push(known && known.textHash === textHashOf(text)
      ? { id, changed: false, language: known.language, mentionCount: known.mentionCount, entityCount: known.entityCount, mentions: [], mentionsTruncated: false }
      : await ingestSource(db, names, { id, text }, { trusted: options.trusted, replace: options.trusted || options.replace }));
    progress?.tick(results.length);
  }
  const changed = results.filter((r) => r.changed).length;
  progress?.finish(`${files.length} sources, ${changed} changed, ${results.reduce((n, r) => n + r.mentionCount, 0)} mentions`);
  return results;
}
