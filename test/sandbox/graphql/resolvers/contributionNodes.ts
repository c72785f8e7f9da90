// User.contributionsCollection: the reviews a person gave, as GitHub's contribution graph counts
// them (submitted reviews on other people's pull requests, in the time range asked).
import { GraphQLError } from 'graphql';
import type { PullRecord, ReviewRecord, UserRecord } from '../../state/records';
import { repoOfPull, sameLogin } from '../../state/lookup';
import type { GqlContext } from './context';
import { connection, type PageArgs } from './connection';
import { pullNode, pullUrl, reviewNode } from './pullNode';
import { repoNode } from './repoNodes';
import { userNode } from './actorNodes';

const yearMs = 365 * 86_400_000;

export interface CollectionArgs {
  from?: string | null;
  to?: string | null;
  organizationID?: string | null;
}

function parseTime(value: string | null | undefined, fallback: number): number {
  if (value === null || value === undefined) return fallback;
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new GraphQLError(`Could not coerce value "${value}" to DateTime`);
  return t;
}

export function contributionsCollectionNode(ctx: GqlContext, user: UserRecord, args: CollectionArgs): object {
  const to = parseTime(args.to, ctx.now.getTime());
  const from = parseTime(args.from, to - yearMs);
  // What github.com answers for a range longer than a year.
  if (to - from > yearMs) throw new GraphQLError("The total time spanned by 'from' and 'to' must not exceed 1 year");
  const given: Array<{ pull: PullRecord; review: ReviewRecord; at: number }> = [];
  for (const pull of ctx.state.pulls) {
    if (sameLogin(pull.author, user.login)) continue;
    for (const review of pull.reviews) {
      const at = Date.parse(review.submittedAt);
      if (review.state !== 'PENDING' && sameLogin(review.author, user.login) && at >= from && at <= to) given.push({ pull, review, at });
    }
  }
  const contribution = ({ pull, review }: { pull: PullRecord; review: ReviewRecord }) => ({
    __typename: 'CreatedPullRequestReviewContribution',
    occurredAt: review.submittedAt,
    isRestricted: false,
    url: `${pullUrl(ctx, pull)}#pullrequestreview-${review.id}`,
    resourcePath: new URL(`${pullUrl(ctx, pull)}#pullrequestreview-${review.id}`).pathname,
    pullRequestReview: () => reviewNode(ctx, pull, review),
    pullRequest: () => pullNode(ctx, pull),
    repository: () => repoNode(ctx, repoOfPull(ctx.state, pull)),
    user: () => userNode(ctx, user),
  });
  return {
    __typename: 'ContributionsCollection',
    startedAt: new Date(from).toISOString(),
    endedAt: new Date(to).toISOString(),
    isSingleDay: to - from <= 86_400_000,
    hasAnyContributions: given.length > 0,
    totalPullRequestReviewContributions: given.length,
    pullRequestReviewContributions: (page: PageArgs & { orderBy?: { direction?: 'ASC' | 'DESC' } }) => {
      const direction = page.orderBy?.direction ?? 'DESC';
      const sorted = [...given].sort((a, b) => (direction === 'ASC' ? a.at - b.at : b.at - a.at));
      return connection(sorted.map(contribution), page);
    },
    user: () => userNode(ctx, user),
  };
}
