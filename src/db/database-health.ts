import neo4j, { Driver } from 'neo4j-driver';
import { GraphQLError } from 'graphql';
import { InsufficientStorageError, UnavailableError } from '../errors/app-errors';
import { neo4jErrorCode } from '../errors/map-neo4j-error';

/** starting: no probe answered yet; the others as named. Only `down`, `hung` and `restarting` fail requests fast. */
export type DatabaseHealthState = 'starting' | 'up' | 'down' | 'hung' | 'restarting';

/** Why /ready says 503, in words an operator reads. */
export type NotReadyReason = 'database down' | 'restarting' | 'disk full' | 'database hung' | 'loading';

export interface DatabaseHealthSnapshot {
  state: DatabaseHealthState;
  /** Undefined while the database answers and has space. */
  reason?: NotReadyReason;
  diskFull: boolean;
  /** JVM restarts by the supervisor since start-up. */
  restarts: number;
  /** Milliseconds the last answered probe took. */
  lastProbeMs?: number;
  /** When the state last changed (epoch ms). */
  since: number;
}

export interface DatabaseHealthOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
  /** Time between probes (default 500 ms). */
  intervalMs?: number;
  /** A probe unanswered this long means the database is hung (default 1000 ms). */
  timeoutMs?: number;
  /** Consecutive failed probes before the state turns `down` (default 2), so one blip opens nothing. */
  failuresToTrip?: number;
  log?: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void };
}

const MESSAGES: Record<NotReadyReason, string> = {
  'database down': 'The graph database is unavailable; try again shortly',
  restarting: 'The graph database is restarting; try again shortly',
  'database hung': 'The graph database is not responding; try again shortly',
  'disk full': 'The graph database is unavailable: its disk is full; try again once space is freed',
  loading: 'The graph database is starting; try again shortly',
};

/**
 * Knows, without asking per request, whether Neo4j can answer: it runs `RETURN 1` every
 * 500 ms on a driver of its own (so the probe never queues behind user queries) and is told
 * by the supervisor when the JVM exits or restarts. While the state is down, Database fails
 * every query at once and abandons the ones in flight, so clients get UNAVAILABLE in well
 * under 2 s instead of waiting out connection and queue timeouts.
 */
export class DatabaseHealth {
  private readonly driver: Driver;
  private readonly intervalMs: number;
  private readonly timeoutMs: number;
  private readonly failuresToTrip: number;
  private current: DatabaseHealthState = 'starting';
  private since = Date.now();
  private failures = 0;
  private lastProbeMs?: number;
  private probing = false;
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private diskFull = false;
  private restarts = 0;
  /** When a user query last got its answer: a busy database that still answers is slow, not hung. */
  private lastAnswerAt = 0;
  private readonly listeners = new Set<(state: DatabaseHealthState) => void>();
  /** Queries in flight, each with the function that abandons it when the state turns down. */
  private readonly inFlight = new Set<(err: GraphQLError) => void>();

