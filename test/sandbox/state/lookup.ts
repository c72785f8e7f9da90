// Case-insensitive finders over the sandbox state: GitHub logins, slugs and repo names
// compare case-insensitively, and clients often send them in a different case.
import type { OrgRecord, PullRecord, RepoRecord, SandboxState, StatusRecord, TeamRecord, TokenRecord, UserRecord } from './records';

const eq = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export function findUser(state: SandboxState, login: string): UserRecord | undefined {
  return state.users.find((u) => eq(u.login, login));
}

export function findOrg(state: SandboxState, login: string): OrgRecord | undefined {
  return state.orgs.find((o) => eq(o.login, login));
}

export function findTeam(state: SandboxState, org: string, slug: string): TeamRecord | undefined {
  return state.teams.find((t) => eq(t.org, org) && eq(t.slug, slug));
}

/** Accepts "org/slug". */
export function findTeamByKey(state: SandboxState, key: string): TeamRecord | undefined {
  const [org, slug] = key.split('/');
  return org && slug ? findTeam(state, org, slug) : undefined;
}

export function teamKey(team: TeamRecord): string {
  return `${team.org}/${team.slug}`;
}

export function teamsOf(state: SandboxState, login: string): TeamRecord[] {
  return state.teams.filter((t) => t.members.some((m) => eq(m, login)));
}

export function orgsOf(state: SandboxState, login: string): OrgRecord[] {
  return state.orgs.filter((o) => o.members.some((m) => eq(m, login)));
}

/**
 * Whether a user can be asked to review (and be assigned) in a repository, as GitHub decides it:
 * its collaborators, its owner, and the members of the organisation that owns it.
 */
export function canWorkOn(state: SandboxState, repo: RepoRecord, login: string): boolean {
  if (repo.collaborators.some((c) => eq(c, login))) return true;
  if (repo.ownerType === 'User') return eq(repo.owner, login);
  return orgsOf(state, login).some((o) => eq(o.login, repo.owner));
}

// Searches look a repository up for every pull request and term: with thousands of repositories a
// scan each time made the sandbox seconds slower than GitHub. Rebuilt whenever the list changes size.
const repoIndex = new WeakMap<readonly RepoRecord[], { readonly size: number; readonly byName: Map<string, RepoRecord> }>();

export function findRepo(state: SandboxState, owner: string, name: string): RepoRecord | undefined {
  let index = repoIndex.get(state.repos);
  if (!index || index.size !== state.repos.length) {
    index = { size: state.repos.length, byName: new Map(state.repos.map((r) => [`${r.owner}/${r.name}`.toLowerCase(), r])) };
    repoIndex.set(state.repos, index);
  }
  return index.byName.get(`${owner}/${name}`.toLowerCase());
}

const pullRepos = new WeakMap<PullRecord, RepoRecord>();

export function repoOfPull(state: SandboxState, pull: PullRecord): RepoRecord {
  let repo = pullRepos.get(pull);
  if (!repo) {
    const [owner, name] = pull.repo.split('/') as [string, string];
    repo = findRepo(state, owner, name)!;
    pullRepos.set(pull, repo);
  }
  return repo;
}

export function findPull(state: SandboxState, owner: string, name: string, number: number): PullRecord | undefined {
  return state.pulls.find((p) => p.number === number && eq(p.repo, `${owner}/${name}`));
}

export function findToken(state: SandboxState, token: string): TokenRecord | undefined {
  return state.tokens.find((t) => t.token === token);
}

/** Users with push access: collaborators, plus the owner of a user-owned repo. */
export function canPush(repo: RepoRecord, login: string): boolean {
  return repo.collaborators.some((c) => eq(c, login)) || (repo.ownerType === 'User' && eq(repo.owner, login));
}

/** A status past its expiry reads as no status, as on GitHub. */
export function activeStatus(user: UserRecord, now: Date): StatusRecord | null {
  const s = user.status;
  if (!s) return null;
  if (s.expiresAt && Date.parse(s.expiresAt) <= now.getTime()) return null;
  return s;
}

export function sameLogin(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && eq(a, b);
}
