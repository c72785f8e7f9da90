// The one GraphQL document behind a weekly update: an aliased `search` per scope chunk and per
// teammate, the viewer and the rate limit. Nested connections cost GitHub a request per result, so
// there are only two: the viewer's own latest review on the "reviewed" search (to count reviews
// given in the week) and labels, only when the update is grouped by label; plus the reviews of
// each teammate's recent pull requests (the usual turnaround) and the comments on pull requests the
// lead commented on (handoffs), on smaller pages since each result costs GitHub a request.
import type { UpdateSearch } from '../../core/update/updateSearches';
import { buildSearchDocument } from '../searchDocument';
import { AUTHORED_LIMIT, authoredPullFields } from '../team/authoredPulls';

export const updatePageSize = 100;
/** Latest reviews per pull request: one per reviewer, so enough to find the viewer's. */
export const latestReviewsDepth = 20;
/** Labels per pull request when grouping by label; only the first (alphabetically) names the group. */
export const labelDepth = 10;
/** A teammate's pull requests over five weeks, as many as the Team view reads, so both measure alike. */
export const authoredPageSize = AUTHORED_LIMIT;
/** Pull requests the lead commented on in a week, read for handoff markers. */
export const commentedPageSize = 50;
/** The latest comments per pull request: a handoff comment is followed by a few replies at most. */
export const commentDepth = 30;

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
  UpdateAuthored: `fragment UpdateAuthored on PullRequest { ${authoredPullFields} }`,
  UpdateCommented: `fragment UpdateCommented on PullRequest {
  number
  repository { nameWithOwner }
  comments(last: ${commentDepth}) { nodes { body createdAt author { login } } }
}`,
};

const fragmentByRole = { reviewed: 'UpdateReviewed', authored: 'UpdateAuthored', commented: 'UpdateCommented' } as const;
const pageSizeByRole: Partial<Record<UpdateSearch['role'], number>> = { authored: authoredPageSize, commented: commentedPageSize };

export function buildUpdateDocument(searches: readonly UpdateSearch[], options: { readonly labels: boolean; readonly after?: Readonly<Record<string, string>> }): UpdateDocument {
  const after = options.after ?? {};
  const fragmentOf = (search: UpdateSearch): string =>
    search.role === 'merged' || search.role === 'open' ? (search.role === 'merged' && options.labels ? 'UpdateLabelled' : 'UpdatePull') : fragmentByRole[search.role];
  return buildSearchDocument(
    searches.map((search) => {
      const first = pageSizeByRole[search.role];
      return { alias: search.alias, query: search.query, fragment: fragmentOf(search), after: after[search.alias], ...(first ? { first } : {}) };
    }),
    { operation: 'LeadDeskWeeklyUpdate', pageSize: updatePageSize, fragments },
  );
}
