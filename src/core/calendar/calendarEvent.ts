// A calendar occurrence as every feature sees it, after a feed's recurrences, time zones and the
// lead's replies have been worked out. Titles and locations are other people's text: show them
// through core/inertText.ts only.

export interface CalendarEvent {
  /** Stable per occurrence: the event's UID plus its recurrence id (or start). */
  readonly id: string;
  /** Which feed it came from (not its secret URL). */
  readonly feedId: string;
  readonly title: string;
  /** Epoch milliseconds. */
  readonly start: number;
  readonly end: number;
  readonly allDay: boolean;
  /** False for free/transparent events and for ones the lead declined: those are not meetings. */
  readonly busy: boolean;
  readonly declined: boolean;
  readonly location?: string;
}

/** The lead's meetings in a time range, from whatever feeds are configured (none: an empty list). */
export interface MeetingSource {
  meetingsBetween(from: number, to: number): readonly CalendarEvent[];
}

/** Only the events that block time: busy, not declined, not all-day. */
export function isMeeting(event: CalendarEvent): boolean {
  return event.busy && !event.declined && !event.allDay;
}
