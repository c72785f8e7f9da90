// The weekly time-block schedule (`leadDesk.focus.schedule`). Occurrences are computed on local
// calendar days: the day is stepped with date-fns and the wall-clock time is set on that day, so a
// 09:00 block is at 09:00 on both sides of a DST change (never "24 hours after yesterday's").
import { addDays, format, startOfDay } from 'date-fns';
import { weekdayName } from '../dateWords';
import { translated } from '../inertText';
import { isMeeting, type CalendarEvent } from '../calendar/calendarEvent';
import { isFocusType, type FocusType } from './types';

export type Weekday = 'sun' | 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat';
/** Sunday first, as Date.getDay() counts. */
export const weekdays: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const dayAliases: Readonly<Record<string, readonly Weekday[]>> = {
  weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  weekend: ['sat', 'sun'],
  daily: weekdays,
};

/** Minutes after local midnight; an end may be 24:00 (1440), meaning midnight at the end of the day. */
export type MinuteOfDay = number;

export interface ScheduleEntry {
  /** Position in the setting, for messages ("entry 2"). */
  readonly index: number;
  readonly days: readonly Weekday[];
  readonly start: MinuteOfDay;
  readonly end: MinuteOfDay;
  readonly label: string;
  readonly type: FocusType;
}

export interface Occurrence {
  /** Stable across reloads and edits of other entries: day, times and label. */
  readonly id: string;
  readonly entryIndex: number;
  readonly label: string;
  readonly type: FocusType;
  /** Epoch ms. */
  readonly start: number;
  readonly end: number;
}

export interface ParsedSchedule {
  readonly entries: readonly ScheduleEntry[];
  /** One message per rejected entry, naming it; the other entries still work. */
  readonly problems: readonly string[];
}

const settingKey = 'leadDesk.focus.schedule';

function describeEntry(index: number, raw: unknown): string {
  const label = raw && typeof raw === 'object' && typeof (raw as { label?: unknown }).label === 'string' ? ` ("${(raw as { label: string }).label}")` : '';
  return `${settingKey}[${index}]${label}`;
}

/** "09:00" → 540. Accepts H:MM and HH:MM, 00:00–23:59, and 24:00 when `allowMidnightEnd`. */
export function parseTimeOfDay(value: unknown, allowMidnightEnd: boolean): MinuteOfDay | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!m) return undefined;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (minutes > 59) return undefined;
  if (hours === 24 && minutes === 0 && allowMidnightEnd) return 24 * 60;
  if (hours > 23) return undefined;
  return hours * 60 + minutes;
}

export function formatMinuteOfDay(minute: MinuteOfDay): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

function parseDays(value: unknown): { days?: Weekday[]; bad?: string } {
  if (!Array.isArray(value) || value.length === 0) return { bad: translated`needs "days", e.g. ["mon","tue","wed","thu","fri"]` };
  const days = new Set<Weekday>();
  for (const item of value) {
    const key = typeof item === 'string' ? item.trim().toLowerCase() : '';
    const alias = dayAliases[key];
    const short = key.slice(0, 3) as Weekday;
    if (alias) alias.forEach((d) => days.add(d));
    else if (weekdays.includes(short) && (key.length === 3 || fullDayName(short) === key)) days.add(short);
    else return { bad: translated`has an unknown day ${JSON.stringify(item)}; use mon, tue, wed, thu, fri, sat or sun` };
  }
  return { days: weekdays.filter((d) => days.has(d)) };
}

function fullDayName(day: Weekday): string {
  return { sun: 'sunday', mon: 'monday', tue: 'tuesday', wed: 'wednesday', thu: 'thursday', fri: 'friday', sat: 'saturday' }[day];
}

