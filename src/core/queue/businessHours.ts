// Waiting time counted in working hours only, in the local time zone: a request made on Friday
// evening has not waited all weekend. Each day's window is built from local wall-clock times, so a
// day on which clocks change still has its full working window.
import { differenceInCalendarDays, startOfDay } from 'date-fns';

export interface WorkingTime {
  /** Days of the week that are working days, 0 = Sunday … 6 = Saturday. */
  readonly days: readonly number[];
  /** Start and end of the working day, in minutes after local midnight (end > start). */
  readonly startMinute: number;
  readonly endMinute: number;
}

export const defaultWorkingTime: WorkingTime = { days: [1, 2, 3, 4, 5], startMinute: 9 * 60, endMinute: 17 * 60 };

/** Longest span worth walking day by day; older items have waited "forever" for ranking purposes. */
const maxDays = 3 * 366;

/** Working milliseconds between two instants (0 when `to` is not after `from`). */
export function businessMsBetween(from: Date, to: Date, time: WorkingTime = defaultWorkingTime): number {
  const fromMs = from.getTime();
  const toMs = to.getTime();
  if (!(toMs > fromMs) || time.days.length === 0 || time.endMinute <= time.startMinute) return 0;
  const working = [false, false, false, false, false, false, false];
  for (const d of time.days) working[d] = true;
  const lastDay = startOfDay(to);
  const span = differenceInCalendarDays(lastDay, from);
  // Walked with the Date constructor on local fields (it normalises day overflow and DST gaps);
  // this runs for every item on every render, so it avoids per-day allocations beyond two Dates.
  const first = span > maxDays ? new Date(lastDay.getFullYear(), lastDay.getMonth(), lastDay.getDate() - maxDays) : startOfDay(from);
  const y = first.getFullYear();
  const m = first.getMonth();
  const d0 = first.getDate();
  const days = Math.min(span, maxDays);
  const sh = Math.floor(time.startMinute / 60);
  const sm = time.startMinute % 60;
  const eh = Math.floor(time.endMinute / 60);
  const em = time.endMinute % 60;
  let total = 0;
  for (let i = 0; i <= days; i += 1) {
    const start = new Date(y, m, d0 + i, sh, sm).getTime();
    if (!working[new Date(start).getDay()]) continue;
    const end = new Date(y, m, d0 + i, eh, em).getTime();
    const a = start > fromMs ? start : fromMs;
    const b = end < toMs ? end : toMs;
    if (b > a) total += b - a;
  }
  return total;
}

/** Working hours between two instants, as a fraction. */
export function businessHoursBetween(from: Date, to: Date, time: WorkingTime = defaultWorkingTime): number {
  return businessMsBetween(from, to, time) / 3_600_000;
}

/** "45 min", "3 h", "2 d 4 h" in working time, where a day is one working day's length. */
export function formatBusinessDuration(hours: number, time: WorkingTime = defaultWorkingTime): string {
  const dayHours = (time.endMinute - time.startMinute) / 60;
  if (hours < 1) return `${Math.max(0, Math.round(hours * 60))} min`;
  if (dayHours <= 0 || hours < dayHours) return `${Math.floor(hours)} h`;
  const days = Math.floor(hours / dayHours);
  const rest = Math.floor(hours - days * dayHours);
  return rest > 0 ? `${days} d ${rest} h` : `${days} d`;
}
