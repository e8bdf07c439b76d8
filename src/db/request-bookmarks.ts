/**
 * The Neo4j bookmarks of one HTTP request: those the client sent (header `neo4j-bookmark`, from
 * an earlier write's answer), which its reads wait for on any cluster member, and those its own
 * writes produced, sent back in the same header. So a client reads its own writes through any
 * server replica, without sticky sessions. A request's database door (`Database.forRequest`) carries them:
 * passed along, not kept in an AsyncLocalStorage, whose promise hooks slowed every promise of the process.
 */
export interface RequestBookmarks { given: string[]; written?: string[] }

/** The bookmarks of a `neo4j-bookmark` header: comma-separated, each at most 1 KB, 16 at most. */
export function parseBookmarkHeader(value: string | string[] | undefined): string[] {
  const text = Array.isArray(value) ? value.join(',') : value ?? '';
  return text.split(',').map((b) => b.trim()).filter((b) => b.length > 0 && b.length <= 1024 && /^[\x21-\x7e]+$/.test(b)).slice(0, 16);
}
