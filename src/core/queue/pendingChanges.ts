// Changes the lead made from Lead Desk that GitHub's answer may not show yet: right after a handoff
// withdrew the lead's review request, GitHub's search can still list it for a while. The queue shows
// the change at once, keeps showing it over fresh data that still lags, and lets go once the data
// agrees or the change is old enough that the data must be right.
import { pullRequestKey } from '../pullRequestRef';
import type { QueueSnapshot, SearchResult, SearchRole } from './queueTypes';

/** The lead's own review request on this pull request was withdrawn (e.g. by a handoff). */
export interface RequestWithdrawn {
  readonly kind: 'requestWithdrawn';
  /** owner/repo#n in lower case. */
  readonly key: string;
  /** Epoch ms when it was made. */
  readonly at: number;
}

export type PendingChange = RequestWithdrawn;

/** How long GitHub's search may lag behind a write before its answer is taken as it is. */
export const searchLagMs = 2 * 60_000;

/** Searches that list the pull request while the lead is asked to review it. */
const requestRoles: ReadonlySet<SearchRole> = new Set(['reviewRequested', 'direct']);

function isShown(snapshot: QueueSnapshot, change: PendingChange): boolean {
  return snapshot.searches.some((s) => requestRoles.has(s.role) && snapshot.results[s.alias]?.pullRequests.some((pr) => pullRequestKey(pr) === change.key));
}

/** The snapshot as it is once the change has reached GitHub's search. */
export function applyChange(snapshot: QueueSnapshot, change: PendingChange): QueueSnapshot {
  if (!isShown(snapshot, change)) return snapshot;
  const results: Record<string, SearchResult> = { ...snapshot.results };
  for (const search of snapshot.searches) {
    const result = results[search.alias];
    if (!result || !requestRoles.has(search.role)) continue;
    const pullRequests = result.pullRequests.filter((pr) => pullRequestKey(pr) !== change.key);
    if (pullRequests.length !== result.pullRequests.length) results[search.alias] = { ...result, pullRequests, total: Math.max(0, result.total - 1) };
  }
  return { ...snapshot, results };
}

/**
 * The changes still worth applying over `fresh` data fetched at `now`: the ones the data does not
 * show yet, while they are younger than the search lag.
 */
export function stillPending(changes: readonly PendingChange[], fresh: QueueSnapshot, now: number): PendingChange[] {
  return changes.filter((c) => now - c.at < searchLagMs && isShown(fresh, c));
}

/** `snapshot` with every pending change applied. */
export function withChanges(snapshot: QueueSnapshot, changes: readonly PendingChange[]): QueueSnapshot {
  return changes.reduce(applyChange, snapshot);
}
