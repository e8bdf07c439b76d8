import fs from 'node:fs';
import path from 'node:path';
import { buildNameIndex, NameIndex } from '../../src/mentions/link-mentions';
import { linkingInputFromSeed } from '../../src/mentions/linking-facts';
import { readSeedFiles } from '../../src/seed/read-seed-files';
import { SeedBundle } from '../../src/seed/seed-model';

/**
 * Scoring of a mention linker on the held-out set in tests/fixtures/mentions-heldout (see its README.md).
 * Kept apart from the jest test so that a bench can score other linker versions the same way.
 */

export interface HeldoutLabel { entity: string; text: string; start: number; end: number; cause: string }
export interface HeldoutNegative { text: string; start: number; end: number; why: string }
export interface HeldoutText { id: string; language: string; text: string; mentions: HeldoutLabel[]; negatives: HeldoutNegative[] }
/** What a linker returns, reduced to what is scored. */
export interface LinkedSpan { entityKey: string; start: number; end: number; text: string }
export type Linker = (text: string, language: string) => LinkedSpan[];

export interface Counts { tp: number; linked: number; labels: number; precision: number; recall: number; negatives: number; negativesHit: number }
export interface CauseRecall { found: number; total: number; recall: number }
export interface HeldoutScore {
  overall: Counts;
  byLanguage: Record<string, Counts>;
  byCause: Record<string, CauseRecall>;
  byLanguageCause: Record<string, Record<string, CauseRecall>>;
  /** Recall split by whether the labelled surface is, letter for letter, one of the graph's names for that entity. */
  bySurfaceInGraph?: { inGraph: CauseRecall; notInGraph: CauseRecall };
  misses: Array<{ id: string; label: HeldoutLabel }>;
  falsePositives: Array<{ id: string; linked: LinkedSpan }>;
  negativeHits: Array<{ id: string; negative: HeldoutNegative; linked: LinkedSpan }>;
}

export const HELDOUT_DIR = path.resolve(__dirname, '..', 'fixtures', 'mentions-heldout');

/** Reads texts/<lang>-NN.txt and labels.json; the language is the file name's prefix. */
export function loadHeldout(dir: string = HELDOUT_DIR): HeldoutText[] {
  const labels: Record<string, { mentions: HeldoutLabel[]; negatives: HeldoutNegative[] }> =
    JSON.parse(fs.readFileSync(path.join(dir, 'labels.json'), 'utf8'));
  return Object.keys(labels).sort().map((id) => ({
    id,
    language: id.split('-')[0],
    text: fs.readFileSync(path.join(dir, 'texts', id + '.txt'), 'utf8'),
    mentions: labels[id].mentions,
    negatives: labels[id].negatives,
  }));
}

/** Problems with the labels: offsets that do not give the surface, overlapping positives, negatives overlapping positives, missing texts. */
export function checkHeldout(texts: HeldoutText[], dir: string = HELDOUT_DIR): string[] {
  const problems: string[] = [];
  const files = fs.readdirSync(path.join(dir, 'texts')).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort();
  const ids = texts.map((t) => t.id);
  for (const f of files) if (!ids.includes(f)) problems.push(`${f}.txt has no labels`);
  for (const t of texts) {
    const spans = [...t.mentions, ...t.negatives];
    for (const s of spans) {
      if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end > s.start && s.end <= t.text.length)) {
        problems.push(`${t.id}: bad offsets ${s.start}-${s.end} for ${JSON.stringify(s.text)}`);
      } else if (t.text.slice(s.start, s.end) !== s.text) {
        problems.push(`${t.id}: ${s.start}-${s.end} is ${JSON.stringify(t.text.slice(s.start, s.end))}, labelled ${JSON.stringify(s.text)}`);
      }
    }
    const sorted = [...t.mentions].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i].start < sorted[i - 1].end) problems.push(`${t.id}: positives overlap at ${sorted[i].start}`);
    }
    for (const n of t.negatives) {
      if (t.mentions.some((m) => m.start < n.end && n.start < m.end)) problems.push(`${t.id}: negative ${JSON.stringify(n.text)} overlaps a positive`);
    }
  }
  return problems;
}

const ratio = (a: number, b: number) => (b ? a / b : 1);
const key = (entity: string, start: number, end: number) => `${entity}@${start}-${end}`;

function addCause(into: Record<string, CauseRecall>, cause: string, found: boolean): void {
  const c = into[cause] ?? (into[cause] = { found: 0, total: 0, recall: 0 });
  c.total++; if (found) c.found++;
  c.recall = ratio(c.found, c.total);
}

/**
 * Links every text and scores exact matches (entity, start and end all equal). Precision counts every linked span,
 * recall every label; a negative is hit when any linked span overlaps it. graphNames, if given, maps an entity key
 * to its names in the graph, for the in-graph / not-in-graph recall split.
 */
