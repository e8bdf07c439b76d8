import { Router, Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { isIsoDay } from '../util/partial-date';
import { AppDeps } from '../http/app';
import { buildCowTable, buildGraphExport, toCsv, toGraphML } from './export.service';

export const COW_COLUMNS = ['ccode', 'stateabb', 'iso3', 'state', 'year', 'organization', 'status', 'cow_status'];

class BadParam extends Error {}

function yearParam(req: Request, name: string, fallback: number): number {
  const raw = req.query[name];
  if (raw === undefined) return fallback;
  if (typeof raw !== 'string' || !/^\d{4}$/.test(raw) || Number(raw) < 1900 || Number(raw) > 2100) throw new BadParam(`${name} must be a year from 1900 to 2100`);
  return Number(raw);
}

function asOfParam(req: Request): string | null {
  const raw = req.query.asOf;
  if (raw === undefined || raw === '') return null;
  if (typeof raw !== 'string' || !isIsoDay(raw)) throw new BadParam('asOf must be a day written YYYY-MM-DD');
  return raw;
}

/** Sends an error as JSON with the same codes as the GraphQL API. */
function fail(res: Response, err: unknown): void {
  if (err instanceof BadParam) { res.status(400).json({ error: err.message, code: 'BAD_USER_INPUT' }); return; }
  const code = err instanceof GraphQLError ? String(err.extensions?.code ?? '') : '';
  if (code === 'UNAVAILABLE') { res.status(503).json({ error: err instanceof Error ? err.message : 'unavailable', code }); return; }
  if (code === 'QUERY_TIMEOUT') { res.status(504).json({ error: err instanceof Error ? err.message : 'timeout', code }); return; }
  res.status(500).json({ error: 'Internal server error', code: 'INTERNAL_SERVER_ERROR' });
}

/**
 * Research exports over HTTP: the Correlates-of-War style state-year table as CSV, and the whole
 * graph as JSON and as GraphML for Gephi (both with asOf).
 */
export function createExportRouter(deps: Pick<AppDeps, 'db' | 'catalog' | 'names' | 'log'>): Router {
  const router = Router();
  const ctx = { db: deps.db, catalog: deps.catalog, names: deps.names };
  router.get('/export', (_req, res) => {
    res.json({
      exports: {
        '/export/cow-membership.csv?organization=CICA&from=1992&to=2026': 'state-year table: status none/observer/member on 31 December (COW IGO layout, cow_status 0/3/1)',
        '/export/graph.json?asOf=YYYY-MM-DD': 'all nodes, edges (with citations) and claims',
        '/export/graph.graphml?asOf=YYYY-MM-DD': 'the same for Gephi',
      },
    });
  });
  router.get('/export/cow-membership.csv', async (req, res) => {
    try {
      const raw = req.query.organization;
      if (raw !== undefined && (typeof raw !== 'string' || raw.trim() === '' || raw.length > 200)) throw new BadParam('organization must be one name of at most 200 characters');
      const organization = raw ?? 'CICA';
      const from = yearParam(req, 'from', 1992);
      const to = yearParam(req, 'to', new Date().getUTCFullYear());
      if (from > to) throw new BadParam('from must not be after to');
      const rows = await buildCowTable(ctx, organization, from, to);
      if (!rows) { res.status(404).json({ error: `no organization matches "${organization}"`, code: 'NOT_FOUND' }); return; }
      res.attachment('cow-membership.csv').type('text/csv').send(toCsv(rows as any, COW_COLUMNS));
    } catch (err) { fail(res, err); }
  });
  router.get('/export/graph.json', async (req, res) => {
    try {
      const graph = await buildGraphExport(ctx, asOfParam(req));
      res.attachment('cica-graph.json').type('application/json').send(JSON.stringify(graph, null, 1));
    } catch (err) { fail(res, err); }
  });
  router.get('/export/graph.graphml', async (req, res) => {
    try {
      const graph = await buildGraphExport(ctx, asOfParam(req));
      res.attachment('cica-graph.graphml').type('application/graphml+xml').send(toGraphML(graph));
    } catch (err) { fail(res, err); }
  });
  return router;
}
