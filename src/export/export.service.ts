import { AppContext } from '../context';
import { RelationType } from '../graph/common/enums';
import { loadOrganization, membershipsOf, rolesOn } from '../graph/organization/organization.service';
import { COW_CODES } from './cow-codes';

export interface GraphExport {
  generatedAt: string;
  asOf: string | null;
  nodes: Record<string, any>[];
  edges: { id: string; type: string; source: string; target: string; [k: string]: any }[];
  claims: Record<string, any>[];
}

/** COW IGO status codes: 0 none, 1 full member, 3 observer (2, associate, is not used by CICA). */
const COW_STATUS: Record<string, number> = { none: 0, member: 1, observer: 3 };

export interface CowRow { ccode: number | ''; stateabb: string; iso3: string; state: string; year: number; organization: string; status: string; cow_status: number }

/**
 * One row per state and year, after the Correlates of War IGO state-year layout: the status
 * (none / observer / member) held on 31 December of the year. Every state in the graph is listed.
 */
export async function buildCowTable(ctx: AppContext, organization: string, fromYear: number, toYear: number): Promise<CowRow[] | null> {
  const overview = await loadOrganization(ctx, organization, { types: [RelationType.MEMBER_OF], fields: 'role validFrom validTo' });
  if (!overview) return null;
  const org = overview.organization;
  const states = new Map<string, string>();
  const memberships = membershipsOf(org);
  for (const r of memberships) if (r.other.type === 'State') states.set(r.other.key, r.other.name);
  const orgCode = (org.allNames.find((n) => n.kind === 'acronym' && n.lang === 'en')?.text ?? org.key).toUpperCase();
  const statusByYear = new Map<number, Map<string, string>>();
  for (let year = fromYear; year <= toYear; year++) {
    statusByYear.set(year, new Map([...rolesOn(memberships, `${year}-12-31`)].map(([key, r]) => [key, r.role])));
  }
  const rows: CowRow[] = [];
  for (const [iso3, name] of [...states].sort(([, a], [, b]) => a.localeCompare(b))) {
    const cow = COW_CODES[iso3];
    for (let year = fromYear; year <= toYear; year++) {
      const status = statusByYear.get(year)!.get(iso3) ?? 'none';
      rows.push({ ccode: cow?.ccode ?? '', stateabb: cow?.stateabb ?? iso3, iso3, state: name, year, organization: orgCode, status, cow_status: COW_STATUS[status] });
    }
  }
  return rows;
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function toCsv(rows: Record<string, unknown>[], columns: string[]): string {
  return [columns.join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(','))].join('\n') + '\n';
}

/** Every node, edge (with citations) and claim, as plain JSON. One query. */
export async function buildGraphExport(ctx: AppContext, asOf: string | null): Promise<GraphExport> {
  const [row] = await ctx.db.read('export/graph', { asOf });
  return {
    generatedAt: new Date().toISOString(),
    asOf,
    nodes: row.nodes.map((n: any) => ({ id: n.key, ...stripNulls(n) })),
    edges: row.edges.map((e: any) => ({
      id: e.props.factId, type: e.type, source: e.from, target: e.to, ...stripNulls({ ...e.props, factId: undefined, sources: undefined, quotes: undefined }),
      citations: (e.props.sources ?? []).map((source: string, i: number) => ({ source, quote: e.props.quotes?.[i] ?? '' })),
    })),
    claims: row.claims.map((c: any) => ({
      ...stripNulls({ ...c, sources: undefined, quotes: undefined }),
      citations: (c.sources ?? []).map((source: string, i: number) => ({ source, quote: c.quotes?.[i] ?? '' })),
    })),
  };
}

function stripNulls(o: Record<string, any>): Record<string, any> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
}

// XML 1.0 forbids most control characters even when escaped: they are dropped.
const xml = (s: unknown) => String(s).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const NODE_KEYS = ['type', 'name', 'nameTr', 'start', 'end', 'ordinal'] as const;
const EDGE_KEYS = ['type', 'role', 'area', 'level', 'start', 'end', 'attested', 'validFrom', 'validTo', 'sources', 'quotes'] as const;

/** GraphML for Gephi: attributes declared as keys; lists (sources, quotes) joined with " | ". */
export function toGraphML(graph: GraphExport): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'];
  for (const k of NODE_KEYS) out.push(`  <key id="n_${k}" for="node" attr.name="${k}" attr.type="string"/>`);
  out.push('  <key id="n_label" for="node" attr.name="label" attr.type="string"/>');
  for (const k of EDGE_KEYS) out.push(`  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="string"/>`);
  out.push('  <key id="e_label" for="edge" attr.name="label" attr.type="string"/>');
  out.push(`  <graph id="cica" edgedefault="directed">`);
  for (const n of graph.nodes) {
    out.push(`    <node id="${xml(n.id)}">`);
    out.push(`      <data key="n_label">${xml(n.name)}</data>`);
    for (const k of NODE_KEYS) if (n[k] !== undefined) out.push(`      <data key="n_${k}">${xml(n[k])}</data>`);
    out.push('    </node>');
  }
  for (const e of graph.edges) {
    out.push(`    <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}">`);
    out.push(`      <data key="e_label">${xml(e.type)}</data>`);
    const values: Record<string, unknown> = { ...e, sources: e.citations.map((c: any) => c.source).join(' | '), quotes: e.citations.map((c: any) => c.quote).join(' | ') };
    for (const k of EDGE_KEYS) if (values[k] !== undefined && values[k] !== '') out.push(`      <data key="e_${k}">${xml(values[k])}</data>`);
    out.push('    </edge>');
  }
  out.push('  </graph>', '</graphml>');
  return out.join('\n') + '\n';
}
