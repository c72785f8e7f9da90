// Replays history oldest first and asks, for every commit that names reviewers, whom the engine
// (and the baseline) would have suggested from the commits before it. The index is updated one
// commit at a time after each question, exactly as the editor updates it, so nothing is rebuilt.

import { ExpertiseIndex, defaultIndexSettings } from './expertiseIndex';
import type { IndexSettings } from './expertiseIndex';
import { RankingAccumulator, firstHitRank, gini } from './rankingMetrics';
import type { RankingScores } from './rankingMetrics';
import { RecentReviewersBaseline } from './recentReviewersBaseline';
import { defaultDelegationOptions, suggestReviewers } from './suggestReviewers';
import type { DelegationOptions } from './suggestReviewers';
import type { CommitRecord } from './types';

export interface BacktestOptions {
  readonly index: IndexSettings;
  readonly delegation: DelegationOptions;
  readonly baselineWindowDays: number;
  /** How many top suggestions per commit count towards concentration. */
  readonly concentrationDepth: number;
}

export const defaultBacktestOptions: BacktestOptions = {
  index: defaultIndexSettings,
  delegation: defaultDelegationOptions,
  baselineWindowDays: 90,
  concentrationDepth: 3,
};

export interface MethodReport extends RankingScores {
  /** Gini over people of how often each appears in the top `concentrationDepth` suggestions. */
  readonly gini: number;
}

export interface BacktestReport {
  readonly evaluated: number;
  readonly engine: MethodReport;
  readonly baseline: MethodReport;
  /** Gini over the same people of how often each actually reviewed. */
  readonly actualGini: number;
  /** People in the concentration population (suggested by either method or an actual reviewer). */
  readonly population: number;
}

const SUGGESTIONS = 5;

/** Oldest first; ties keep the input's order reversed, since the datasets list newest first. */
export function chronological(commits: readonly CommitRecord[], newestFirst: boolean): CommitRecord[] {
  const indexed = commits.map((c, i) => ({ c, i: newestFirst ? -i : i }));
  indexed.sort((a, b) => a.c.time - b.c.time || a.i - b.i);
  return indexed.map((x) => x.c);
}

export function replayBacktest(commitsOldestFirst: readonly CommitRecord[], options: BacktestOptions = defaultBacktestOptions): BacktestReport {
  const index = new ExpertiseIndex(options.index);
  const ids = index.identities;
  const baseline = new RecentReviewersBaseline(ids, options.baselineWindowDays);
  const engineAcc = new RankingAccumulator();
  const baselineAcc = new RankingAccumulator();
  const engineTop: string[][] = [];
  const baselineTop: string[][] = [];
  const actualKeys: string[][] = [];
  const ranking = { ...options.delegation.ranking, limit: SUGGESTIONS };

  for (const commit of commitsOldestFirst) {
    const authors = [commit.author, ...commit.coAuthors];
    const evaluate = commit.reviewers.length > 0 && commit.files.length > 0;
    let engine: string[] = [];
    let base: string[] = [];
    if (evaluate) {
      engine = suggestReviewers(index, { touchedPaths: commit.files, now: commit.time, exclude: authors }, { ...options.delegation, ranking }).map((c) => c.person.id);
      const excluded = new Set(authors.flatMap((a) => ids.lookup(a) ?? []));
      base = baseline.suggest(commit.time, excluded, SUGGESTIONS);
    }

    index.addCommit(commit);
    baseline.add(commit);
    if (!evaluate) continue;

    // Judged after the commit is indexed, so an identity merge it reveals counts for both methods.
    const authorGroups = new Set(authors.flatMap((a) => ids.lookup(a) ?? []));
    const actual = new Set(commit.reviewers.flatMap((r) => ids.lookup(r) ?? []).filter((id) => !authorGroups.has(id)));
    if (actual.size === 0) continue;
    const keys = [...actual];
    engineAcc.add(firstHitRank(engine.map((id) => ids.find(id)), actual));
    baselineAcc.add(firstHitRank(base.map((id) => ids.find(id)), actual));
    engineTop.push(engine.slice(0, options.concentrationDepth));
    baselineTop.push(base.slice(0, options.concentrationDepth));
    actualKeys.push(keys);
  }

  const count = (lists: readonly string[][]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const l of lists) for (const id of l) if (!id.startsWith('ext:')) m.set(ids.find(id), (m.get(ids.find(id)) ?? 0) + 1);
    return m;
  };
  const e = count(engineTop);
  const b = count(baselineTop);
  const a = count(actualKeys);
  const population = [...new Set([...e.keys(), ...b.keys(), ...a.keys()])];
  const over = (m: Map<string, number>): number => gini(population.map((p) => m.get(p) ?? 0));

  return {
    evaluated: engineAcc.count,
    engine: { ...engineAcc.scores(), gini: over(e) },
    baseline: { ...baselineAcc.scores(), gini: over(b) },
    actualGini: over(a),
    population: population.length,
  };
}
