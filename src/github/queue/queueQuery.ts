// The one GraphQL document behind a queue refresh: an aliased `search` per group, the viewer and
// the rate limit. Only searches asked for with 'history' carry a nested connection (the recent
// timeline), because every nested connection under a 100-result search costs GitHub 100 more
// requests of budget; everything else is scalar fields, which are free.
import type { QueueSearch, SearchDetail } from '../../core/queue/queueTypes';
import { buildSearchDocument } from '../searchDocument';

export const pageSize = 100;
/** Timeline events per pull request: enough to find the current requests and the ready time. */
export const timelineDepth = 30;

const basicFields = `
  number title url isDraft createdAt updatedAt additions deletions changedFiles
  reviewDecision mergeable headRefName baseRefName headRefOid
  author { login }
  viewerLatestReview { submittedAt commit { oid } }
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
  return buildSearchDocument(
    searches.map((search) => ({ alias: search.alias, query: search.query, fragment: fragmentName[search.detail], after: after[search.alias] })),
    { operation: 'LeadDeskQueue', pageSize, issueCount: true, fragments: Object.fromEntries((Object.keys(fragments) as SearchDetail[]).map((d) => [fragmentName[d], fragments[d]])) },
  );
}
