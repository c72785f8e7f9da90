// Reviews the signed-in user gave in a time range, as GitHub's contribution graph counts them: one
// GraphQL request, the total plus when each of the first hundred was submitted and when it was
// created (a review begun with a pending comment is created then), which times the review.
import { reviewSpan } from '../../core/week/reviewTime';
import type { GitHubClient } from '../client';
import { GitHubError } from '../errors';

export interface ReviewsGiven {
  readonly total: number;
  /** Epoch ms, newest first; at most one page of them. */
  readonly times: readonly number[];
  /** Beside `times`: ms from the review's creation to its submission, 0 when submitted in one step. */
  readonly spans: readonly number[];
}

export const reviewsGivenQuery = /* GraphQL */ `
  query LeadDeskReviewsGiven($from: DateTime!, $to: DateTime!) {
    viewer {
      contributionsCollection(from: $from, to: $to) {
        totalPullRequestReviewContributions
        pullRequestReviewContributions(first: 100, orderBy: { direction: DESC }) {
          nodes { occurredAt pullRequestReview { createdAt } }
        }
      }
    }
  }
`;

function malformed(detail: string): GitHubError {
  return new GitHubError('malformed', 'GitHub sent a response that could not be read.', { detail });
}

/** GitHub accepts at most a year per collection; a week is well inside it. */
export async function fetchReviewsGiven(client: GitHubClient, from: number, to: number): Promise<ReviewsGiven> {
  const data = await client.graphql<{ viewer?: unknown }>(reviewsGivenQuery, { from: new Date(from).toISOString(), to: new Date(to).toISOString() });
  const collection = (data.viewer as { contributionsCollection?: unknown } | null | undefined)?.contributionsCollection as
    | { totalPullRequestReviewContributions?: unknown; pullRequestReviewContributions?: { nodes?: unknown } }
    | undefined;
  const total = collection?.totalPullRequestReviewContributions;
  const nodes = collection?.pullRequestReviewContributions?.nodes;
  if (typeof total !== 'number' || !Number.isSafeInteger(total) || total < 0) throw malformed('contributionsCollection had no review total');
  if (!Array.isArray(nodes)) throw malformed('pullRequestReviewContributions had no nodes');
  const times = nodes.map((node: unknown) => Date.parse(String((node as { occurredAt?: unknown } | null)?.occurredAt)));
  if (times.some((t) => Number.isNaN(t))) throw malformed('a review contribution had no occurredAt');
  const spans = nodes.map((node: unknown, i) => reviewSpan(Date.parse(String((node as { pullRequestReview?: { createdAt?: unknown } | null } | null)?.pullRequestReview?.createdAt)), times[i]));
  return { total: Math.max(total, times.length), times, spans };
}
