/** Titles, addresses and dates of all sources, kept in memory to enrich citations without a query. */
export interface SourceInfo { title?: string; url?: string; date?: string }

export class SourceCatalog {
  private sources = new Map<string, SourceInfo>();

  replace(rows: { key: string; title?: string; url?: string; date?: string }[]): void {
    this.sources = new Map(rows.map((r) => [r.key, { title: r.title ?? undefined, url: r.url ?? undefined, date: r.date ?? undefined }]));
  }

  get(key: string): SourceInfo | undefined {
    return this.sources.get(key);
  }

  get size(): number {
    return this.sources.size;
  }
}
