import { foldName, nameCandidates } from '../../util/fold-name';

const STOPWORDS = new Set(['a', 'an', 'and', 'the', 'of', 'in', 'on', 'for', 'to', 'at', 'by', 'or', 'with', 've', 'ile', 'bir', 'da', 'de', 'и', 'в']);

/**
 * The parameters of fragments/resolve-entity for a typed name: the key as typed (KAZ, cica), the folded forms for exact
 * lookup and a Lucene fuzzy query (edit distance grows with word length) for typo tolerance. The fuzzy query runs
 * beside an exact match only when `alternatives` (matchedBy.alternatives is asked, or the caller cannot tell).
 */
export function nameQueryParams(name: string, type: string | null = null, alternatives = true): { key: string; candidates: string[]; fuzzy: string | null; type: string | null; alternatives: boolean } {
  const candidates = nameCandidates(name);
  // Function words alone ("and", "the", "ve") would fuzzily match half the graph: they never count as a name.
  const words = foldName(candidates[candidates.length - 1] ?? '').split(' ').filter((w) => w && !STOPWORDS.has(w)).slice(0, 8);
  const fuzzy = words.length
    ? words.map((w) => (w.length >= 8 ? `${w}~2` : w.length >= 4 ? `${w}~1` : w)).join(' AND ')
    : null;
  return { key: name.trim(), candidates, fuzzy, type, alternatives };
}
