import { Database } from '../db/database';

/**
 * Reads the graph's version (cache/graph-version.cypher) for the response cache, coalescing
 * callers: a caller is answered by a read that started after it asked, so it sees every write
 * acknowledged before its request, by this process or another; callers that arrive while a read
 * is in flight share the next one. At most one read in flight and one waiting, whatever the load.
 */
export class GraphVersion {
  private inFlight: Promise<number> | undefined;
  private next: Promise<number> | undefined;

  constructor(private readonly db: Database) {}

  current(): Promise<number> {
    if (!this.inFlight) return this.start();
    // The read in flight may have started before this caller's request: wait for the next one.
    this.next ??= this.inFlight.catch(() => 0).then(() => { this.next = undefined; return this.start(); });
    return this.next;
  }

  private start(): Promise<number> {
    const read = this.db.readFromLeader<{ version: number }>('cache/graph-version', {}, 2000).then((rows) => Number(rows[0]?.version ?? 0));
    this.inFlight = read;
    const clear = () => { if (this.inFlight === read) this.inFlight = undefined; };
    read.then(clear, clear);
    return read;
  }
}
