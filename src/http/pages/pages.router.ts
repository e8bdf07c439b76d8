import path from 'node:path';
import { Response, Router } from 'express';
import { projectRoot } from '../../util/project-root';

/**
 * Content-Security-Policy of the pages: everything from this server, no inline script or style,
 * no third-party host. The pages load their scripts from /assets (vendor libraries included).
 */
export const PAGES_CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
  "font-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

/** The page files (src/http/pages, read from the project root so that dist/ serves the same files). */
const PAGE_ASSETS: Record<string, string> = {
  'explorer.js': 'application/javascript', 'dashboard.js': 'application/javascript', 'common.js': 'application/javascript',
  'pages.css': 'text/css',
};
const PAGE_HTML: Record<string, string> = { '/': 'index.html', '/explorer': 'explorer.html', '/dashboard': 'dashboard.html' };

/** chart.js exports no subpaths: its UMD bundle sits beside the CommonJS entry point. */
function vendorFiles(): Record<string, string> {
  return {
    'cytoscape.min.js': require.resolve('cytoscape/dist/cytoscape.min.js'),
    'chart.umd.min.js': path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js'),
  };
}

/** GET / (index), /explorer and /dashboard, their scripts and styles, and the vendored libraries; no CDN. */
export function createPagesRouter(): Router {
  const router = Router();
  const dir = path.join(projectRoot(), 'src', 'http', 'pages');
  const vendor = vendorFiles();
  const send = (res: Response, file: string, type: string, maxAge = 0) => {
    res.type(type);
    res.sendFile(file, { maxAge, headers: { 'X-Content-Type-Options': 'nosniff' } });
  };

  for (const [route, file] of Object.entries(PAGE_HTML)) {
    router.get(route, (_req, res) => {
      res.set({ 'Content-Security-Policy': PAGES_CSP, 'Referrer-Policy': 'no-referrer', 'X-Frame-Options': 'DENY' });
      send(res, path.join(dir, file), 'html');
    });
  }
  router.get('/assets/pages/:file', (req, res, next) => {
    const type = Object.hasOwn(PAGE_ASSETS, req.params.file) ? PAGE_ASSETS[req.params.file] : undefined;
    if (!type) return next();
    send(res, path.join(dir, req.params.file), type);
  });
  router.get('/assets/vendor/:file', (req, res, next) => {
    const file = Object.hasOwn(vendor, req.params.file) ? vendor[req.params.file] : undefined;
    if (!file) return next();
    send(res, file, 'application/javascript', 24 * 3600 * 1000);
  });
  return router;
}
