// The countable facts behind a suggestion, read back from the index for one person, so the
// one-line reason can say "14 commits in src/unix/ in the last 6 months" and be true.

import { DAY_MS } from './decay';
import type { ExpertiseIndex, Role } from './expertiseIndex';
import type { SimilarFile } from './pathSimilarity';
import { ROOT } from './paths';

export interface Evidence {
  /** The directory the touched files share, or '' when they share none. */
  readonly area: string;
  /** Distinct commits by the person in `area` (or on the files when area is the root) within the window. */
  readonly recentCommits: number;
  /** True when `recentCommits` hit the stored cap and is a lower bound. */
  readonly recentCommitsCapped: boolean;
  readonly lastCommit: number | undefined;
  /** Distinct reviewed changes on the touched files themselves. */
  readonly reviewsOnFiles: number;
  /** Distinct reviewed changes in `area`. */
  readonly reviewsInArea: number;
  /** True when a review count hit the stored cap and is a lower bound. */
  readonly reviewsCapped?: boolean;
  /** A similar file the person worked on, when some touched file has no history. */
  readonly similarFile: string | undefined;
}

const STORED_TIMES_CAP = 64;

function distinctTimes(index: ExpertiseIndex, paths: readonly string[], personId: string, role: Role): { times: number[]; capped: boolean } {
  const set = new Set<number>();
  let capped = false;
  for (const p of paths) {
    const { count, times } = index.personTimes(p, personId, role);
    // Same commit, same timestamp: a set of times counts a commit touching two files once.
    for (const t of times) set.add(t);
    if (count > times.length || times.length >= STORED_TIMES_CAP) capped = true;
  }
  return { times: [...set].sort((a, b) => a - b), capped };
}

export function collectEvidence(
  index: ExpertiseIndex,
  personId: string,
  files: readonly string[],
  area: string,
  now: number,
  windowDays: number,
  similar: ReadonlyMap<string, readonly SimilarFile[]>,
): Evidence {
  const areaPaths = area === ROOT ? files : [area];
  const authored = distinctTimes(index, areaPaths, personId, 'author');
  const since = now - windowDays * DAY_MS;
  const recent = authored.times.filter((t) => t >= since && t <= now);
  const onFiles = distinctTimes(index, files, personId, 'review');
  const inArea = area === ROOT ? onFiles : distinctTimes(index, [area], personId, 'review');
  const reviewsOnFiles = onFiles.times.length;
  const reviewsInArea = inArea.times.length;
  let similarFile: string | undefined;
  for (const list of similar.values()) {
    for (const s of list) {
      if (index.personTimes(s.path, personId, 'author').count + index.personTimes(s.path, personId, 'review').count > 0) {
        similarFile = s.path;
        break;
      }
    }
    if (similarFile) break;
  }
  return {
    area,
    recentCommits: recent.length,
    recentCommitsCapped: authored.capped && recent.length === authored.times.length,
    lastCommit: authored.times.length > 0 ? authored.times[authored.times.length - 1] : undefined,
    reviewsOnFiles,
    reviewsInArea,
    reviewsCapped: reviewsOnFiles > 0 ? onFiles.capped : inArea.capped,
    similarFile,
  };
}
