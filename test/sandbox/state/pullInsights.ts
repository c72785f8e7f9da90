// Facts GitHub derives from a pull request's reviews and requests rather than storing:
// latest review per person, review decision, and who a review is still pending from.
import type { CommitRecord, PullRecord, RepoRecord, ReviewRecord, SandboxState } from './records';
import type { ReviewDecision } from '../scenarios/scenario';
import { findTeamByKey, sameLogin } from './lookup';
import { createHash } from 'node:crypto';

/** The latest review per author; a later comment-only review does not hide an approval or change request. */
export function latestReviews(pull: PullRecord): ReviewRecord[] {
  const byAuthor = new Map<string, ReviewRecord>();
  const sorted = pull.reviews.filter((r) => r.state !== 'PENDING').sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  for (const r of sorted) {
    const key = r.author.toLowerCase();
    const prev = byAuthor.get(key);
    if (r.state === 'COMMENTED' && prev && prev.state !== 'COMMENTED') continue;
    byAuthor.set(key, r);
  }
  return [...byAuthor.values()];
}

export function reviewDecision(pull: PullRecord, repo: RepoRecord): ReviewDecision | null {
  if (pull.reviewDecisionOverride !== undefined) return pull.reviewDecisionOverride;
  if (repo.requiredApprovals <= 0) return null;
  const latest = latestReviews(pull);
  if (latest.some((r) => r.state === 'CHANGES_REQUESTED')) return 'CHANGES_REQUESTED';
  const approvals = latest.filter((r) => r.state === 'APPROVED').length;
  return approvals >= repo.requiredApprovals ? 'APPROVED' : 'REVIEW_REQUIRED';
}

export function hasReviewed(pull: PullRecord, login: string, since?: string): boolean {
  return pull.reviews.some((r) => r.state !== 'PENDING' && sameLogin(r.author, login) && (!since || r.submittedAt >= since));
}

/** user-review-requested: semantics: a direct request the person has not answered since. */
export function isDirectlyRequested(pull: PullRecord, login: string): boolean {
  return pull.reviewRequests.some((rr) => sameLogin(rr.user, login) && !hasReviewed(pull, login, rr.requestedAt));
}

/**
 * review-requested: semantics: a direct request, or a request to one of the person's teams,
 * that the person has not answered with a review since it was made.
 */
export function isReviewRequestedFrom(state: SandboxState, pull: PullRecord, login: string): boolean {
  return pull.reviewRequests.some((rr) => {
    if (rr.user) return sameLogin(rr.user, login) && !hasReviewed(pull, login, rr.requestedAt);
    const team = rr.team ? findTeamByKey(state, rr.team) : undefined;
    return !!team && team.members.some((m) => sameLogin(m, login)) && !hasReviewed(pull, login, rr.requestedAt);
  });
}

export function isTeamRequested(pull: PullRecord, teamKey: string): boolean {
  return pull.reviewRequests.some((rr) => !!rr.team && rr.team.toLowerCase() === teamKey.toLowerCase());
}

export function totals(pull: PullRecord): { additions: number; deletions: number; changedFiles: number } {
  let additions = 0;
  let deletions = 0;
  for (const f of pull.files) {
    additions += f.additions;
    deletions += f.deletions;
  }
  return { additions, deletions, changedFiles: pull.files.length };
}

export function headCommit(pull: PullRecord) {
  return pull.commits[pull.commits.length - 1];
}

/**
 * The commit a review was made on, as GitHub's `PullRequestReview.commit` answers: the one
 * recorded at submission, else the pull request's latest commit at that time. A review older than
 * every commit the pull request has now was made on a head that a force-push replaced; it gets a
 * commit of its own, so it never looks like a review of the current head.
 */
export function reviewedCommit(pull: PullRecord, review: ReviewRecord): CommitRecord {
  const byDate = [...pull.commits].sort((a, b) => a.date.localeCompare(b.date));
  const recorded = review.commitSha ? byDate.find((c) => c.sha === review.commitSha) : undefined;
  if (recorded) return recorded;
  const then = review.commitSha ? undefined : byDate.filter((c) => c.date <= review.submittedAt).at(-1);
  if (then) return then;
  const sha = review.commitSha ?? createHash('sha1').update(`${pull.repo}#${pull.number}:reviewed:${review.id}`).digest('hex');
  return { sha, message: 'Earlier head of the pull request', author: pull.author, authorName: pull.author ?? 'ghost', authorEmail: 'unknown@example.com', date: review.submittedAt };
}
