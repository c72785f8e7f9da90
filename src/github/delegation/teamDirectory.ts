// Team members for delegation (leadDesk.githubTeam and CODEOWNERS teams), cached: membership
// changes rarely, and every suggestion would otherwise cost a request per team. When GitHub
// cannot be asked, the last members read are used and the note says how old they are.

import { ExpiringCache } from '../../core/expiringCache';
import type { GitHubClient } from '../client';
import { GitHubError } from '../errors';
import { fetchTeamMembers, parseTeamRef, type TeamRef } from './teamMembers';
import { errorText } from '../../core/errorText';

const FRESH_MS = 30 * 60_000;
/** CODEOWNERS teams looked up per suggestion; the touched paths of one change rarely have more owners. */
const MAX_OWNER_TEAMS = 5;

export interface TeamLookup {
  /** Undefined when the members could not be read at all. */
  readonly logins?: readonly string[];
  /** Why the members are missing or old, in words for the view. */
  readonly problem?: string;
}

export class TeamDirectory {
  private readonly cache: ExpiringCache<string, readonly string[]>;

  constructor(private readonly now: () => number = Date.now) {
    this.cache = new ExpiringCache(FRESH_MS, now);
  }

  async members(client: GitHubClient, team: TeamRef): Promise<TeamLookup> {
    const key = `${client.endpoints.apiUrl}\n${team.org.toLowerCase()}/${team.slug}`;
    try {
      const read = await this.cache.get(key, () => fetchTeamMembers(client, team));
      if (!('error' in read)) return { logins: read.value };
      const minutes = Math.max(1, Math.round((this.now() - read.fetchedAt) / 60_000));
      return { logins: read.value, problem: `members as read ${minutes} min ago (${errorText(read.error)})` };
    } catch (err) {
      if (!GitHubError.is(err)) throw err;
      return { problem: err.message };
    }
  }

  /**
   * Members of the `@org/team` owners among CODEOWNERS owners, keyed as CODEOWNERS writes them,
   * for the code-owner boost; notes say which teams could not be read.
   */
  async ownerTeams(client: GitHubClient, owners: readonly string[], notes: string[]): Promise<Record<string, readonly string[]>> {
    const teams = [...new Set(owners.filter((o) => o.startsWith('@') && o.includes('/')))].slice(0, MAX_OWNER_TEAMS);
    const lookups = await Promise.all(
      teams.map(async (owner) => {
        const ref = parseTeamRef(owner);
        return { owner, lookup: ref ? await this.members(client, ref) : {} };
      }),
    );
    const out: Record<string, readonly string[]> = {};
    for (const { owner, lookup } of lookups) {
      if (lookup.logins) out[owner] = lookup.logins;
      if (lookup.problem) notes.push(`CODEOWNERS team ${owner}: ${lookup.problem}`);
    }
    return out;
  }

  /** After a change of account: another account may see other teams. */
  clear(): void {
    this.cache.clear();
  }
}
