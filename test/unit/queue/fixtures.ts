// Builders for queue records, so each test states only what it is about.
import type { GroupingOptions } from '../../../src/core/queue/grouping';
import { defaultWorkingHours } from '../../../src/core/workingHours';
import { emptyLocalState } from '../../../src/core/queue/localState';
import type { QueuePullRequest, QueueSearch, QueueSnapshot, SearchResult } from '../../../src/core/queue/queueTypes';

let counter = 0;

export function pr(overrides: Partial<QueuePullRequest> = {}): QueuePullRequest {
  counter += 1;
  const number = overrides.number ?? counter;
  const owner = overrides.owner ?? 'acme';
  const repo = overrides.repo ?? 'web';
  return {
    owner,
    repo,
    number,
    title: `Change ${number}`,
    url: `https://github.com/${owner}/${repo}/pull/${number}`,
    author: 'alice',
    isDraft: false,
    createdAt: '2026-03-02T09:00:00Z',
    updatedAt: '2026-03-02T09:00:00Z',
    additions: 100,
    deletions: 20,
    changedFiles: 3,
    ci: 'success',
    review: 'reviewRequired',
    merge: 'mergeable',
    headRefName: `topic-${number}`,
    baseRefName: 'main',
    ...overrides,
  };
}

export const standardSearches: QueueSearch[] = [
  { alias: 'reviewRequested', role: 'reviewRequested', query: 'review-requested:@me', detail: 'history' },
  { alias: 'direct', role: 'direct', query: 'user-review-requested:@me', detail: 'keys' },
  { alias: 'mine', role: 'mine', query: 'author:@me', detail: 'history' },
  { alias: 'stale0', role: 'stale', query: 'repo:acme/web', detail: 'basic' },
  { alias: 'reviewed', role: 'reviewed', query: 'reviewed-by:@me', detail: 'basic' },
];

export function snapshot(results: Partial<Record<string, QueuePullRequest[]>>, extra: Partial<QueueSnapshot> = {}): QueueSnapshot {
  const searches = extra.searches ?? standardSearches;
  const out: Record<string, SearchResult> = {};
  for (const s of searches) {
    const prs = results[s.alias];
    if (prs) out[s.alias] = { alias: s.alias, total: prs.length, pullRequests: prs, truncated: false };
  }
  return { version: 1, viewer: 'lead', apiUrl: 'https://api.github.com', fetchedAt: '2026-03-02T09:00:00Z', searches, results: out, requests: 1, cost: 2, ...extra };
}

/** Runs `fn` with the process in another time zone (Node re-reads TZ when it changes). */
export function inTimeZone(zone: string): { before: () => void; after: () => void } {
  let previous: string | undefined;
  return {
    before: () => {
      previous = process.env.TZ;
      process.env.TZ = zone;
    },
    after: () => {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    },
  };
}

/** Grouping options with the default working time and no pins or snoozes, at `now`. */
export function groupingOptions(now: Date, o: Partial<GroupingOptions> = {}): GroupingOptions {
  return { now, workingTime: defaultWorkingHours, staleBusinessHours: 16, includeDrafts: false, local: emptyLocalState, customSections: [], staleConfigured: true, ...o };
}
