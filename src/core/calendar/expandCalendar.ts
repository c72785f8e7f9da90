// An iCalendar feed (RFC 5545) as the lead's occurrences in a window. Parsing and recurrence rules
// are ical.js's (RRULE, RDATE, EXDATE, RECURRENCE-ID overrides, VTIMEZONE); this module decides what
// each occurrence means for the lead: when it is in real time, whether it blocks time (TRANSP,
// Outlook's busy status, the lead's PARTSTAT) and whether it was cancelled.
import { translated } from '../inertText';
import ICAL from 'ical.js';
import type { CalendarEvent } from './calendarEvent';
import { isKnownZone, localWallTime, wallTimeInZone } from '../wallClock';
import { errorText } from '../errorText';

export interface ExpandOptions {
  readonly feedId: string;
  /** The lead's addresses, lower case; an attendee line for one of them says whether they declined. */
  readonly myEmails: readonly string[];
  /** Epoch ms: occurrences overlapping [from, to) are kept. */
  readonly from: number;
  readonly to: number;
  /** Occurrences kept at most, over the whole feed, so a hostile or huge feed stays bounded. */
  readonly maxOccurrences: number;
}

export interface ExpandedCalendar {
  /** Sorted by start. */
  readonly events: readonly CalendarEvent[];
  /** The cap on occurrences or on recurrence steps cut the expansion short. */
  readonly truncated: boolean;
}

/** The feed is not iCalendar at all (an HTML login page, a cut-off download). */
export class CalendarParseError extends Error {
  override readonly name = 'CalendarParseError';
  static is(err: unknown): err is CalendarParseError {
    return err instanceof CalendarParseError;
  }
}

/** Recurrence steps walked per series at most: a daily meeting since 1990 is ~13,000. */
const maxStepsPerSeries = 20_000;
/** An override may move an occurrence by up to this much into or out of the window. */
const movedOccurrenceMargin = 31 * 86_400_000;

type Time = InstanceType<typeof ICAL.Time>;
type Event = InstanceType<typeof ICAL.Event>;
type Component = InstanceType<typeof ICAL.Component>;

function parseRoot(text: string): Component {
  let jcal: unknown;
  try {
    jcal = ICAL.parse(text);
  } catch (err) {
    throw new CalendarParseError(translated`not a valid iCalendar file (${errorText(err)})`);
  }
  const root = new ICAL.Component(jcal as unknown[]);
  const calendar = root.name === 'vcalendar' ? root : root.getFirstSubcomponent('vcalendar');
  if (!calendar) throw new CalendarParseError(translated`no VCALENDAR in it`);
  return calendar;
}

/** Epoch ms of a time from the feed; `tzid` is the TZID parameter it was written with. */
function toEpoch(time: Time, tzid: string | undefined): number {
  const zone = time.zone?.tzid;
  // UTC, or a zone the feed defined with a VTIMEZONE: ical.js knows the offsets.
  if (!time.isDate && zone && zone !== 'floating') return time.toUnixTime() * 1000;
  const wall = { year: time.year, month: time.month, day: time.day, hour: time.isDate ? 0 : time.hour, minute: time.isDate ? 0 : time.minute, second: time.isDate ? 0 : time.second };
  if (!time.isDate && tzid && isKnownZone(tzid)) return wallTimeInZone(wall, tzid) ?? localWallTime(wall);
  return localWallTime(wall);
}

function tzidOf(component: Component, property: 'dtstart' | 'dtend'): string | undefined {
  const value = component.getFirstProperty(property)?.getParameter('tzid');
  return typeof value === 'string' ? value : undefined;
}

function text(component: Component, name: string): string {
  const value = component.getFirstPropertyValue(name);
  return typeof value === 'string' ? value : '';
}

function isFree(component: Component): boolean {
  if (text(component, 'transp').toUpperCase() === 'TRANSPARENT') return true;
  // Outlook/Exchange exports say "free" here while TRANSP may be missing.
  return text(component, 'x-microsoft-cdo-busystatus').toUpperCase() === 'FREE';
}

function declinedBy(component: Component, myEmails: ReadonlySet<string>): boolean {
  if (myEmails.size === 0) return false;
  for (const attendee of component.getAllProperties('attendee')) {
    const address = String(attendee.getFirstValue() ?? '').replace(/^mailto:/i, '').trim().toLowerCase();
    if (!myEmails.has(address)) continue;
    const partstat = attendee.getParameter('partstat');
    return typeof partstat === 'string' && partstat.toUpperCase() === 'DECLINED';
  }
  return false;
}

