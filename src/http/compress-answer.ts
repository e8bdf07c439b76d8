import http from 'node:http';
import zlib from 'node:zlib';
import { promisify } from 'node:util';

const gzip = promisify(zlib.gzip);
const deflate = promisify(zlib.deflate);
const brotli = promisify(zlib.brotliCompress);
// The choices of the `compression` middleware the other routes use: Brotli at quality 4 first, then gzip.
const PREFERRED = ['br', 'gzip', 'deflate'] as const;
type Encoding = typeof PREFERRED[number];
const BROTLI = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } };

/**
 * A whole answer, compressed when it is at least `threshold` bytes and the client accepts an
 * encoding. zlib runs on libuv's thread pool, so a 100 KB answer does not hold the event loop.
 * Sets Content-Encoding when it compressed, and Vary: Accept-Encoding either way.
 */
export async function compressAnswer(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer, threshold: number): Promise<Buffer> {
  res.setHeader('vary', 'Accept-Encoding');
  if (threshold < 0 || body.length < threshold || !req.headers['accept-encoding']) return body;
  if (/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(String(res.getHeader('cache-control') ?? ''))) return body;
  const method = encodingFor(String(req.headers['accept-encoding']));
  if (!method) return body;
  const compressed = method === 'br' ? await brotli(body, BROTLI) : method === 'gzip' ? await gzip(body) : await deflate(body);
  res.setHeader('content-encoding', method);
  return compressed;
}

/** The encoding an Accept-Encoding header ranks highest (q-values, `*`), ties in our order; undefined for none. */
export function encodingFor(accept: string): Encoding | undefined {
  const q = new Map<string, number>();
  for (const part of accept.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const weight = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    q.set(name, weight === undefined ? 1 : Number(weight) || 0);
  }
  let best: Encoding | undefined;
  let bestQ = 0;
  for (const encoding of PREFERRED) {
    const weight = q.get(encoding) ?? q.get('*') ?? 0;
    if (weight > bestQ) { best = encoding; bestQ = weight; }
  }
  return best;
}
