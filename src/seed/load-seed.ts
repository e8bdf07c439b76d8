import { readSeedFiles } from './read-seed-files';
import { reconcile, ReconciledGraph } from './reconcile';

/** Reads and validates the seed files, then reconciles their records into statements. */
export function loadSeedFiles(dir: string, corpusDir?: string): ReconciledGraph {
  return reconcile(readSeedFiles(dir, corpusDir));
}
