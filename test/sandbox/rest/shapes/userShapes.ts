// REST user objects (simple-user, private-user) as GitHub's OpenAPI description defines them.
import type { UserRecord } from '../../state/records';
import type { Urls } from '../restContext';
import { nodeId } from '../../graphql/resolvers/nodeIds';

export function simpleUser(urls: Urls, u: Pick<UserRecord, 'login' | 'id' | 'type'> & { name?: string | null; email?: string | null }) {
  const api = `${urls.api}/users/${u.login}`;
  return {
    login: u.login,
    id: u.id,
    node_id: nodeId(u.type === 'Bot' ? 'Bot' : 'User', u.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${u.id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: `${urls.web}/${u.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: u.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

/** GitHub shows deleted accounts as the "ghost" user in REST. */
export const GHOST = { login: 'ghost', id: 10137, type: 'User' as const };

export function privateUser(urls: Urls, u: UserRecord, counts: { publicRepos: number; privateRepos: number }) {
  return {
    ...simpleUser(urls, u),
    user_view_type: 'private',
    name: u.name,
    company: u.company,
    blog: '',
    location: u.location,
    email: u.email,
    notification_email: u.email,
    hireable: null,
    bio: u.bio,
    twitter_username: null,
    public_repos: counts.publicRepos,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: u.createdAt,
    updated_at: u.createdAt,
    private_gists: 0,
    total_private_repos: counts.privateRepos,
    owned_private_repos: counts.privateRepos,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
    plan: { name: 'pro', space: 976562499, collaborators: 0, private_repos: 9999 },
  };
}