export function scoreHeldout(texts: HeldoutText[], link: Linker, graphNames?: Map<string, Set<string>>): HeldoutScore {
  const empty = (): Counts => ({ tp: 0, linked: 0, labels: 0, precision: 1, recall: 1, negatives: 0, negativesHit: 0 });
  const score: HeldoutScore = { overall: empty(), byLanguage: {}, byCause: {}, byLanguageCause: {}, misses: [], falsePositives: [], negativeHits: [] };
  const inGraph: Record<string, CauseRecall> = {};
  for (const t of texts) {
    const linked = link(t.text, t.language);
    const got = new Set(linked.map((m) => key(m.entityKey, m.start, m.end)));
    const want = new Set(t.mentions.map((m) => key(m.entity, m.start, m.end)));
    const lang = score.byLanguage[t.language] ?? (score.byLanguage[t.language] = empty());
    const langCause = score.byLanguageCause[t.language] ?? (score.byLanguageCause[t.language] = {});
    for (const c of [lang, score.overall]) { c.linked += linked.length; c.labels += t.mentions.length; c.negatives += t.negatives.length; }
    for (const m of linked) {
      if (want.has(key(m.entityKey, m.start, m.end))) { lang.tp++; score.overall.tp++; } else score.falsePositives.push({ id: t.id, linked: m });
    }
    for (const l of t.mentions) {
      const found = got.has(key(l.entity, l.start, l.end));
      if (!found) score.misses.push({ id: t.id, label: l });
      addCause(score.byCause, l.cause, found);
      addCause(langCause, l.cause, found);
      if (graphNames) addCause(inGraph, graphNames.get(l.entity)?.has(l.text) ? 'inGraph' : 'notInGraph', found);
    }
    for (const n of t.negatives) {
      const hits = linked.filter((m) => m.start < n.end && n.start < m.end);
      if (hits.length) { lang.negativesHit++; score.overall.negativesHit++; }
      for (const h of hits) score.negativeHits.push({ id: t.id, negative: n, linked: h });
    }
  }
  for (const c of [score.overall, ...Object.values(score.byLanguage)]) { c.precision = ratio(c.tp, c.linked); c.recall = ratio(c.tp, c.labels); }
  if (graphNames) {
    score.bySurfaceInGraph = {
      inGraph: inGraph.inGraph ?? { found: 0, total: 0, recall: 1 },
      notInGraph: inGraph.notInGraph ?? { found: 0, total: 0, recall: 1 },
    };
  }
  return score;
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5) + '%';

/** A plain-text table of the score, for stdout. */
export function formatHeldout(score: HeldoutScore, details = true): string {
  const lines: string[] = [];
  const langs = Object.keys(score.byLanguage).sort();
  lines.push('language   precision            recall               negatives hit');
  for (const [name, c] of [...langs.map((l) => [l, score.byLanguage[l]] as const), ['all', score.overall] as const]) {
    lines.push(`${name.padEnd(10)} ${pct(c.precision)} (${c.tp}/${c.linked})`.padEnd(32) +
      `${pct(c.recall)} (${c.tp}/${c.labels})`.padEnd(21) + `${c.negativesHit}/${c.negatives}`);
  }
  lines.push('');
  const causes = Object.keys(score.byCause).sort();
  lines.push('cause recall'.padEnd(22) + [...langs, 'all'].map((l) => l.padStart(16)).join(''));
  for (const cause of causes) {
    const cell = (c?: CauseRecall) => (c ? `${pct(c.recall)} (${c.found}/${c.total})` : '-').padStart(16);
    lines.push(cause.padEnd(22) + langs.map((l) => cell(score.byLanguageCause[l][cause])).join('') + cell(score.byCause[cause]));
  }
  if (score.bySurfaceInGraph) {
    const { inGraph, notInGraph } = score.bySurfaceInGraph;
    lines.push('', `surface is a graph name: recall ${pct(inGraph.recall)} (${inGraph.found}/${inGraph.total}); ` +
      `not a graph name: ${pct(notInGraph.recall)} (${notInGraph.found}/${notInGraph.total})`);
  }
  if (details) {
    lines.push('');
    for (const { id, label: l } of score.misses) lines.push(`miss ${id}: ${l.entity} ${JSON.stringify(l.text)} ${l.start}-${l.end} [${l.cause}]`);
    for (const { id, linked: m } of score.falsePositives) lines.push(`false positive ${id}: ${m.entityKey} ${JSON.stringify(m.text)} ${m.start}-${m.end}`);
    for (const { id, negative: n, linked: m } of score.negativeHits) lines.push(`negative hit ${id}: ${JSON.stringify(n.text)} ${n.start}-${n.end} linked to ${m.entityKey} as ${JSON.stringify(m.text)}`);
  }
  return lines.join('\n') + '\n';
}

/** The linker's index built from the seed files (as the graph would hold them), and each entity's names. */
export function seedLinkingIndex(): { bundle: SeedBundle; index: NameIndex; graphNames: Map<string, Set<string>> } {
  const root = path.resolve(__dirname, '..', '..');
  const corpusDir = process.env.CORPUS_DIR ? path.resolve(root, process.env.CORPUS_DIR) : path.resolve(root, '..', 'shared', 'seeds');
  const bundle = readSeedFiles(path.join(root, 'cypher', 'seed'), corpusDir);
  const { names, facts } = linkingInputFromSeed(bundle);
  const graphNames = new Map<string, Set<string>>();
  for (const n of names) (graphNames.get(n.entityKey) ?? graphNames.set(n.entityKey, new Set()).get(n.entityKey)!).add(n.text);
  return { bundle, index: buildNameIndex(names, facts), graphNames };
}

/** Floors of precision and recall by language ('all': every language), and the most negatives a linker may hit. */
export interface HeldoutFloors { byLanguage: Record<string, { precision: number; recall: number }>; maxNegativesHit: number }

/** Asserts a score is at or above its floors, naming the language that falls short. */
export function expectAboveFloors(score: HeldoutScore, floors: HeldoutFloors): void {
  for (const [lang, floor] of Object.entries(floors.byLanguage)) {
    const c = lang === 'all' ? score.overall : score.byLanguage[lang];
    expect({ lang, precision: c.precision >= floor.precision, recall: c.recall >= floor.recall })
      .toEqual({ lang, precision: true, recall: true });
  }
  expect(score.overall.negativesHit).toBeLessThanOrEqual(floors.maxNegativesHit);
}
