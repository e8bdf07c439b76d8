import http from 'node:http';
import net from 'node:net';

/** One HTTP exchange as the checks see it: what was sent, what came back, and how long it took. */
export interface Exchange {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** What was sent, as text (invalid bytes shown as U+FFFD), for samples and for the leak exemptions. */
  requestText: string;
  status: number;
  responseHeaders: http.IncomingHttpHeaders;
  body: Buffer;
  ms: number;
  /** Set when no complete answer came: 'timeout', or a socket error code such as ECONNRESET. */
  failure?: string;
}

export interface RequestSpec {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** Answers larger than this are cut; the checks only need the beginning of an export. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

/**
 * Sends one request to a loopback server with node:http (not fetch, so that wrong content
 * types, invalid bytes and odd methods go out exactly as written) and never waits longer than
 * timeoutMs for the whole answer.
 */
export function sendRequest(base: URL, spec: RequestSpec, timeoutMs: number, agent?: http.Agent): Promise<Exchange> {
  const method = spec.method ?? 'GET';
  const headers = { ...(spec.headers ?? {}) };
  const body = spec.body === undefined ? undefined : Buffer.isBuffer(spec.body) ? spec.body : Buffer.from(spec.body, 'utf8');
  if (body) headers['content-length'] = String(body.length);
  const requestText = `${method} ${spec.path}\n${body ? body.toString('utf8', 0, Math.min(body.length, 4 * 1024 * 1024)) : ''}`;
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
  return new Promise((resolve) => {
    let settled = false;
    const chunks: Buffer[] = [];
    let size = 0;
    let status = 0;
    let responseHeaders: http.IncomingHttpHeaders = {};
    const finish = (failure?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ method, path: spec.path, headers, requestText, status, responseHeaders, body: Buffer.concat(chunks), ms: elapsed(), failure });
    };
    let req: http.ClientRequest;
    try {
      req = http.request({ host: base.hostname, port: base.port, method, path: spec.path, headers, agent: agent ?? false }, onResponse);
    } catch (err) {
      // node:http refuses some header values and paths itself: nothing was sent.
      status = 0;
      settled = true;
      resolve({ method, path: spec.path, headers, requestText, status, responseHeaders, body: Buffer.alloc(0), ms: elapsed(), failure: `not sent: ${(err as Error).message}` });
      return;
    }
    function onResponse(res: http.IncomingMessage) {
      status = res.statusCode ?? 0;
      responseHeaders = res.headers;
      res.on('data', (chunk: Buffer) => {
        if (size < MAX_BODY_BYTES) chunks.push(chunk);
        size += chunk.length;
      });
      res.on('end', () => finish());
      res.on('error', (err: NodeJS.ErrnoException) => finish(err.code ?? 'response error'));
      res.on('aborted', () => finish('aborted'));
    }
    const timer = setTimeout(() => { finish('timeout'); req.destroy(); }, timeoutMs);
    // A server may answer (413) and close before reading an oversized body: keep the answer.
    req.on('error', (err: NodeJS.ErrnoException) => { if (status === 0) finish(err.code ?? err.message); });
    if (body) req.write(body);
    req.end();
  });
}

/**
 * Writes raw bytes on a new TCP connection and collects what comes back until the server closes
 * or timeoutMs passes: for requests node:http refuses to send (bad request lines, header bytes).
 */
export function sendRawBytes(base: URL, bytes: Buffer, timeoutMs: number): Promise<Exchange> {
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const socket = net.connect({ host: base.hostname, port: Number(base.port) });
    const finish = (failure?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      let raw = Buffer.concat(chunks);
      // Skip interim answers (100 Continue) to the final one.
      while (/^HTTP\/1\.[01] 1\d\d /.test(raw.toString('latin1', 0, 16)) && raw.indexOf('\r\n\r\n') >= 0) raw = raw.subarray(raw.indexOf('\r\n\r\n') + 4);
      const text = raw.toString('latin1');
      const head = text.split('\r\n\r\n')[0];
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
      const cut = text.indexOf('\r\n\r\n');
      const responseHeaders: http.IncomingHttpHeaders = {};
      for (const line of head.split('\r\n').slice(1)) {
        const i = line.indexOf(':');
        if (i > 0) responseHeaders[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
      }
      resolve({
        method: 'RAW', path: '(raw socket)', headers: {}, requestText: bytes.toString('latin1'),
        status, responseHeaders, body: cut >= 0 ? raw.subarray(cut + 4) : Buffer.alloc(0),
        ms: Number(process.hrtime.bigint() - started) / 1e6,
        failure: status === 0 ? failure ?? 'no answer' : undefined,
      });
    };
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    socket.on('connect', () => socket.end(bytes));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => finish());
    socket.on('close', () => finish());
    socket.on('error', (err: NodeJS.ErrnoException) => finish(err.code ?? err.message));
  });
}
