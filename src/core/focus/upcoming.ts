// The Focus view's Upcoming rows: weekly blocks and one-off saved blocks of the next seven days,
// each shown once, with its date.
import { addDays, format } from 'date-fns';
import { dayMonthAndClock } from '../dateWords';
import { livePlanned, plannedOccurrence } from './plannedBlocks';
import { upcomingOccurrences, type Occurrence, type ScheduleEntry } from './schedule';
import type { FocusState } from './types';

export interface UpcomingRow {
  readonly occurrence: Occurrence;
  /** The running block is this one. */
  readonly now: boolean;
  /** A one-off block saved for later, which can be removed from the view. */
  readonly plannedId?: string;
}

/**
 * The rows, soonest first, over the next seven days. A weekly block shows once per weekday: today's
 * while it is still to come or running, next week's after that (both at once read as the same row
 * twice). An occurrence whose time has begun shows only while its block runs: once stopped,
 * skipped or covered it is done. The same times from two sources (a weekly block and a saved one)
 * make one row.
 */
export function upcomingRows(entries: readonly ScheduleEntry[], state: FocusState, now: number, limit = 5): UpcomingRow[] {
  const horizon = addDays(now, 7).getTime();
  const isDone = (o: Occurrence) => o.start <= now && state.block?.occurrenceId !== o.id && state.handledOccurrences.includes(o.id);
  const weekly = upcomingOccurrences(entries, now, limit + 10, 8)
    .filter((o) => !isDone(o))
    .map((occurrence) => ({ occurrence, key: `${occurrence.entryIndex}:${new Date(occurrence.start).getDay()}` }));
  const planned = livePlanned(state, now).map((p) => ({ occurrence: plannedOccurrence(p), plannedId: p.id, key: `planned:${p.id}` }));
  const seen = new Set<string>();
  const rows: UpcomingRow[] = [];
  for (const { key, ...row } of [...weekly, ...planned].sort((a, b) => a.occurrence.start - b.occurrence.start)) {
    const o = row.occurrence;
    const times = `${o.start}-${o.end}`;
    if (o.start >= horizon || isDone(o) || seen.has(key) || seen.has(times)) continue;
    seen.add(key).add(times);
    rows.push({ ...row, now: state.block?.occurrenceId === o.id });
  }
  return rows.slice(0, limit);
}

/** "Thu 27 Nov 12:51–13:21": the date, so two weeks' rows never read the same. */
export function formatOccurrenceTimes(o: Pick<Occurrence, 'start' | 'end'>): string {
  return `${dayMonthAndClock(o.start)}–${format(o.end, 'HH:mm')}`;
}
