import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { parsePartialDate } from '../util/partial-date';
import {
  ClaimRecord, Citation, ENTITY_TYPES, EntityRecord, EntityType, FACT_TYPES, FactRecord, FactType,
  LANGUAGES, NAME_KINDS, NameRecord, Rank, RankOverride, RANKS, SeedBundle, SOURCE_KINDS, SourceKind,
} from './seed-model';

/** A seed file problem, named by file and record so it can be fixed at once. */
export class SeedError extends Error {}

/** Part of the seed hash; bump when write-seed stores facts differently. */
export const LOADER_VERSION = 'loader-5-statements';

const KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** Lists the YAML files under the seed folder, in a stable order. */
export function listSeedFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) out.push(full);
    }
  };
  walk(dir);
  return out;
}

function fail(file: string, id: string, problem: string): never {
  throw new SeedError(`${file}: ${id}: ${problem}`);
}

function text(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return String(value);
}

function checkDate(file: string, id: string, field: string, value: unknown): string | undefined {
  const t = text(value);
  if (t === undefined) return undefined;
  if (!parsePartialDate(t)) fail(file, id, `${field} "${t}" is not an EDTF date (1999-09-14, 2010-06, 2007, 2014-06~, 2010-06/2014-05)`);
  return t;
}

function readCitations(file: string, id: string, raw: unknown, required: boolean): Citation[] {
  if (raw === undefined || raw === null) {
    if (required) fail(file, id, 'has no citations (every entity, fact and claim needs at least one)');
    return [];
  }
  if (!Array.isArray(raw)) fail(file, id, 'citations must be a list');
  const list = raw.map((c: any, i: number) => {
    if (!c || typeof c !== 'object' || !text(c.source) || !text(c.quote)) fail(file, id, `citation ${i + 1} needs a source and a quote`);
    const quote = String(c.quote);
    if (quote.length > 400) fail(file, id, `citation ${i + 1} quote is longer than 400 characters`);
    return { source: String(c.source), quote };
  });
  if (required && list.length === 0) fail(file, id, 'has no citations');
  return list;
}

function readNames(file: string, id: string, raw: unknown): NameRecord[] {
  if (!Array.isArray(raw) || raw.length === 0) fail(file, id, 'needs at least one name');
  return raw.map((n: any, i: number) => {
    if (!n || !text(n.text)) fail(file, id, `name ${i + 1} has no text`);
    const lang = text(n.lang) ?? 'en';
    if (!(LANGUAGES as readonly string[]).includes(lang)) fail(file, id, `name "${n.text}" has unknown lang "${lang}" (one of ${LANGUAGES.join(', ')})`);
    const kind = (text(n.kind) ?? 'label') as NameRecord['kind'];
    if (!NAME_KINDS.includes(kind)) fail(file, id, `name "${n.text}" has unknown kind "${kind}" (one of ${NAME_KINDS.join(', ')})`);
    return { text: String(n.text).trim(), lang, kind, from: checkDate(file, id, 'name from', n.from), to: checkDate(file, id, 'name to', n.to) };
  });
}

/** Entity attributes whose values sources may give differently: each file's value is kept. */
const STATED_FIELDS = ['start', 'end', 'date', 'meetingKind', 'documentKind', 'ordinal'] as const;

function readOverride(file: string, id: string, raw: any): RankOverride | undefined {
  if (raw.rank === undefined && raw.rankReason === undefined) return undefined;
  const rank = String(raw.rank ?? '').toUpperCase() as Rank;
  if (!RANKS.includes(rank)) fail(file, id, `rank "${raw.rank ?? ''}" is not one of ${RANKS.map((r) => r.toLowerCase()).join(', ')}`);
  const reason = text(raw.rankReason) ?? fail(file, id, 'a rank given in a file needs a rankReason (why this record is ranked so)');
  return { rank, reason };
}

/** Collapses whitespace so a quote written on one line matches a text that breaks lines. */
export function normalizeSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Reads, validates and merges every seed file. Throws SeedError naming file and record on the
 * first problem, before anything is written. With a corpus folder, corpus quotes are checked verbatim.
 */
