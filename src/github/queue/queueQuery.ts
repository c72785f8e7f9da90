// The one GraphQL document behind a queue refresh: an aliased `search` per group, the viewer and
// the rate limit. Only searches asked for with 'history' carry a nested connection (the recent
// timeline), because every nested connection under a 100-result search costs GitHub 100 more
// requests of budget; everything else is scalar fields, which are free.
import type { QueueSearch, SearchDetail } from '../../core/queue/queueTypes';

export const pageSize = 100;
/** Timeline events per pull request: enough to find the current requests and the ready time. */
export const timelineDepth = 30;

const basicFields = `
  number title url isDraft createdAt updatedAt additions deletions changedFiles
  reviewDecision mergeable headRefName baseRefName
  author { login }
  repository { nameWithOwner isArchived }
  statusCheckRollup { state }`;

const reviewer = `requestedReviewer { __typename ... on User { login } ... on Team { slug combinedSlug } ... on Mannequin { login } ... on Bot { login } }`;

const fragments: Record<SearchDetail, string> = {
  keys: `fragment QueueKeys on PullRequest { number repository { nameWithOwner } }`,
  basic: `fragment QueueBasic on PullRequest {${basicFields}\n}`,
  history: `fragment QueueHistory on PullRequest {${basicFields}
  timelineItems(last: ${timelineDepth}, itemTypes: [REVIEW_REQUESTED_EVENT, REVIEW_REQUEST_REMOVED_EVENT, READY_FOR_REVIEW_EVENT, PULL_REQUEST_REVIEW]) {
    nodes {
      __typename
      ... on ReviewRequestedEvent { createdAt ${reviewer} }
      ... on ReviewRequestRemovedEvent { createdAt ${reviewer} }
      ... on ReadyForReviewEvent { createdAt }
      ... on PullRequestReview { submittedAt author { login } }
    }
  }
}`,
};

const fragmentName: Record<SearchDetail, string> = { keys: 'QueueKeys', basic: 'QueueBasic', history: 'QueueHistory' };

export interface QueueDocument {
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

/**
 * Builds one document for the given searches. `after` holds cursors for follow-up pages; a search
 * without a cursor starts at its first page.
 */
export function buildQueueDocument(searches: readonly QueueSearch[], after: Readonly<Record<string, string>> = {}): QueueDocument {
  const variables: Record<string, unknown> = {};
  const declarations: string[] = [];
  const fields: string[] = [];
  const details = new Set<SearchDetail>();
  for (const search of searches) {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(search.alias)) throw new Error(`invalid search alias ${search.alias}`);
    details.add(search.detail);
    declarations.push(`$${search.alias}: String!`);
    variables[search.alias] = search.query;
    const cursor = after[search.alias];
    if (cursor !== undefined) {
      declarations.push(`$${search.alias}After: String`);
      variables[`${search.alias}After`] = cursor;
    }
    fields.push(
      `  ${search.alias}: search(type: ISSUE, first: ${pageSize}, query: $${search.alias}${cursor !== undefined ? `, after: $${search.alias}After` : ''}) {
    issueCount
    pageInfo { hasNextPage endCursor }
    nodes { ...${fragmentName[search.detail]} }
  }`,
    );
  }
  const query = `query LeadDeskQueue${declarations.length ? `(${declarations.join(', ')})` : ''} {
  viewer { login }
  rateLimit { cost remaining resetAt }
${fields.join('\n')}
}
${[...details].map((d) => fragments[d]).join('\n')}`;
  return { query, variables };
}
