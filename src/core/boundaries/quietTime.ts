// Whether review-request pop-ups should wait now, and until when: outside working hours, or after
// End My Day until the next working morning. Pure: the window's timer asks it again at `recheckAt`.
import { translated } from '../inertText';
import { formatWorkingTime, isWorkingTime, nextWorkingStart, workingEndToday, type WorkingHours } from '../workingHours';

export type QuietReason = 'afterHours' | 'dayEnded';

export interface Quiet {
  readonly reason: QuietReason;
  /** When pop-ups may come again: the next working morning. */
  readonly until: number;
}

export function quietAt(now: number, hours: WorkingHours, dayEndedUntil: number | undefined): Quiet | undefined {
  if (dayEndedUntil !== undefined && now < dayEndedUntil) return { reason: 'dayEnded', until: dayEndedUntil };
  if (!isWorkingTime(now, hours)) return { reason: 'afterHours', until: nextWorkingStart(now, hours) };
  return undefined;
}

/** When the answer can change next: the quiet ends, or today's working hours end. */
export function recheckAt(now: number, hours: WorkingHours, dayEndedUntil: number | undefined): number {
  const quiet = quietAt(now, hours, dayEndedUntil);
  return quiet ? quiet.until : workingEndToday(now, hours) ?? nextWorkingStart(now, hours);
}

/** The queue's line instead of nagging: "after hours until Mon 09:00". */
export function quietText(quiet: Quiet, hours: WorkingHours): string {
  const until = formatWorkingTime(quiet.until, hours);
  return quiet.reason === 'dayEnded' ? translated`day ended until ${until}` : translated`after hours until ${until}`;
}
