// The pull requests a teammate opened recently and when someone else first reviewed each: the
// sample behind the team's time to first review. One search per teammate (GitHub ORs repeated
// `repo:` qualifiers but not `author:`), read by the Team view and inside the weekly update's
// document alike, so both measure the same thing.
import type { AuthoredPull } from '../../core/pulse/teamStats';
import { authoredQuery } from '../../core/pulse/usualTurnaround';
import type { GitHubClient } from '../client';
import { asArray, asCount, asRecord, asString, chunked, dig, sameLogin, uniqueLogins } from '../delegation/payload';

/** Reviews read per pull request: the first one by someone else is nearly always among them. */
export const AUTHORED_REVIEW_DEPTH = 10;

/** The PullRequest fields `authoredPull` reads. */
export const authoredPullFields = `createdAt isDraft author { login } reviews(first: ${AUTHORED_REVIEW_DEPTH}) { nodes { submittedAt author { login } } }`;

/** One search result; a draft (not yet asking for review) or an unreadable node gives undefined. */
export function authoredPull(node: unknown): AuthoredPull | undefined {
  const n = asRecord(node);
  const createdAt = Date.parse(asString(n?.createdAt) ?? '');
  if (!n || Number.isNaN(createdAt) || n.isDraft === true) return undefined;
  const author = asString(dig(n, 'author', 'login'));
  const reviewTimes = asArray(dig(n, 'reviews', 'nodes'))
    .filter((r) => !sameLogin(asString(dig(r, 'author', 'login')), author))
    .map((r) => Date.parse(asString(asRecord(r)?.submittedAt) ?? ''))
    .filter((t) => !Number.isNaN(t));
  return { createdAt, firstReviewAt: reviewTimes.length > 0 ? Math.min(...reviewTimes) : undefined };
}

/** A team is a dozen people or so; larger lists are split so one document stays cheap. */
export const LOGINS_PER_REQUEST = 15;
/** Pull requests per author over five weeks; more than this is a rare team and the median holds. */
export const AUTHORED_LIMIT = 50;

function document(count: number): string {
  const declarations = Array.from({ length: count }, (_, i) => `$a${i}: String!`).join(', ');
  const fields = Array.from({ length: count }, (_, i) => `  a${i}: search(query: $a${i}, type: ISSUE, first: ${AUTHORED_LIMIT}) { nodes { ... on PullRequest { ${authoredPullFields} } } }`);
  return `query LeadDeskAuthoredPulls(${declarations}) {\n${fields.join('\n')}\n  rateLimit { cost }\n}`;
}

/** Only the teammates' authored pull requests, for a caller that needs the turnaround and nothing else. */
export async function fetchAuthoredPulls(client: GitHubClient, logins: Iterable<string>, since: Date): Promise<{ readonly pulls: AuthoredPull[]; readonly cost: number; readonly requests: number }> {
  const pulls: AuthoredPull[] = [];
  let cost = 0;
  let requests = 0;
  for (const chunk of chunked(uniqueLogins(logins), LOGINS_PER_REQUEST)) {
    const variables = Object.fromEntries(chunk.map((login, i) => [`a${i}`, authoredQuery(login, since)]));
    const data = await client.graphql<Record<string, unknown>>(document(chunk.length), variables);
    requests += 1;
    cost += asCount(dig(data, 'rateLimit', 'cost')) ?? 0;
    chunk.forEach((_login, i) => {
      for (const node of asArray(dig(data, `a${i}`, 'nodes'))) {
        const pull = authoredPull(node);
        if (pull) pulls.push(pull);
      }
    });
  }
  return { pulls, cost, requests };
}
