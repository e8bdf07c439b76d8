import { BadUserInputError } from '../../errors/app-errors';
import { AppContext } from '../../context';
import { foldName } from '../../util/fold-name';
import { NameMatch } from '../common/name-entry.type';
import { EntityRow, toEntity } from './entity.mapper';
import { Entity } from './entity.interface';
import { nameQueryParams } from './name-query';

/** How many relationships one entity brings back at most (bounds a response on a dense graph). */
export const STATEMENT_LIMIT = 2000;
export const MAX_NAME_LENGTH = 200;

export interface Candidate { key: string; name: string; type: string; score: number; matched: string; exact: boolean }

export function checkName(name: string, what = 'name'): void {
  if (name.length > MAX_NAME_LENGTH) throw new BadUserInputError(`${what} is longer than ${MAX_NAME_LENGTH} characters`);
}

/** The NameMatch for the best of the ranked candidates. */
export function describeMatch(query: string, candidates: Candidate[]): NameMatch {
  const [best, ...rest] = candidates;
  // Exact matches tie only when equal; fuzzy scores never tie, so within 10% counts as ambiguous.
  const ties = rest.filter((c) => c.key !== best.key && c.exact === best.exact
    && (best.exact ? Math.abs(c.score - best.score) < 1e-9 : c.score >= best.score * 0.9));
  return Object.assign(new NameMatch(), {
    query, matched: best.matched, exact: best.exact, ambiguous: ties.length > 0,
    alternatives: rest.map((c) => `${c.key}: ${c.name}`),
  });
}

/** Finds one entity by any of its names (null when nothing matches). One query. */
export async function findEntityByName(ctx: AppContext, name: string, type: string | null): Promise<Entity | null> {
  checkName(name);
  if (!foldName(name)) return null;
  const rows = await ctx.db.read<EntityRow & { candidates: Candidate[] }>('entity/profile-by-name', { ...nameQueryParams(name, type), statementLimit: STATEMENT_LIMIT });
  if (rows.length === 0) return null;
  return toEntity(rows[0], ctx.catalog, describeMatch(name, rows[0].candidates));
}
