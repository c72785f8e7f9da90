// The short names of weekdays and months that Lead Desk writes into what the lead reads ("Mon 9",
// "Mar 2026"), in the display language. Functions, not tables of strings, so each name is read when
// it is shown, after the editor has installed its translator.
import { translated } from './inertText';

const weekdays = [() => translated`Sun`, () => translated`Mon`, () => translated`Tue`, () => translated`Wed`, () => translated`Thu`, () => translated`Fri`, () => translated`Sat`];
const months = [() => translated`Jan`, () => translated`Feb`, () => translated`Mar`, () => translated`Apr`, () => translated`May`, () => translated`Jun`, () => translated`Jul`, () => translated`Aug`, () => translated`Sep`, () => translated`Oct`, () => translated`Nov`, () => translated`Dec`];

/** "Mon": 0 is Sunday, as Date.getDay() counts. */
export function weekdayName(day: number): string {
  return weekdays[day]();
}

/** "Mar": 0 is January, as Date.getMonth() counts. */
export function monthName(month: number): string {
  return months[month]();
}

/** "Tue 10:00", for a time on another day than today. */
export function weekdayAndClock(time: number | Date): string {
  const at = new Date(time);
  return `${weekdayName(at.getDay())} ${clock(at)}`;
}

/** "Tue 3 Mar", a day of the coming or past weeks. */
export function dayAndMonth(time: number | Date): string {
  const at = new Date(time);
  return `${weekdayName(at.getDay())} ${at.getDate()} ${monthName(at.getMonth())}`;
}

/** "Tue 3 Mar 10:00". */
export function dayMonthAndClock(time: number | Date): string {
  return `${dayAndMonth(time)} ${clock(new Date(time))}`;
}

function clock(at: Date): string {
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}
