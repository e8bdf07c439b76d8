import path from 'node:path';

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
  /** When set, mutations need Authorization: Bearer <token>. */
  writeToken?: string;
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
  return {
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
    writeToken: env.WRITE_TOKEN || undefined,
    queryTimeoutMs: readInt(env, 'QUERY_TIMEOUT_MS', 10000, 100, 600000),
  };
}