/**
 * A DURATION in hours, minutes and seconds is exact time (RFC 5545 3.3.6), so it is added to the
 * real start rather than to the wall-clock one; days and weeks are nominal and keep the wall clock.
 */
function exactDurationMs(component: Component): number | undefined {
  const duration = component.getFirstPropertyValue('duration');
  if (!(duration instanceof ICAL.Duration) || duration.weeks !== 0 || duration.days !== 0) return undefined;
  return Math.abs(duration.toSeconds()) * 1000;
}

interface Collector {
  readonly events: CalendarEvent[];
  truncated: boolean;
}

function collect(out: Collector, options: ExpandOptions, myEmails: ReadonlySet<string>, component: Component, uid: string, start: Time, end: Time, recurrenceId: string): void {
  if (text(component, 'status').toUpperCase() === 'CANCELLED') return;
  const startMs = toEpoch(start, tzidOf(component, 'dtstart'));
  const exact = exactDurationMs(component);
  let endMs = exact !== undefined ? startMs + exact : toEpoch(end, tzidOf(component, 'dtend') ?? tzidOf(component, 'dtstart'));
  // A zero-length event still occupies its start (RFC 5545 3.6.1); an all-day one its day.
  if (!(endMs > startMs)) endMs = start.isDate ? startMs + 86_400_000 : startMs;
  if (!(endMs > options.from || startMs >= options.from) || startMs >= options.to) return;
  if (out.events.length >= options.maxOccurrences) {
    out.truncated = true;
    return;
  }
  const declined = declinedBy(component, myEmails);
  const location = text(component, 'location');
  out.events.push({
    id: `${uid}/${recurrenceId}`,
    feedId: options.feedId,
    title: text(component, 'summary'),
    start: startMs,
    end: endMs,
    allDay: start.isDate,
    busy: !isFree(component) && !declined,
    declined,
    ...(location ? { location } : {}),
  });
}

function expandSeries(out: Collector, options: ExpandOptions, myEmails: ReadonlySet<string>, master: Event, uid: string): void {
  const iterator = master.iterator();
  const stopAfter = options.to + movedOccurrenceMargin;
  const startFrom = options.from - movedOccurrenceMargin;
  for (let steps = 0; ; steps += 1) {
    if (steps >= maxStepsPerSeries) {
      out.truncated = true;
      return;
    }
    const next = iterator.next();
    if (!next) return;
    const nominal = toEpoch(next, tzidOf(master.component, 'dtstart'));
    if (nominal > stopAfter) return;
    if (nominal < startFrom) continue;
    const details = master.getOccurrenceDetails(next);
    collect(out, options, myEmails, details.item.component, uid, details.startDate, details.endDate, details.recurrenceId.toString());
    if (out.truncated) return;
  }
}

function standalone(vevent: Component): Event {
  return new ICAL.Event(vevent, { strictExceptions: true, exceptions: [] });
}

/** Parses a feed and expands it over the window; throws CalendarParseError for a file that is not iCalendar. */
export function expandCalendar(feedText: string, options: ExpandOptions): ExpandedCalendar {
  const calendar = parseRoot(feedText);
  const myEmails = new Set(options.myEmails.map((e) => e.trim().toLowerCase()));
  const masters = new Map<string, Event>();
  const overrides: Component[] = [];
  const out: Collector = { events: [], truncated: false };
  for (const vevent of calendar.getAllSubcomponents('vevent')) {
    if (vevent.hasProperty('recurrence-id')) overrides.push(vevent);
    else if (vevent.hasProperty('dtstart')) masters.set(text(vevent, 'uid') || `no-uid-${masters.size}`, standalone(vevent));
  }
  const orphans: Event[] = [];
  // Overrides are related here by UID. Left to itself, ical.js scans every VEVENT of the file for
  // each event (quadratic: minutes on a 5 MB feed) and relates overrides of other series too.

  for (const override of overrides) {
    const master = masters.get(text(override, 'uid'));
    if (master?.isRecurring()) master.relateException(override);
    else orphans.push(standalone(override));
  }
  for (const [uid, event] of masters) {
    if (event.isRecurring()) expandSeries(out, options, myEmails, event, uid);
    else collect(out, options, myEmails, event.component, uid, event.startDate, event.endDate, event.startDate.toString());
    if (out.truncated) break;
  }
  for (const orphan of orphans) {
    if (out.truncated) break;
    collect(out, options, myEmails, orphan.component, orphan.uid, orphan.startDate, orphan.endDate, orphan.recurrenceId?.toString() ?? orphan.startDate.toString());
  }
  out.events.sort((a, b) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id));
  return { events: out.events, truncated: out.truncated };
}
