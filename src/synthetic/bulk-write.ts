import neo4j from 'neo4j-driver';
import { Database } from '../db/database';
import { FACT_TYPES, FactType } from '../seed/seed-model';
import { createProgress } from '../util/progress';
import { SourceTexts } from './source-texts';
import { SYNTHETIC_ORIGIN, SYNTHETIC_TYPES, SyntheticEntity, SyntheticType } from './synthetic-shape';
import { StatementRow } from './synthetic-statements';

/**
 * Bulk writes of the synthetic graph: `UNWIND $rows` of a few thousand rows per transaction,
 * one transaction in flight while the next batch is generated. Labels and relationship types
 * come only from SYNTHETIC_TYPES and FACT_TYPES; every value is a parameter. Nodes and
 * relationships are CREATEd: the caller removes an earlier synthetic graph first.
 */
const TIMEOUT_MS = 600000;

/** The properties written, from fixed lists: inline in CREATE (no SET of a map, whose read/write conflict makes the plan Eager). */
export const ENTITY_PROPERTIES = ['type', 'name', 'nameTr', 'description', 'start', 'end', 'meetingKind', 'documentKind', 'ordinal',
  'title', 'date', 'publisher', 'url', 'language', 'kind', 'corpus', 'author', 'sources', 'quotes', 'origin'] as const;
export const NAME_PROPERTIES = ['key', 'text', 'folded', 'lang', 'kind', 'from', 'to'] as const;
export const STATEMENT_PROPERTIES = ['factId', 'factIds', 'start', 'end', 'attested', 'role', 'area', 'level', 'note', 'admittedAt', 'admittedAtName',
  'rank', 'rankReason', 'truthy', 'endDerived', 'endRule', 'endSuccessor', 'sources', 'quotes', 'refFactIds', 'refFiles', 'refSources', 'refQuotes',
  'refStarts', 'refEnds', 'refAttested', 'refLevels', 'refRanks', 'refReasons', 'file', 'origin'] as const;
/** A day as a driver Date, so no date() call in the query (with one the planner adds an Eager). */
const toDate = (iso: unknown) => {
  if (typeof iso !== 'string') return null;
  const [y, m, d] = iso.split('-').map(Number);
  return new neo4j.types.Date(y, m, d);
};
const inline = (list: readonly string[], from: string) => list.map((k) => `${k}: ${from}.${k}`).join(', ');

/** Refuses a row whose properties are not all in the fixed list (a generator change must extend the list). */
function checkKeys(props: Record<string, unknown>, list: readonly string[], extra: readonly string[] = []): void {
  for (const k of Object.keys(props)) if (!list.includes(k) && !extra.includes(k)) throw new Error(`synthetic property ${k} is not in the fixed list`);
}

const ENTITY_CYPHER = (label: SyntheticType) => `UNWIND $rows AS row
CREATE (e:Entity:${label} {key: row.key, ${inline(ENTITY_PROPERTIES, 'row.props')},
  startDay: row.startDay, endDay: row.endDay})
WITH e, row
UNWIND row.names AS name
CREATE (e)-[:HAS_NAME]->(:Name {${inline(NAME_PROPERTIES, 'name')}, origin: $origin, entityKey: row.key})`;

const STATEMENT_CYPHER = (type: FactType) => `UNWIND $rows AS row
MATCH (a:Entity {key: row.from})
MATCH (b:Entity {key: row.to})
CREATE (a)-[:${type} {${inline(STATEMENT_PROPERTIES, 'row.props')}, validFrom: row.validFrom, validTo: row.validTo}]->(b)`;

/** As mentions/write-source stores a text and its MENTIONS (parallel lists of spans). */
const SOURCE_TEXT_CYPHER = `UNWIND $rows AS row
MATCH (s:Entity {key: row.key})
SET s.text = row.text, s.textHash = row.textHash, s.ingestedAt = datetime()
WITH s, row
UNWIND row.links AS link
MATCH (e:Entity {key: link.entityKey})
CREATE (s)-[:MENTIONS {starts: link.starts, ends: link.ends, texts: link.texts, matched: link.matched,
  befores: link.befores, afters: link.afters, count: size(link.starts)}]->(e)`;

/** One write in flight at a time; an error surfaces at the next send or at flush. */
class Pipeline {
  private pending: Promise<void> = Promise.resolve();
  private error: unknown = null;
  transactions = 0;
  constructor(private readonly db: Database) {}

  async send(cypher: string, params: Record<string, unknown>): Promise<void> {
    await this.pending;
    if (this.error) throw this.error;
    this.transactions++;
    this.pending = this.db.runText(cypher, params, neo4j.routing.WRITE, TIMEOUT_MS).then(() => undefined, (err) => { this.error = err; });
    // Let the driver put the query on the wire before the next batch is generated.
    await new Promise((resolve) => setImmediate(resolve));
  }

