import { Exchange } from '../support/send-request';
import { FuzzCase } from './fuzz-case';
import { INJECTIONS, KNOWN_NAMES, ODD_UNICODE } from './hostile-values';

/** The checks every answer goes through; each must end at 0. */
export const CHECKS = {
  'internal-error': 'responses with code INTERNAL_SERVER_ERROR',
  'error-without-code': 'GraphQL errors without extensions.code',
  'non-json-error': '/graphql answers (HTTP 4xx/5xx) whose body is not JSON errors[]',
  'http-5xx': 'HTTP 5xx (503 from /ready excepted)',
  leak: 'bodies with internals (stack frames, paths, driver errors, Cypher, secrets)',
  hang: 'no complete answer within the time limit',
  'server-down': 'connection refused: the server was not there',
  'write-accepted': 'writes done without the right token, at a protected id, or by GET',
  'health-slow': '/health probes slower than the limit or failed',
  'graph-changed': 'graph checksum differs before and after (fuzz- writes excluded)',
} as const;

export type CheckName = keyof typeof CHECKS;

export interface Finding {
  check: CheckName;
  detail: string;
}

/** What one answer said: its codes and the checks it failed. */
export interface Inspection {
  codes: string[];
  findings: Finding[];
  /** A note for the statistics, such as 'ECONNRESET' after an oversized body. */
  transport?: string;
}

interface LeakPattern {
  name: string;
  pattern: RegExp;
}

