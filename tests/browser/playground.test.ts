import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { readOperations } from '../../src/http/playground';
import { CHROMIUM_PATH, chromiumAvailable, describeErrors, launchOfflineBrowser, OfflineBrowser } from '../support/browser';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * The Altair playground at GET /graphql works offline in a real browser: it loads from the
 * server alone (every non-local request is aborted), shows one tab per named operation of
 * schema/operations, and its Send Request button runs the operation with its example variables
 * against this server and shows the data.
 */
const SCREENSHOT = path.resolve(__dirname, '..', 'screenshots', 'playground.png');
const WAIT = 60_000;
const OPERATION = 'MembersAsOf';
/**
 * Altair's own console noise that says nothing about this server: it parses the response after
 * every chunk it reads from the stream, and logs this when a large response (MembersAsOf is
 * ~47 KB) arrives in more than one chunk; the final, whole body parses and is shown.
 */
const ALTAIR_NOISE = [/^Could not parse JSON\. Using default instead\.$/];

const available = chromiumAvailable();
if (!available) {
  console.warn(`tests/browser/playground.test.ts skipped: no Chromium at ${CHROMIUM_PATH}. `
    + 'Install it with `apt-get install -y chromium` (npm test does so when run as root on Debian) or set CHROMIUM_PATH.');
}
const describeIfChromium = available ? describe : describe.skip;

describeIfChromium(available ? 'playground in a browser, offline' : `playground in a browser (skipped: no Chromium at ${CHROMIUM_PATH})`, () => {
  const operations = readOperations();
  let server: TestServer;
  let browser: OfflineBrowser;
  let page: Page;
  let screenshotTaken = false;

  const screenshot = async () => {
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, timeout: WAIT });
    screenshotTaken = true;
  };
  const tab = (name: string) => page.locator('app-window-switcher-item .window-switcher__item', {
    has: page.locator('.window-switcher__input', { hasText: new RegExp(`^\\s*${name}\\s*$`) }),
  });

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchOfflineBrowser();
    page = browser.page;
    await page.goto(`${server.url}/graphql`, { waitUntil: 'load', timeout: WAIT });
    // Altair is an Angular app: its Send Request button exists once it has booted.
    await page.locator('app-altair button.send-request__button').waitFor({ state: 'visible', timeout: WAIT });
  }, 3 * WAIT);

  afterAll(async () => {
    // On a failure, the screenshot shows where the page stood.
    if (page && !screenshotTaken) await screenshot().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  test('serves Altair from the server itself', async () => {
    expect(await page.title()).toBe('Altair');
    const origin = new URL(server.url).origin;
    expect(browser.requests).toContain(`${origin}/playground/main.js`);
    await page.locator('app-altair app-query-editor').waitFor({ state: 'visible', timeout: WAIT });
  });

  test('has one tab per named operation', async () => {
    expect(operations.map((o) => o.name)).toContain(OPERATION);
    const tabNames = (await page.locator('app-window-switcher-item .window-switcher__input').allTextContents()).map((t) => t.trim());
    for (const op of operations) expect(tabNames).toContain(op.name);
    await tab(OPERATION).waitFor({ state: 'visible', timeout: WAIT });
  });

  test(`runs ${OPERATION} with its example variables against this server`, async () => {
    const example = JSON.parse(operations.find((o) => o.name === OPERATION)!.variables);
    expect(example).toEqual({ organization: 'CICA', date: '2015-11-11' });

    await tab(OPERATION).click({ timeout: WAIT });
    await page.locator('.window-switcher__item--active .window-switcher__input', { hasText: new RegExp(`^\\s*${OPERATION}\\s*$`) })
      .waitFor({ timeout: WAIT });
    await page.locator('app-query-editor .cm-content', { hasText: `query ${OPERATION}(` }).waitFor({ timeout: WAIT });

    const sent = page.waitForRequest((r) => r.method() === 'POST' && (r.postData() ?? '').includes(`query ${OPERATION}(`), { timeout: WAIT });
    await page.locator('app-altair button.send-request__button').click({ timeout: WAIT });
    const request = await sent.catch(async () => {
      const endpoint = (await page.locator('app-url-box .url-box__input .cm-content').textContent({ timeout: 5000 }).catch(() => null))?.trim();
      throw new Error(`Send Request did not POST the ${OPERATION} query within ${WAIT / 1000} s (endpoint in the URL box: `
        + `"${endpoint}"; Altair 8 fetches with new URL(endpoint), which needs an absolute URL); browser errors:\n${describeErrors(browser.errors)}`);
    });

    // The query went to this server, on localhost, with the example variables.
    expect(new URL(request.url()).origin).toBe(new URL(server.url).origin);
    expect(new URL(request.url()).pathname).toBe('/graphql');
    expect(JSON.parse(request.postData()!).variables).toEqual(example);
    expect((await request.response())?.status()).toBe(200);

    // And Altair shows the data. (The body is read from the page, not the network: Altair aborts
    // its fetch once the response is read, after which the browser no longer keeps the body.)
    await page.locator('app-query-result .response-status-code[data-status-code="200"]').waitFor({ timeout: WAIT });
    await page.locator('app-query-result .query-result__list .cm-content', { hasText: /"memberCount":\s*26\b/ }).waitFor({ timeout: WAIT });
    await page.locator('app-query-result .query-result__list .cm-content', { hasText: '"key": "cica"' }).waitFor({ timeout: WAIT });
    await screenshot();
  }, 4 * WAIT);

  test('stays offline and logs no errors of its own', () => {
    if (browser.blocked.length) console.info(`playground tried to reach (blocked):\n${[...new Set(browser.blocked)].join('\n')}`);
    const local = /^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//;
    const reached = browser.requests.filter((u) => !local.test(u) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(reached.filter((u) => !browser.blocked.includes(u))).toEqual([]);
    const errors = browser.unexplainedErrors().filter((e) => !ALTAIR_NOISE.some((re) => re.test(e.text.trim())));
    if (errors.length) throw new Error(`${errors.length} browser errors not caused by a blocked request:\n${describeErrors(errors)}`);
  });
});
