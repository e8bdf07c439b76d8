import { Logger } from 'pino';
import { DatabaseHealth } from './database-health';
import { EmbeddedEvent, EmbeddedNeo4j, EmbeddedOptions, findFreePort, freeBytes, Neo4jStartError, startEmbeddedNeo4j } from './embedded-neo4j';

export interface SupervisorOptions extends Omit<EmbeddedOptions, 'log' | 'onEvent' | 'signal'> {
  /** Delay before the first restart; it doubles with each failed attempt (default 500 ms). */
  restartDelayMs?: number;
  /** Longest delay between two restart attempts (default 30 s). */
  restartMaxDelayMs?: number;
  /** A JVM that stayed up this long starts the delays over from the first (default 60 s). */
  restartResetAfterMs?: number;
  /** A database that has not answered a probe for this long is killed and restarted; 0: never (default 60 s). */
  hungRestartMs?: number;
}

/** Free space on the data folder's disk from which a full disk counts as freed again. */
const RESUME_FREE_BYTES = 32 * 1024 * 1024;

type Log = Pick<Logger, 'info' | 'warn' | 'error'>;

/**
 * Keeps the embedded Neo4j running: when its JVM dies unexpectedly (kill -9, a crash, a panic
 * such as a full disk on commit) it starts a new one on the same Bolt port and data folder,
 * after 0.5 s, 1 s, 2 s … up to 30 s, so the existing Driver reconnects by itself. It tells
 * the DatabaseHealth at once, so requests fail fast meanwhile. Our own stop() never restarts.
 */
export class Neo4jSupervisor {
  private current?: EmbeddedNeo4j;
  private port = 0;
  private stopping = false;
  private attempt = 0;
  private readyAt = 0;
  private restartTimer?: NodeJS.Timeout;
  private diskTimer?: NodeJS.Timeout;
  private hungTimer?: NodeJS.Timeout;
  private starting?: { abort: AbortController; done: Promise<unknown> };
  private health?: DatabaseHealth;
  /** Set when we end the JVM ourselves to restart it (panic, hung, read-only failover). */
  private restartCause?: { reason: string; diskFull: boolean };
  /** Neo4j turned the store read-only for lack of space; a restart once space is back makes it writable. */
  private readOnlyFailover = false;
  private restartCount = 0;

  constructor(private readonly options: SupervisorOptions, private readonly log: Log) {}

  /** The running JVM, if any. */
  get neo4j(): EmbeddedNeo4j | undefined {
    return this.current;
  }

  /** Unexpected exits (and panics) handled since start-up. */
  get restarts(): number {
    return this.restartCount;
  }

  /** Starts the first JVM. Throws when it cannot start: at boot there is no retry, the cause is shown at once. */
  async start(): Promise<EmbeddedNeo4j> {
    this.stopping = false;
    this.port = this.options.boltPort === 0 ? await findFreePort() : this.options.boltPort;
    return this.launch();
  }

  /** Reports exits, restarts and a full disk to `health`, and restarts a JVM hung past hungRestartMs. */
  watch(health: DatabaseHealth): void {
    this.health = health;
    const hungMs = this.options.hungRestartMs ?? 60000;
    health.onChange((state) => {
      if (state !== 'hung') {
        clearTimeout(this.hungTimer);
        this.hungTimer = undefined;
      } else if (hungMs > 0 && !this.hungTimer) {
        this.hungTimer = setTimeout(() => {
          this.hungTimer = undefined;
          const hung = this.current;
          if (!hung || this.stopping || health.state !== 'hung') return;
          this.log.error({ pid: hung.pid, hungMs }, 'embedded Neo4j has not answered; killing it to restart it');
          this.restartCause = { reason: 'hung', diskFull: false };
          try { process.kill(hung.pid, 'SIGKILL'); } catch { /* already gone */ }
        }, hungMs);
      }
    });
  }

