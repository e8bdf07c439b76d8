import { DEFAULT_RESPONSE_CACHE, ResponseCacheOptions } from './cache/response-cache';
import path from 'node:path';
import { DEFAULT_REQUEST_LIMITS, RequestLimits } from './plugins/limits/request-limits';
import { DEFAULT_RATE_LIMIT, RateLimitOptions } from './http/rate-limit';
import { MAX_MENTIONS_PER_SOURCE, MAX_SOURCE_CHARS } from './mentions/ingest-source';

/** Everything the server reads from the environment, validated once at start-up. */
export interface Config {
  port: number;
  host: string;
  logLevel: string;
  /** Unset: start the embedded Neo4j from Maven Central jars. Set: use that Neo4j, start nothing. */
  neo4jUri?: string;
  neo4jUser: string;
  neo4jPassword?: string;
  neo4jDatabase: string;
  embedded: {
    boltPort: number;
    dataDir: string;
    cacheDir: string;
    heap: string;
    pageCacheMb: number;
    /** Start-up longer than this kills the JVM and fails (NEO4J_START_TIMEOUT_MS). */
    startTimeoutMs: number;
    /** Longest wait between two restarts of a JVM that died (NEO4J_RESTART_MAX_DELAY_MS). */
    restartMaxDelayMs: number;
    /** A database unanswered this long is killed and restarted; 0: never (NEO4J_HUNG_RESTART_MS). */
    hungRestartMs: number;
  };
  /** Folder of the source texts; quotes are checked against it and mentions linked from it. */
  corpusDir: string;
  seedOnStart: boolean;
  /** Ingest the corpus folder's texts at start (mention links); on when the folder exists. */
  ingestCorpusOnStart: boolean;
  queryTimeoutMs: number;
  /** Writes are off unless this is set; then mutations need Authorization: Bearer <token>. */
  writeToken?: string;
  /** `production` turns introspection and field suggestions off unless they are set. */
  profile: 'development' | 'production';
  http: HttpOptions;
}

/** What the public HTTP endpoint allows; tests and the server build it the same way. */
export interface HttpOptions {
  limits: RequestLimits;
  /** Undefined: rate limiting off (in-process tests); the server always sets it. */
  rateLimit?: RateLimitOptions;
  introspection: boolean;
  fieldSuggestions: boolean;
  /** Origins allowed to call the API from a browser; empty = CORS off (same origin only). */
  corsOrigins: string[];
  /** Express's `trust proxy`: set when behind a reverse proxy so clients are told apart by address. */
  trustProxy: boolean | number | string;
  /** Longest text ingestSource takes, in characters. */
  maxSourceChars: number;
  /** Most mention spans stored for one source; past it the rest are dropped and counted. */
  maxMentionsPerSource: number;
  /**
   * How long an idle keep-alive connection stays open (ms). Longer than the idle timeout of the
   * clients and proxies in front (60 s is common), so the server never closes a connection a
   * client is just reusing (which the client sees as ECONNRESET).
   */
  keepAliveMs?: number;
  /** The response cache of repeated reads (src/cache); maxBytes 0 turns it off. */
  responseCache?: ResponseCacheOptions;
  /** Compress answers of at least this many bytes for clients that accept gzip, deflate or br; -1 turns it off. */
  compressMinBytes?: number;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function readInt(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function readBool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function readList(env: Env, name: string): string[] {
  return (env[name] ?? '').split(',').map((v) => v.trim()).filter(Boolean);
}

/** Builds the public-endpoint options; every limit can be set by its own variable. */
export function readHttpOptions(env: Env, profile: Config['profile']): HttpOptions {
  const d = DEFAULT_REQUEST_LIMITS;
  const production = profile === 'production';
  const corsOrigins = readList(env, 'CORS_ORIGINS');
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^\s/]+$/.test(origin)) throw new ConfigError(`CORS_ORIGINS must list origins such as https://example.org, got "${origin}"`);
  }
  const trust = env.TRUST_PROXY;
  return {
    limits: {
      rootFields: readInt(env, 'LIMIT_ROOT_FIELDS', d.rootFields, 1, 100),
      fields: readInt(env, 'LIMIT_FIELDS', d.fields, 1, 100000),
      depth: readInt(env, 'LIMIT_DEPTH', d.depth, 1, 100),
      aliases: readInt(env, 'LIMIT_ALIASES', d.aliases, 0, 10000),
      directives: readInt(env, 'LIMIT_DIRECTIVES', d.directives, 0, 10000),
      tokens: readInt(env, 'LIMIT_TOKENS', d.tokens, 50, 1000000),
      cost: readInt(env, 'LIMIT_COST', d.cost, 1, 100000000),
    },
    rateLimit: {
      points: readInt(env, 'RATE_LIMIT_POINTS', DEFAULT_RATE_LIMIT.points, 0, 100000000),
      windowSeconds: readInt(env, 'RATE_LIMIT_WINDOW_S', DEFAULT_RATE_LIMIT.windowSeconds, 1, 86400),
      costPerPoint: readInt(env, 'RATE_LIMIT_COST_PER_POINT', DEFAULT_RATE_LIMIT.costPerPoint, 1, 1000000),
      apiKeys: readList(env, 'API_KEYS'),
    },
    introspection: readBool(env, 'INTROSPECTION', !production),
    fieldSuggestions: readBool(env, 'FIELD_SUGGESTIONS', !production),
    corsOrigins,
    trustProxy: trust === undefined || trust === '' ? false : /^\d+$/.test(trust) ? Number(trust) : /^(true|false)$/.test(trust) ? trust === 'true' : trust,
    maxSourceChars: readInt(env, 'INGEST_MAX_CHARS', MAX_SOURCE_CHARS, 1, 10_000_000),
    maxMentionsPerSource: readInt(env, 'INGEST_MAX_MENTIONS', MAX_MENTIONS_PER_SOURCE, 1, 1_000_000),
    keepAliveMs: readInt(env, 'HTTP_KEEP_ALIVE_MS', 65_000, 1000, 600_000),
    responseCache: {
      maxBytes: readInt(env, 'RESPONSE_CACHE_MB', DEFAULT_RESPONSE_CACHE.maxBytes / 1048576, 0, 65536) * 1048576,
      maxEntryBytes: DEFAULT_RESPONSE_CACHE.maxEntryBytes,
    },
    compressMinBytes: readInt(env, 'COMPRESS_MIN_BYTES', 1024, -1, 100_000_000),
  };
}

