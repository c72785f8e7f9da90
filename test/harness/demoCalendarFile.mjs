// The demo's calendar as local .ics files, the way a lead lists them in `leadDesk.calendar.files`:
// `npm run demo` and the UI test give the workbench the same believable week.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { demoCalendar } from '../sandbox/calendar/demoCalendar.mjs';
import { icsCalendar, icsEvent } from '../sandbox/calendar/icsText.mjs';

/** The demo lead's address, so the events they declined are not counted as meetings. */
export const demoLeadEmail = 'lee@acme.example';

/** Writes the demo's week of meetings around `now` to `file`. */
export async function writeDemoCalendar(file, now = Date.now()) {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, demoCalendar(now, demoLeadEmail));
  return file;
}

/** Writes a calendar named `name` holding `events` ({ uid, title, start, end }, times in ms) to `file`. */
export async function writeCalendarFile(file, name, events) {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, icsCalendar(name, events.map((e) => icsEvent(e))));
  return file;
}

/** The settings that point Lead Desk at calendar `files` as the demo lead. */
export function calendarSettings(files) {
  return { 'leadDesk.calendar.files': files, 'leadDesk.calendar.myEmails': [demoLeadEmail] };
}
