// The one GraphQL document behind a weekly update: an aliased `search` per scope chunk and per
// teammate, the viewer and the rate limit. Nested connections cost GitHub a request per result, so
// there are only two: the viewer's own latest review on the "reviewed" search (to count reviews
// given in the week) and labels, only when the update is grouped by label.
import type { UpdateSearch } from '../../core/update/updateSearches';
import { buildSearchDocument } from '../searchDocument';

export const updatePageSize = 100;
/** Latest reviews per pull request: one per reviewer, so enough to find the viewer's. */
export const latestReviewsDepth = 20;
/** Labels per pull request when grouping by label; only the first (alphabetically) names the group. */
export const labelDepth = 10;

const pullFields = `
  number title url isDraft createdAt updatedAt mergedAt reviewDecision
  author { login }
  repository { nameWithOwner }
  statusCheckRollup { state }
  milestone { title dueOn url }`;

export interface UpdateDocument {
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

const fragments: Record<string, string> = {
  UpdatePull: `fragment UpdatePull on PullRequest {${pullFields}\n}`,
  UpdateLabelled: `fragment UpdateLabelled on PullRequest {${pullFields}\n  labels(first: ${labelDepth}) { nodes { name } }\n}`,
  UpdateReviewed: `fragment UpdateReviewed on PullRequest {${pullFields}\n  latestReviews(first: ${latestReviewsDepth}) { nodes { submittedAt author { login } } }\n}`,
};

export function buildUpdateDocument(searches: readonly UpdateSearch[], options: { readonly labels: boolean; readonly after?: Readonly<Record<string, string>> }): UpdateDocument {
  const after = options.after ?? {};
  const fragmentOf = (search: UpdateSearch) => (search.role === 'reviewed' ? 'UpdateReviewed' : search.role === 'merged' && options.labels ? 'UpdateLabelled' : 'UpdatePull');
  return buildSearchDocument(
    searches.map((search) => ({ alias: search.alias, query: search.query, fragment: fragmentOf(search), after: after[search.alias] })),
    { operation: 'LeadDeskWeeklyUpdate', pageSize: updatePageSize, fragments },
  );
}
