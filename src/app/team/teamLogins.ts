// Who "the team" is, the same everywhere it is measured (the Team view, Nudge Reviewers' usual
// turnaround, the weekly update): the logins of leadDesk.team, else the members of
// leadDesk.githubTeam as GitHub lists them (cached, see TeamDirectory).
import { translated } from '../../core/inertText';
import type { DelegationSettings } from '../../core/delegation/delegationSettings';
import type { GitHubClient } from '../../github/client';
import type { TeamDirectory } from '../../github/delegation/teamDirectory';
import { parseTeamRef } from '../../github/delegation/teamMembers';

export type TeamSettings = Pick<DelegationSettings, 'team' | 'githubTeam'>;

export type TeamLogins =
  /** Neither setting names anyone (or the GitHub team has no members). */
  | { readonly kind: 'none' }
  /** The GitHub team's members could not be read at all. */
  | { readonly kind: 'unreadable'; readonly team: string; readonly problem: string }
  /** `note` says when the members are an older read (GitHub could not be asked just now). */
  | { readonly kind: 'members'; readonly logins: readonly string[]; readonly note?: string };

export async function teamLogins(client: GitHubClient, teams: TeamDirectory, settings: TeamSettings): Promise<TeamLogins> {
  if (settings.team.length > 0) return { kind: 'members', logins: settings.team };
  const ref = settings.githubTeam ? parseTeamRef(settings.githubTeam) : undefined;
  if (!ref || !settings.githubTeam) return { kind: 'none' };
  const lookup = await teams.members(client, ref);
  if (!lookup.logins) return { kind: 'unreadable', team: settings.githubTeam, problem: lookup.problem ?? translated`no members could be read` };
  if (lookup.logins.length === 0) return { kind: 'none' };
  return { kind: 'members', logins: lookup.logins, ...(lookup.problem ? { note: `${settings.githubTeam}: ${lookup.problem}` } : {}) };
}
