// Writes to review requests, shared by REST (requested_reviewers) and GraphQL (requestReviews)
// so both APIs apply the same rules and leave the same trail in the timeline.
import { isoSeconds } from '../scenarios/relativeDates';
import type { PullRecord, SandboxState } from './records';
import type { ReviewState } from '../scenarios/scenario';
import { canWorkOn, findTeam, findUser, repoOfPull, sameLogin, teamKey } from './lookup';

export class ReviewRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReviewRequestError';
  }
}

/** Review requests need read access: a collaborator, or a member of the owning organization. */
function canBeRequested(state: SandboxState, pull: PullRecord, login: string): boolean {
  return canWorkOn(state, repoOfPull(state, pull), login);
}

function notCollaborator(pull: PullRecord): ReviewRequestError {
  return new ReviewRequestError(`Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${pull.repo} repository.`);
}

export function requestReviewers(state: SandboxState, pull: PullRecord, who: { users?: string[]; teams?: string[] }, actor: string, now: Date): void {
  const repo = repoOfPull(state, pull);
  const users = (who.users ?? []).map((login) => {
    if (sameLogin(login, pull.author)) throw new ReviewRequestError('Review cannot be requested from pull request author.');
    const u = findUser(state, login);
    if (!u || !canBeRequested(state, pull, login)) throw notCollaborator(pull);
    return u.login;
  });
  const teams = (who.teams ?? []).map((slug) => {
    const t = repo.ownerType === 'Organization' ? findTeam(state, repo.owner, slug.includes('/') ? slug.split('/')[1] : slug) : undefined;
    if (!t) throw notCollaborator(pull);
    return teamKey(t);
  });
  const at = isoSeconds(now);
  for (const login of users) {
    if (pull.reviewRequests.some((rr) => sameLogin(rr.user, login))) continue;
    pull.reviewRequests.push({ user: login, requestedAt: at, asCodeOwner: false, requestedBy: actor });
    pull.timeline.push({ type: 'ReviewRequestedEvent', id: state.nextId++, createdAt: at, actor, reviewer: { user: login } });
  }
  for (const key of teams) {
    if (pull.reviewRequests.some((rr) => rr.team?.toLowerCase() === key.toLowerCase())) continue;
    pull.reviewRequests.push({ team: key, requestedAt: at, asCodeOwner: false, requestedBy: actor });
    pull.timeline.push({ type: 'ReviewRequestedEvent', id: state.nextId++, createdAt: at, actor, reviewer: { team: key } });
  }
  if (users.length || teams.length) pull.updatedAt = at;
}

export function removeReviewers(state: SandboxState, pull: PullRecord, who: { users?: string[]; teams?: string[] }, actor: string, now: Date): void {
  const repo = repoOfPull(state, pull);
  const at = isoSeconds(now);
  const teamKeys = (who.teams ?? []).map((s) => `${repo.owner}/${s.includes('/') ? s.split('/')[1] : s}`.toLowerCase());
  const keep = pull.reviewRequests.filter((rr) => {
    const drop = rr.user ? (who.users ?? []).some((u) => sameLogin(u, rr.user)) : teamKeys.includes((rr.team ?? '').toLowerCase());
    if (drop) pull.timeline.push({ type: 'ReviewRequestRemovedEvent', id: state.nextId++, createdAt: at, actor, reviewer: rr.user ? { user: rr.user } : { team: rr.team } });
    return !drop;
  });
  if (keep.length !== pull.reviewRequests.length) pull.updatedAt = at;
  pull.reviewRequests = keep;
}

export function addComment(state: SandboxState, pull: PullRecord, author: string, body: string, now: Date) {
  const at = isoSeconds(now);
  const comment = { id: state.nextId++, author, body, createdAt: at, updatedAt: at };
  pull.comments.push(comment);
  pull.updatedAt = at;
  return comment;
}

/**
 * A submitted review, as GitHub records it: the reviewer's own pending request goes away,
 * while team requests stay (other members may still review).
 */
export function submitReview(state: SandboxState, pull: PullRecord, author: string, reviewState: ReviewState, now: Date, body = '') {
  const at = isoSeconds(now);
  const review = { id: state.nextId++, author, state: reviewState, submittedAt: at, body, commitSha: pull.headSha };
  pull.reviews.push(review);
  if (reviewState !== 'PENDING') pull.reviewRequests = pull.reviewRequests.filter((rr) => !sameLogin(rr.user, author));
  pull.updatedAt = at;
  return review;
}
