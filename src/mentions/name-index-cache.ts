import { Database } from '../db/database';
import { buildNameIndex, NameForLinking, NameIndex } from './link-mentions';
import { NamesVersion } from './link-pool';
import { LinkingFactRow, toLinkingFacts } from './linking-facts';

export interface IndexedEntity { key: string; type: string; name: string }

let versions = 0;

/** The names of all entities for linking, read from the graph and read again after writes that add names. */
export class NameIndexCache {
  private version: NamesVersion | undefined;
  private entities = new Map<string, IndexedEntity>();

  /** The current names with their version id; the index itself is built only where linking runs. */
  async names(db: Database): Promise<NamesVersion> {
    if (!this.version) {
      const names = await db.read<NameForLinking>('mentions/names');
      const facts = toLinkingFacts(await db.read<LinkingFactRow>('mentions/linking-facts'));
      let index: NameIndex | undefined;
      this.version = { id: `names-${process.pid}-${++versions}`, names, facts, index: () => (index ??= buildNameIndex(names, facts)) };
      this.entities = new Map();
      for (const n of names) {
        const known = this.entities.get(n.entityKey);
        if (!known || (n.lang === 'en' && n.kind === 'label')) this.entities.set(n.entityKey, { key: n.entityKey, type: n.entityType, name: n.text });
      }
    }
    return this.version;
  }

  /** Short references for entity keys the index knows (after names()). */
  entitiesOf(keys: string[]): [string, IndexedEntity][] {
    return keys.filter((k) => this.entities.has(k)).map((k) => [k, this.entities.get(k)!]);
  }

  invalidate(): void {
    this.version = undefined;
  }
}