export function readSeedFiles(dir: string, corpusDir?: string): SeedBundle {
  const files = listSeedFiles(dir);
  if (files.length === 0) throw new SeedError(`${dir}: no seed files (*.yaml) found`);
  const entities = new Map<string, EntityRecord>();
  const facts = new Map<string, FactRecord>();
  const claims = new Map<string, ClaimRecord>();
  // The hash decides whether a store already holds this seed: bump LOADER_VERSION when the way
  // facts are written changes, so existing stores reload.
  const hash = crypto.createHash('sha256').update(LOADER_VERSION);

  const mergeEntity = (file: string, record: EntityRecord) => {
    const stated = STATED_FIELDS.filter((f) => record[f] !== undefined)
      .map((field) => ({ field, value: String(record[field]), file, citations: [...record.citations] }));
    const existing = entities.get(record.key);
    if (!existing) { entities.set(record.key, { ...record, stated }); return; }
    if (existing.type !== record.type) fail(file, record.key, `declared as ${record.type} here but as ${existing.type} in ${existing.files[0]}`);
    for (const name of record.names) {
      if (!existing.names.some((n) => n.text === name.text && n.lang === name.lang)) existing.names.push(name);
    }
    for (const c of record.citations) {
      if (!existing.citations.some((e) => e.source === c.source && e.quote === c.quote)) existing.citations.push(c);
    }
    // Attributes: the first file's value stands for now; every file's value is kept in `stated`
    // and the rank rule (reconcile.ts) decides which one the entity shows.
    for (const field of [...STATED_FIELDS, 'description', 'url', 'language', 'author', 'publisher', 'title', 'kind'] as const) {
      if (record[field] !== undefined && existing[field] === undefined) (existing as any)[field] = record[field];
    }
    existing.stated!.push(...stated);
    existing.files.push(file);
  };

  for (const file of files) {
    const rel = path.relative(dir, file);
    const raw = fs.readFileSync(file, 'utf8');
    hash.update(rel).update(raw);
    let doc: any;
    try {
      doc = YAML.parse(raw) ?? {};
    } catch (err) {
      throw new SeedError(`${rel}: not valid YAML: ${(err as Error).message}`);
    }
    for (const s of doc.sources ?? []) {
      const id = text(s?.id) ?? fail(rel, '(source)', 'a source needs an id');
      if (!KEY.test(id)) fail(rel, id, 'source id may hold only letters, digits, _ . -');
      const kind = text(s.kind) as SourceKind | undefined;
      if (kind !== undefined && !SOURCE_KINDS.includes(kind)) fail(rel, id, `kind "${kind}" is not one of ${SOURCE_KINDS.join(', ')}`);
      const names: NameRecord[] = [{ text: text(s.title) ?? id, lang: text(s.language) ?? 'en', kind: 'label' }];
      if (text(s.title) && (s.language ?? 'en') !== 'en') names.push({ text: id, lang: 'en', kind: 'alias' });
      mergeEntity(rel, {
        key: id, type: 'Source', names, title: text(s.title), url: text(s.url), language: text(s.language),
        date: checkDate(rel, id, 'date', s.date), author: text(s.author), publisher: text(s.publisher),
        corpus: !text(s.url), kind, description: text(s.description), citations: readCitations(rel, id, s.citations, false), files: [rel],
      });
    }
    for (const e of doc.entities ?? []) {
      const id = text(e?.id) ?? fail(rel, '(entity)', 'an entity needs an id');
      if (!KEY.test(id)) fail(rel, id, 'entity id may hold only letters, digits, _ . -');
      const type = text(e.type) as EntityType;
      if (!ENTITY_TYPES.includes(type) || type === 'Source') fail(rel, id, `type "${e.type}" is not one of ${ENTITY_TYPES.filter((t) => t !== 'Source').join(', ')}`);
      mergeEntity(rel, {
        key: id, type, names: readNames(rel, id, e.names), description: text(e.description),
        meetingKind: text(e.meetingKind), documentKind: text(e.documentKind),
        ordinal: e.ordinal === undefined ? undefined : Number(e.ordinal),
        start: checkDate(rel, id, 'start', e.start), end: checkDate(rel, id, 'end', e.end),
        citations: readCitations(rel, id, e.citations, true), files: [rel],
      });
    }
    for (const f of doc.facts ?? []) {
      const id = text(f?.id) ?? fail(rel, '(fact)', 'a fact needs an id');
      if (facts.has(id)) fail(rel, id, `fact id used twice (also in ${facts.get(id)!.file})`);
      const type = text(f.type) as FactType;
      if (!FACT_TYPES.includes(type)) fail(rel, id, `type "${f.type}" is not one of ${FACT_TYPES.join(', ')}`);
      if (!text(f.from) || !text(f.to)) fail(rel, id, 'a fact needs from and to');
      if (type === 'MEMBER_OF' && f.role !== 'member' && f.role !== 'observer') fail(rel, id, `a MEMBER_OF fact needs role member or observer, got "${f.role ?? ''}"`);
      facts.set(id, {
        key: id, type, from: String(f.from), to: String(f.to),
        start: checkDate(rel, id, 'start', f.start), end: checkDate(rel, id, 'end', f.end), attested: checkDate(rel, id, 'attested', f.attested),
        role: text(f.role), area: text(f.area), level: text(f.level), note: text(f.note),
        admittedAt: text(f.admittedAt), override: readOverride(rel, id, f), citations: readCitations(rel, id, f.citations, true), file: rel,
      });
    }
    for (const c of doc.claims ?? []) {
      const id = text(c?.id) ?? fail(rel, '(claim)', 'a claim needs an id');
      if (claims.has(id)) fail(rel, id, `claim id used twice (also in ${claims.get(id)!.file})`);
      if (!text(c.subject) || !text(c.property) || c.value === undefined) fail(rel, id, 'a claim needs subject, property and value');
      claims.set(id, {
        key: id, subject: String(c.subject), property: String(c.property),
        value: typeof c.value === 'number' ? c.value : String(Array.isArray(c.value) ? c.value.join(', ') : c.value),
        date: checkDate(rel, id, 'date', c.date), note: text(c.note), override: readOverride(rel, id, c), citations: readCitations(rel, id, c.citations, true), file: rel,
      });
    }
  }

  // References: every fact end, claim subject and citation source must exist.
  for (const f of facts.values()) {
    for (const end of [f.from, f.to]) if (!entities.has(end)) fail(f.file, f.key, `refers to unknown entity "${end}"`);
    if (f.admittedAt !== undefined) {
      if (f.type !== 'MEMBER_OF') fail(f.file, f.key, 'admittedAt is a qualifier of MEMBER_OF facts only');
      if (entities.get(f.admittedAt)?.type !== 'Meeting') fail(f.file, f.key, `admittedAt "${f.admittedAt}" is not a declared meeting`);
    }
  }
  for (const c of claims.values()) if (!entities.has(c.subject)) fail(c.file, c.key, `subject "${c.subject}" is not a declared entity`);
  const corpusTexts = new Map<string, string>();
  const corpusText = (source: string): string | undefined => {
    if (!corpusDir) return undefined;
    if (!corpusTexts.has(source)) {
      const file = path.join(corpusDir, source + '.txt');
      corpusTexts.set(source, fs.existsSync(file) ? normalizeSpace(fs.readFileSync(file, 'utf8')) : '');
    }
    return corpusTexts.get(source) || undefined;
  };
  const checkCitations = (file: string, id: string, citations: Citation[]) => {
    for (const c of citations) {
      const source = entities.get(c.source);
      if (!source || source.type !== 'Source') fail(file, id, `cites unknown source "${c.source}" (declare it under sources:)`);
      const body = source.corpus ? corpusText(c.source) : undefined;
      if (body !== undefined && !body.includes(normalizeSpace(c.quote))) fail(file, id, `quote not found verbatim in ${c.source}.txt: "${c.quote}"`);
    }
  };
  for (const e of entities.values()) checkCitations(e.files[0], e.key, e.citations);
  for (const f of facts.values()) checkCitations(f.file, f.key, f.citations);
  for (const c of claims.values()) checkCitations(c.file, c.key, c.citations);

  return { entities: [...entities.values()], facts: [...facts.values()], claims: [...claims.values()], hash: hash.digest('hex').slice(0, 16) };
}