  /** Stops the JVM (and any start or restart in progress); nothing is restarted afterwards. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    clearTimeout(this.diskTimer);
    clearTimeout(this.hungTimer);
    if (this.starting) {
      this.starting.abort.abort();
      await this.starting.done.catch(() => {});
    }
    await this.current?.stop();
  }

  private async launch(): Promise<EmbeddedNeo4j> {
    const abort = new AbortController();
    const started = startEmbeddedNeo4j({
      ...this.options, boltPort: this.port, signal: abort.signal,
      log: (m) => this.log.info(m),
      onEvent: (event) => this.onEvent(event),
    });
    this.starting = { abort, done: started };
    try {
      const neo4j = await started;
      this.current = neo4j;
      this.readyAt = Date.now();
      void neo4j.exited.then((code) => this.onExit(neo4j, code));
      return neo4j;
    } finally {
      this.starting = undefined;
    }
  }

  private onExit(neo4j: EmbeddedNeo4j, code: number | null): void {
    if (neo4j !== this.current) return;
    this.current = undefined;
    if (this.stopping) return;
    const upMs = Date.now() - this.readyAt;
    if (upMs >= (this.options.restartResetAfterMs ?? 60000)) this.attempt = 0;
    const cause = this.restartCause ?? { reason: 'exited', diskFull: /No space left on device/i.test(neo4j.outputTail().slice(-2000)) };
    this.restartCause = undefined;
    this.restartCount++;
    this.health?.noteRestarting({ diskFull: cause.diskFull });
    const delay = this.nextDelay();
    this.log.warn({ pid: neo4j.pid, exitCode: code, reason: cause.reason, upSeconds: Math.round(upMs / 1000), restartInMs: delay, restarts: this.restartCount },
      'embedded Neo4j exited unexpectedly; restarting it');
    this.scheduleRestart(delay, cause.diskFull);
  }

  private onEvent(event: EmbeddedEvent): void {
    if (this.stopping) return;
    const diskFull = /No space left on device/i.test(event.cause);
    if (event.kind === 'panic') {
      this.log.error({ database: event.database, cause: event.cause, diskFull }, 'Neo4j panicked and needs a restart; restarting it');
      if (diskFull) this.health?.noteDiskFull(true);
      this.restartCause = { reason: 'panic', diskFull };
      // A panicked store refuses every transaction until the JVM restarts; stop it now (SIGKILL after 10 s).
      void this.current?.stop(10000);
    } else {
      this.log.error({ database: event.database, cause: event.cause }, 'Neo4j made the database read-only: its disk is full; writes resume once space is freed');
      this.readOnlyFailover = true;
      this.health?.noteDiskFull(true);
      this.watchDisk();
    }
  }

  private nextDelay(): number {
    const first = this.options.restartDelayMs ?? 500;
    const delay = Math.min(first * 2 ** this.attempt, this.options.restartMaxDelayMs ?? 30000);
    this.attempt++;
    return delay;
  }

  /** Waits `delay`, or less when the disk was full and has room again, then starts a new JVM. */
  private scheduleRestart(delay: number, diskFull: boolean): void {
    clearTimeout(this.restartTimer);
    clearTimeout(this.diskTimer);
    const until = Date.now() + delay;
    const wait = () => {
      if (this.stopping) return;
      const roomAgain = diskFull && this.hasRoom();
      if (Date.now() >= until || roomAgain) return void this.restart();
      this.restartTimer = setTimeout(wait, Math.min(1000, until - Date.now()));
    };
    this.restartTimer = setTimeout(wait, Math.min(delay, diskFull ? 1000 : delay));
  }

  private async restart(): Promise<void> {
    if (this.stopping) return;
    const started = Date.now();
    try {
      const neo4j = await this.launch();
      if (this.stopping) return void await neo4j.stop();
      this.log.info({ pid: neo4j.pid, port: this.port, ms: Date.now() - started, restarts: this.restartCount }, 'embedded Neo4j restarted');
      this.readOnlyFailover = false;
      if (this.health?.isDiskFull) this.watchDisk();
    } catch (err) {
      if (this.stopping) return;
      const reason = err instanceof Neo4jStartError ? err.reason : 'failed';
      if (reason === 'disk-full') this.health?.noteDiskFull(true);
      const delay = this.nextDelay();
      this.log.error({ reason, err: String((err as Error).message).slice(0, 600), retryInMs: delay }, 'embedded Neo4j did not restart; trying again');
      this.scheduleRestart(delay, reason === 'disk-full');
    }
  }

  /** While the disk is full and Neo4j runs: once space is back, say so, and restart a store Neo4j made read-only. */
  private watchDisk(): void {
    clearTimeout(this.diskTimer);
    const check = () => {
      if (this.stopping || !this.current) return;
      if (!this.hasRoom()) {
        this.diskTimer = setTimeout(check, 2000);
        return;
      }
      this.health?.noteDiskFull(false);
      if (this.readOnlyFailover) {
        this.log.info('disk space is back; restarting Neo4j to make the database writable again');
        this.restartCause = { reason: 'read-only failover', diskFull: false };
        void this.current.stop();
      }
    };
    this.diskTimer = setTimeout(check, 2000);
  }

  private hasRoom(): boolean {
    try {
      return freeBytes(this.options.dataDir) >= RESUME_FREE_BYTES;
    } catch {
      return false;
    }
  }
}
