// The two ways a nudge reaches reviewers: a comment, or GitHub's own "re-request review". Both go
// through writeOnce, so a write whose answer was lost is read back before it is sent again: a
// retry never posts the comment twice.
import type { PullRequestRef } from '../../core/pullRequestRef';
import type { GitHubClient } from '../client';
import { writeOnce } from '../confirmedWrite';
import { GitHubError } from '../errors';
import { asArray, asRecord, asString, sameLogin } from '../delegation/payload';

type PullRef = Pick<PullRequestRef, 'owner' | 'repo' | 'number'>;

/** The hidden line that lets a nudge recognise its own comment; GitHub renders it as nothing. */
export function nudgeMarker(nudgeId: string): string {
  return `<!-- lead-desk:nudge:${nudgeId} -->`;
}

// A comment found on read-back may be a few minutes old by GitHub's clock, which need not agree with ours.
const COMMENT_LOOKBACK_MS = 60 * 60_000;

/** Posts the nudge comment once; returns its web address when GitHub gives one. */
export async function postNudgeComment(client: GitHubClient, pull: PullRef, text: string, nudgeId: string, now: Date): Promise<{ url?: string }> {
  const marker = nudgeMarker(nudgeId);
  const body = `${text}\n\n${marker}`;
  const since = new Date(now.getTime() - COMMENT_LOOKBACK_MS).toISOString();
  const where = { owner: pull.owner, repo: pull.repo, issue_number: pull.number };
  return writeOnce({
    what: `the nudge comment on ${pull.owner}/${pull.repo}#${pull.number}`,
    write: async () => {
      const response = await client.call((o) => o.rest.issues.createComment({ ...where, body }));
      const url = asString(asRecord(response.data)?.html_url);
      return url ? { url } : {};
    },
    find: async () => {
      const comments = await client.call((o) => o.paginate(o.rest.issues.listComments, { ...where, since, per_page: 100 }));
      const mine = asArray(comments).map(asRecord).find((c) => asString(c?.body)?.includes(marker));
      if (!mine) return undefined;
      const url = asString(mine.html_url);
      return url ? { url } : {};
    },
  });
}

/**
 * Asks the same people again: GitHub notifies each of them anew. Read back, the request is in
 * place when every one of them is still (or again) asked.
 */
export async function reRequestReview(client: GitHubClient, pull: PullRef, reviewers: { readonly users: readonly string[]; readonly teams: readonly string[] }): Promise<void> {
  const base = { owner: pull.owner, repo: pull.repo, pull_number: pull.number };
  await writeOnce({
    what: `the new review request on ${pull.owner}/${pull.repo}#${pull.number}`,
    write: async () => {
      await client.call((o) => o.rest.pulls.requestReviewers({ ...base, reviewers: [...reviewers.users], team_reviewers: [...reviewers.teams] }));
      return true;
    },
    find: async () => {
      const response = await client.call((o) => o.rest.pulls.listRequestedReviewers(base));
      const data = asRecord(response.data);
      if (!data || !Array.isArray(data.users)) throw new GitHubError('malformed', 'GitHub sent a response that could not be read.', { detail: 'requested_reviewers without users' });
      const users = asArray(data.users).flatMap((u) => asString(asRecord(u)?.login) ?? []);
      const teams = asArray(data.teams).flatMap((t) => asString(asRecord(t)?.slug) ?? []);
      const all = reviewers.users.every((l) => users.some((u) => sameLogin(u, l))) && reviewers.teams.every((s) => teams.some((t) => t.toLowerCase() === s.toLowerCase()));
      return all ? true : undefined;
    },
  });
}
