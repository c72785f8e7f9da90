import type { GitHubClient } from '../client';
import { GitHubError } from '../errors';
import { batchQuery } from './graphqlBatch';
import { asArray, asRecord, asString, dig } from './payload';

/** Teams larger than this are not a candidate list a person reads; the rest are ignored. */
const MAX_PAGES = 5;

export interface TeamRef {
  readonly org: string;
  readonly slug: string;
}

/** `org/team-slug` or `@org/team-slug`, as people copy it from CODEOWNERS or GitHub's URLs. */
export function parseTeamRef(value: string): TeamRef | undefined {
  const m = /^@?([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9_.-]+)$/.exec(value.trim());
  return m ? { org: m[1], slug: m[2].toLowerCase() } : undefined;
}

const query = `query LeadDeskTeamMembers($org: String!, $slug: String!, $after: String) {
  organization(login: $org) {
    team(slug: $slug) {
      members(first: 100, after: $after, membership: ALL) {
        pageInfo { hasNextPage endCursor }
        nodes { login }
      }
    }
  }
}`;

/**
 * The logins of a GitHub team's members (child teams included). Needs `read:org`; without it the
 * error says so in words a person can act on.
 */
export async function fetchTeamMembers(client: GitHubClient, team: TeamRef): Promise<string[]> {
  const name = `${team.org}/${team.slug}`;
  const logins: string[] = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    let data: Readonly<Record<string, unknown>>;
    try {
      ({ data } = await batchQuery(client, query, { org: team.org, slug: team.slug, after: after ?? null }));
    } catch (err) {
      throw explainTeamError(err, name);
    }
    const organization = asRecord(data.organization);
    if (!organization) throw new GitHubError('notFound', `GitHub has no organization "${team.org}" that you can see.`, { detail: `team ${name}` });
    const teamRecord = asRecord(organization.team);
    if (!teamRecord) throw new GitHubError('notFound', `The organization "${team.org}" has no team "${team.slug}" that you can see (secret teams are visible to their members only).`, { detail: `team ${name}` });
    const members = asRecord(teamRecord.members);
    if (!members) throw new GitHubError('malformed', 'GitHub sent a response that could not be read.', { detail: `team ${name}: no members` });
    for (const node of asArray(members.nodes)) {
      const login = asString(asRecord(node)?.login);
      if (login) logins.push(login);
    }
    const next = asString(dig(members, 'pageInfo', 'endCursor'));
    if (dig(members, 'pageInfo', 'hasNextPage') !== true || !next) break;
    after = next;
  }
  return logins;
}

function explainTeamError(err: unknown, name: string): unknown {
  if (GitHubError.is(err, 'missingScope')) {
    return new GitHubError('missingScope', `Reading the members of ${name} needs the 'read:org' scope, which your GitHub sign-in lacks. Sign in again to grant it, or list the logins in leadDesk.team instead.`, {
      status: err.status,
      scopes: err.scopes && err.scopes.length > 0 ? err.scopes : ['read:org'],
      detail: err.detail,
      cause: err,
    });
  }
  return err;
}
