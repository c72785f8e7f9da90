// Query root: the entry points the extension uses, resolved over the sandbox state.
import { GraphQLError } from 'graphql';
import { isoSeconds } from '../../scenarios/relativeDates';
import { findOrg, findRepo, findUser } from '../../state/lookup';
import { searchPulls } from '../../search/searchPulls';
import { SearchQueryError } from '../../search/parseQuery';
import type { GqlContext } from './context';
import { connection, type PageArgs } from './connection';
import { orgNode, userNode } from './actorNodes';
import { repoNode } from './repoNodes';
import { pullNode } from './pullNode';
import { resolveNode } from './nodeLookup';

const notFound = (message: string) => new GraphQLError(message, { extensions: { type: 'NOT_FOUND' } });

export function rateLimitNode(ctx: GqlContext) {
  const b = ctx.rate.bucket;
  return {
    __typename: 'RateLimit',
    cost: ctx.rate.cost,
    limit: b.limit,
    nodeCount: ctx.rate.nodeCount,
    remaining: b.remaining,
    used: b.used,
    resetAt: isoSeconds(new Date(b.reset * 1000)),
  };
}

export function queryRoot(ctx: GqlContext) {
  return {
    viewer: () => userNode(ctx, ctx.viewer),
    user: (args: { login: string }) => {
      const u = findUser(ctx.state, args.login);
      if (!u) throw notFound(`Could not resolve to a User with the login of '${args.login}'.`);
      return userNode(ctx, u);
    },
    organization: (args: { login: string }) => {
      const o = findOrg(ctx.state, args.login);
      if (!o) throw notFound(`Could not resolve to an Organization with the login of '${args.login}'.`);
      return orgNode(ctx, o);
    },
    repositoryOwner: (args: { login: string }) => {
      const o = findOrg(ctx.state, args.login);
      if (o) return orgNode(ctx, o);
      const u = findUser(ctx.state, args.login);
      return u ? userNode(ctx, u) : null;
    },
    repository: (args: { owner: string; name: string }) => {
      const r = findRepo(ctx.state, args.owner, args.name);
      if (!r) throw notFound(`Could not resolve to a Repository with the name '${args.owner}/${args.name}'.`);
      return repoNode(ctx, r);
    },
    search: (args: PageArgs & { query: string; type: string }) => {
      const empty = { issueCount: 0, codeCount: 0, commitCount: 0, discussionCount: 0, repositoryCount: 0, userCount: 0, wikiCount: 0 };
      if (args.type !== 'ISSUE') return { ...empty, ...connection([], args) };
      try {
        const result = searchPulls({ state: ctx.state, viewer: ctx.viewer.login }, args.query);
        const page = connection(result.items.map((p) => pullNode(ctx, p)), args, () => ({ textMatches: [] }));
        return { ...empty, ...page, issueCount: result.total };
      } catch (e) {
        if (e instanceof SearchQueryError) throw new GraphQLError(e.message, { extensions: { type: 'UNPROCESSABLE' } });
        throw e;
      }
    },
    rateLimit: () => rateLimitNode(ctx),
    node: (args: { id: string }) => resolveNode(ctx, args.id),
    nodes: (args: { ids: string[] }) => args.ids.map((id) => resolveNode(ctx, id)),
  };
}
