import type { GitHubClient } from '../client';
import { GitHubError } from '../errors';
import { batchQuery } from './graphqlBatch';
import { asCount, chunked, dig, uniqueLogins, type JsonRecord } from './payload';

/** Enough for the candidates of one view; a larger list is split, one request per chunk. */
const LOGINS_PER_REQUEST = 40;

/** The search a reviewer's open load is counted with: requests to them or their teams, in live repositories. */
export function reviewLoadQuery(login: string): string {
  return `is:open is:pr review-requested:${login} archived:false`;
}

/**
 * The aliased searches that count each login's open review requests, `l<i>` for the i-th login,
 * its query sent as `$q<i>` (added to `variables`); GitHub allows several searches per document.
 */
export function reviewLoadFields(logins: readonly string[], variables: Record<string, unknown>): string[] {
  return logins.map((login, i) => {
    variables[`q${i}`] = reviewLoadQuery(login);
    return `  l${i}: search(query: $q${i}, type: ISSUE, first: 1) { issueCount }`;
  });
}

export const reviewLoadDeclarations = (logins: readonly string[]): string[] => logins.map((_login, i) => `$q${i}: String!`);

/** The counts reviewLoadFields asked for, per lower-cased login; a login whose count is missing is left out. */
export function readReviewLoad(data: JsonRecord, logins: readonly string[]): Map<string, number> {
  const result = new Map<string, number>();
  logins.forEach((login, i) => {
    const count = asCount(dig(data, `l${i}`, 'issueCount'));
    if (count !== undefined) result.set(login.toLowerCase(), count);
  });
  if (result.size === 0 && logins.length > 0) {
    throw new GitHubError('malformed', 'GitHub sent a response that could not be read.', { detail: 'review load: no issueCount in the answer' });
  }
  return result;
}

/** Open review requests per lower-cased login, counted in one GraphQL request per 40 logins. */
export async function fetchReviewLoad(client: GitHubClient, logins: Iterable<string>): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  for (const chunk of chunked(uniqueLogins(logins), LOGINS_PER_REQUEST)) {
    const variables: Record<string, unknown> = {};
    const fields = reviewLoadFields(chunk, variables);
    const query = `query LeadDeskReviewLoad(${reviewLoadDeclarations(chunk).join(', ')}) {\n${fields.join('\n')}\n}`;
    const { data } = await batchQuery(client, query, variables);
    for (const [login, count] of readReviewLoad(data, chunk)) result.set(login, count);
  }
  return result;
}
