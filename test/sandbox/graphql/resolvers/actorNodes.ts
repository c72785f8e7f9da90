// GraphQL objects for people, organizations and teams.
import { GraphQLError } from 'graphql';
import type { OrgRecord, TeamRecord, UserRecord } from '../../state/records';
import { activeStatus, findOrg, findTeam, orgsOf, sameLogin, teamsOf } from '../../state/lookup';
import type { GqlContext } from './context';
import { connection, type PageArgs } from './connection';
import { nodeId } from './nodeIds';
import { contributionsCollectionNode, type CollectionArgs } from './contributionNodes';

const avatar = (id: number, prefix = 'u') => (args: { size?: number }) =>
  `https://avatars.githubusercontent.com/${prefix}/${id}?v=4${args?.size ? `&s=${args.size}` : ''}`;

export function statusNode(ctx: GqlContext, user: UserRecord) {
  const s = activeStatus(user, ctx.now);
  if (!s) return null;
  return {
    __typename: 'UserStatus',
    id: nodeId('UserStatus', user.id),
    emoji: s.emoji,
    emojiHTML: s.emoji ? `<div>${s.emoji}</div>` : null,
    message: s.message,
    indicatesLimitedAvailability: s.limitedAvailability,
    expiresAt: s.expiresAt,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    organization: () => {
      const org = s.organization ? findOrg(ctx.state, s.organization) : undefined;
      return org ? orgNode(ctx, org) : null;
    },
    user: () => userNode(ctx, user),
  };
}

export function userNode(ctx: GqlContext, user: UserRecord) {
  return {
    __typename: user.type === 'Bot' ? 'Bot' : 'User',
    id: nodeId(user.type === 'Bot' ? 'Bot' : 'User', user.id),
    databaseId: user.id,
    login: user.login,
    name: user.name,
    email: user.email ?? '',
    company: user.company,
    location: user.location,
    bio: user.bio,
    avatarUrl: avatar(user.id),
    url: `${ctx.webUrl}/${user.login}`,
    resourcePath: `/${user.login}`,
    createdAt: user.createdAt,
    updatedAt: user.createdAt,
    isViewer: sameLogin(user.login, ctx.viewer.login),
    isSiteAdmin: false,
    isEmployee: false,
    status: () => statusNode(ctx, user),
    contributionsCollection: (args: CollectionArgs) => contributionsCollectionNode(ctx, user, args),
    organizations: (args: PageArgs) => connection(orgsOf(ctx.state, user.login).map((o) => orgNode(ctx, o)), args),
    organization: (args: { login: string }) => {
      const org = orgsOf(ctx.state, user.login).find((o) => sameLogin(o.login, args.login));
      return org ? orgNode(ctx, org) : null;
    },
  };
}

export function orgNode(ctx: GqlContext, org: OrgRecord) {
  const teams = () => ctx.state.teams.filter((t) => sameLogin(t.org, org.login));
  return {
    __typename: 'Organization',
    id: nodeId('Organization', org.id),
    databaseId: org.id,
    login: org.login,
    name: org.name,
    description: org.description,
    avatarUrl: avatar(org.id),
    url: `${ctx.webUrl}/${org.login}`,
    resourcePath: `/${org.login}`,
    createdAt: org.createdAt,
    updatedAt: org.createdAt,
    viewerIsAMember: org.members.some((m) => sameLogin(m, ctx.viewer.login)),
    team: (args: { slug: string }) => {
      const t = findTeam(ctx.state, org.login, args.slug);
      return t ? teamNode(ctx, t) : null;
    },
    teams: (args: PageArgs & { query?: string; userLogins?: string[] }) => {
      let list = teams();
      if (args.query) list = list.filter((t) => `${t.slug} ${t.name}`.toLowerCase().includes(args.query!.toLowerCase()));
      if (args.userLogins?.length) list = list.filter((t) => t.members.some((m) => args.userLogins!.some((u) => sameLogin(u, m))));
      return connection(list.map((t) => teamNode(ctx, t)), args);
    },
    membersWithRole: (args: PageArgs) =>
      connection(membersOf(ctx, org.members), args, () => ({ role: 'MEMBER', hasTwoFactorEnabled: null })),
  };
}

function membersOf(ctx: GqlContext, logins: string[]) {
  return logins.map((l) => ctx.state.users.find((u) => sameLogin(u.login, l))).filter((u): u is UserRecord => !!u).map((u) => userNode(ctx, u));
}

export function teamNode(ctx: GqlContext, team: TeamRecord) {
  const org = ctx.state.orgs.find((o) => sameLogin(o.login, team.org));
  if (!org) throw new GraphQLError(`Team ${team.slug} has no organization`);
  return {
    __typename: 'Team',
    id: nodeId('Team', team.id),
    databaseId: team.id,
    slug: team.slug,
    name: team.name,
    combinedSlug: `${team.org}/${team.slug}`,
    description: team.description,
    privacy: 'VISIBLE',
    url: `${ctx.webUrl}/orgs/${team.org}/teams/${team.slug}`,
    resourcePath: `/orgs/${team.org}/teams/${team.slug}`,
    avatarUrl: avatar(team.id, 't'),
    createdAt: org.createdAt,
    updatedAt: org.createdAt,
    organization: () => orgNode(ctx, org),
    members: (args: PageArgs & { query?: string }) => {
      let members = membersOf(ctx, team.members);
      if (args.query) members = members.filter((m) => `${m.login} ${m.name ?? ''}`.toLowerCase().includes(args.query!.toLowerCase()));
      return connection(members, args, () => ({ role: 'MEMBER', memberAccessResourcePath: '', memberAccessUrl: '' }));
    },
  };
}

export function viewerTeams(ctx: GqlContext, login: string) {
  return teamsOf(ctx.state, login).map((t) => teamNode(ctx, t));
}
