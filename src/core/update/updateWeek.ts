// Which week an update covers. Weeks start on Monday, in local time. On a Monday morning the week
// that just ended is the one worth reporting, so it is the default until noon.
import { addWeeks, startOfWeek } from 'date-fns';
import type { UpdateWeek } from './updateTypes';

export type WeekChoice = 'thisWeek' | 'lastWeek';

const noon = 12;

export function defaultWeekChoice(now: Date): WeekChoice {
  return now.getDay() === 1 && now.getHours() < noon ? 'lastWeek' : 'thisWeek';
}

export function updateWeek(choice: WeekChoice, now: Date): UpdateWeek {
  const thisStart = startOfWeek(now, { weekStartsOn: 1 });
  const start = choice === 'thisWeek' ? thisStart : addWeeks(thisStart, -1);
  const fullEnd = addWeeks(start, 1);
  const soFar = choice === 'thisWeek';
  const nextStart = fullEnd;
  return { start, end: soFar ? now : fullEnd, nextStart, nextEnd: addWeeks(nextStart, 1), soFar };
}

/** GitHub's timestamp form, without milliseconds. */
export function searchTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