/** Builds the Config from an environment (process.env by default); throws ConfigError naming the bad variable. */
export function loadConfig(env: Env = process.env, root: string = process.cwd()): Config {
  const neo4jUri = env.NEO4J_URI || undefined;
  if (neo4jUri && !/^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^\s/]+/.test(neo4jUri)) {
    throw new ConfigError(`NEO4J_URI must look like neo4j://host:7687 or bolt://host:7687, got "${neo4jUri}"`);
  }
  if (neo4jUri && !env.NEO4J_PASSWORD) {
    throw new ConfigError('NEO4J_PASSWORD is required when NEO4J_URI is set');
  }
  const heap = env.NEO4J_HEAP || '1g';
  if (!/^\d+[mMgG]$/.test(heap)) throw new ConfigError(`NEO4J_HEAP must look like 1g or 768m, got "${heap}"`);
  const logLevel = env.LOG_LEVEL || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "${logLevel}"`);
  }
  const profile = env.PROFILE || (env.NODE_ENV === 'production' ? 'production' : 'development');
  if (profile !== 'development' && profile !== 'production') throw new ConfigError(`PROFILE must be development or production, got "${profile}"`);
  const writeToken = env.WRITE_TOKEN || undefined;
  if (writeToken && writeToken.length < 16) throw new ConfigError('WRITE_TOKEN must be at least 16 characters');
  return {
    profile,
    http: readHttpOptions(env, profile),
    port: readInt(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    logLevel,
    neo4jUri,
    neo4jUser: env.NEO4J_USER || 'neo4j',
    neo4jPassword: env.NEO4J_PASSWORD || undefined,
    neo4jDatabase: env.NEO4J_DATABASE || 'neo4j',
    embedded: {
      boltPort: readInt(env, 'NEO4J_BOLT_PORT', 7687, 0, 65535),
      dataDir: path.resolve(root, env.NEO4J_DATA_DIR || 'data/neo4j'),
      cacheDir: path.resolve(root, env.NEO4J_CACHE_DIR || '.cache/neo4j'),
      heap,
      pageCacheMb: readInt(env, 'NEO4J_PAGECACHE_MB', 512, 16, 65536),
      startTimeoutMs: readInt(env, 'NEO4J_START_TIMEOUT_MS', 120000, 5000, 3600000),
      restartMaxDelayMs: readInt(env, 'NEO4J_RESTART_MAX_DELAY_MS', 30000, 500, 600000),
      hungRestartMs: readInt(env, 'NEO4J_HUNG_RESTART_MS', 60000, 0, 3600000),
    },
    corpusDir: path.resolve(root, env.CORPUS_DIR || '../shared/seeds'),
    seedOnStart: readBool(env, 'SEED_ON_START', true),
    ingestCorpusOnStart: readBool(env, 'INGEST_CORPUS_ON_START', true),
    writeToken,
    queryTimeoutMs: readInt(env, 'QUERY_TIMEOUT_MS', 10000, 100, 600000),
  };
}
