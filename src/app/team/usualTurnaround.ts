// The team's usual review turnaround, measured from GitHub: what the weekly update's At risk and
// Nudge Reviewers compare a waiting review request with. One GraphQL request per fifteen teammates;
// the weekly update reads the same pull requests inside its own request instead (see
// src/github/update/updateQuery.ts) and calls `usualTurnaroundFrom` directly.
import { translated } from '../../core/inertText';
import { firstReviewSince } from '../../core/pulse/teamStats';
import { turnaroundWithoutTeam, usualTurnaroundFrom, type UsualTurnaround } from '../../core/pulse/usualTurnaround';
import type { WorkingHours } from '../../core/workingHours';
import type { GitHubClient } from '../../github/client';
import type { TeamDirectory } from '../../github/delegation/teamDirectory';
import { fetchAuthoredPulls } from '../../github/team/authoredPulls';
import { teamLogins, type TeamSettings } from './teamLogins';

export type { UsualTurnaround } from '../../core/pulse/usualTurnaround';

export interface UsualTurnaroundDeps {
  readonly client: GitHubClient;
  /** Where leadDesk.githubTeam's members are read. */
  readonly teams: TeamDirectory;
  readonly now: () => number;
}

export interface TurnaroundInputs extends TeamSettings {
  readonly working: WorkingHours;
  /** `leadDesk.update.reviewTurnaroundHours`: used when there is too little to measure. */
  readonly settingHours: number;
}

/**
 * The median over the pull requests of the team (see teamLogins). Fails when leadDesk.githubTeam's
 * members cannot be read, so the caller can say why the setting stands in.
 */
export async function usualTurnaround(deps: UsualTurnaroundDeps, inputs: TurnaroundInputs): Promise<UsualTurnaround> {
  const members = await teamLogins(deps.client, deps.teams, inputs);
  if (members.kind === 'none') return turnaroundWithoutTeam(inputs.settingHours);
  if (members.kind === 'unreadable') throw new Error(translated`the members of ${members.team} could not be read: ${members.problem}`);
  const now = deps.now();
  const { pulls } = await fetchAuthoredPulls(deps.client, members.logins, firstReviewSince(now));
  return usualTurnaroundFrom(pulls, now, inputs.working, inputs.settingHours);
}
