import type { PullRequestRef } from '../../core/pullRequestRef';
import type { GitHubClient } from '../client';
import { GitHubError } from '../errors';
import { asArray, asRecord, asString, isValidLogin, sameLogin } from './payload';

export type HandoffErrorKind =
  /** 422: the person has no access to the repository, so GitHub cannot ask them. */
  | 'notCollaborator'
  /** 422: the person wrote the pull request. */
  | 'isAuthor'
  /** Not a login GitHub could accept at all. */
  | 'invalidLogin'
  /** Another 422, e.g. the pull request is closed. */
  | 'rejected';

/** Why GitHub would not take a review request, in words a person can act on. */
export class HandoffError extends Error {
  override readonly name = 'HandoffError';
  constructor(
    readonly kind: HandoffErrorKind,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
  static is(err: unknown, kind?: HandoffErrorKind): err is HandoffError {
    return err instanceof HandoffError && (kind === undefined || err.kind === kind);
  }
}

export interface HandoffRequest {
  readonly pull: Pick<PullRequestRef, 'owner' | 'repo' | 'number'> & { readonly author?: string };
  readonly reviewer: string;
  /** Posted on the pull request once the request has gone through. */
  readonly comment?: string;
  /** My own login, when my request should be withdrawn afterwards. */
  readonly removeRequestFor?: string;
}

export interface HandoffResult {
  /** Logins whose review is requested once GitHub has answered (from the 201 body). */
  readonly requestedReviewers: readonly string[];
  /** True when the handoff comment was posted. */
  readonly commented: boolean;
  readonly commentUrl?: string;
  /** The request went through but the comment did not; the reason, for a warning. */
  readonly commentError?: GitHubError;
  readonly removedOwnRequest: boolean;
  readonly removeError?: GitHubError;
}

/**
 * Asks `reviewer` for a review, then optionally comments and withdraws my own request. The
 * request comes first: if GitHub refuses it nothing else happens, so a failed handoff never
 * leaves a comment addressed to someone who was not asked.
 */
export async function requestReview(client: GitHubClient, request: HandoffRequest): Promise<HandoffResult> {
  const { pull, reviewer } = request;
  const where = `${pull.owner}/${pull.repo}#${pull.number}`;
  if (!isValidLogin(reviewer)) throw new HandoffError('invalidLogin', `"${reviewer}" is not a GitHub login.`);
  if (sameLogin(reviewer, pull.author)) throw new HandoffError('isAuthor', `${reviewer} wrote ${where}, and GitHub does not let authors review their own pull requests.`);
  const base = { owner: pull.owner, repo: pull.repo, pull_number: pull.number };

  let requestedReviewers: string[];
  try {
    const response = await client.call((o) => o.rest.pulls.requestReviewers({ ...base, reviewers: [reviewer] }));
    requestedReviewers = asArray(asRecord(response.data)?.requested_reviewers).flatMap((u) => asString(asRecord(u)?.login) ?? []);
  } catch (err) {
    throw explainRequestError(err, request);
  }

  let commented = false;
  let commentUrl: string | undefined;
  let commentError: GitHubError | undefined;
  if (request.comment && request.comment.trim() !== '') {
    try {
      const response = await client.call((o) => o.rest.issues.createComment({ owner: pull.owner, repo: pull.repo, issue_number: pull.number, body: request.comment as string }));
      commented = true;
      commentUrl = asString(asRecord(response.data)?.html_url);
    } catch (err) {
      commentError = GitHubError.is(err) ? err : new GitHubError('unknown', 'The comment could not be posted.', { cause: err });
    }
  }

  let removedOwnRequest = false;
  let removeError: GitHubError | undefined;
  if (request.removeRequestFor && !sameLogin(request.removeRequestFor, reviewer)) {
    try {
      await client.call((o) => o.rest.pulls.removeRequestedReviewers({ ...base, reviewers: [request.removeRequestFor as string] }));
      removedOwnRequest = true;
      requestedReviewers = requestedReviewers.filter((l) => !sameLogin(l, request.removeRequestFor));
    } catch (err) {
      removeError = GitHubError.is(err) ? err : new GitHubError('unknown', 'Your review request could not be removed.', { cause: err });
    }
  }

  return {
    requestedReviewers,
    commented,
    ...(commentUrl ? { commentUrl } : {}),
    ...(commentError ? { commentError } : {}),
    removedOwnRequest,
    ...(removeError ? { removeError } : {}),
  };
}

function explainRequestError(err: unknown, request: HandoffRequest): unknown {
  if (!GitHubError.is(err, 'validation') || err.status !== 422) return err;
  const { pull, reviewer } = request;
  const where = `${pull.owner}/${pull.repo}`;
  // GitHub tells these two apart only in its message text; the author check above catches the
  // usual case from our own data, the text is the fallback when the author was unknown.
  const detail = err.detail ?? '';
  if (/author/i.test(detail)) {
    return new HandoffError('isAuthor', `${reviewer} wrote ${where}#${pull.number}, and GitHub does not let authors review their own pull requests.`, detail);
  }
  if (/collaborator/i.test(detail)) {
    return new HandoffError('notCollaborator', `GitHub cannot ask ${reviewer}: they are not a collaborator on ${where}. Give them access to the repository, or pick someone else.`, detail);
  }
  return new HandoffError('rejected', `GitHub did not accept the review request for ${reviewer}${detail ? `: ${detail}` : '.'}`, detail);
}
