import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { CHROMIUM_PATH, chromiumAvailable, describeErrors, launchOfflineBrowser, OfflineBrowser } from '../support/browser';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * The explorer and dashboard pages in Debian's Chromium over the real server and test Neo4j
 * (tests/support/browser.ts: every request outside localhost is blocked, so the pages must need
 * no CDN); any console error, page error, failed request or HTTP error status fails a test.
 */
const SHOTS = path.resolve(__dirname, '..', 'screenshots');

let server: TestServer;
const opened: OfflineBrowser[] = [];

interface Opened { page: Page; problems: () => string; blocked: string[] }

async function open(pathname: string, before?: (page: Page) => Promise<unknown>): Promise<Opened> {
  const b = await launchOfflineBrowser({ width: 1440, height: 900 });
  opened.push(b);
  const httpErrors: string[] = [];
  b.page.on('response', (r) => { if (r.status() >= 400) httpErrors.push(`HTTP ${r.status()} ${r.url()}`); });
  if (before) await before(b.page);
  await b.page.goto(server.url + pathname);
  return {
    page: b.page, blocked: b.blocked,
    problems: () => [describeErrors(b.errors), ...httpErrors].filter((x) => x !== 'none').join('\n') || 'none',
  };
}

/** Waits until the explorer has finished `loads` draws and nothing is in flight. */
async function settled(page: Page, loads: number): Promise<void> {
  await page.waitForFunction((n) => {
    const x = (window as any).__explorer;
    return x && x.state.loads >= n && x.state.busy === 0;
  }, loads, { timeout: 30000 });
}

const nodeIds = (page: Page): Promise<string[]> => page.evaluate(() => (window as any).__explorer.cy.nodes().map((n: any) => n.id()).sort());
const loadsOf = (page: Page): Promise<number> => page.evaluate(() => (window as any).__explorer.state.loads);

/** A node's or an edge midpoint's position on the page. */
async function pagePoint(page: Page, selector: { node?: string; edge?: string }): Promise<{ x: number; y: number }> {
  const box = (await page.locator('#cy').boundingBox())!;
  const p = await page.evaluate(({ node, edge }) => {
    const cy = (window as any).__explorer.cy;
    return node ? cy.getElementById(node).renderedPosition() : cy.getElementById(edge).renderedMidpoint();
  }, selector);
  return { x: box.x + p.x, y: box.y + p.y };
}

/** An edge whose midpoint is inside the canvas and clear of every node, so a real click hits the edge. */
async function clearEdge(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const cy = (window as any).__explorer.cy;
    const w = cy.width(); const h = cy.height();
    const nodes = cy.nodes().map((n: any) => n.renderedPosition());
    let best: string | null = null; let bestDistance = 0;
    cy.edges().forEach((e: any) => {
      const m = e.renderedMidpoint();
      if (m.x < 20 || m.y < 20 || m.x > w - 20 || m.y > h - 20) return;
      const others = cy.edges().filter((o: any) => o.id() !== e.id()).map((o: any) => o.renderedMidpoint());
      const d = Math.min(...nodes.map((p: any) => Math.hypot(p.x - m.x, p.y - m.y)), ...others.map((p: any) => Math.hypot(p.x - m.x, p.y - m.y) * 2));
      if (d > bestDistance) { bestDistance = d; best = e.id(); }
    });
    return bestDistance >= 20 ? best : null;
  });
}

async function clickEdge(page: Page): Promise<string> {
  const edge = await clearEdge(page);
  if (edge) {
    const p = await pagePoint(page, { edge });
    await page.mouse.click(p.x, p.y);
    // The click must have opened this edge, not a parallel one drawn over it (same ends, other facts).
    const shown = await page.locator('#panel .cite-source code').first().textContent({ timeout: 2000 }).catch(() => null);
    const wanted = await page.evaluate((id) => (window as any).__explorer.cy.getElementById(id).data('citations')?.[0]?.source ?? null, edge);
    if (shown !== null && shown === wanted) return edge;
    if (shown !== null) {
      await page.evaluate((id) => (window as any).__explorer.cy.getElementById(id).emit('tap'), edge);
      return edge;
    }
  }
  // No edge lies clear of the nodes at this layout: tap one through cytoscape.
  return page.evaluate(() => { const e = (window as any).__explorer.cy.edges()[0]; e.emit('tap'); return e.id(); });
}

