import http from 'node:http';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * body-parser's `verify` hook: a body that is not valid UTF-8 is refused (400) instead of having
 * its bad bytes silently replaced by U+FFFD, which would store text the client never sent.
 */
export function assertUtf8(_req: http.IncomingMessage, _res: http.ServerResponse, buf: Buffer): void {
  try {
    decoder.decode(buf);
  } catch {
    throw Object.assign(new Error('The request body is not valid UTF-8'), { status: 400, type: 'body.not-utf8' });
  }
}
