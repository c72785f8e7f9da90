// The one GraphQL document behind a weekly update: an aliased `search` per scope chunk and per
// teammate, the viewer and the rate limit. Nested connections cost GitHub a request per result, so
// there are only two: the viewer's own latest review on the "reviewed" search (to count reviews
// given in the week) and labels, only when the update is grouped by label.
import type { UpdateSearch } from '../../core/update/updateSearches';

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

export function buildUpdateDocument(searches: readonly UpdateSearch[], options: { readonly labels: boolean; readonly after?: Readonly<Record<string, string>> }): UpdateDocument {
  const variables: Record<string, unknown> = {};
  const declarations: string[] = [];
  const fields: string[] = [];
  const after = options.after ?? {};
  for (const search of searches) {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(search.alias)) throw new Error(`invalid search alias ${search.alias}`);
    declarations.push(`$${search.alias}: String!`);
    variables[search.alias] = search.query;
    const cursor = after[search.alias];
    if (cursor !== undefined) {
      declarations.push(`$${search.alias}After: String`);
      variables[`${search.alias}After`] = cursor;
    }
    const fragment = search.role === 'reviewed' ? 'UpdateReviewed' : search.role === 'merged' && options.labels ? 'UpdateLabelled' : 'UpdatePull';
    fields.push(
      `  ${search.alias}: search(type: ISSUE, first: ${updatePageSize}, query: $${search.alias}${cursor !== undefined ? `, after: $${search.alias}After` : ''}) {
    pageInfo { hasNextPage endCursor }
    nodes { ...${fragment} }
  }`,
    );
  }
  const used = new Set(searches.map((s) => (s.role === 'reviewed' ? 'UpdateReviewed' : s.role === 'merged' && options.labels ? 'UpdateLabelled' : 'UpdatePull')));
  const fragments: Record<string, string> = {
    UpdatePull: `fragment UpdatePull on PullRequest {${pullFields}\n}`,
    UpdateLabelled: `fragment UpdateLabelled on PullRequest {${pullFields}\n  labels(first: ${labelDepth}) { nodes { name } }\n}`,
    UpdateReviewed: `fragment UpdateReviewed on PullRequest {${pullFields}\n  latestReviews(first: ${latestReviewsDepth}) { nodes { submittedAt author { login } } }\n}`,
  };
  const query = `query LeadDeskWeeklyUpdate${declarations.length ? `(${declarations.join(', ')})` : ''} {
  viewer { login }
  rateLimit { cost remaining resetAt }
${fields.join('\n')}
}
${[...used].map((name) => fragments[name]).join('\n')}`;
  return { query, variables };
}
