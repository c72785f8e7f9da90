/** The demo's iCalendar text: three weeks of a tech lead's meetings around `now`, in local time. */
export function demoCalendar(now?: number, leadEmail?: string): string;
