// Which review requests are new since the previous refresh. The first load of an account has
// nothing to compare with and reports none, so starting VS Code never floods the user.
import { pullRequestKey, type PullRequestRef } from '../pullRequestRef';
import { refOf } from './grouping';
import type { QueueSnapshot } from './queueTypes';

function requestedKeys(snapshot: QueueSnapshot): Map<string, PullRequestRef> {
  const out = new Map<string, PullRequestRef>();
  for (const search of snapshot.searches) {
    if (search.role !== 'reviewRequested') continue;
    for (const pr of snapshot.results[search.alias]?.pullRequests ?? []) out.set(pullRequestKey(pr), refOf(pr));
  }
  return out;
}

/**
 * Pull requests that ask for the viewer's review now and did not in `previous`. A request that went
 * away (reviewed) and came back (re-requested) counts as new again.
 */
export function newReviewRequests(previous: QueueSnapshot | undefined, current: QueueSnapshot): PullRequestRef[] {
  if (!previous || previous.viewer.toLowerCase() !== current.viewer.toLowerCase() || previous.apiUrl !== current.apiUrl) return [];
  // A previous refresh that could not run the request search says nothing about what is new.
  if (!previous.searches.some((s) => s.role === 'reviewRequested' && previous.results[s.alias])) return [];
  const before = requestedKeys(previous);
  return [...requestedKeys(current)].filter(([key]) => !before.has(key)).map(([, ref]) => ref);
}