function parseEntry(raw: unknown, index: number): { entry?: ScheduleEntry; problem?: string } {
  const name = describeEntry(index, raw);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { problem: translated`${name} is not an object like {"days":["mon"],"start":"09:00","end":"11:00","label":"Heads-down"}; it is ignored.` };
  const r = raw as Record<string, unknown>;
  const { days, bad } = parseDays(r.days);
  if (!days) return { problem: translated`${name} ${bad ?? ''}; it is ignored.` };
  const start = parseTimeOfDay(r.start, false);
  if (start === undefined) return { problem: translated`${name} has start ${JSON.stringify(r.start)}, which is not a time of day; use HH:MM from 00:00 to 23:59. The entry is ignored.` };
  const end = parseTimeOfDay(r.end, true);
  if (end === undefined) return { problem: translated`${name} has end ${JSON.stringify(r.end)}, which is not a time of day; use HH:MM from 00:01 to 24:00. The entry is ignored.` };
  if (end <= start) return { problem: translated`${name} ends (${formatMinuteOfDay(end)}) before it starts (${formatMinuteOfDay(start)}); a block must end on the same day. The entry is ignored.` };
  if (r.label !== undefined && typeof r.label !== 'string') return { problem: translated`${name} has a label that is not text; it is ignored.` };
  if (r.type !== undefined && !isFocusType(r.type)) return { problem: translated`${name} has type ${JSON.stringify(r.type)}; use deepWork, review or planning. The entry is ignored.` };
  // Not translated: the label is part of each occurrence's id, which must not change with the display language.
  const label = typeof r.label === 'string' && r.label.trim() ? r.label.trim() : 'Focus';
  return { entry: { index, days, start, end, label, type: isFocusType(r.type) ? r.type : 'deepWork' } };
}

/** Validates the setting; a bad entry is dropped with a message that names it, the rest still work. */
export function parseSchedule(raw: unknown): ParsedSchedule {
  if (raw === undefined || raw === null) return { entries: [], problems: [] };
  if (!Array.isArray(raw)) return { entries: [], problems: [translated`${settingKey} must be a list of blocks; the schedule is off.`] };
  const entries: ScheduleEntry[] = [];
  const problems: string[] = [];
  raw.forEach((item, index) => {
    const { entry, problem } = parseEntry(item, index);
    if (problem) {
      problems.push(problem);
      return;
    }
    if (!entry) return;
    const clash = entries.find((other) => other.days.some((d) => entry.days.includes(d)) && entry.start < other.end && other.start < entry.end);
    if (clash) {
      const day = clash.days.find((d) => entry.days.includes(d))!;
      const [first, second] = [describeEntry(index, item), describeEntry(clash.index, raw[clash.index])];
      const [mine, theirs] = [`${formatMinuteOfDay(entry.start)}–${formatMinuteOfDay(entry.end)}`, `${formatMinuteOfDay(clash.start)}–${formatMinuteOfDay(clash.end)}`];
      problems.push(translated`${first} overlaps ${second} on ${weekdayName(weekdays.indexOf(day))} (${mine} and ${theirs}); it is ignored.`);
      return;
    }
    entries.push(entry);
  });
  return { entries, problems };
}

/** A wall-clock time on a local calendar day. Times that DST skips move forward, as the Date constructor does. */
function atLocal(day: Date, minute: MinuteOfDay): number {
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), Math.floor(minute / 60), minute % 60, 0, 0).getTime();
}

/** The entries' occurrences on one local calendar day, in start order. */
export function occurrencesOn(entries: readonly ScheduleEntry[], day: Date | number): Occurrence[] {
  const midnight = startOfDay(day);
  const weekday = weekdays[midnight.getDay()];
  const dayKey = format(midnight, 'yyyy-MM-dd');
  return entries
    .filter((e) => e.days.includes(weekday))
    .map((e) => ({
      id: `${dayKey} ${formatMinuteOfDay(e.start)}-${formatMinuteOfDay(e.end)} ${e.label}`,
      entryIndex: e.index,
      label: e.label,
      type: e.type,
      start: atLocal(midnight, e.start),
      end: atLocal(midnight, e.end),
    }))
    // On a spring-forward day a block inside the skipped hour has no real time left.
    .filter((o) => o.end > o.start)
    .sort((a, b) => a.start - b.start);
}

/** Occurrences that have not ended by `now`, soonest first, looking `days` calendar days ahead. */
export function upcomingOccurrences(entries: readonly ScheduleEntry[], now: number, limit = 5, days = 8): Occurrence[] {
  if (entries.length === 0) return [];
  const out: Occurrence[] = [];
  const today = startOfDay(now);
  for (let i = 0; i <= days && out.length < limit; i++) {
    for (const o of occurrencesOn(entries, addDays(today, i))) {
      if (o.end > now) out.push(o);
      if (out.length >= limit) break;
    }
  }
  return out;
}

/** The occurrence whose window contains `now`, if any. */
export function currentOccurrence(entries: readonly ScheduleEntry[], now: number): Occurrence | undefined {
  return occurrencesOn(entries, now).find((o) => o.start <= now && now < o.end);
}

/** The next start after `now` (for a timer); undefined without a schedule. */
export function nextOccurrenceStart(entries: readonly ScheduleEntry[], now: number): number | undefined {
  return upcomingOccurrences(entries, now, 10).find((o) => o.start > now)?.start;
}

