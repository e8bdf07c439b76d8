import { Database } from '../db/database';
import { buildNameIndex, NameForLinking, NameIndex } from './link-mentions';

export interface IndexedEntity { key: string; type: string; name: string }

/** The name index of all entities, built from the graph and rebuilt after writes that add names. */
export class NameIndexCache {
  private index: NameIndex | undefined;
  private entities = new Map<string, IndexedEntity>();

  async get(db: Database): Promise<NameIndex> {
    if (!this.index) {
      const names = await db.read<NameForLinking>('mentions/names');
      this.index = buildNameIndex(names);
      this.entities = new Map();
      for (const n of names) {
        const known = this.entities.get(n.entityKey);
        if (!known || (n.lang === 'en' && n.kind === 'label')) this.entities.set(n.entityKey, { key: n.entityKey, type: n.entityType, name: n.text });
      }
    }
    return this.index;
  }

  /** Short references for entity keys the index knows (after get()). */
  entitiesOf(keys: string[]): [string, IndexedEntity][] {
    return keys.filter((k) => this.entities.has(k)).map((k) => [k, this.entities.get(k)!]);
  }

  invalidate(): void {
    this.index = undefined;
  }
}
