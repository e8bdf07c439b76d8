import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { LinkingFacts, linkMentionsInSlices, Mention, NameForLinking, NameIndex } from './link-mentions';
import { MentionLink, toLinks } from './mention-links';

/** What linking one text gives: the mentions, and the same grouped per entity for the write. */
export interface LinkedText { mentions: Mention[]; links: MentionLink[] }

/** The names (and meeting and person facts) an index is built from, with an id that changes whenever they do. */
export interface NamesVersion { id: string; names: NameForLinking[]; facts: LinkingFacts; index: () => NameIndex }

interface Pending { resolve(value: LinkedText): void; reject(err: Error): void; request: Record<string, unknown>; names: NamesVersion }

/**
 * Links texts in one worker thread (link-worker.js), one text at a time in arrival order. Where
 * there is no compiled worker (the TypeScript sources run by ts-jest) or LINK_WORKER=off, it links
 * in this thread in slices that yield to the event loop instead.
 */
class LinkPool {
  private worker: Worker | undefined;
  private workerNames: string | undefined;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private readonly script = path.join(__dirname, 'link-worker.js');

  get usesWorker(): boolean {
    return process.env.LINK_WORKER !== 'off' && __filename.endsWith('.js') && fs.existsSync(this.script);
  }

  async link(names: NamesVersion, text: string, language: string, maxMentions: number): Promise<LinkedText> {
    if (!this.usesWorker) {
      const mentions = await linkMentionsInSlices(text, language, names.index(), maxMentions);
      return { mentions, links: toLinks(text, mentions) };
    }
    const id = this.nextId++;
    const request: Record<string, unknown> = { id, namesId: names.id, text, language, maxMentions: Number.isFinite(maxMentions) ? maxMentions : 2 ** 31 };
    return new Promise<LinkedText>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, request, names });
      this.send(request, names);
    });
  }

  private send(request: Record<string, unknown>, names: NamesVersion): void {
    const worker = this.ensureWorker();
    // The names go once per version; the worker keeps the index it built from them.
    const withNames = this.workerNames !== names.id ? { ...request, names: names.names, facts: names.facts } : request;
    this.workerNames = names.id;
    worker.ref();
    worker.postMessage(withNames);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    worker.on('message', (msg: { id: number; mentions?: Mention[]; links?: MentionLink[]; error?: string; needNames?: boolean }) => {
      const job = this.pending.get(msg.id);
      if (!job) return;
      if (msg.needNames) { this.workerNames = undefined; this.send(job.request, job.names); return; }
      this.pending.delete(msg.id);
      if (this.pending.size === 0) worker.unref();
      if (msg.error) job.reject(new Error(`linking failed: ${msg.error}`));
      else job.resolve({ mentions: msg.mentions!, links: msg.links! });
    });
    // A worker that dies fails what it was doing; the next text starts a new one.
    const fail = (err: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined; this.workerNames = undefined;
      for (const job of this.pending.values()) job.reject(err);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the linking worker exited (code ${code})`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** Stops the worker (tests and shutdown); a later link() starts a new one. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined; this.workerNames = undefined;
    if (worker) await worker.terminate();
  }
}

/** The process's one linking pool. */
export const linkPool = new LinkPool();
