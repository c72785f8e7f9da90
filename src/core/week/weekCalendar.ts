// Weeks and days in the local time zone. A week starts on Monday at local midnight; every boundary
// is built from local calendar fields, so a week with a clock change still has seven whole days
// (one of them 23 or 25 hours long).

/** "2026-03-09": the local date of a week's Monday, which names the week everywhere. */
export type WeekKey = string;

export interface DaySpan {
  /** "2026-03-09" */
  readonly date: string;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
  /** Local midnight to the next local midnight, epoch ms. */
  readonly start: number;
  readonly end: number;
}

const keyPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function localDateKey(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The Monday of the week holding `ms`, at local midnight. */
export function weekStartOf(ms: number): Date {
  const d = new Date(ms);
  const sinceMonday = (d.getDay() + 6) % 7;
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - sinceMonday);
}

export function weekKeyOf(ms: number): WeekKey {
  return localDateKey(weekStartOf(ms));
}

/** The key as a local Monday, or undefined when it is not a Monday in "YYYY-MM-DD" form. */
export function parseWeekKey(key: string): Date | undefined {
  const m = keyPattern.exec(key);
  if (!m) return undefined;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return localDateKey(date) === key && date.getDay() === 1 ? date : undefined;
}

export function isWeekKey(value: unknown): value is WeekKey {
  return typeof value === 'string' && parseWeekKey(value) !== undefined;
}

/** The week `weeks` weeks after (negative: before) `key`. */
export function shiftWeek(key: WeekKey, weeks: number): WeekKey {
  const monday = parseWeekKey(key);
  // Not translated: a programming error, which reaches the log, not the lead.
  if (!monday) throw new RangeError(`not a week key: ${key}`);
  return localDateKey(new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 7 * weeks));
}

/** Whole weeks from `from` to `to` (positive when `to` is later). */
export function weeksBetween(from: WeekKey, to: WeekKey): number {
  const a = parseWeekKey(from);
  const b = parseWeekKey(to);
  // Not translated: a programming error, which reaches the log, not the lead.
  if (!a || !b) throw new RangeError(`not a week key: ${!a ? from : to}`);
  // Noon-to-noon in UTC terms would drift across clock changes; rounding whole days absorbs the hour.
  return Math.round((b.getTime() - a.getTime()) / (7 * 86_400_000));
}

export function daysOfWeek(key: WeekKey): DaySpan[] {
  const monday = parseWeekKey(key);
  // Not translated: a programming error, which reaches the log, not the lead.
  if (!monday) throw new RangeError(`not a week key: ${key}`);
  const days: DaySpan[] = [];
  for (let i = 0; i < 7; i += 1) {
    const start = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + i);
    const end = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + i + 1);
    days.push({ date: localDateKey(start), weekday: start.getDay(), start: start.getTime(), end: end.getTime() });
  }
  return days;
}

/** Start and end of the working window on `day`, in epoch ms, from local wall-clock minutes. */
export function workingWindow(day: DaySpan, startMinute: number, endMinute: number): { start: number; end: number } {
  const d = new Date(day.start);
  const at = (minute: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate(), Math.floor(minute / 60), minute % 60).getTime();
  return { start: at(startMinute), end: at(endMinute) };
}
