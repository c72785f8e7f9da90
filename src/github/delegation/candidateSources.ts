// What the candidate finder asks GitHub (logins for commit emails, review load, availability,
// who the repository can ask for a review), wired to the calls that answer it.

import type { GitHubRepoRef } from '../../core/delegation/gitRemote';
import type { CandidateSources } from '../../core/delegation/findCandidates';
import type { GitHubClient } from '../client';
import { fetchCommitAuthors } from './commitAuthors';
import { fetchHandoffSignals, valueOf, type HandoffSignals } from './handoffSignals';

/** Without `repo`, commit emails and access are not looked up (there is no repository to ask about). */
export function githubCandidateSources(client: GitHubClient, repo: GitHubRepoRef | undefined): CandidateSources {
  // The finder asks load, availability and access about the same list at once: one request
  // answers all three (fetchHandoffSignals), shared by the list it was asked for.
  const asked = new WeakMap<readonly string[], Promise<HandoffSignals>>();
  const signals = (logins: readonly string[]): Promise<HandoffSignals> => {
    let answer = asked.get(logins);
    if (!answer) asked.set(logins, (answer = fetchHandoffSignals(client, repo, logins)));
    return answer;
  };
  return {
    ...(repo
      ? {
          commitLogins: async (samples) => {
            const authors = await fetchCommitAuthors(client, repo, samples.map((x) => x.sha));
            return new Map([...authors].map(([sha, a]) => [sha, a.login ?? null]));
          },
          reviewAccess: async (logins) => {
            const { access } = await signals(logins);
            return access ? valueOf(access) : new Map<string, boolean>();
          },
        }
      : {}),
    reviewLoad: async (logins) => valueOf((await signals(logins)).load),
    availability: async (logins) => valueOf((await signals(logins)).availability),
  };
}
