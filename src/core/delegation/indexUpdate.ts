// Deciding how to bring a stored expertise index up to date with a repository, and doing the
// pure half of it. The index remembers which repository and HEAD it was built from; a new HEAD
// that descends from it needs only `lastSha..HEAD`, anything else needs a rebuild.

import { ExpertiseIndex } from './expertiseIndex';
import type { IndexSettings } from './expertiseIndex';
import type { CommitRecord } from './types';

export interface IndexTarget {
  readonly repo: string;
  /** undefined for a repository with no commits. */
  readonly headSha: string | undefined;
  readonly settings: IndexSettings;
}

export type IndexUpdatePlan =
  | { readonly kind: 'upToDate' }
  | { readonly kind: 'incremental'; readonly fromSha: string }
  | { readonly kind: 'rebuild'; readonly reason: 'noIndex' | 'otherRepository' | 'settingsChanged' | 'noBase' | 'emptyRepository' };

export function planIndexUpdate(index: ExpertiseIndex | undefined, target: IndexTarget): IndexUpdatePlan {
  if (!index) return { kind: 'rebuild', reason: 'noIndex' };
  if (index.repo !== target.repo) return { kind: 'rebuild', reason: 'otherRepository' };
  // Stored tallies are decayed with the half-life they were built with; they cannot be converted.
  if (index.settings.halfLifeDays !== target.settings.halfLifeDays || index.settings.largeCommitFiles !== target.settings.largeCommitFiles) {
    return { kind: 'rebuild', reason: 'settingsChanged' };
  }
  if (target.headSha === undefined) return index.headSha === undefined ? { kind: 'upToDate' } : { kind: 'rebuild', reason: 'emptyRepository' };
  if (index.headSha === target.headSha) return { kind: 'upToDate' };
  if (index.headSha === undefined) return { kind: 'rebuild', reason: 'noBase' };
  return { kind: 'incremental', fromSha: index.headSha };
}

/**
 * Folds commits that are new since `index.headSha` into the index and moves it to `headSha`.
 * Mutates and returns the same index: copying a large index per update would defeat the point.
 */
export function applyNewCommits(index: ExpertiseIndex, commits: readonly CommitRecord[], headSha: string): ExpertiseIndex {
  index.addCommits(oldestFirst(commits));
  index.headSha = headSha;
  return index;
}

/** New commits in the order an update folds them in: oldest first keeps each tally's decay anchor moving forward (out of order also works, just slower). */
export function oldestFirst(commits: readonly CommitRecord[]): CommitRecord[] {
  return [...commits].sort((a, b) => a.time - b.time);
}

export function emptyIndex(target: IndexTarget): ExpertiseIndex {
  return new ExpertiseIndex(target.settings, target.repo);
}
