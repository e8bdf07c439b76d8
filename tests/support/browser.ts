import fs from 'node:fs';
import { chromium, Browser, BrowserContext, Page } from 'playwright-core';

/**
 * Headless Debian Chromium driven by playwright-core (no browser download), kept offline: every
 * request that is not to 127.0.0.1 or localhost is aborted and recorded, so a page that depends on
 * a CDN, a font service or an update check shows it in `blocked` instead of quietly working.
 * Installed by `npm test` (src/scripts/test-prerequisites.ts) when run as root on Debian.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumAvailable = (): boolean => fs.existsSync(CHROMIUM_PATH);

const LOCAL = /^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//;

export interface ConsoleError {
  text: string;
  /** The script or resource the message points at, when the browser says. */
  url: string;
}

export interface OfflineBrowser {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Non-local URLs the page tried to reach (aborted). */
  blocked: string[];
  /** Every request URL the page made, in order (local and blocked). */
  requests: string[];
  /** console.error messages, uncaught page errors and failed local requests (not counting the page's own aborts). */
  errors: ConsoleError[];
  /** errors minus the ones caused by a blocked request. */
  unexplainedErrors(): ConsoleError[];
  close(): Promise<void>;
}

export async function launchOfflineBrowser(viewport = { width: 1400, height: 900 }): Promise<OfflineBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const blocked: string[] = [];
  const requests: string[] = [];
  const errors: ConsoleError[] = [];
  try {
    const context = await browser.newContext({ viewport });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (LOCAL.test(url)) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => { if (m.type() === 'error') errors.push({ text: m.text(), url: m.location().url ?? '' }); });
    page.on('pageerror', (e) => errors.push({ text: `uncaught: ${e.stack ?? e.message}`, url: '' }));
    page.on('requestfailed', (r) => {
      // ERR_ABORTED is the page cancelling its own request (Altair aborts each fetch once it is done).
      if (LOCAL.test(r.url()) && r.failure()?.errorText !== 'net::ERR_ABORTED') errors.push({ text: `request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`, url: r.url() });
    });
    const causedByBlocked = (e: ConsoleError) => blocked.some((b) => e.url === b || e.text.includes(b));
    return {
      browser, context, page, blocked, requests, errors,
      unexplainedErrors: () => errors.filter((e) => !causedByBlocked(e)),
      close: () => browser.close(),
    };
  } catch (err) {
    await browser.close();
    throw err;
  }
}

/** Short, readable form of browser errors for an assertion message. */
export function describeErrors(errors: ConsoleError[], max = 5): string {
  if (!errors.length) return 'none';
  const counts = new Map<string, number>();
  for (const e of errors) {
    const line = e.text.split('\n').slice(0, 2).join(' | ');
    counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  const lines = [...counts].slice(0, max).map(([line, n]) => `${n} x ${line}`);
  if (counts.size > max) lines.push(`... and ${counts.size - max} more distinct errors`);
  return lines.join('\n');
}
