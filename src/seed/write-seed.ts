import { Database } from '../db/database';
import { foldName } from '../util/fold-name';
import { parsePartialDate } from '../util/partial-date';
import { createProgress } from '../util/progress';
import { ReconciledGraph, StatementRecord } from './reconcile';
import { ENTITY_TYPES, FACT_TYPES } from './seed-model';

const day = (edtf?: string, which: 'earliest' | 'latest' = 'earliest') => {
  const parsed = edtf ? parsePartialDate(edtf) : null;
  return parsed ? parsed[which] : null;
};

/** Each stored item keeps its citations as two parallel lists, filterable in Cypher. */
const citationProps = (citations: { source: string; quote: string }[]) => ({
  sources: citations.map((c) => c.source),
  quotes: citations.map((c) => c.quote),
});

/**
 * Writes a reconciled bundle in ONE transaction (all or nothing) with MERGE on keys, so a second
 * load changes nothing. Seeded items carry the bundle hash; seeded items of an older bundle that
 * the files no longer hold are removed, while data written by the API or ingest is left alone.
 */
export async function writeSeed(db: Database, bundle: ReconciledGraph, options: { quiet?: boolean } = {}): Promise<{ skipped: boolean }> {
  const [current] = await db.runText<{ hash: string | null }>(
    'OPTIONAL MATCH (m:SeedMeta {key: "seed"}) RETURN m.hash AS hash', {});
  if (current?.hash === bundle.hash) return { skipped: true };

  const statements: { cypher: string; params: Record<string, unknown> }[] = [];
  const seed = bundle.hash;
  for (const type of ENTITY_TYPES) {
    const rows = bundle.entities.filter((e) => e.type === type).map((e) => {
      const label = e.names.find((n) => n.lang === 'en' && n.kind === 'label') ?? e.names.find((n) => n.lang === 'en') ?? e.names[0];
      const tr = e.names.find((n) => n.lang === 'tr' && n.kind === 'label') ?? e.names.find((n) => n.lang === 'tr');
      return {
        key: e.key,
        props: {
          type: e.type, name: label.text, nameTr: tr?.text ?? null, description: e.description ?? null,
          meetingKind: e.meetingKind ?? null, documentKind: e.documentKind ?? null, ordinal: e.ordinal ?? null,
          start: e.start ?? null, end: e.end ?? null, startDay: day(e.start), endDay: day(e.end ?? e.start, 'latest'),
          url: e.url ?? null, language: e.language ?? null, date: e.date ?? null, author: e.author ?? null,
          publisher: e.publisher ?? null, title: e.title ?? null, corpus: e.corpus ?? null,
          ...citationProps(e.citations), origin: 'seed', seed,
        },
        names: e.names.map((n) => ({
          key: `${e.key}|${n.lang}|${n.text}`, text: n.text, folded: foldName(n.text), lang: n.lang, kind: n.kind,
          from: n.from ?? null, to: n.to ?? null,
        })),
      };
    });
    if (rows.length === 0) continue;
    // The label comes from the fixed ENTITY_TYPES list, never from input.
    statements.push({
      cypher: `UNWIND $rows AS row
MERGE (e:Entity {key: row.key})
SET e:${type}, e += row.props, e.startDay = CASE WHEN row.props.startDay IS NULL THEN null ELSE date(row.props.startDay) END,
    e.endDay = CASE WHEN row.props.endDay IS NULL THEN null ELSE date(row.props.endDay) END
WITH e, row
UNWIND row.names AS name
MERGE (n:Name {key: name.key})
SET n += name, n.origin = 'seed', n.seed = $seed, n.entityKey = row.key
MERGE (e)-[:HAS_NAME]->(n)`,
      params: { rows, seed },
    });
  }
  const byKey = new Map(bundle.entities.map((e) => [e.key, e]));
  for (const type of FACT_TYPES) {
    const rows = bundle.statements.filter((f) => f.type === type).map((f) => ({
      from: f.from, to: f.to, key: f.key, validFrom: f.validFrom, validTo: f.validTo,
      props: { ...statementProps(f), admittedAtName: f.admittedAt ? byKey.get(f.admittedAt)?.names[0]?.text ?? null : null, origin: 'seed', seed },
    }));
    if (rows.length === 0) continue;
    statements.push({
      cypher: `UNWIND $rows AS row
MATCH (a:Entity {key: row.from}), (b:Entity {key: row.to})
MERGE (a)-[r:${type} {factId: row.key}]->(b)
SET r += row.props,
    r.validFrom = CASE WHEN row.validFrom IS NULL THEN null ELSE date(row.validFrom) END,
    r.validTo = CASE WHEN row.validTo IS NULL THEN null ELSE date(row.validTo) END`,
      params: { rows },
    });
  }
  statements.push({
    cypher: `UNWIND $rows AS row
MERGE (d:Disagreement {key: row.key})
SET d += row, d.origin = 'seed', d.seed = $seed`,
    params: {
      seed,
      rows: bundle.disagreements.map((d) => ({
        key: d.key, subject: d.subject, object: d.object ?? null, relation: d.relation ?? null, statement: d.statement ?? null,
        property: d.property, chosen: d.chosen ?? null, reason: d.reason, overridden: d.overridden,
        values: d.values.map((v) => v.value), valueRanks: d.values.map((v) => v.rank), valueReasons: d.values.map((v) => v.reason ?? ''),
        valueSources: d.values.map((v) => v.sources.join(',')),
      })),
    },
  });
  const claimRows = bundle.claims.map((c) => ({
    key: c.key, subject: c.subject,
    props: {
      property: c.property, value: String(c.value), numericValue: typeof c.value === 'number' ? c.value : null,
      date: c.date ?? null, dateMin: day(c.date), dateMax: day(c.date, 'latest'), note: c.note ?? null,
      conflict: c.conflict, rank: c.rank, rankReason: c.rankReason ?? null, ...citationProps(c.citations), origin: 'seed', seed, file: c.file,
    },
  }));
  statements.push({
    cypher: `UNWIND $rows AS row
MATCH (s:Entity {key: row.subject})
MERGE (c:Claim {key: row.key})
SET c += row.props, c.dateMin = CASE WHEN row.props.dateMin IS NULL THEN null ELSE date(row.props.dateMin) END,
    c.dateMax = CASE WHEN row.props.dateMax IS NULL THEN null ELSE date(row.props.dateMax) END
MERGE (c)-[:ABOUT]->(s)`,
    params: { rows: claimRows },
  });
  // Seeded items that an older version of the files held, and this one does not.
  statements.push({ cypher: `MATCH ()-[r]->() WHERE r.origin = 'seed' AND r.seed <> $seed DELETE r`, params: { seed } });
  statements.push({ cypher: `MATCH (n) WHERE (n:Name OR n:Claim OR n:Entity OR n:Disagreement) AND n.origin = 'seed' AND n.seed <> $seed DETACH DELETE n`, params: { seed } });
  statements.push({ cypher: `MERGE (m:SeedMeta {key: "seed"}) SET m.hash = $seed, m.loadedAt = datetime(), m += $counts`, params: { seed, counts: seedCounts(bundle) } });

  const progress = options.quiet ? undefined : createProgress('seed', statements.length);
  await db.writeTransaction(statements, (done) => progress?.tick(done));
  const counts = seedCounts(bundle);
  progress?.finish(`${bundle.entities.length} entities, ${counts.rawFacts} fact records as ${counts.statements} statements, ${bundle.claims.length} claims, ${counts.disagreements} disagreements (${counts.overridden} decided by a file)`);
  return { skipped: false };
}

