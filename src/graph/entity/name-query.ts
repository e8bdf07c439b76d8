import { foldName, nameCandidates } from '../../util/fold-name';

/**
 * The parameters of fragments/resolve-entity for a typed name: the key as typed (KAZ, cica), the folded forms for exact
 * lookup and a Lucene fuzzy query (edit distance grows with word length) for typo tolerance.
 */
export function nameQueryParams(name: string, type: string | null = null): { key: string; candidates: string[]; fuzzy: string | null; type: string | null } {
  const candidates = nameCandidates(name);
  const words = foldName(candidates[candidates.length - 1] ?? '').split(' ').filter(Boolean).slice(0, 8);
  const fuzzy = words.length
    ? words.map((w) => (w.length >= 8 ? `${w}~2` : w.length >= 4 ? `${w}~1` : w)).join(' AND ')
    : null;
  return { key: name.trim(), candidates, fuzzy, type };
}
