// Mutation root: user status and the review/comment writes the extension performs.
import { isoSeconds } from '../../scenarios/relativeDates';
import { GraphQLError } from 'graphql';
import type { StatusRecord } from '../../state/records';
import { addComment, requestReviewers, ReviewRequestError } from '../../state/reviewRequestOps';
import { sameLogin, teamKey } from '../../state/lookup';
import type { GqlContext } from './context';
import { statusNode } from './actorNodes';
import { commentNode, pullNode } from './pullNode';
import { recordIdOf } from './nodeLookup';
import { encodeCursor } from './connection';

interface ChangeUserStatusInput {
  clientMutationId?: string;
  emoji?: string | null;
  message?: string | null;
  limitedAvailability?: boolean | null;
  expiresAt?: string | null;
  organizationId?: string | null;
}

const notFound = (what: string, id: string) => new GraphQLError(`Could not resolve to a ${what} with the global id of '${id}'.`, { extensions: { type: 'NOT_FOUND' } });

export function mutationRoot(ctx: GqlContext) {
  const findPull = (id: string) => {
    const dbId = recordIdOf(id, 'PullRequest');
    const pull = ctx.state.pulls.find((p) => p.id === dbId);
    if (!pull) throw notFound('PullRequest', id);
    return pull;
  };
  // GitHub lets a status be shown to the members of one organisation the viewer belongs to.
  const statusOrganization = (id: string): string => {
    const org = ctx.state.orgs.find((o) => o.id === recordIdOf(id, 'Organization'));
    if (!org) throw notFound('Organization', id);
    if (!org.members.some((m) => sameLogin(m, ctx.viewer.login))) throw new GraphQLError(`${ctx.viewer.login} is not a member of ${org.login}.`, { extensions: { type: 'FORBIDDEN' } });
    return org.login;
  };
  return {
    changeUserStatus: (args: { input: ChangeUserStatusInput }) => {
      const input = args.input;
      const nowIso = isoSeconds(ctx.now);
      const organization = input.organizationId ? statusOrganization(input.organizationId) : null;
      // GitHub clears the status when neither an emoji nor a message is given.
      if (!input.emoji && !input.message) {
        ctx.viewer.status = null;
      } else {
        const next: StatusRecord = {
          emoji: input.emoji ?? null,
          message: input.message ?? null,
          limitedAvailability: input.limitedAvailability ?? false,
          expiresAt: input.expiresAt ? isoSeconds(new Date(input.expiresAt)) : null,
          createdAt: ctx.viewer.status?.createdAt ?? nowIso,
          updatedAt: nowIso,
          organization,
        };
        ctx.viewer.status = next;
      }
      return { clientMutationId: input.clientMutationId ?? null, status: statusNode(ctx, ctx.viewer) };
    },
    requestReviews: (args: { input: { clientMutationId?: string; pullRequestId: string; userIds?: string[]; teamIds?: string[]; union?: boolean } }) => {
      const input = args.input;
      const pull = findPull(input.pullRequestId);
      const users = (input.userIds ?? []).map((id) => ctx.state.users.find((u) => u.id === recordIdOf(id, 'User'))?.login ?? `#${id}`);
      const teams = (input.teamIds ?? []).map((id) => {
        const t = ctx.state.teams.find((x) => x.id === recordIdOf(id, 'Team'));
        if (!t) throw notFound('Team', id);
        return teamKey(t);
      });
      const before = pull.reviewRequests;
      try {
        // Without union, GitHub replaces the existing requests with the given ones.
        if (!input.union) pull.reviewRequests = [];
        requestReviewers(ctx.state, pull, { users, teams }, ctx.viewer.login, ctx.now);
      } catch (e) {
        pull.reviewRequests = before;
        if (e instanceof ReviewRequestError) throw new GraphQLError(e.message, { extensions: { type: 'UNPROCESSABLE' } });
        throw e;
      }
      return { clientMutationId: input.clientMutationId ?? null, pullRequest: pullNode(ctx, pull), actor: null };
    },
    addComment: (args: { input: { clientMutationId?: string; subjectId: string; body: string } }) => {
      const pull = findPull(args.input.subjectId);
      const c = addComment(ctx.state, pull, ctx.viewer.login, args.input.body, ctx.now);
      const node = commentNode(ctx, pull, c);
      return {
        clientMutationId: args.input.clientMutationId ?? null,
        subject: pullNode(ctx, pull),
        commentEdge: { cursor: encodeCursor(pull.comments.length - 1), node },
        timelineEdge: { cursor: encodeCursor(pull.comments.length - 1), node },
      };
    },
  };
}
