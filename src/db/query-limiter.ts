import { UnavailableError } from '../errors/app-errors';

interface Waiter {
  resolve: () => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * Admits at most `limit` database queries at once and queues the rest for at most `waitMs`;
 * beyond that the request gets UNAVAILABLE ("busy") instead of the driver's pool timeout,
 * which carries no error code to classify. When the database goes down, rejectWaiting()
 * answers the whole queue at once instead of letting it wait out its time.
 */
export class QueryLimiter {
  private active = 0;
  private readonly waiting: Waiter[] = [];

  constructor(private readonly limit: number, private readonly waitMs: number, private readonly maxQueue = 1000) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.maxQueue) return Promise.reject(new UnavailableError('The server is busy; try again shortly'));
    return new Promise<void>((resolve, reject) => {
      const entry: Waiter = {
        resolve: () => { clearTimeout(entry.timer); this.active++; resolve(); },
        reject: (err) => { clearTimeout(entry.timer); reject(err); },
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(entry), 1);
          reject(new UnavailableError('The server is busy; try again shortly'));
        }, this.waitMs),
      };
      this.waiting.push(entry);
    });
  }

  /** Rejects every queued query with `err` now; the ones already running keep their slots. */
  rejectWaiting(err: Error): number {
    const queued = this.waiting.splice(0, this.waiting.length);
    for (const entry of queued) entry.reject(err);
    return queued.length;
  }

  /** Queries running and queued, for tests and logs. */
  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }

  private release(): void {
    this.active--;
    this.waiting.shift()?.resolve();
  }
}
