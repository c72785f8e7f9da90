// node(id:) support: decodes a global id and finds the record it names.
import { GraphQLError } from 'graphql';
import type { GqlContext } from './context';
import { parseNodeId } from './nodeIds';
import { orgNode, teamNode, userNode } from './actorNodes';
import { repoNode } from './repoNodes';
import { pullNode } from './pullNode';

export function resolveNode(ctx: GqlContext, id: string): unknown {
  const parsed = parseNodeId(id);
  const notFound = () => new GraphQLError(`Could not resolve to a node with the global id of '${id}'`, { extensions: { type: 'NOT_FOUND' } });
  if (!parsed) throw notFound();
  const num = Number(parsed.key);
  const s = ctx.state;
  let found: unknown;
  switch (parsed.typeName) {
    case 'User':
    case 'Bot': {
      const u = s.users.find((x) => x.id === num);
      found = u && userNode(ctx, u);
      break;
    }
    case 'Organization': {
      const o = s.orgs.find((x) => x.id === num);
      found = o && orgNode(ctx, o);
      break;
    }
    case 'Team': {
      const t = s.teams.find((x) => x.id === num);
      found = t && teamNode(ctx, t);
      break;
    }
    case 'Repository': {
      const r = s.repos.find((x) => x.id === num);
      found = r && repoNode(ctx, r);
      break;
    }
    case 'PullRequest': {
      const p = s.pulls.find((x) => x.id === num);
      found = p && pullNode(ctx, p);
      break;
    }
  }
  if (!found) throw notFound();
  return found;
}

/** The record behind a node id, for mutations that take ids. */
export function recordIdOf(id: string, typeName: string): number | undefined {
  const parsed = parseNodeId(id);
  return parsed && parsed.typeName === typeName ? Number(parsed.key) : undefined;
}
