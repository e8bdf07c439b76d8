import { UnavailableError } from '../errors/app-errors';

/**
 * Admits at most `limit` database queries at once and queues the rest for at most `waitMs`;
 * beyond that the request gets UNAVAILABLE ("busy") instead of the driver's pool timeout,
 * which carries no error code to classify.
 */
export class QueryLimiter {
  private active = 0;
  private readonly waiting: { resolve: () => void; timer: NodeJS.Timeout }[] = [];

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
      const entry = {
        resolve: () => { clearTimeout(entry.timer); this.active++; resolve(); },
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(entry), 1);
          reject(new UnavailableError('The server is busy; try again shortly'));
        }, this.waitMs),
      };
      this.waiting.push(entry);
    });
  }

  private release(): void {
    this.active--;
    this.waiting.shift()?.resolve();
  }
}
