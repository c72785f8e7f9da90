// How Find Focus Time names a slot: "Today 13:00–17:00", "Fri 09:00–10:30", with its length.
import { translated } from '../inertText';
import { dayAndMonth } from '../dateWords';
import { format, isSameDay } from 'date-fns';
import { formatDuration } from '../focus/format';
import type { FreeSlot } from './freeSlots';

export function slotDayAndTimes(slot: FreeSlot, now: number): string {
  const day = isSameDay(slot.start, now) ? translated`Today` : dayAndMonth(slot.start);
  return `${day} ${format(slot.start, 'HH:mm')}–${format(slot.end, 'HH:mm')}`;
}

export function slotLength(slot: FreeSlot): string {
  return formatDuration(slot.end - slot.start);
}

/** Whole minutes left in a slot from `now` (a block started inside it ends with it). */
export function minutesLeft(slot: FreeSlot, now: number): number {
  return Math.floor((slot.end - Math.max(now, slot.start)) / 60_000);
}
