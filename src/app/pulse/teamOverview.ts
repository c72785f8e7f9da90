// The Team view's GitHub half: who the team is (leadDesk.team, else the members of
// leadDesk.githubTeam), their open review requests and the pull requests waiting on
// them, who is overloaded, and the team's time to first review this week against the four before.
import type { WorkingHours } from '../../core/workingHours';
import { compareFirstReview, firstReviewSince, overloaded, type FirstReviewComparison, type TeammateLoad } from '../../core/pulse/teamStats';
import type { GitHubClient } from '../../github/client';
import type { TeamDirectory } from '../../github/delegation/teamDirectory';
import { fetchTeamActivity } from '../../github/team/teamActivity';
import { teamLogins, type TeamSettings } from '../team/teamLogins';

export interface TeammateRow extends TeammateLoad {
  readonly overloaded: boolean;
}

export type TeamOverview =
  | { readonly kind: 'noTeam' }
  | { readonly kind: 'teamUnreadable'; readonly team: string; readonly problem: string }
  | { readonly kind: 'ready'; readonly rows: readonly TeammateRow[]; readonly firstReview: FirstReviewComparison; readonly cost: number; readonly note?: string };

export interface TeamOverviewDeps {
  readonly client: GitHubClient;
  readonly teams: TeamDirectory;
  readonly now: () => number;
}

export async function loadTeamOverview(deps: TeamOverviewDeps, team: TeamSettings, working: WorkingHours): Promise<TeamOverview> {
  const members = await teamLogins(deps.client, deps.teams, team);
  if (members.kind === 'none') return { kind: 'noTeam' };
  if (members.kind === 'unreadable') return { kind: 'teamUnreadable', team: members.team, problem: members.problem };
  const { logins, note } = members;
  const now = deps.now();
  const activity = await fetchTeamActivity(deps.client, logins, firstReviewSince(now));
  const marked = overloaded(activity.loads);
  const rows = activity.loads
    .map((load) => ({ ...load, overloaded: marked.has(load.login) }))
    .sort((a, b) => b.openRequests - a.openRequests || a.login.localeCompare(b.login));
  return { kind: 'ready', rows, firstReview: compareFirstReview(activity.authored, now, working), cost: activity.cost, ...(note ? { note } : {}) };
}
