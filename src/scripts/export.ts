import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config';
import { openDatabase } from '../db/open-database';
import { COW_COLUMNS } from '../export/export.router';
import { buildCowTable, buildGraphExport, toCsv, toGraphML } from '../export/export.service';
import { SourceCatalog } from '../graph/source/source-catalog';
import { NameIndexCache } from '../mentions/name-index-cache';
import { isIsoDay } from '../util/partial-date';
import { createProgress } from '../util/progress';

const USAGE = `usage: npm run export -- <cow|json|graphml> [--organization CICA] [--from 1992] [--to 2026] [--asOf YYYY-MM-DD] [--out FILE]
  cow      state-year membership table (Correlates of War IGO layout) as CSV
  json     the whole graph: nodes, edges with citations, claims
  graphml  the whole graph for Gephi
Without --out the export goes to standard output.`;

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const kind = process.argv[2];
  if (!kind || !['cow', 'json', 'graphml'].includes(kind)) {
    process.stderr.write(USAGE + '\n');
    process.exit(2);
  }
  const asOf = option('asOf') ?? null;
  if (asOf && !isIsoDay(asOf)) throw new Error('--asOf must be a day written YYYY-MM-DD');
  const from = Number(option('from') ?? 1992);
  const to = Number(option('to') ?? new Date().getUTCFullYear());
  if (!Number.isInteger(from) || !Number.isInteger(to) || from > to) throw new Error('--from and --to must be years, from <= to');
  const progress = createProgress(`export ${kind}`, 3);
  const { db, close } = await openDatabase(loadConfig(), (m) => process.stderr.write(m + '\n'));
  progress.tick(1);
  try {
    const ctx = { db, catalog: new SourceCatalog(), names: new NameIndexCache() };
    let text: string;
    if (kind === 'cow') {
      const rows = await buildCowTable(ctx, option('organization') ?? 'CICA', from, to);
      if (!rows) throw new Error(`no organization matches "${option('organization') ?? 'CICA'}"`);
      text = toCsv(rows as any, COW_COLUMNS);
    } else {
      const graph = await buildGraphExport(ctx, asOf);
      text = kind === 'json' ? JSON.stringify(graph, null, 1) + '\n' : toGraphML(graph);
    }
    progress.tick(2);
    const out = option('out');
    if (out) fs.writeFileSync(path.resolve(out), text);
    else process.stdout.write(text);
    progress.finish(out ? `wrote ${out} (${(text.length / 1024).toFixed(0)} KiB)` : '');
  } finally {
    await close();
  }
}

main().catch((err) => {
  process.stderr.write(`export failed: ${(err as Error).message}\n`);
  process.exit(1);
});