/** What reconciliation did, stored on the seed's meta node for GraphStats. */
export function seedCounts(bundle: ReconciledGraph) {
  return {
    rawFacts: bundle.rawFacts, statements: bundle.statements.length,
    truthyStatements: bundle.statements.filter((s) => s.truthy).length,
    derivedEnds: bundle.statements.filter((s) => s.endDerived).length,
    disagreements: bundle.disagreements.length, overridden: bundle.disagreements.filter((d) => d.overridden).length,
  };
}

/** The stored form of a statement: Neo4j lists hold no nulls, so absent values are ''. */
function statementProps(f: StatementRecord) {
  const refs = f.references;
  return {
    factId: f.key, factIds: f.factIds, start: f.start ?? null, end: f.end ?? null, attested: f.attested ?? null,
    role: f.role ?? null, area: f.area ?? null, level: f.level ?? null, note: f.note ?? null, admittedAt: f.admittedAt ?? null,
    rank: f.rank, rankReason: f.rankReason ?? null, truthy: f.truthy,
    endDerived: Boolean(f.endDerived), endRule: f.endDerived?.rule ?? null, endSuccessor: f.endDerived?.successor ?? null,
    ...citationProps(f.citations),
    refFactIds: refs.map((r) => r.factId), refFiles: refs.map((r) => r.file), refSources: refs.map((r) => r.source),
    refQuotes: refs.map((r) => r.quote), refStarts: refs.map((r) => r.start ?? ''), refEnds: refs.map((r) => r.end ?? ''),
    refAttested: refs.map((r) => r.attested ?? ''), refLevels: refs.map((r) => r.level ?? ''),
    refRanks: refs.map((r) => r.rank), refReasons: refs.map((r) => r.reason ?? ''),
    file: f.references[0]?.file ?? null,
  };
}
