// The team's usual review turnaround, measured from GitHub: what the weekly update's At risk and
// Nudge Reviewers compare a waiting review request with. One GraphQL request per fifteen teammates;
// the weekly update reads the same pull requests inside its own request instead (see
// src/github/update/updateQuery.ts) and calls `usualTurnaroundFrom` directly.
import { firstReviewSince } from '../../core/pulse/teamStats';
import { turnaroundWithoutTeam, usualTurnaroundFrom, type UsualTurnaround } from '../../core/pulse/usualTurnaround';
import type { WorkingHours } from '../../core/workingHours';
import type { GitHubClient } from '../../github/client';
import { fetchAuthoredPulls } from '../../github/team/authoredPulls';

export type { UsualTurnaround } from '../../core/pulse/usualTurnaround';

export interface UsualTurnaroundDeps {
  readonly client: GitHubClient;
  readonly now: () => number;
}

export interface TurnaroundInputs {
  /** The teammates whose pull requests make the sample (leadDesk.team, or the GitHub team's members). */
  readonly team: readonly string[];
  readonly working: WorkingHours;
  /** `leadDesk.update.reviewTurnaroundHours`: used when there is too little to measure. */
  readonly settingHours: number;
}

export async function usualTurnaround(deps: UsualTurnaroundDeps, inputs: TurnaroundInputs): Promise<UsualTurnaround> {
  if (inputs.team.length === 0) return turnaroundWithoutTeam(inputs.settingHours);
  const now = deps.now();
  const { pulls } = await fetchAuthoredPulls(deps.client, inputs.team, firstReviewSince(now));
  return usualTurnaroundFrom(pulls, now, inputs.working, inputs.settingHours);
}