  async flush(): Promise<void> {
    await this.pending;
    if (this.error) throw this.error;
  }
}

export interface WriteOptions { batch: number; quiet: boolean; label: string; snippetChars?: number }

/** Entities and their Name nodes (HAS_NAME), by type. */
export async function writeEntities(db: Database, entities: SyntheticEntity[], options: WriteOptions): Promise<{ entities: number; names: number }> {
  const pipe = new Pipeline(db);
  const progress = options.quiet ? undefined : createProgress(`${options.label} entities`, entities.length);
  let done = 0;
  let names = 0;
  for (const label of SYNTHETIC_TYPES) {
    const rows = entities.filter((e) => e.type === label);
    // Names per row vary (2 to 4): a batch of entities carries about `batch` nodes in all.
    const step = Math.max(1, Math.floor(options.batch / 3));
    for (let i = 0; i < rows.length; i += step) {
      const slice = rows.slice(i, i + step);
      names += slice.reduce((n, e) => n + e.names.length, 0);
      for (const e of slice) checkKeys(e.props, ENTITY_PROPERTIES, ['startDay', 'endDay']);
      await pipe.send(ENTITY_CYPHER(label), { rows: slice.map((e) => ({ key: e.key, props: e.props, names: e.names, startDay: toDate(e.props.startDay), endDay: toDate(e.props.endDay) })), origin: SYNTHETIC_ORIGIN });
      done += slice.length;
      progress?.tick(done);
    }
  }
  await pipe.flush();
  progress?.finish(`${entities.length} entities, ${names} names`);
  return { entities: entities.length, names };
}

/** Statements as they are generated, buffered per type and written `batch` rows at a time. */
export async function writeStatements(db: Database, rows: Iterable<StatementRow>, expected: number, options: WriteOptions): Promise<Record<string, number>> {
  const pipe = new Pipeline(db);
  const progress = options.quiet ? undefined : createProgress(`${options.label} statements`, expected);
  const buffers = new Map<FactType, StatementRow[]>();
  const counts: Record<string, number> = {};
  let done = 0;
  const flushType = async (type: FactType) => {
    const buffer = buffers.get(type);
    if (!buffer || buffer.length === 0) return;
    buffers.set(type, []);
    if (!FACT_TYPES.includes(type)) throw new Error(`not a fact type: ${type}`);
    checkKeys(buffer[0].props, STATEMENT_PROPERTIES);
    await pipe.send(STATEMENT_CYPHER(type), { rows: buffer.map((row) => ({ from: row.from, to: row.to, props: row.props, validFrom: toDate(row.validFrom), validTo: toDate(row.validTo) })) });
    done += buffer.length;
    progress?.tick(Math.min(done, expected));
  };
  for (const row of rows) {
    counts[row.type] = (counts[row.type] ?? 0) + 1;
    const buffer = buffers.get(row.type) ?? [];
    buffer.push(row);
    buffers.set(row.type, buffer);
    if (buffer.length >= options.batch) await flushType(row.type);
  }
  for (const type of [...buffers.keys()]) await flushType(type);
  await pipe.flush();
  progress?.finish(`${done} statements`);
  return counts;
}

/** The source texts and their MENTIONS, a few sources per transaction (about `batch` spans). */
export async function writeSourceTexts(db: Database, texts: SourceTexts, options: WriteOptions): Promise<{ mentions: number; spans: number; chars: number }> {
  const pipe = new Pipeline(db);
  const progress = options.quiet ? undefined : createProgress(`${options.label} mentions`, texts.count);
  let mentions = 0;
  let spans = 0;
  let chars = 0;
  let batch: ReturnType<SourceTexts['take']>[] = [];
  let batchSpans = 0;
  const send = async (done: number) => {
    if (batch.length === 0) return;
    await pipe.send(SOURCE_TEXT_CYPHER, { rows: batch });
    batch = [];
    batchSpans = 0;
    progress?.tick(done);
  };
  for (let i = 0; i < texts.count; i++) {
    const source = texts.take(i, options.snippetChars);
    const n = source.links.reduce((sum, l) => sum + l.starts.length, 0);
    mentions += source.links.length;
    spans += n;
    chars += source.text.length;
    batch.push(source);
    batchSpans += n;
    if (batchSpans >= options.batch) await send(i + 1);
  }
  await send(texts.count);
  await pipe.flush();
  progress?.finish(`${mentions} MENTIONS with ${spans} spans, ${(chars / 1048576).toFixed(1)} MiB of text`);
  return { mentions, spans, chars };
}
