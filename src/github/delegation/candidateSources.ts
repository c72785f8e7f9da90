// What the candidate finder asks GitHub (logins for commit emails, review load, availability,
// who the repository can ask for a review), wired to the calls that answer it.

import type { GitHubRepoRef } from '../../core/delegation/gitRemote';
import type { CandidateSources } from '../../core/delegation/findCandidates';
import type { GitHubClient } from '../client';
import { fetchAvailability } from './availability';
import { fetchCommitAuthors } from './commitAuthors';
import { fetchReviewAccess } from './reviewAccess';
import { fetchReviewLoad } from './reviewLoad';

/** Without `repo`, commit emails and access are not looked up (there is no repository to ask about). */
export function githubCandidateSources(client: GitHubClient, repo: GitHubRepoRef | undefined): CandidateSources {
  return {
    ...(repo
      ? {
          commitLogins: async (samples) => {
            const authors = await fetchCommitAuthors(client, repo, samples.map((x) => x.sha));
            return new Map([...authors].map(([sha, a]) => [sha, a.login ?? null]));
          },
          reviewAccess: (logins) => fetchReviewAccess(client, repo, logins),
        }
      : {}),
    reviewLoad: (logins) => fetchReviewLoad(client, logins),
    availability: (logins) => fetchAvailability(client, logins),
  };
}