  constructor(private readonly options: DatabaseHealthOptions) {
    this.intervalMs = options.intervalMs ?? 500;
    this.timeoutMs = options.timeoutMs ?? 1000;
    this.failuresToTrip = options.failuresToTrip ?? 2;
    this.driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      maxConnectionPoolSize: 2,
      connectionTimeout: this.timeoutMs,
      connectionAcquisitionTimeout: this.timeoutMs,
    });
  }

  /** Starts probing; the first probe runs at once. */
  start(): this {
    this.stopped = false;
    this.schedule(0);
    return this;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await Promise.race([this.driver.close().catch(() => {}), new Promise((r) => setTimeout(r, 1000))]);
  }

  get state(): DatabaseHealthState {
    return this.current;
  }

  /** True while queries should fail at once. */
  get failing(): boolean {
    return this.current === 'down' || this.current === 'hung' || this.current === 'restarting';
  }

  get isDiskFull(): boolean {
    return this.diskFull;
  }

  snapshot(): DatabaseHealthSnapshot {
    return { state: this.current, reason: this.reason(), diskFull: this.diskFull, restarts: this.restarts, lastProbeMs: this.lastProbeMs, since: this.since };
  }

  /** Why the database cannot serve right now, or undefined when it can. */
  reason(): NotReadyReason | undefined {
    if (this.diskFull) return 'disk full';
    switch (this.current) {
      case 'up': return undefined;
      case 'starting': return 'loading';
      case 'restarting': return 'restarting';
      case 'hung': return 'database hung';
      default: return 'database down';
    }
  }

  /** Called on every state change (not on every probe). */
  onChange(listener: (state: DatabaseHealthState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The error a query gets now, or undefined when it may run. Writes on a full disk get INSUFFICIENT_STORAGE. */
  failFastError(write: boolean): GraphQLError | undefined {
    if (!this.failing) return undefined;
    if (write && this.diskFull) return new InsufficientStorageError();
    return new UnavailableError(MESSAGES[this.reason() ?? 'database down']);
  }

  /**
   * Resolves or rejects with `work`, unless the state turns down first: then it rejects at
   * once and the work, left to finish or fail on its own, is ignored.
   */
  guard<T>(work: Promise<T>, write: boolean): Promise<T> {
    const now = this.failFastError(write);
    if (now) {
      work.catch(() => {});
      return Promise.reject(now);
    }
    return new Promise<T>((resolve, reject) => {
      const abandon = (err: GraphQLError) => reject(err);
      this.inFlight.add(abandon);
      work.then(
        (value) => { this.inFlight.delete(abandon); resolve(value); },
        (err) => { this.inFlight.delete(abandon); reject(err); },
      );
    });
  }

  /** From Database: a query just got its answer from Neo4j. */
  noteAnswer(): void {
    this.lastAnswerAt = Date.now();
  }

  /** From the supervisor: the JVM exited or is being restarted. Stays so until a probe answers. */
  noteRestarting(options: { diskFull?: boolean } = {}): void {
    this.restarts++;
    if (options.diskFull) this.diskFull = true;
    this.set('restarting');
  }

  /** From the supervisor or Database: the disk is (or no longer is) full. */
  noteDiskFull(full: boolean): void {
    if (this.diskFull === full) return;
    this.diskFull = full;
    this.options.log?.[full ? 'warn' : 'info']({ diskFull: full }, full ? 'database disk full' : 'database disk has space again');
    for (const listener of this.listeners) listener(this.current);
  }

  private set(state: DatabaseHealthState): void {
    if (state === this.current) return;
    const previous = this.current;
    this.current = state;
    this.since = Date.now();
    let abandoned = 0;
    if (this.failing) {
      const inFlight = [...this.inFlight];
      this.inFlight.clear();
      abandoned = inFlight.length;
      for (const abandon of inFlight) abandon(new UnavailableError(MESSAGES[this.reason() ?? 'database down']));
    }
    // Neo4j came back after someone else restarted it (NEO4J_URI): a full disk was dealt with, or the next write says so again.
    if (state === 'up' && previous === 'down') this.diskFull = false;
    this.options.log?.[state === 'up' ? 'info' : 'warn']({ from: previous, to: state, abandoned }, `database ${state}`);
    for (const listener of this.listeners) listener(state);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => this.tick(), ms);
  }

  private tick(): void {
    if (this.stopped) return;
    if (this.probing) {
      // The last probe is still unanswered (a stopped JVM): no second one piles up behind it.
      this.schedule(this.intervalMs);
      return;
    }
    void this.probe().finally(() => this.schedule(this.intervalMs));
  }

  /** One `RETURN 1` in an auto-commit transaction (no driver retries), raced against the timeout. */
  private async probe(): Promise<void> {
    this.probing = true;
    const started = Date.now();
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ });
    const answer = session.run('RETURN 1', {}, { timeout: this.timeoutMs * 2 }).then(() => 'answered' as const);
    const timers: NodeJS.Timeout[] = [];
    const after = (ms: number) => new Promise<'timeout'>((resolve) => { timers.push(setTimeout(() => resolve('timeout'), ms)); });
    try {
      let outcome = await Promise.race([answer, after(this.timeoutMs)]);
      // A blocked event loop fires the timer late, with the answer perhaps waiting unread: look once more.
      if (outcome === 'timeout' && Date.now() - started > this.timeoutMs + 100) outcome = await Promise.race([answer, after(250)]);
      // Under heavy load the probe may wait its turn while user queries keep getting answers: busy, not hung.
      for (let i = 0; i < 60 && outcome === 'timeout' && Date.now() - this.lastAnswerAt < this.timeoutMs; i++) {
        outcome = await Promise.race([answer, after(250)]);
      }
      if (outcome === 'timeout') {
        // A JVM that is restarting answers late while its store starts; that is not a hang.
        if (this.current !== 'restarting') this.set('hung');
        // The answer to this probe ends `hung` (SIGCONT); after 15 s it is given up and a new one tried.
        if (await Promise.race([answer, after(15000)]) === 'timeout') return;
      }
      this.failures = 0;
      this.lastProbeMs = Date.now() - started;
      this.set('up');
    } catch (err) {
      this.failures++;
      if (this.failures >= this.failuresToTrip && this.current !== 'restarting' && this.current !== 'down') {
        this.options.log?.warn({ code: neo4jErrorCode(err) || undefined, failures: this.failures }, 'database probe failed');
        this.set('down');
      }
    } finally {
      for (const timer of timers) clearTimeout(timer);
      this.probing = false;
      void session.close().catch(() => {});
    }
  }
}
