import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import { getDistDirectory, renderAltair } from 'altair-static';
import { projectRoot } from '../util/project-root';

/** The named operations of schema/operations, each one file: name -> text. */
export function readOperations(dir = path.join(projectRoot(), 'schema', 'operations')): { name: string; text: string; variables: string }[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort().map((file) => {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const examples = path.join(dir, 'examples', file.replace(/\.graphql$/, '.json'));
    return { name: file.replace(/\.graphql$/, ''), text, variables: fs.existsSync(examples) ? fs.readFileSync(examples, 'utf8') : '{}' };
  });
}

/**
 * The playground's CSP: its inline start-up script is allowed by its hash, nothing else inline
 * runs; Altair (Angular) injects styles at run time, so styles may be inline.
 */
function playgroundCsp(html: string): string {
  const hashes = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => `'sha256-${crypto.createHash('sha256').update(m[1]).digest('base64')}'`);
  return [
    "default-src 'self'", `script-src 'self' ${hashes.join(' ')}`, "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
    "font-src 'self' data:", "connect-src 'self'", "worker-src 'self' blob:", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Serves the Altair playground from the altair-static package (no CDN): a browser opening
 * GET /graphql gets it, with one tab per named operation and example variables.
 */
export function createPlaygroundRouter(endpoint = '/graphql'): Router {
  const router = Router();
  const operations = readOperations();
  // Altair builds request addresses with new URL(endpoint) and no base: it needs an absolute
  // address, so the page is rendered for the host the browser used (cached per host).
  const pages = new Map<string, string>();
  const render = (absolute: string) => renderAltair({
    baseURL: '/playground/',
    endpointURL: absolute,
    initialName: operations[0]?.name ?? 'Query',
    initialWindows: operations.map((op) => ({ initialName: op.name, endpointURL: absolute, initialQuery: op.text, initialVariables: op.variables })),
    initialSettings: { 'schema.reloadOnStart': true, 'plugin.list': [], enableExperimental: false } as any,
    disableAccount: true,
    preserveState: false,
  } as any);
  router.use('/playground', express.static(getDistDirectory(), { index: false }));
  router.get(endpoint, (req, res, next) => {
    if (req.query.query || req.accepts(['json', 'html']) !== 'html') return next();
    const host = req.get('host') ?? '127.0.0.1';
    if (!/^[A-Za-z0-9.:[\]-]+$/.test(host)) { res.status(400).send('bad Host header'); return; }
    const absolute = `${req.protocol}://${host}${endpoint}`;
    if (!pages.has(absolute)) {
      if (pages.size > 32) pages.clear();
      pages.set(absolute, render(absolute));
    }
    const page = pages.get(absolute)!;
    res.set('Content-Security-Policy', playgroundCsp(page)).type('html').send(page);
  });
  return router;
}
