// The lead's working hours (`leadDesk.workingHours`): which days, from when to when, in which time
// zone. The queue counts waiting time in them, review-request pop-ups wait for them, and End My Day
// snoozes until the next working morning. Each day's window is built from wall-clock times in the
// zone, so a day on which clocks change still has its full working window.
import { weekdayName } from './dateWords';
import { translated } from './inertText';
import { wallTimeAt, wallTimeInZone } from './wallClock';

export interface WorkingHours {
  /** Days of the week that are working days, 0 = Sunday … 6 = Saturday. */
  readonly days: readonly number[];
  /** Start and end of the working day, in minutes after midnight in the zone (end > start). */
  readonly startMinute: number;
  readonly endMinute: number;
  /** An IANA zone such as "Europe/Berlin"; undefined: the system's zone, whatever it is now. */
  readonly timeZone?: string;
}

export const defaultWorkingHours: WorkingHours = { days: [1, 2, 3, 4, 5], startMinute: 9 * 60, endMinute: 17 * 60 };

/** A calendar day in the working zone. `month` is 0-based, as in Date. */
interface ZonedDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Wall-clock arithmetic in one zone: the system's (fast, through Date) or a named one (through Intl). */
interface ZoneCalendar {
  /** The calendar day and minute of day at an instant. */
  at(time: number): ZonedDay & { readonly minute: number; readonly weekday: number };
  /** The instant of a wall-clock time; the day may overflow (day 32 is the next month's 1st). Skipped times move forward. */
  instant(day: ZonedDay, minute: number): number;
}

const localCalendar: ZoneCalendar = {
  at(time) {
    const d = new Date(time);
    return { year: d.getFullYear(), month: d.getMonth(), day: d.getDate(), minute: d.getHours() * 60 + d.getMinutes(), weekday: d.getDay() };
  },
  instant(day, minute) {
    return new Date(day.year, day.month, day.day, Math.floor(minute / 60), minute % 60).getTime();
  },
};

/** Wall-clock days and times in a named zone (core/wallClock.ts does the Intl work). */
function namedCalendar(timeZone: string): ZoneCalendar {
  return {
    at(time) {
      const t = wallTimeAt(time, timeZone) ?? localWall(time);
      return { year: t.year, month: t.month - 1, day: t.day, minute: t.hour * 60 + t.minute, weekday: t.weekday };
    },
    instant(day, minute) {
      // A wall time skipped by the clocks going forward moves forward by the gap, like the Date constructor.
      const wall = { year: day.year, month: day.month + 1, day: day.day, hour: Math.floor(minute / 60), minute: minute % 60, second: 0 };
      return wallTimeInZone(wall, timeZone) ?? localCalendar.instant(day, minute);
    },
  };
}

function localWall(time: number) {
  const d = new Date(time);
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), hour: d.getHours(), minute: d.getMinutes(), second: d.getSeconds(), weekday: d.getDay() };
}

const calendars = new Map<string, ZoneCalendar>();

function calendarFor(timeZone: string | undefined): ZoneCalendar {
  if (timeZone === undefined) return localCalendar;
  let calendar = calendars.get(timeZone);
  if (!calendar) {
    calendar = namedCalendar(timeZone);
    calendars.set(timeZone, calendar);
  }
  return calendar;
}

function nextDay(day: ZonedDay, by = 1): ZonedDay {
  const d = new Date(Date.UTC(day.year, day.month, day.day + by));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate() };
}

function weekdayOf(day: ZonedDay): number {
  return new Date(Date.UTC(day.year, day.month, day.day)).getUTCDay();
}

function isValid(hours: WorkingHours): boolean {
  return hours.days.length > 0 && hours.endMinute > hours.startMinute;
}

/** Longest span worth walking day by day; older items have waited "forever" for ranking purposes. */
const maxDays = 3 * 366;

