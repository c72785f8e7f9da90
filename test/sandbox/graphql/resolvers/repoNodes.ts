// GraphQL objects for repositories and commits.
import type { CommitRecord, PullRecord, RepoRecord } from '../../state/records';
import { canWorkOn, findOrg, findUser, sameLogin } from '../../state/lookup';
import type { GqlContext } from './context';
import { connection, type PageArgs } from './connection';
import { nodeId } from './nodeIds';
import { orgNode, userNode } from './actorNodes';
import { pullNode } from './pullNode';
import { resolveCommitRef } from '../../state/commitRefs';

export function commitNode(ctx: GqlContext, repo: RepoRecord, commit: CommitRecord, pull?: PullRecord) {
  const person = () => {
    const user = commit.author ? findUser(ctx.state, commit.author) : undefined;
    return { name: commit.authorName, email: commit.authorEmail, date: commit.date, user: user ? userNode(ctx, user) : null, avatarUrl: 'https://avatars.githubusercontent.com/u/0?v=4' };
  };
  return {
    __typename: 'Commit',
    id: nodeId('Commit', `${repo.id}:${commit.sha}`),
    oid: commit.sha,
    abbreviatedOid: commit.sha.slice(0, 7),
    message: commit.message,
    messageHeadline: commit.message.split('\n')[0],
    messageBody: commit.message.split('\n').slice(1).join('\n').trim(),
    committedDate: commit.date,
    authoredDate: commit.date,
    pushedDate: commit.date,
    url: `${ctx.webUrl}/${repo.owner}/${repo.name}/commit/${commit.sha}`,
    resourcePath: `/${repo.owner}/${repo.name}/commit/${commit.sha}`,
    author: person,
    committer: person,
    authors: (args: PageArgs) => connection([person()], args),
    repository: () => repoNode(ctx, repo),
    additions: 0,
    deletions: 0,
    changedFilesIfAvailable: null,
    statusCheckRollup: () => {
      const head = pull && pull.commits[pull.commits.length - 1]?.sha === commit.sha;
      return head && pull.ci ? { __typename: 'StatusCheckRollup', id: nodeId('StatusCheckRollup', `${pull.id}`), state: pull.ci } : null;
    },
  };
}

export function repoNode(ctx: GqlContext, repo: RepoRecord) {
  const full = `${repo.owner}/${repo.name}`;
  const pulls = () => ctx.state.pulls.filter((p) => p.repo.toLowerCase() === full.toLowerCase());
  return {
    __typename: 'Repository',
    id: nodeId('Repository', repo.id),
    databaseId: repo.id,
    name: repo.name,
    nameWithOwner: full,
    description: repo.description,
    isArchived: repo.archived,
    isPrivate: repo.private,
    isFork: false,
    isDisabled: false,
    isLocked: false,
    isTemplate: false,
    isEmpty: false,
    isMirror: false,
    visibility: repo.private ? 'PRIVATE' : 'PUBLIC',
    url: `${ctx.webUrl}/${full}`,
    resourcePath: `/${full}`,
    createdAt: repo.createdAt,
    updatedAt: repo.pushedAt,
    pushedAt: repo.pushedAt,
    archivedAt: repo.archived ? repo.pushedAt : null,
    viewerPermission: repo.collaborators.some((c) => sameLogin(c, ctx.viewer.login)) ? 'WRITE' : 'READ',
    owner: () => {
      const org = findOrg(ctx.state, repo.owner);
      if (org) return orgNode(ctx, org);
      const user = findUser(ctx.state, repo.owner);
      return user ? userNode(ctx, user) : null;
    },
    defaultBranchRef: () => {
      const head = resolveCommitRef(ctx.state, repo, repo.defaultBranch);
      return {
        __typename: 'Ref',
        id: nodeId('Ref', `${repo.id}:${repo.defaultBranch}`),
        name: repo.defaultBranch,
        prefix: 'refs/heads/',
        target: head ? commitNode(ctx, repo, head.commit, head.pull) : null,
      };
    },
    object: (args: { oid?: string; expression?: string }) => {
      // "main:path/to/file" names a blob; only the commit part is supported.
      const ref = (args.oid ?? args.expression)?.replace(/:.*$/, '');
      const hit = ref ? resolveCommitRef(ctx.state, repo, ref) : undefined;
      return hit ? commitNode(ctx, repo, hit.commit, hit.pull) : null;
    },
    pullRequest: (args: { number: number }) => {
      const p = pulls().find((x) => x.number === args.number);
      return p ? pullNode(ctx, p) : null;
    },
    pullRequests: (args: PageArgs & { states?: string[]; labels?: string[]; headRefName?: string; baseRefName?: string }) => {
      let list = pulls();
      if (args.states?.length) list = list.filter((p) => args.states!.includes(p.state.toUpperCase()));
      if (args.labels?.length) list = list.filter((p) => p.labels.some((l) => args.labels!.includes(l)));
      if (args.headRefName) list = list.filter((p) => p.headRef === args.headRefName);
      if (args.baseRefName) list = list.filter((p) => p.baseRef === args.baseRefName);
      return connection(list.map((p) => pullNode(ctx, p)), args);
    },
    // Whom GitHub lets be assigned and asked to review: collaborators, and the owning organisation's
    // members. `query` matches the start of a login or of a name's words, case aside.
    assignableUsers: (args: PageArgs & { query?: string }) => {
      const users = ctx.state.users.filter((u) => canWorkOn(ctx.state, repo, u.login) && matchesUserQuery(u, args.query));
      return connection(users.map((u) => userNode(ctx, u)), args);
    },
    collaborators: (args: PageArgs) => connection(collaboratorUsers(ctx, repo), args, () => ({ permission: 'WRITE', permissionSources: [] })),
    mentionableUsers: (args: PageArgs) => connection(collaboratorUsers(ctx, repo), args),
  };
}

function collaboratorUsers(ctx: GqlContext, repo: RepoRecord) {
  return repo.collaborators.map((l) => findUser(ctx.state, l)).filter((u) => !!u).map((u) => userNode(ctx, u));
}

function matchesUserQuery(user: { readonly login: string; readonly name?: string | null }, query: string | undefined): boolean {
  const q = query?.trim().toLowerCase();
  if (!q) return true;
  const words = [user.login, ...(user.name ?? '').split(/\s+/)].map((w) => w.toLowerCase());
  return words.some((w) => w.startsWith(q)) || (user.name ?? '').toLowerCase().startsWith(q);
}
