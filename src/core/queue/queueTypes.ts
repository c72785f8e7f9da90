// Plain records the queue is built from. The GitHub adapter produces them from GraphQL answers;
// everything downstream (grouping, scoring, the tree) reads only these, so a cached snapshot
// from globalState renders exactly like a fresh one.

import type { PullRequestRef } from '../pullRequestRef';

export type CiState = 'success' | 'failure' | 'pending' | 'none';
/** GitHub's reviewDecision; 'none' when the repository requires no review. */
export type ReviewState = 'approved' | 'changesRequested' | 'reviewRequired' | 'none';
export type MergeState = 'mergeable' | 'conflicting' | 'unknown';

export type Reviewer =
  | { readonly kind: 'user'; readonly login: string }
  /** `org` may be missing when GitHub does not say; `slug` is always there. */
  | { readonly kind: 'team'; readonly slug: string; readonly org?: string };

/** A review request that is still open, with the time it was made (when the timeline showed it). */
export interface OpenRequest {
  readonly reviewer: Reviewer;
  readonly at?: string;
}

/** What the pull request's recent timeline says about requests; only fetched for some searches. */
export interface RequestHistory {
  /** Requests still open after replaying requested / removed / reviewed events, oldest first. */
  readonly open: readonly OpenRequest[];
  /** When the pull request was last marked ready for review. */
  readonly readyAt?: string;
  /** Logins that submitted a review, in the fetched part of the timeline. */
  readonly reviewedBy: readonly string[];
}

export interface QueuePullRequest extends PullRequestRef {
  readonly isDraft: boolean;
  /** ISO timestamps. */
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly additions: number;
  readonly deletions: number;
  readonly changedFiles: number;
  readonly ci: CiState;
  readonly review: ReviewState;
  readonly merge: MergeState;
  readonly headRefName?: string;
  readonly baseRefName?: string;
  readonly history?: RequestHistory;
  /** The head commit's oid, to tell whether commits came after the viewer's review. */
  readonly headOid?: string;
  /** The viewer's latest submitted review, when they reviewed it. */
  readonly myReview?: MyReview;
}

/** The viewer's latest submitted review: when, and on which head commit. */
export interface MyReview {
  readonly at: string;
  /** Oid of the commit the review was made on; missing when GitHub does not say. */
  readonly commit?: string;
}

/** What each search in the one GraphQL document is for. */
export type SearchRole = 'reviewRequested' | 'direct' | 'mine' | 'stale' | 'custom' | 'reviewed';

/**
 * How much to ask for per pull request. 'history' adds one nested timeline connection (100 requests
 * of GitHub's cost budget per 100 results); 'basic' is scalar fields only; 'keys' just identifies.
 */
export type SearchDetail = 'history' | 'basic' | 'keys';

export interface QueueSearch {
  /** GraphQL alias; letters and digits only. */
  readonly alias: string;
  readonly role: SearchRole;
  readonly query: string;
  readonly detail: SearchDetail;
  /** For custom sections: the section's position and name, to label the group and its errors. */
  readonly section?: { readonly index: number; readonly name: string };
  /** Lower-case "owner/name"s: the search covers their whole owner, and only these are kept. */
  readonly onlyRepos?: readonly string[];
}

export interface SearchResult {
  readonly alias: string;
  /** Matches GitHub reports in total (may exceed what was fetched). */
  readonly total: number;
  readonly pullRequests: readonly QueuePullRequest[];
  /** More results exist than were fetched (after the page cap). */
  readonly truncated: boolean;
  /** GitHub refused this search (custom sections only); the other groups are still valid. */
  readonly error?: string;
}

export interface RateLimitInfo {
  readonly cost: number;
  readonly remaining: number;
  readonly resetAt?: string;
}

/** Everything one refresh fetched. Serialisable as JSON for the cache. */
export interface QueueSnapshot {
  readonly version: 1;
  /** The account the data belongs to (viewer login) and the API root, so a cache of another account is ignored. */
  readonly viewer: string;
  readonly apiUrl: string;
  readonly fetchedAt: string;
  readonly searches: readonly QueueSearch[];
  readonly results: Readonly<Record<string, SearchResult>>;
  /** GraphQL requests this refresh needed (1 unless a group needed more than one page). */
  readonly requests: number;
  /** Sum of rateLimit.cost over those requests. */
  readonly cost: number;
  readonly rateLimit?: RateLimitInfo;
}
