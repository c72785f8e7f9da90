// A comment Lead Desk posts on a pull request carries a hidden marker line, so that a write whose
// answer was lost is found by reading the comments back instead of being posted twice.
import type { PullRequestRef } from '../core/pullRequestRef';
import type { GitHubClient } from './client';
import { writeOnce } from './confirmedWrite';
import { asArray, asRecord, asString } from './delegation/payload';

type PullRef = Pick<PullRequestRef, 'owner' | 'repo' | 'number'>;

// A comment found on read-back may be a few minutes old by GitHub's clock, which need not agree with ours.
const COMMENT_LOOKBACK_MS = 60 * 60_000;

/** Posts `text` followed by `marker` once; returns the comment's web address when GitHub gives one. */
export function postMarkedComment(client: GitHubClient, pull: PullRef, text: string, marker: string, now: Date, what: string): Promise<{ url?: string }> {
  const body = `${text}\n\n${marker}`;
  const since = new Date(now.getTime() - COMMENT_LOOKBACK_MS).toISOString();
  const where = { owner: pull.owner, repo: pull.repo, issue_number: pull.number };
  return writeOnce({
    what,
    write: async () => {
      const response = await client.call((o) => o.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...where, body }));
      return { url: asString(asRecord(response.data)?.html_url) };
    },
    find: async () => {
      const comments = await client.call((o) => o.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...where, since, per_page: 100 }));
      const mine = asArray(comments).map(asRecord).find((c) => asString(c?.body)?.includes(marker));
      return mine ? { url: asString(mine.html_url) } : undefined;
    },
  });
}
