// Weeks as the pulse and the Team view count them: local weeks starting on Monday, named by that
// Monday's date ("2025-06-09"), so a name means the same week on every machine in one time zone.
import { addWeeks, format, parseISO, startOfWeek } from 'date-fns';
import { monthName } from '../dateWords';

export type WeekKey = string;

export function weekStart(at: number | Date): Date {
  return startOfWeek(at, { weekStartsOn: 1 });
}

export function weekKey(at: number | Date): WeekKey {
  return format(weekStart(at), 'yyyy-MM-dd');
}

export function isWeekKey(value: unknown): value is WeekKey {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && weekKey(parseISO(value)) === value;
}

/** The keys of the `count` weeks ending with the week of `at`, oldest first. */
export function recentWeeks(at: number | Date, count: number): WeekKey[] {
  const last = weekStart(at);
  return Array.from({ length: count }, (_, i) => weekKey(addWeeks(last, i - count + 1)));
}

/** "9 Jun", for labels. */
export function weekLabel(key: WeekKey): string {
  const day = parseISO(key);
  return `${day.getDate()} ${monthName(day.getMonth())}`;
}