/** A scheduled block shorter than this is not worth starting (e.g. VS Code opened at 10:58 for a block until 11:00). */
export const minScheduledMs = 5 * 60_000;

/** With meetings in the calendar, a scheduled block that would start in one and keep less than this is skipped. */
export const minAfterMeetingMs = 25 * 60_000;

export type ScheduleDecision =
  | { readonly kind: 'none' }
  /** Start a block for this occurrence now; `after` is the meeting it waited for, if any. */
  | { readonly kind: 'start'; readonly occurrence: Occurrence; readonly after?: CalendarEvent }
  /** A block the user started is already running over this occurrence: count it as done. */
  | { readonly kind: 'cover'; readonly occurrence: Occurrence }
  /** The user is on a break they accepted: wait, and start when the break ends if time is left. */
  | { readonly kind: 'wait'; readonly occurrence: Occurrence }
  /** The occurrence's time is in a meeting: start when it ends, at `until`. */
  | { readonly kind: 'delay'; readonly occurrence: Occurrence; readonly meeting: CalendarEvent; readonly until: number }
  /** Meetings leave too little of the occurrence: skip it, and say which meeting. */
  | { readonly kind: 'skip'; readonly occurrence: Occurrence; readonly meeting: CalendarEvent; readonly leftMs: number };

export interface ScheduleInputs {
  readonly blockRunning: boolean;
  readonly onBreak: boolean;
  readonly handled: readonly string[];
  /** The lead's meetings around now, from the calendar (none without one). */
  readonly meetings?: readonly CalendarEvent[];
  /** One-off blocks saved for later (Find Focus Time), as occurrences. */
  readonly planned?: readonly Occurrence[];
}

/**
 * The meeting `now` falls in, followed through back-to-back or overlapping ones: the last of the
 * chain and when the chain ends.
 */
export function meetingAt(meetings: readonly CalendarEvent[], now: number): { meeting: CalendarEvent; until: number } | undefined {
  const blocking = meetings.filter(isMeeting).sort((a, b) => a.start - b.start);
  let found: CalendarEvent | undefined;
  let until = now;
  for (let changed = true; changed; ) {
    changed = false;
    for (const m of blocking) {
      if (m.start <= until && m.end > until) {
        found = m;
        until = m.end;
        changed = true;
      }
    }
  }
  return found ? { meeting: found, until } : undefined;
}

/** The next meeting that starts after `now` and before `before`, if any. */
export function nextMeeting(meetings: readonly CalendarEvent[], now: number, before: number): CalendarEvent | undefined {
  return meetings.filter((m) => isMeeting(m) && m.start > now && m.start < before).sort((a, b) => a.start - b.start)[0];
}

/** What the schedule asks for at `now`. */
export function decideSchedule(entries: readonly ScheduleEntry[], inputs: ScheduleInputs, now: number): ScheduleDecision {
  // A one-off block saved for later competes with the weekly ones for the same rules.
  const occurrence = [...occurrencesOn(entries, now), ...(inputs.planned ?? [])]
    .filter((o) => o.start <= now && now < o.end && !inputs.handled.includes(o.id))
    .sort((a, b) => a.start - b.start)[0];
  if (!occurrence) return { kind: 'none' };
  if (inputs.blockRunning) return { kind: 'cover', occurrence };
  if (occurrence.end - now < minScheduledMs) return { kind: 'none' };
  const busy = meetingAt(inputs.meetings ?? [], now);
  if (busy) {
    const leftMs = occurrence.end - busy.until;
    if (leftMs < minAfterMeetingMs) return { kind: 'skip', occurrence, meeting: busy.meeting, leftMs: Math.max(0, leftMs) };
    return { kind: 'delay', occurrence, meeting: busy.meeting, until: busy.until };
  }
  if (inputs.onBreak) return { kind: 'wait', occurrence };
  // A start later than the occurrence's own is one that waited for a meeting.
  const after = now - occurrence.start >= 60_000 ? (inputs.meetings ?? []).filter((m) => isMeeting(m) && m.end > occurrence.start && m.end <= now).sort((a, b) => b.end - a.end)[0] : undefined;
  return after ? { kind: 'start', occurrence, after } : { kind: 'start', occurrence };
}

/** Keeps handled-occurrence ids from the last week, so the stored list stays small. */
export function isRecentOccurrenceId(id: string, now: number): boolean {
  const day = Date.parse(`${id.slice(0, 10)}T00:00:00`);
  return Number.isNaN(day) || day >= now - 8 * 24 * 3600_000;
}
