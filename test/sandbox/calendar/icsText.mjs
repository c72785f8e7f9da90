// Small helpers to write iCalendar text in tests, the sandbox and the demo (plain JavaScript, so
// the demo harness can use it without a TypeScript loader).

/** 20260326T093000Z */
export function utcStamp(ms) {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** 20260326T093000, the local wall-clock time of `ms` (floating: the reader's own time). */
export function localStamp(ms) {
  const d = new Date(ms);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}T${p(d.getHours())}${p(d.getMinutes())}00`;
}

/** Escapes TEXT values (RFC 5545 3.3.11). */
export function icsEscape(text) {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** A VCALENDAR around already written VEVENT blocks, with CRLF line ends as the RFC asks. */
export function icsCalendar(name, events) {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Lead Desk//Sandbox//EN', `X-WR-CALNAME:${icsEscape(name)}`, ...events, 'END:VCALENDAR', ''].join('\r\n');
}

/** One VEVENT; `extra` lines (RRULE, ATTENDEE…) go in as written. */
export function icsEvent({ uid, title, start, end, floating = false, extra = [] }) {
  const stamp = floating ? localStamp : (ms) => `${utcStamp(ms)}`;
  return ['BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20260101T000000Z', `DTSTART:${stamp(start)}`, `DTEND:${stamp(end)}`, `SUMMARY:${icsEscape(title)}`, ...extra, 'END:VEVENT'].join('\r\n');
}
