// Replays the recent timeline of a pull request into the requests that are still open and when
// each was made. GitHub drops a person's request when they submit a review, without a removal
// event, so reviews count as removals for that person.
import type { OpenRequest, RequestHistory, Reviewer } from './queueTypes';

export type TimelineEvent =
  | { readonly type: 'requested'; readonly at: string; readonly reviewer: Reviewer }
  | { readonly type: 'removed'; readonly at: string; readonly reviewer: Reviewer }
  | { readonly type: 'ready'; readonly at: string }
  | { readonly type: 'reviewed'; readonly at: string; readonly login: string };

export function reviewerKey(reviewer: Reviewer): string {
  return reviewer.kind === 'user' ? `user:${reviewer.login.toLowerCase()}` : `team:${reviewer.slug.toLowerCase()}`;
}

export function replayTimeline(events: readonly TimelineEvent[]): RequestHistory {
  const sorted = [...events].sort((a, b) => a.at.localeCompare(b.at));
  const open = new Map<string, OpenRequest>();
  const reviewedBy = new Set<string>();
  let readyAt: string | undefined;
  for (const event of sorted) {
    switch (event.type) {
      case 'requested': {
        const key = reviewerKey(event.reviewer);
        // A repeated request restarts the wait: the author asked again.
        open.delete(key);
        open.set(key, { reviewer: event.reviewer, at: event.at });
        break;
      }
      case 'removed':
        open.delete(reviewerKey(event.reviewer));
        break;
      case 'ready':
        readyAt = event.at;
        break;
      case 'reviewed':
        reviewedBy.add(event.login);
        open.delete(`user:${event.login.toLowerCase()}`);
        break;
    }
  }
  return { open: [...open.values()], readyAt, reviewedBy: [...reviewedBy] };
}
