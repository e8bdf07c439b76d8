import { NameMatch } from '../common/name-entry.type';
import { Statement } from '../common/statement.type';
import { buildStatement, toEntity } from '../entity/entity.mapper';
import { Entity } from '../entity/entity.interface';
import { SourceCatalog } from '../source/source-catalog';

/** A compiled list as projected: its rows, the total when a Connection asked, its offset. */
interface ProjectedList { rows: Record<string, any>[]; total: number | null; offset: number }

/**
 * The GraphQL object of an entity from a compiled projection: its fields read what the one
 * query projected (lists by response key), never the database.
 */
export function fromProjection(raw: Record<string, any>, catalog: SourceCatalog, matchedBy?: NameMatch | null): Entity {
  const entity = toEntity({ entity: raw, names: raw.__names ?? [], statements: [], claims: raw.__claims ?? [] }, catalog, matchedBy);
  entity.allStatements = null;
  entity.projection = {};
  for (const [key, list] of Object.entries((raw.__lists ?? {}) as Record<string, ProjectedList | null>)) {
    if (!list) continue;
    const rows = list.rows.map((row) => statementOf(entity, row, catalog));
    entity.projection[key] = { rows, total: list.total ?? list.offset + rows.length, offset: list.offset };
  }
  return entity;
}

function statementOf(self: Entity, row: Record<string, any>, catalog: SourceCatalog): Statement {
  const other = fromProjection(row.other, catalog);
  const me = row.self ? fromProjection(row.self, catalog) : self;
  return buildStatement(me, other, row as { type: string; out: boolean; props: Record<string, any> }, catalog);
}
