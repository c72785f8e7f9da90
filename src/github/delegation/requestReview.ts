import { randomUUID } from 'node:crypto';
import type { PullRequestRef } from '../../core/pullRequestRef';
import type { GitHubClient } from '../client';
import { writeOnce } from '../confirmedWrite';
import { postMarkedComment } from '../markedComment';
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
  /** Names this handoff in the comment's hidden marker; a fresh one by default. */
  readonly handoffId?: string;
}

/**
 * The hidden line that lets a handoff recognise its own comment after GitHub's answer was lost.
 * GitHub renders an HTML comment as nothing, so readers of the pull request do not see it.
 */
export function handoffMarker(handoffId: string): string {
  return `<!-- lead-desk:handoff:${handoffId} -->`;
}

// A comment posted before the first try cannot carry the marker, and one found may be a few minutes
// old by GitHub's clock, which need not agree with ours.

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
    requestedReviewers = await writeOnce({
      what: `the review request for @${reviewer} on ${where}`,
      write: async () => {
        const response = await client.call((o) => o.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers', { ...base, reviewers: [reviewer] }));
        const pullData = asRecord(response.data);
        // An unreadable answer still means GitHub took the request; the list is read instead.
        if (!pullData) return (await requestedLogins(client, base).catch(() => undefined)) ?? [reviewer];
        return asArray(pullData.requested_reviewers).flatMap((u) => asString(asRecord(u)?.login) ?? []);
      },
      find: async () => {
        const logins = await requestedLogins(client, base);
        return logins.some((l) => sameLogin(l, reviewer)) ? logins : undefined;
      },
    });
  } catch (err) {
    throw explainRequestError(err, request);
  }

  let commented = false;
  let commentUrl: string | undefined;
  let commentError: GitHubError | undefined;
  if (request.comment && request.comment.trim() !== '') {
    const marker = handoffMarker(request.handoffId ?? randomUUID());
    try {
      const posted = await postMarkedComment(client, pull, request.comment, marker, new Date(), `the handoff comment on ${where}`);
      commented = true;
      commentUrl = posted.url;
    } catch (err) {
      commentError = GitHubError.is(err) ? err : new GitHubError('unknown', 'The comment could not be posted.', { cause: err });
    }
  }

  let removedOwnRequest = false;
  let removeError: GitHubError | undefined;
  const mine = request.removeRequestFor;
  if (mine && !sameLogin(mine, reviewer)) {
    try {
      await writeOnce({
        what: `the removal of your review request on ${where}`,
        write: async () => {
          await client.call((o) => o.request('DELETE /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers', { ...base, reviewers: [mine] }));
          return true;
        },
        find: async () => ((await requestedLogins(client, base)).some((l) => sameLogin(l, mine)) ? undefined : true),
      });
      removedOwnRequest = true;
      requestedReviewers = requestedReviewers.filter((l) => !sameLogin(l, mine));
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

/** The people whose review is requested on the pull request now (teams are not people). */
async function requestedLogins(client: GitHubClient, base: { owner: string; repo: string; pull_number: number }): Promise<string[]> {
  const response = await client.call((o) => o.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers', base));
  const users = asRecord(response.data)?.users;
  if (!Array.isArray(users)) throw new GitHubError('malformed', 'GitHub sent a response that could not be read.', { detail: 'requested_reviewers without users' });
  return users.flatMap((u) => asString(asRecord(u)?.login) ?? []);
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
