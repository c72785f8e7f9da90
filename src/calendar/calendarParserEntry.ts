// The calendar parser's own bundle (dist/calendar.js): ical.js is ~75 KiB minified, so the
// extension loads it on the first calendar refresh instead of carrying it at activation.
import { CalendarParseError, expandCalendar } from '../core/calendar/expandCalendar';

export { expandCalendar };

export function isParseError(err: unknown): boolean {
  return CalendarParseError.is(err);
}
