import type { GitHubClient } from '../client';
import { GitHubError } from '../errors';
import { batchQuery } from './graphqlBatch';
import { asCount, chunked, dig, uniqueLogins } from './payload';

/** Enough for the candidates of one view; a larger list is split, one request per chunk. */
const LOGINS_PER_REQUEST = 40;

/** The search a reviewer's open load is counted with: requests to them or their teams, in live repositories. */
export function reviewLoadQuery(login: string): string {
  return `is:open is:pr review-requested:${login} archived:false`;
}

/**
 * Open review requests per lower-cased login, counted by aliased searches in one GraphQL request
 * (GitHub allows several searches per document). A login whose count is missing is left out.
 */
export async function fetchReviewLoad(client: GitHubClient, logins: Iterable<string>): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  for (const chunk of chunked(uniqueLogins(logins), LOGINS_PER_REQUEST)) {
    const variables: Record<string, unknown> = {};
    const fields = chunk.map((login, i) => {
      variables[`q${i}`] = reviewLoadQuery(login);
      return `  l${i}: search(query: $q${i}, type: ISSUE, first: 1) { issueCount }`;
    });
    const declarations = chunk.map((_login, i) => `$q${i}: String!`).join(', ');
    const query = `query LeadDeskReviewLoad(${declarations}) {\n${fields.join('\n')}\n}`;
    const { data } = await batchQuery(client, query, variables);
    let answered = 0;
    chunk.forEach((login, i) => {
      const count = asCount(dig(data, `l${i}`, 'issueCount'));
      if (count === undefined) return;
      answered++;
      result.set(login.toLowerCase(), count);
    });
    if (answered === 0 && chunk.length > 0) {
      throw new GitHubError('malformed', 'GitHub sent a response that could not be read.', { detail: 'review load: no issueCount in the answer' });
    }
  }
  return result;
}
