import http from 'node:http';

/** A request the body reader refuses, with the HTTP status and code its JSON error carries. */
export class BodyError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The media type of a Content-Type header, lower case, without parameters. */
export function mediaTypeOf(header: string | undefined): string {
  return (header ?? '').split(';', 1)[0].trim().toLowerCase();
}

/**
 * Reads a JSON request body as body-parser's `json()` would, within `limit` bytes: an empty body
 * is `{}`, only an object or array is JSON here (strict), and text that is not valid UTF-8 is
 * refused instead of having its bad bytes replaced by U+FFFD, which would store text the client
 * never sent. Returns the raw bytes too (the response cache keys on them).
 */
export async function readJsonBody(req: http.IncomingMessage, limit: number): Promise<{ raw: Buffer; body: unknown }> {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.headers['content-type'] ?? '')?.[1]?.toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') throw new BodyError(415, 'BAD_REQUEST', 'The request body must be UTF-8');
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding !== 'identity') throw new BodyError(415, 'BAD_REQUEST', `Content-Encoding ${encoding} is not accepted; send the body uncompressed`);
  const tooLarge = () => new BodyError(413, 'PAYLOAD_TOO_LARGE', `The request body is too large (${Math.round(limit / 1048576)} MB at most)`);
  if (Number(req.headers['content-length'] ?? 0) > limit) throw tooLarge();
  const raw = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) { req.removeAllListeners('data'); req.resume(); reject(tooLarge()); return; }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)));
    // A client that goes away mid-body is not a server error.
    req.on('error', () => reject(new BodyError(400, 'BAD_REQUEST', 'The request was aborted before its body ended')));
  });
  let text: string;
  try {
    text = decoder.decode(raw);
  } catch {
    throw new BodyError(400, 'BAD_REQUEST', 'The request body is not valid UTF-8');
  }
  if (!text.trim()) return { raw, body: {} };
  const first = text.trimStart()[0];
  try {
    if (first !== '{' && first !== '[') throw new SyntaxError('not an object or array');
    return { raw, body: JSON.parse(text) };
  } catch {
    throw new BodyError(400, 'BAD_REQUEST', 'The request body is not valid JSON');
  }
}
