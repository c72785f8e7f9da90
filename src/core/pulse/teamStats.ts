// The Team view's figures: who carries far more open review requests than the rest, and how long
// the team's pull requests wait for a first review, this week against the four weeks before.
import { addWeeks } from 'date-fns';
import { businessHoursBetween, type WorkingHours } from '../workingHours';
import type { PullRequestRef } from '../pullRequestRef';
import { weekStart } from './pulseWeek';

export interface TeammateLoad {
  readonly login: string;
  /** All open review requests to them (or their teams), as GitHub counts them. */
  readonly openRequests: number;
  /** The longest-waiting of those pull requests, oldest first (a few, not all). */
  readonly waiting: readonly PullRequestRef[];
}

/** A pull request a teammate opened, and when someone else first reviewed it (epoch ms). */
export interface AuthoredPull {
  readonly createdAt: number;
  readonly firstReviewAt: number | undefined;
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Someone is overloaded with at least this many open requests, and… */
const OVERLOAD_MIN = 5;
/** …at least this many times, and this many more than, the median of everyone else. */
const OVERLOAD_FACTOR = 2;
const OVERLOAD_MARGIN = 3;

/** Logins (as given) whose open review requests are far above the rest of the team's. */
export function overloaded(loads: readonly TeammateLoad[]): Set<string> {
  const marked = new Set<string>();
  for (const load of loads) {
    const others = median(loads.filter((l) => l !== load).map((l) => l.openRequests));
    if (others === undefined) continue;
    const n = load.openRequests;
    if (n >= OVERLOAD_MIN && n >= OVERLOAD_FACTOR * others && n - others >= OVERLOAD_MARGIN) marked.add(load.login);
  }
  return marked;
}

export interface FirstReviewFigures {
  /** Median working hours from opening to the first review by someone else; undefined with none reviewed. */
  readonly medianHours: number | undefined;
  readonly reviewed: number;
  /** Opened in the period and not reviewed yet. */
  readonly waiting: number;
}

export interface FirstReviewComparison {
  readonly thisWeek: FirstReviewFigures;
  readonly lastFourWeeks: FirstReviewFigures;
}

function figures(pulls: readonly AuthoredPull[], working: WorkingHours): FirstReviewFigures {
  const reviewed = pulls.filter((p) => p.firstReviewAt !== undefined);
  return {
    medianHours: median(reviewed.map((p) => businessHoursBetween(new Date(p.createdAt), new Date(p.firstReviewAt!), working))),
    reviewed: reviewed.length,
    waiting: pulls.length - reviewed.length,
  };
}

/** The earliest moment the comparison needs pull requests from: four weeks before this week's Monday. */
export function firstReviewSince(now: number): Date {
  return addWeeks(weekStart(now), -4);
}

/** Time to first review in working hours, for pull requests opened this week and in the four weeks before. */
export function compareFirstReview(pulls: readonly AuthoredPull[], now: number, working: WorkingHours): FirstReviewComparison {
  const thisWeek = weekStart(now).getTime();
  const since = firstReviewSince(now).getTime();
  return {
    thisWeek: figures(pulls.filter((p) => p.createdAt >= thisWeek && p.createdAt <= now), working),
    lastFourWeeks: figures(pulls.filter((p) => p.createdAt >= since && p.createdAt < thisWeek), working),
  };
}