/** Working milliseconds between two instants (0 when `to` is not after `from`). */
export function businessMsBetween(from: Date, to: Date, hours: WorkingHours = defaultWorkingHours): number {
  const fromMs = from.getTime();
  const toMs = to.getTime();
  if (!(toMs > fromMs) || !isValid(hours)) return 0;
  const calendar = calendarFor(hours.timeZone);
  const working = [false, false, false, false, false, false, false];
  for (const d of hours.days) working[d] = true;
  const last = calendar.at(toMs);
  const lastDay = Date.UTC(last.year, last.month, last.day);
  const firstAt = calendar.at(fromMs);
  const span = Math.round((lastDay - Date.UTC(firstAt.year, firstAt.month, firstAt.day)) / 86_400_000);
  const days = Math.min(span, maxDays);
  let day: ZonedDay = span > maxDays ? nextDay(last, -maxDays) : firstAt;
  let weekday = weekdayOf(day);
  let total = 0;
  for (let i = 0; i <= days; i += 1) {
    if (working[weekday]) {
      const start = calendar.instant(day, hours.startMinute);
      const end = calendar.instant(day, hours.endMinute);
      const a = start > fromMs ? start : fromMs;
      const b = end < toMs ? end : toMs;
      if (b > a) total += b - a;
    }
    day = nextDay(day);
    weekday = (weekday + 1) % 7;
  }
  return total;
}

/** Working hours between two instants, as a fraction. */
export function businessHoursBetween(from: Date, to: Date, hours: WorkingHours = defaultWorkingHours): number {
  return businessMsBetween(from, to, hours) / 3_600_000;
}

/** "45 min", "3 h", "2 d 4 h" in working time, where a day is one working day's length. */
export function formatBusinessDuration(hours: number, working: WorkingHours = defaultWorkingHours): string {
  const dayHours = (working.endMinute - working.startMinute) / 60;
  if (hours < 1) return translated`${Math.max(0, Math.round(hours * 60))} min`;
  if (dayHours <= 0 || hours < dayHours) return translated`${Math.floor(hours)} h`;
  const days = Math.floor(hours / dayHours);
  const rest = Math.floor(hours - days * dayHours);
  return rest > 0 ? translated`${days} d ${rest} h` : translated`${days} d`;
}

/** Whether `now` falls inside a working day's window. */
export function isWorkingTime(now: number, hours: WorkingHours = defaultWorkingHours): boolean {
  if (!isValid(hours)) return true;
  const at = calendarFor(hours.timeZone).at(now);
  if (!hours.days.includes(at.weekday)) return false;
  const calendar = calendarFor(hours.timeZone);
  return now >= calendar.instant(at, hours.startMinute) && now < calendar.instant(at, hours.endMinute);
}

/** The next start of a working day strictly after `now` (tomorrow's when today's has begun). */
export function nextWorkingStart(now: number, hours: WorkingHours = defaultWorkingHours): number {
  const calendar = calendarFor(hours.timeZone);
  const days = isValid(hours) ? hours.days : defaultWorkingHours.days;
  const startMinute = isValid(hours) ? hours.startMinute : defaultWorkingHours.startMinute;
  let day: ZonedDay = calendar.at(now);
  for (let i = 0; i <= 7; i += 1, day = nextDay(day)) {
    if (!days.includes(weekdayOf(day))) continue;
    const start = calendar.instant(day, startMinute);
    if (start > now) return start;
  }
  // Unreachable with at least one working day; a week ahead keeps callers safe anyway.
  return now + 7 * 86_400_000;
}

/** When today's working window ends, if `now` is inside one. */
export function workingEndToday(now: number, hours: WorkingHours = defaultWorkingHours): number | undefined {
  if (!isValid(hours) || !isWorkingTime(now, hours)) return undefined;
  const calendar = calendarFor(hours.timeZone);
  return calendar.instant(calendar.at(now), hours.endMinute);
}


/** "Mon 09:00": a time in the working zone, with its weekday. */
export function formatWorkingTime(time: number, hours: WorkingHours = defaultWorkingHours): string {
  const at = calendarFor(hours.timeZone).at(time);
  return `${weekdayName(at.weekday)} ${String(Math.floor(at.minute / 60)).padStart(2, '0')}:${String(at.minute % 60).padStart(2, '0')}`;
}
