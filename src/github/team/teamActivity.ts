// The Team view's GitHub data in one GraphQL request per chunk of teammates (aliased searches, as
// the delegation load query does): each teammate's open review requests with the longest-waiting
// pull requests, and the pull requests they opened recently with their first reviews.
import type { PullRequestRef } from '../../core/pullRequestRef';
import type { AuthoredPull, TeammateLoad } from '../../core/pulse/teamStats';
import type { GitHubClient } from '../client';
import { GitHubError } from '../errors';
import { batchQuery } from '../delegation/graphqlBatch';
import { asArray, asCount, asRecord, asString, chunked, dig, uniqueLogins } from '../delegation/payload';
import { reviewLoadQuery } from '../delegation/reviewLoad';
import { authoredQuery } from '../../core/pulse/usualTurnaround';
import { AUTHORED_LIMIT, authoredPull, authoredPullFields, LOGINS_PER_REQUEST } from './authoredPulls';

/** Waiting pull requests listed per teammate: enough to pick one to delegate. */
const WAITING_SHOWN = 5;

export interface TeamActivity {
  readonly loads: TeammateLoad[];
  readonly authored: AuthoredPull[];
  /** The GraphQL cost GitHub reported, summed over the requests. */
  readonly cost: number;
}

function waitingQuery(login: string): string {
  return `${reviewLoadQuery(login)} sort:created-asc`;
}

const document = (count: number): string => {
  const declarations = Array.from({ length: count }, (_, i) => `$w${i}: String!, $a${i}: String!`).join(', ');
  const fields = Array.from(
    { length: count },
    (_, i) => `  w${i}: search(query: $w${i}, type: ISSUE, first: ${WAITING_SHOWN}) { issueCount nodes { ... on PullRequest { number title url author { login } repository { name owner { login } } } } }
  a${i}: search(query: $a${i}, type: ISSUE, first: ${AUTHORED_LIMIT}) { nodes { ... on PullRequest { ${authoredPullFields} } } }`,
  );
  return `query LeadDeskTeamActivity(${declarations}) {\n${fields.join('\n')}\n  rateLimit { cost }\n}`;
};

function pullRef(node: unknown): PullRequestRef | undefined {
  const n = asRecord(node);
  const number = asCount(n?.number);
  const owner = asString(dig(n, 'repository', 'owner', 'login'));
  const repo = asString(dig(n, 'repository', 'name'));
  if (!number || !owner || !repo) return undefined;
  return { owner, repo, number, title: asString(n?.title) ?? `${owner}/${repo}#${number}`, url: asString(n?.url) ?? '', author: asString(dig(n, 'author', 'login')) };
}

/** Reads the team's activity; `since` bounds the authored pull requests (four weeks before this week). */
export async function fetchTeamActivity(client: GitHubClient, logins: Iterable<string>, since: Date): Promise<TeamActivity> {
  const loads: TeammateLoad[] = [];
  const authored: AuthoredPull[] = [];
  let cost = 0;
  for (const chunk of chunked(uniqueLogins(logins), LOGINS_PER_REQUEST)) {
    const variables: Record<string, unknown> = {};
    chunk.forEach((login, i) => {
      variables[`w${i}`] = waitingQuery(login);
      variables[`a${i}`] = authoredQuery(login, since);
    });
    const { data } = await batchQuery(client, document(chunk.length), variables);
    cost += asCount(dig(data, 'rateLimit', 'cost')) ?? 0;
    chunk.forEach((login, i) => {
      const openRequests = asCount(dig(data, `w${i}`, 'issueCount'));
      if (openRequests === undefined) throw new GitHubError('malformed', 'GitHub sent a response that could not be read.', { detail: `team activity: no issueCount for ${login}` });
      const waiting = asArray(dig(data, `w${i}`, 'nodes')).map(pullRef).filter((p): p is PullRequestRef => p !== undefined);
      loads.push({ login, openRequests, waiting });
      for (const node of asArray(dig(data, `a${i}`, 'nodes'))) {
        const pull = authoredPull(node);
        if (pull) authored.push(pull);
      }
    });
  }
  return { loads, authored, cost };
}
