// The figure a nudge compares a waiting pull request with, and the words that say where it came
// from: the team's measured median, or the weekly update's setting when there is nothing to
// measure, too little, or measuring failed. Pure; the measuring is in app/nudge/nudgeTurnaround.ts.
import { format } from 'date-fns';
import { translated } from '../inertText';
import type { UsualTurnaround } from '../pulse/usualTurnaround';
import { formatBusinessDuration, type WorkingHours } from '../workingHours';

/** What a nudge needs to know of the usual turnaround: its hours and whether they were measured. */
export type NudgeTurnaround = Pick<UsualTurnaround, 'hours' | 'source'>;

/** The setting's figure, before (or instead of) a measurement. */
export function settingTurnaround(settingHours: number): NudgeTurnaround {
  return { source: 'setting', hours: settingHours };
}

/** "your team's usual turnaround of 6 h, measured over the last 4 weeks", or "… (leadDesk.update.reviewTurnaroundHours)". */
export function turnaroundPhrase(turnaround: NudgeTurnaround, time: WorkingHours): string {
  const hours = formatBusinessDuration(turnaround.hours, time);
  return turnaround.source === 'measured'
    ? translated`your team's usual turnaround of ${hours}, measured over the last 4 weeks`
    : translated`your team's usual turnaround of ${hours} (leadDesk.update.reviewTurnaroundHours)`;
}

export interface TurnaroundKeyInputs {
  readonly team: readonly string[];
  readonly githubTeam: string | undefined;
  readonly settingHours: number;
  readonly working: WorkingHours;
}

/**
 * One measurement a day per team and setting: the key changes with the day, so yesterday's figure
 * is never reused, and with the inputs, so editing leadDesk.team or leadDesk.githubTeam measures again.
 */
export function turnaroundKey(now: Date, inputs: TurnaroundKeyInputs): string {
  const team = [...inputs.team].map((l) => l.toLowerCase()).sort();
  return JSON.stringify([format(now, 'yyyy-MM-dd'), team, inputs.githubTeam?.toLowerCase() ?? null, inputs.settingHours, inputs.working]);
}