const LEAK_PATTERNS: LeakPattern[] = [
  // Node frames (at fn (/x.js:1:2), at /x.js:1:2, at async fn ...) and Java frames (at a.b.C.m(C.java:12)).
  { name: 'stack frame', pattern: /\bat (?:async )?(?:[\w$.<>\[\]]+ )?\(?(?:file:\/\/)?[^\s()'"]+\.(?:[cm]?[jt]s):\d+|\bat [\w$.<>]+\([\w$]+\.java:\d+\)/ },
  { name: 'node_modules', pattern: /node_modules/ },
  { name: 'project path', pattern: /\/work\/|\/home\/\w|\/root\/|\/usr\/lib\/node/ },
  { name: 'Neo4j error code', pattern: /Neo\.(?:Client|Transient|Database)Error/ },
  { name: 'Neo4jError', pattern: /Neo4jError|neo4j-driver/ },
  { name: 'database address', pattern: /\b(?:bolt|neo4j)(?:\+s|\+ssc)?:\/\// },
  { name: 'socket error', pattern: /\b(?:ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE)\b/ },
  { name: 'Cypher', pattern: /\b(?:OPTIONAL MATCH|MATCH|MERGE|CREATE)\s*\(\w*[:)]|\bUNWIND \$|\bDETACH DELETE\b|\bRETURN \w+(?:\.\w+)? AS \w+/ },
  { name: 'file contents', pattern: /root:x:0:0|"name":\s*"cica-knowledge-graph"|"devDependencies"|import \{ [A-Za-z]+ \} from '\.\.?\// },
  { name: 'JavaScript error', pattern: /\b(?:TypeError|ReferenceError|RangeError|SyntaxError): (?!Unexpected token)|Maximum call stack size exceeded|Cannot read propert(?:y|ies) of (?:undefined|null)/ },
];

const OWN_PAYLOADS = [...INJECTIONS, ...ODD_UNICODE, ...KNOWN_NAMES];

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** Codes named in a parsed body: GraphQL errors[].extensions.code, or the exports' top-level code. */
function codesOf(parsed: any): { codes: string[]; missing: number } {
  const codes: string[] = [];
  let missing = 0;
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
    if (Array.isArray(parsed.errors)) {
      for (const e of parsed.errors) {
        const code = e?.extensions?.code;
        if (typeof code === 'string' && code) codes.push(code);
        else missing++;
      }
    }
    if (typeof parsed.code === 'string') codes.push(parsed.code);
  }
  return { codes, missing };
}

/** True for a request the GraphQL endpoint answers (not the playground page or another route). */
function isGraphQLRequest(ex: Exchange): boolean {
  const path = ex.path.split('?')[0];
  if (path !== '/graphql') return false;
  // A browser's GET (HTML accepted) is the playground's, unless it carries a query.
  if (ex.method === 'GET' && (!/[?&]query=[^&]/.test(ex.path) || /html/.test(ex.headers.accept ?? ''))) return false;
  return ex.method !== 'HEAD' && ex.method !== 'OPTIONS';
}

/**
 * Runs the per-answer checks: codes, 5xx, the shape of GraphQL errors, leaks of internals or
 * secrets (a pattern the request itself contained is the client's own text echoed, not a leak),
 * hangs, and whether a write that had to be refused was done.
 */
export function inspectExchange(c: FuzzCase, ex: Exchange, secrets: string[]): Inspection {
  const findings: Finding[] = [];
  if (ex.failure) {
    if (ex.failure === 'timeout') findings.push({ check: 'hang', detail: `no answer within ${Math.round(ex.ms)} ms` });
    else if (ex.failure === 'ECONNREFUSED') findings.push({ check: 'server-down', detail: 'connection refused' });
    else if (ex.status === 0) return { codes: [], findings, transport: ex.failure };
  }
  const text = ex.body.toString('utf8');
  const type = String(ex.responseHeaders['content-type'] ?? '');
  let parsed: any;
  if (/json/.test(type) || /^\s*[[{]/.test(text.slice(0, 10))) {
    try { parsed = JSON.parse(text); } catch { parsed = undefined; }
  }
  const { codes, missing } = codesOf(parsed);
  const firstMessage = String(parsed?.errors?.[0]?.message ?? parsed?.error ?? text).slice(0, 160);
  if (codes.includes('INTERNAL_SERVER_ERROR')) findings.push({ check: 'internal-error', detail: `INTERNAL_SERVER_ERROR: ${firstMessage}` });
  if (ex.status >= 500 && !(ex.status === 503 && ex.path.startsWith('/ready'))) findings.push({ check: 'http-5xx', detail: `HTTP ${ex.status} ${[...new Set(codes)].join('+') || '(no code)'}: ${firstMessage}` });

  if (isGraphQLRequest(ex) && !ex.failure) {
    if (missing > 0) findings.push({ check: 'error-without-code', detail: `${missing} error(s) without extensions.code` });
    const hasErrors = parsed && Array.isArray(parsed.errors) && parsed.errors.length > 0;
    if (ex.status >= 400 && !hasErrors) findings.push({ check: 'non-json-error', detail: `HTTP ${ex.status} ${type || '(no content-type)'}: ${JSON.stringify(text.slice(0, 120))}` });
    if (ex.status >= 200 && ex.status < 300 && !(parsed && ('data' in parsed || 'errors' in parsed))) {
      findings.push({ check: 'non-json-error', detail: `HTTP ${ex.status} without data or errors: ${JSON.stringify(text.slice(0, 120))}` });
    }
  }

  // Vendored libraries and page scripts are the same bytes on every request: not answers to scan.
  if (!/javascript|text\/css/.test(type)) {
    const sent = ex.requestText + '\n' + safeDecode(ex.path);
    for (const { name, pattern } of LEAK_PATTERNS) {
      const m = pattern.exec(text);
      // The fuzz's own payloads come back from the graph once a right-token write stored them.
      if (m && !sent.includes(m[0]) && !OWN_PAYLOADS.some((p) => p.includes(m[0]))) findings.push({ check: 'leak', detail: `${name}: ${JSON.stringify(text.slice(Math.max(0, m.index - 60), m.index + m[0].length + 60))}` });
    }
    for (const secret of secrets) {
      if (secret && text.includes(secret)) findings.push({ check: 'leak', detail: 'a secret (write token, database password or data folder) in the body' });
    }
  }

  if (c.write && parsed?.data && typeof parsed.data === 'object') {
    const done = Object.entries(parsed.data).filter(([, v]) => v !== null && v !== undefined);
    const protectedDone = c.write.protectedId ? done.filter(([k]) => k === 'ingestSource' || k === 'a') : [];
    if (c.write.auth !== 'right' && done.length) findings.push({ check: 'write-accepted', detail: `written with ${c.write.auth === 'none' ? 'no' : 'a wrong'} token: ${JSON.stringify(parsed.data).slice(0, 200)}` });
    else if (protectedDone.length) findings.push({ check: 'write-accepted', detail: `protected id written with the token: ${JSON.stringify(parsed.data).slice(0, 200)}` });
    else if (ex.method === 'GET' && done.length) findings.push({ check: 'write-accepted', detail: 'a mutation ran over GET' });
  }
  return { codes, findings, transport: ex.failure };
}
