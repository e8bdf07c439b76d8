import { parentPort } from 'node:worker_threads';
import { buildNameIndex, LinkingFacts, linkMentions, NameForLinking, NameIndex } from './link-mentions';
import { toLinks } from './mention-links';

/**
 * The linker in a worker thread: a 1 MB text takes about a second of CPU and makes a lot of
 * garbage, and neither may pause the server's event loop (its own heap collects here).
 * Messages: { id, namesId, names?, facts?, text, language, maxMentions } -> { id, mentions, links } or { id, error }.
 * The names come with the first request of each index version and are kept until the next one.
 */
let index: { id: string; value: NameIndex } | undefined;

parentPort?.on('message', (msg: { id: number; namesId: string; names?: NameForLinking[]; facts?: LinkingFacts; text: string; language: string; maxMentions: number }) => {
  try {
    if (msg.names) index = { id: msg.namesId, value: buildNameIndex(msg.names, msg.facts) };
    if (!index || index.id !== msg.namesId) { parentPort!.postMessage({ id: msg.id, needNames: true }); return; }
    const mentions = linkMentions(msg.text, msg.language, index.value, msg.maxMentions);
    parentPort!.postMessage({ id: msg.id, mentions, links: toLinks(msg.text, mentions) });
  } catch (err) {
    parentPort!.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) });
  }
});
