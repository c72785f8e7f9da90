// How much each person knows about a set of touched files, as a probability-like share.
//
// For each file the model starts from the repository-wide share of recent work (who reviews here
// at all) and refines it level by level down to the file, trusting each level in proportion to how
// much history it has (Dirichlet smoothing: (own + μ·parent) / (total + μ)). So a file with a long
// history is decided by its own reviewers, a new file in a busy directory by that directory's, and
// a lone file falls back on the people who review everything. Reviews and authorship are scored the
// same way and mixed by weight; reviews come first because reviewers are the people who review.

import { decayedAt } from './decay';
import type { ExpertiseIndex, Role } from './expertiseIndex';
import type { SimilarFile } from './pathSimilarity';
import { ancestorDirectories, normalizePath } from './paths';
import { SimilarFileFinder } from './similarFileFinder';

export interface ScoringOptions {
  readonly reviewWeight: number;
  readonly authorWeight: number;
  /** μ: how much history (in decayed events) a level needs before it outweighs its parent. */
  readonly smoothing: number;
  /** For files with no history: how many similar known files stand in, and how alike they must be. */
  readonly similarFiles: number;
  readonly minSimilarity: number;
  /** The weight of similar files' history for an untouched file, as a multiple of `smoothing`. */
  readonly similarityWeight: number;
}

// From the libuv and node-addon-api backtests, where results are flat for smoothing 2–8 and an
// authorship weight of 0.15–0.35, so these are mid-plateau round values rather than a peak.
// Dropping authorship costs 1–2 points of top-1; dropping the directory levels costs 1–3.
export const defaultScoringOptions: ScoringOptions = {
  reviewWeight: 0.75,
  authorWeight: 0.25,
  smoothing: 4,
  similarFiles: 10,
  minSimilarity: 0.4,
  similarityWeight: 1,
};

export interface PersonExpertise {
  readonly personId: string;
  /** Weighted review share, 0..reviewWeight. */
  readonly review: number;
  /** Weighted authorship share, 0..authorWeight. */
  readonly authorship: number;
  readonly total: number;
}

export interface ExpertiseResult {
  /** Everyone with any share, highest total first. */
  readonly people: readonly PersonExpertise[];
  /** Touched files with no history of their own, and the known files that stood in for them. */
  readonly similar: ReadonlyMap<string, readonly SimilarFile[]>;
}

type Distribution = Map<string, number>;

// One finder per index, kept across queries so its token index is built once and then extended.
const finders = new WeakMap<ExpertiseIndex, SimilarFileFinder>();

function finderFor(index: ExpertiseIndex): SimilarFileFinder {
  let f = finders.get(index);
  if (!f) finders.set(index, (f = new SimilarFileFinder(() => index.knownFiles())));
  return f;
}

/** Decayed values per person (not per key) recorded at one path. */
function valuesAt(index: ExpertiseIndex, path: string, role: Role, now: number): Distribution {
  const out: Distribution = new Map();
  for (const [key, entry] of index.entriesAt(path) ?? []) {
    const t = entry[role];
    if (!t) continue;
    const v = decayedAt(t, now, index.settings.halfLifeDays);
    if (v <= 0) continue;
    const id = index.identities.find(key);
    out.set(id, (out.get(id) ?? 0) + v);
  }
  return out;
}

function totalOf(d: Distribution): number {
  let t = 0;
  for (const v of d.values()) t += v;
  return t;
}

/**
 * Stand-in history for a file nobody has touched: the similarity-weighted shares of the similar
 * files, given a fixed mass. Their raw decayed counts would not do, because similar files are
 * often old and their history has decayed to nothing, which would silently disable the signal.
 */
function similarEvidence(index: ExpertiseIndex, stand: readonly SimilarFile[], role: Role, now: number, mass: number): Distribution {
  const weighted: Distribution = new Map();
  let total = 0;
  for (const s of stand) {
    const values = valuesAt(index, s.path, role, now);
    let fileTotal = 0;
    for (const v of values.values()) fileTotal += v;
    if (fileTotal <= 0) continue;
    for (const [id, v] of values) {
      const w = (s.similarity * v) / fileTotal;
      weighted.set(id, (weighted.get(id) ?? 0) + w);
      total += w;
    }
  }
  if (total > 0) for (const [id, w] of weighted) weighted.set(id, (w / total) * mass);
  return weighted;
}

export function scoreExpertise(index: ExpertiseIndex, touchedPaths: readonly string[], now: number, options: ScoringOptions = defaultScoringOptions): ExpertiseResult {
  const files = [...new Set(touchedPaths.map(normalizePath))].filter((p) => p !== '');
  if (files.length === 0) return { people: [], similar: new Map() };
  const similar = new Map<string, readonly SimilarFile[]>();
  for (const f of files) {
    if (index.entriesAt(f) !== undefined) continue;
    similar.set(f, finderFor(index).find(f, options.similarFiles, options.minSimilarity));
  }

  // The smoothing recursion P(level) = (own + μ·P(parent)) / (total + μ) is linear, so each file's
  // result unrolls to Σ own(level)·weight(level) + P(root)·rootWeight. Summing those weights over
  // files touches each recorded entry once, instead of copying the whole root distribution
  // (everyone who ever worked here) at every level of every file.
  const perRole = (role: Role): Distribution => {
    const own = new Map<string, Distribution>();
    const ownAt = (path: string): Distribution => {
      let d = own.get(path);
      if (!d) own.set(path, (d = valuesAt(index, path, role, now)));
      return d;
    };
    const weightOf = new Map<string, number>();
    let rootWeight = 0;
    for (const f of files) {
      const stand = similar.get(f);
      const fileOwn = stand && stand.length > 0 ? similarEvidence(index, stand, role, now, options.similarityWeight * options.smoothing) : ownAt(f);
      if (stand && stand.length > 0) own.set(f, fileOwn);
      // Walk from the file up to (not including) the root, carrying how much each level passes down.
      let carried = 1 / files.length;
      for (const level of [f, ...ancestorDirectories(f).slice(0, -1)]) {
        const total = totalOf(level === f ? fileOwn : ownAt(level));
        if (total === 0) continue;
        const denom = total + options.smoothing;
        weightOf.set(level, (weightOf.get(level) ?? 0) + carried / denom);
        carried *= options.smoothing / denom;
      }
      rootWeight += carried;
    }
    const sum: Distribution = new Map();
    const add = (d: Distribution, w: number): void => {
      for (const [id, v] of d) sum.set(id, (sum.get(id) ?? 0) + v * w);
    };
    for (const [level, w] of weightOf) add(own.get(level) as Distribution, w);
    const root = ownAt('');
    const rootTotal = totalOf(root);
    if (rootTotal > 0) add(root, rootWeight / rootTotal);
    return sum;
  };

  const review = options.reviewWeight > 0 ? perRole('review') : new Map<string, number>();
  const author = options.authorWeight > 0 ? perRole('author') : new Map<string, number>();
  const ids = new Set([...review.keys(), ...author.keys()]);
  const people: PersonExpertise[] = [];
  for (const personId of ids) {
    const r = (review.get(personId) ?? 0) * options.reviewWeight;
    const a = (author.get(personId) ?? 0) * options.authorWeight;
    people.push({ personId, review: r, authorship: a, total: r + a });
  }
  people.sort((x, y) => y.total - x.total || x.personId.localeCompare(y.personId));
  return { people, similar };
}
