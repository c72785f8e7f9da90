// Free time for deep work: the gaps between meetings inside working hours, from now to the end of
// the week. Each day's window is built from local wall-clock times (as in core/queue/businessHours),
// so a day on which clocks change keeps its full working window.
import { isMeeting, type CalendarEvent } from './calendarEvent';
import type { WorkingHours } from '../workingHours';

export interface FreeSlot {
  /** Epoch ms. */
  readonly start: number;
  readonly end: number;
  /** The meeting that ends the slot, when one does (otherwise the working day ends it). */
  readonly before?: CalendarEvent;
}

export interface FreeSlotQuery {
  readonly now: number;
  readonly meetings: readonly CalendarEvent[];
  readonly workingTime: WorkingHours;
  readonly minMinutes: number;
}

/** The end of the week that contains `now`: the next local Monday 00:00 (a Sunday counts as the week's last day). */
export function endOfWeek(now: number): number {
  const d = new Date(now);
  const daysToMonday = (8 - d.getDay()) % 7 || 7;
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + daysToMonday).getTime();
}

/** Busy intervals, sorted and merged, so back-to-back and overlapping meetings make one. */
function busyIntervals(meetings: readonly CalendarEvent[]): Array<{ start: number; end: number; first: CalendarEvent }> {
  const sorted = meetings.filter(isMeeting).sort((a, b) => a.start - b.start);
  const merged: Array<{ start: number; end: number; first: CalendarEvent }> = [];
  for (const m of sorted) {
    const last = merged[merged.length - 1];
    if (last && m.start <= last.end) last.end = Math.max(last.end, m.end);
    else merged.push({ start: m.start, end: m.end, first: m });
  }
  return merged;
}

/** Free slots of at least `minMinutes` in working hours, from now to the end of this week, earliest first. */
export function findFreeSlots(q: FreeSlotQuery): FreeSlot[] {
  const { workingTime: wt } = q;
  if (wt.days.length === 0 || wt.endMinute <= wt.startMinute) return [];
  const until = endOfWeek(q.now);
  const busy = busyIntervals(q.meetings);
  const minMs = q.minMinutes * 60_000;
  const today = new Date(q.now);
  const slots: FreeSlot[] = [];
  for (let i = 0; ; i += 1) {
    const dayStart = new Date(today.getFullYear(), today.getMonth(), today.getDate() + i, Math.floor(wt.startMinute / 60), wt.startMinute % 60).getTime();
    if (dayStart >= until) break;
    if (!wt.days.includes(new Date(dayStart).getDay())) continue;
    const dayEnd = new Date(today.getFullYear(), today.getMonth(), today.getDate() + i, Math.floor(wt.endMinute / 60), wt.endMinute % 60).getTime();
    let cursor = Math.max(dayStart, q.now);
    for (const b of busy) {
      if (b.end <= cursor || b.start >= dayEnd) continue;
      if (b.start - cursor >= minMs) slots.push({ start: cursor, end: b.start, before: b.first });
      cursor = Math.max(cursor, b.end);
    }
    if (dayEnd - cursor >= minMs) slots.push({ start: cursor, end: dayEnd });
  }
  return slots;
}
