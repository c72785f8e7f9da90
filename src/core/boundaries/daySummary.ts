// What End My Day shows: today's focus, reviews, what still waits and tomorrow's first meeting.
// Pure; the meeting title is other people's text, so it stays a separate field for inert display.
import { translated } from '../inertText';
import { isMeeting, type CalendarEvent, type MeetingSource } from '../calendar/calendarEvent';
import { formatDuration } from '../focus/format';
import { formatWorkingTime, type WorkingHours } from '../workingHours';

export interface DaySummaryInput {
  readonly focusedMs: number;
  /** Undefined when GitHub could not be asked (signed out, offline). */
  readonly counts?: { readonly waiting: number; readonly reviewedToday: number };
  readonly until: number;
  readonly hours: WorkingHours;
  readonly firstMeeting?: CalendarEvent;
}

export interface DaySummary {
  /** "Today: 3 h 10 min of focus · 4 pull requests reviewed · 6 still waiting for you". */
  readonly figures: string;
  /** "Mon 09:00": when the queue wakes and an "Off" status ends. */
  readonly until: string;
  /** "Tomorrow first: Mon 09:30", followed by the meeting's title where shown. */
  readonly nextMeetingAt?: string;
  readonly nextMeetingTitle?: string;
}

export function summariseDay(input: DaySummaryInput): DaySummary {
  const parts = [translated`Today: ${formatDuration(input.focusedMs)} of focus`];
  if (input.counts) {
    const { reviewedToday, waiting } = input.counts;
    parts.push(reviewedToday === 1 ? translated`1 pull request reviewed` : translated`${reviewedToday} pull requests reviewed`, waiting === 0 ? translated`nothing waiting for you` : translated`${waiting} still waiting for you`);
  } else parts.push(translated`reviews unknown (GitHub not reachable)`);
  const meeting = input.firstMeeting;
  return {
    figures: parts.join(' · '),
    until: formatWorkingTime(input.until, input.hours),
    ...(meeting ? { nextMeetingAt: formatWorkingTime(meeting.start, input.hours), nextMeetingTitle: meeting.title } : {}),
  };
}

/** The first meeting on the next working day: from its start until the end of that day's hours. */
export function firstMeetingFrom(source: MeetingSource | undefined, from: number): CalendarEvent | undefined {
  if (!source) return undefined;
  return source.meetingsBetween(from - 3 * 3600_000, from + 16 * 3600_000).filter((m) => isMeeting(m) && m.start >= from - 3 * 3600_000).sort((a, b) => a.start - b.start)[0];
}
