// Loads the calendar parser on first use. esbuild.mjs maps this import to the separate
// `./calendar.js` next to the extension bundle, so ical.js is not part of dist/extension.js.
import type { CalendarParser } from '../app/calendar/calendarBook';

let loading: Promise<CalendarParser> | undefined;

export function loadCalendarParser(): Promise<CalendarParser> {
  loading ??= import('./calendarParserEntry').catch((err: unknown) => {
    loading = undefined;
    throw err;
  });
  return loading;
}