const available = chromiumAvailable();
if (!available) console.warn(`tests/browser/pages.test.ts: browser tests skipped, no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
const browserTest = available ? test : test.skip;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  server = await startTestServer();
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((b) => b.close()));
});

afterAll(async () => {
  await server?.close();
});

test('GET / links the playground, explorer and dashboard; the pages and vendor libraries are served locally', async () => {
  const index = await fetch(server.url + '/');
  expect(index.status).toBe(200);
  const html = await index.text();
  for (const href of ['/graphql', '/explorer', '/dashboard']) expect(html).toContain(`href="${href}"`);
  for (const [p, type] of [['/explorer', 'text/html'], ['/dashboard', 'text/html'], ['/assets/vendor/cytoscape.min.js', 'javascript'],
    ['/assets/vendor/chart.umd.min.js', 'javascript'], ['/assets/pages/explorer.js', 'javascript'], ['/assets/pages/pages.css', 'text/css']]) {
    const res = await fetch(server.url + p);
    expect({ p, status: res.status }).toEqual({ p, status: 200 });
    expect(res.headers.get('content-type')).toContain(type);
  }
  expect((await fetch(server.url + '/explorer')).headers.get('content-security-policy')).toContain("script-src 'self'");
  expect((await fetch(server.url + '/assets/pages/pages.router.ts')).status).toBe(404);
  expect((await fetch(server.url + '/assets/vendor/..%2F..%2Fpackage.json')).status).toBe(404);
});

browserTest('explorer: search, draw, expand a node, read an edge citation, move through time, switch language', async () => {
  const { page, problems, blocked } = await open('/explorer');
  await page.waitForFunction(() => Boolean((window as any).__explorer));
  await expect(page.locator('#year').getAttribute('max')).resolves.toBe(String(new Date().getFullYear()));
  await expect(page.locator('#year').getAttribute('min')).resolves.toBe('1992');

  // Search in Turkish, pick Kazakhstan.
  await page.fill('#search-input', 'Kazakistan');
  await page.press('#search-input', 'Enter');
  const kaz = page.locator('.result[data-key="KAZ"]');
  await kaz.waitFor({ timeout: 15000 });
  await kaz.click();
  await settled(page, 1);
  const first = await nodeIds(page);
  expect(first.length).toBeGreaterThan(5);
  expect(first).toContain('KAZ');
  expect(await page.evaluate(() => (window as any).__explorer.cy.getElementById('KAZ').data('center'))).toBe(true);
  expect(await page.locator('#legend li:not(.absent)').count()).toBeGreaterThan(1);
  expect(await page.locator('#truncated').isHidden()).toBe(true);

  // Expand the neighbour that brings the most new nodes, with a real click on the canvas.
  const nodes: { id: string; label: string }[] = await page.evaluate(() => (window as any).__explorer.cy.nodes().filter((n: any) => !n.data('center')).map((n: any) => ({ id: n.id(), label: n.data('label') })));
  let target = nodes[0]; let gain = 0;
  for (const n of nodes.filter((x) => x.id.length <= 4 || x.id.includes('cica')).concat(nodes).slice(0, 12)) {
    const r = await server.operation('Neighborhood', { name: n.label, depth: 1 });
    const extra = (r.data?.neighborhood?.nodes ?? []).filter((x: any) => !first.includes(x.id)).length;
    if (r.data?.neighborhood?.center?.key === n.id && extra > gain) { gain = extra; target = n; }
  }
  expect(gain).toBeGreaterThan(0);
  const loads = await loadsOf(page);
  const at = await pagePoint(page, { node: target.id });
  await page.mouse.click(at.x, at.y);
  await settled(page, loads + 1);
  const expanded = await nodeIds(page);
  expect(expanded.length).toBeGreaterThan(first.length);
  await expect(page.locator('#panel h2').textContent()).resolves.toBe(target.label);

  // An edge: the side panel shows its type, time span and citations with quotes.
  const edge = await clickEdge(page);
  const quote = page.locator('#panel .citation .quote').first();
  await quote.waitFor();
  expect((await quote.textContent())!.trim().length).toBeGreaterThan(3);
  const edgeData = await page.evaluate((id) => (window as any).__explorer.cy.getElementById(id).data(), edge);
  await expect(page.locator('#panel .edge-facts').textContent()).resolves.toContain(edgeData.type);
  expect(await page.locator('#panel .citation').count()).toBe(edgeData.citations.length);
  await expect(page.locator('#panel .cite-source code').first().textContent()).resolves.toBe(edgeData.citations[0].source);

  // Dates: leave "all dates", move the slider to 2005 — the server answers asOf 2005-12-31 and the node set changes.
  let before = await loadsOf(page);
  await page.locator('#all-dates').uncheck();
  await settled(page, before + 1);
  const thisYear = await nodeIds(page);
  before = await loadsOf(page);
  const asOfSent = page.waitForRequest((r) => r.url().endsWith('/graphql') && (r.postData() ?? '').includes('"asOf":"2005-12-31"'));
  await page.locator('#year').evaluate((input: HTMLInputElement) => {
    input.value = '2005';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await asOfSent;
  await settled(page, before + 1);
  await expect(page.locator('#year-label').textContent()).resolves.toBe('2005');
  const in2005 = await nodeIds(page);
  expect(in2005).toContain('KAZ');
  expect(in2005).not.toEqual(expanded);
  expect(in2005).not.toEqual(thisYear);
  await expect(page.locator('#graph-status').textContent()).resolves.toContain('2005-12-31');

  // Turkish labels.
  await page.click('#lang-tr');
  const kazData = await page.evaluate(() => (window as any).__explorer.cy.getElementById('KAZ').data());
  expect(kazData.display).toBe(kazData.labelTr ?? kazData.label);
  expect(kazData.labelTr).toBeTruthy();
  await expect(page.locator('.sidebar label[for="search-input"]').textContent()).resolves.toBe('Varlık ara');
  await page.click('#lang-en');
  expect(await page.evaluate(() => (window as any).__explorer.cy.getElementById('KAZ').data('display'))).toBe(kazData.label);

  // Show an edge for the screenshot.
  await clickEdge(page);
  await page.locator('#panel .citation .quote').first().waitFor();
  await page.screenshot({ path: path.join(SHOTS, 'explorer.png') });

  // "truncated" follows the server's flag.
  await page.route('**/graphql', async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    if (json?.data?.neighborhood) json.data.neighborhood.truncated = true;
    await route.fulfill({ response, json });
  });
  before = await loadsOf(page);
  await page.locator('#all-dates').check();
  await settled(page, before + 1);
  expect(await page.locator('#truncated').isVisible()).toBe(true);

  expect(blocked).toEqual([]);
  expect(problems()).toBe('none');
});

browserTest('dashboard: four charts with data and the graph totals', async () => {
  const { page, problems, blocked } = await open('/dashboard');
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  const charts = await page.evaluate(() => ['membership', 'chairs', 'summits', 'sources'].map((name) => {
    const canvas = document.getElementById('chart-' + name) as HTMLCanvasElement | null;
    const chart = canvas ? (window as any).Chart.getChart(canvas) : undefined;
    return {
      name, canvas: Boolean(canvas), width: canvas?.width ?? 0, chart: Boolean(chart),
      datasets: chart ? chart.data.datasets.length : 0,
      points: chart ? chart.data.datasets.reduce((n: number, d: any) => n + d.data.filter((v: any) => v !== null).length, 0) : 0,
      labels: chart ? chart.data.labels.length : 0,
    };
  }));
  for (const c of charts) {
    expect(c).toMatchObject({ canvas: true, chart: true });
    expect({ name: c.name, ok: c.width > 0 && c.datasets > 0 && c.points > 0 && c.labels > 0 }).toEqual({ name: c.name, ok: true });
  }
  const membership = await page.evaluate(() => (window as any).__dashboard.charts.membership.data.datasets.map((d: any) => d.label));
  expect(membership).toEqual(['Members', 'Observers']);
  expect(charts.find((c) => c.name === 'sources')!.labels).toBeLessThanOrEqual(20);
  const chairBars = await page.evaluate(() => (window as any).__dashboard.charts.chairs.data.datasets[0].data);
  for (const [a, b] of chairBars) expect(b).toBeGreaterThanOrEqual(a);

  const totals = await page.$$eval('[data-total]', (nodes) => Object.fromEntries(nodes.map((n) => [(n as HTMLElement).dataset.total, n.textContent])));
  for (const key of ['entities', 'facts', 'claims', 'conflicts']) {
    const value = Number(String(totals[key]).replace(/[^0-9]/g, ''));
    expect({ key, positive: value > 0 }).toEqual({ key, positive: true });
  }
  expect(await page.locator('.error').count()).toBe(0);
  await page.screenshot({ path: path.join(SHOTS, 'dashboard.png'), fullPage: true });
  expect(blocked).toEqual([]);
  expect(problems()).toBe('none');
});

browserTest('dashboard: a failing query shows its error in place and the other charts still draw', async () => {
  const { page, problems } = await open('/dashboard', (p) => p.route('**/graphql', async (route) => {
  if ((route.request().postData() ?? '').includes('"operationName":"ChairmanshipTimeline"')) {
    return route.fulfill({ status: 200, contentType: 'application/json', json: { errors: [{ message: 'Neo4j is unavailable', extensions: { code: 'UNAVAILABLE' } }] } });
  }
  return route.continue();
  }));
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  const error = page.locator('#card-chairs .chart-box .error');
  await expect(error.textContent()).resolves.toContain('Neo4j is unavailable');
  expect(await page.locator('#chart-chairs').count()).toBe(0);
  for (const name of ['membership', 'summits', 'sources']) {
    expect(await page.evaluate((n) => Boolean((window as any).Chart.getChart(document.getElementById('chart-' + n))), name)).toBe(true);
  }
  expect(problems()).toBe('none');
});
