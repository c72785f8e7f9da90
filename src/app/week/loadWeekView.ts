// "Show me a week": reads its record, brings the reviews GitHub counts up to date when they may
// have changed, takes the meetings from the calendar if there is one, and returns what the view
// draws. A failure to reach GitHub keeps the last count and says so; it never hides the week.
import { translated } from '../../core/inertText';
import type { MeetingSource } from '../../core/calendar/calendarEvent';
import type { Logger } from '../../core/logger';
import type { WorkingHours } from '../../core/workingHours';
import { aggregateWeek } from '../../core/week/aggregateWeek';
import { daysOfWeek, weekKeyOf, type WeekKey } from '../../core/week/weekCalendar';
import type { WeekViewData } from '../../core/week/weekMessages';
import { withReviews, type WeekRecord } from '../../core/week/weekRecord';
import { weekViewData } from '../../core/week/weekView';
import type { WeekRecords } from './weekRecords';
import { errorText } from '../../core/errorText';

export interface ReviewCount {
  readonly total: number;
  readonly times: readonly number[];
  /** Beside `times`: ms from each review's first pending comment to its submission, 0 when none. */
  readonly spans?: readonly number[];
}

export interface LoadWeekDeps {
  readonly records: WeekRecords;
  readonly now: () => number;
  readonly workingTime: WorkingHours;
  readonly targetPercent: number;
  /** Undefined when no calendar is set up. */
  readonly meetings?: MeetingSource;
  /** Feeds that could not be refreshed, in words ("work: offline since 10:40 (HTTP 500), showing the copy from 10:25"). */
  readonly calendarProblems?: () => readonly string[];
  /** Reviews the lead gave in [from, to); undefined when not signed in to GitHub. */
  readonly reviews: (from: number, to: number) => Promise<ReviewCount | undefined>;
  readonly log: Logger;
}

/** How stale the current week's review count may be before GitHub is asked again. */
export const reviewsFreshMs = 15 * 60_000;

function reviewsOutdated(record: WeekRecord, weekEnd: number, now: number): boolean {
  const fetchedAt = record.reviews?.fetchedAt;
  if (fetchedAt === undefined) return true;
  // A count taken after the week ended is final.
  return fetchedAt < weekEnd && now - fetchedAt >= reviewsFreshMs;
}

export async function loadWeekView(deps: LoadWeekDeps, week: WeekKey): Promise<WeekViewData> {
  const now = deps.now();
  const days = daysOfWeek(week);
  const from = days[0].start;
  const to = days[6].end;
  const notes: string[] = [];
  let record = await deps.records.read(week);
  if (from <= now && reviewsOutdated(record, to, now)) {
    try {
      const count = await deps.reviews(from, Math.min(to, now));
      if (count) record = await deps.records.update(week, (r) => withReviews(r, { fetchedAt: now, total: count.total, times: count.times, ...(count.spans ? { spans: count.spans } : {}) }));
      else notes.push(translated`Sign in to GitHub to count the reviews you gave.`);
    } catch (err) {
      const reason = errorText(err);
      deps.log.warn(`Could not read the reviews given in the week of ${week}: ${reason}`);
      notes.push(record.reviews ? translated`Reviews given could not be read from GitHub (${reason}); showing the last count. Refresh to try again.` : translated`Reviews given could not be read from GitHub (${reason}). Refresh to try again.`);
    }
  }
  const meetings = deps.meetings?.meetingsBetween(from, to);
  if (!deps.meetings) notes.push(translated`No calendar: meetings are not counted. Add a calendar feed to see them.`);
  else notes.push(...(deps.calendarProblems?.() ?? []));
  const summary = aggregateWeek({ record, meetings, workingTime: deps.workingTime, targetPercent: deps.targetPercent, now });
  return weekViewData(summary, { currentWeek: weekKeyOf(now), targetPercent: deps.targetPercent, notes });
}
