// The team's usual review turnaround: the median working hours from opening a pull request to its
// first review by someone else, over the four weeks before this one. A median of two or three pull
// requests says little, so below a minimum sample the configured hours are used and the reason is
// kept for the wording ("too little data").
import { format } from 'date-fns';
import type { WorkingHours } from '../workingHours';
import { compareFirstReview, type AuthoredPull } from './teamStats';

/** The search for the pull requests `login` opened since `since` (a day, in GitHub's `created:` terms). Not translated: search qualifiers. */
export function authoredQuery(login: string, since: Date): string {
  return `is:pr author:${login} created:>=${format(since, 'yyyy-MM-dd')} archived:false`;
}

/** Reviewed pull requests needed before the median stands in for the setting. */
export const MIN_TURNAROUND_SAMPLE = 5;

export type UsualTurnaround =
  | { readonly source: 'measured'; readonly hours: number; readonly reviewed: number }
  | {
      readonly source: 'setting';
      readonly hours: number;
      /** Reviewed pull requests found; 0 when the team was not read at all. */
      readonly reviewed: number;
      readonly reason: 'noTeam' | 'tooFew';
    };

/** The setting's hours, because there is no team to measure. */
export function turnaroundWithoutTeam(settingHours: number): UsualTurnaround {
  return { source: 'setting', hours: settingHours, reviewed: 0, reason: 'noTeam' };
}

export function usualTurnaroundFrom(pulls: readonly AuthoredPull[], now: number, working: WorkingHours, settingHours: number): UsualTurnaround {
  const { lastFourWeeks } = compareFirstReview(pulls, now, working);
  if (lastFourWeeks.medianHours === undefined || lastFourWeeks.reviewed < MIN_TURNAROUND_SAMPLE) {
    return { source: 'setting', hours: settingHours, reviewed: lastFourWeeks.reviewed, reason: 'tooFew' };
  }
  // Whole hours: "24.5 working hours" reads as false precision in an update.
  return { source: 'measured', hours: Math.max(1, Math.round(lastFourWeeks.medianHours)), reviewed: lastFourWeeks.reviewed };
}
