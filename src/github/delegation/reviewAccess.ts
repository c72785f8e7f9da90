// Whom a repository can ask for a review. GitHub refuses a review request for anyone without
// access to the repository ("Reviews may only be requested from collaborators"), and history
// names such people too: someone who left, a contributor from a fork. Asked beforehand, the view
// can say so instead of letting a hand-over fail.
//
// A repository's assignable users are the people GitHub lets be assigned to its pull requests and
// asked to review them: its collaborators and, in an organisation's repository, the members who
// can read it. The list's `query` matches logins and names by their start, so each login is
// looked up on its own (aliases in one document) and matched exactly.

import type { GitHubClient } from '../client';
import { GitHubError } from '../errors';
import { loginDeclarations } from './availability';
import { batchQuery, queryDocument, repositoryVariables, type RepoRef } from './graphqlBatch';
import { asArray, asRecord, asString, chunked, dig, sameLogin, uniqueLogins, type JsonRecord } from './payload';

const LOGINS_PER_REQUEST = 25;
/** Matches read per login: an exact login comes first among the few that start the same way. */
const MATCHES_PER_LOGIN = 10;

/** Inside the repository: the assignable users matching each login, `a<i>` for the i-th, sent as `$l<i>` (added to `variables`). */
export function reviewAccessFields(logins: readonly string[], variables: Record<string, unknown>): string[] {
  return logins.map((login, i) => {
    variables[`l${i}`] = login;
    return `a${i}: assignableUsers(query: $l${i}, first: ${MATCHES_PER_LOGIN}) { nodes { login } pageInfo { hasNextPage } }`;
  });
}

/**
 * For each login (lower-cased) the answer tells about: whether the repository can ask them for a
 * review. A login missing from the map is unknown (more people start with it than were read).
 */
export function readReviewAccess(repository: JsonRecord | undefined, logins: readonly string[]): Map<string, boolean> {
  if (!repository) throw new GitHubError('malformed', 'GitHub sent a response that could not be read.', { detail: 'review access: no repository in the answer' });
  const result = new Map<string, boolean>();
  logins.forEach((login, i) => {
    const matches = asRecord(repository[`a${i}`]);
    if (!matches) return;
    const found = asArray(matches.nodes).some((node) => sameLogin(asString(asRecord(node)?.login), login));
    if (found || dig(matches, 'pageInfo', 'hasNextPage') === false) result.set(login.toLowerCase(), found);
  });
  return result;
}

/** Whom the repository can ask for a review, per lower-cased login (see readReviewAccess). */
export async function fetchReviewAccess(client: GitHubClient, repo: RepoRef, logins: Iterable<string>): Promise<Map<string, boolean>> {
  // The chunks are asked side by side: one round trip however many people there are.
  const answers = await Promise.all(
    chunked(uniqueLogins(logins), LOGINS_PER_REQUEST).map(async (chunk) => {
      const variables = repositoryVariables(repo);
      const query = queryDocument('LeadDeskReviewAccess', loginDeclarations(chunk), [], reviewAccessFields(chunk, variables));
      return readReviewAccess(asRecord((await batchQuery(client, query, variables)).data.repository), chunk);
    }),
  );
  return new Map(answers.flatMap((answer) => [...answer]));
}
