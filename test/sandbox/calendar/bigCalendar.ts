// A large feed, as a busy shared calendar exports it: thousands of events over years, some weekly
// series with exceptions, in a zone with a VTIMEZONE. Deterministic for a given size.
import { icsCalendar, icsEscape, utcStamp } from './icsText.mjs';

const berlin = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Berlin',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/** About `bytes` of iCalendar text, events spread over the year before and after `around`. */
export function bigCalendar(bytes: number, around: number): string {
  const events: string[] = [berlin];
  let size = berlin.length;
  const description = icsEscape('Agenda: status of the migration, open questions, next steps; notes in the shared doc. '.repeat(4));
  for (let i = 0; size < bytes; i += 1) {
    const start = around - 365 * 86_400_000 + ((i * 7_919) % (730 * 24)) * 3_600_000;
    const lines = [
      'BEGIN:VEVENT',
      `UID:big-${i}@sandbox.lead-desk`,
      `DTSTAMP:${utcStamp(around)}`,
      `DTSTART:${utcStamp(start)}`,
      `DTEND:${utcStamp(start + 45 * 60_000)}`,
      `SUMMARY:Meeting ${i}`,
      `DESCRIPTION:${description}`,
      'ATTENDEE;PARTSTAT=ACCEPTED;CN=Lee Adams:mailto:lead@example.com',
      'ATTENDEE;PARTSTAT=NEEDS-ACTION;CN=Priya:mailto:priya@example.com',
      ...(i % 50 === 0 ? ['RRULE:FREQ=WEEKLY;COUNT=30', `EXDATE:${utcStamp(start + 14 * 86_400_000)}`] : []),
      'END:VEVENT',
    ].join('\r\n');
    events.push(lines);
    size += lines.length + 2;
  }
  return icsCalendar('Big shared calendar', events);
}
