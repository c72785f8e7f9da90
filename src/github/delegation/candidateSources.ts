// What the candidate finder asks GitHub (logins for commit emails, review load, availability),
// wired to the calls that answer it.

import type { GitHubRepoRef } from '../../core/delegation/gitRemote';
import type { CandidateSources } from '../../core/delegation/findCandidates';
import type { GitHubClient } from '../client';
import { fetchAvailability } from './availability';
import { fetchCommitAuthors } from './commitAuthors';
import { fetchReviewLoad } from './reviewLoad';

/** Without `repo`, commit emails are not looked up (there is no repository to ask about their commits). */
export function githubCandidateSources(client: GitHubClient, repo: GitHubRepoRef | undefined): CandidateSources {
  return {
    ...(repo
      ? {
          commitLogins: async (samples) => {
            const authors = await fetchCommitAuthors(client, repo, samples.map((x) => x.sha));
            return new Map([...authors].map(([sha, a]) => [sha, a.login ?? null]));
          },
        }
      : {}),
    reviewLoad: (logins) => fetchReviewLoad(client, logins),
    availability: (logins) => fetchAvailability(client, logins),
  };
}
