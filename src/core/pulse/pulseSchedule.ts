// When the scheduled pulse goes out. The moment is the configured weekday and time in the local
// week; working hours are respected: outside them it moves to the next working moment of the same
// week, and a week with no working moment left after it is skipped rather than posted at night or
// carried into the next week.
import type { WorkingHours } from '../workingHours';
import type { PulseRecord } from './pulseHistory';
import type { PulseSchedule } from './pulseSettings';
import { weekKey, weekStart } from './pulseWeek';

const HOUR = 3_600_000;

function atLocal(day: Date, minute: number): number {
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), Math.floor(minute / 60), minute % 60).getTime();
}

function dayOfWeek(monday: Date, offset: number): Date {
  return new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + offset);
}

/** Whether an instant is inside the working hours. */
export function isWorkingMoment(at: number, working: WorkingHours): boolean {
  const date = new Date(at);
  const minute = date.getHours() * 60 + date.getMinutes();
  return working.days.includes(date.getDay()) && minute >= working.startMinute && minute < working.endMinute;
}

/** The scheduled moment in the week of `at` (epoch ms), or undefined when that week has no working moment left for it. */
export function scheduledMoment(schedule: PulseSchedule, working: WorkingHours, at: number): number | undefined {
  const monday = weekStart(at);
  const first = (schedule.day + 6) % 7;
  for (let offset = first; offset < 7; offset++) {
    const day = dayOfWeek(monday, offset);
    if (!working.days.includes(day.getDay())) continue;
    if (offset === first) {
      if (schedule.minute >= working.endMinute) continue;
      return atLocal(day, Math.max(schedule.minute, working.startMinute));
    }
    return atLocal(day, working.startMinute);
  }
  return undefined;
}

export interface PulseDue {
  /** Post now. */
  readonly due: boolean;
  /** When to look again (epoch ms): the scheduled moment if it is sooner than an hour from now. */
  readonly checkAgainAt: number;
}

/**
 * Whether the scheduled pulse should go out now: its moment has come, it is working time, and this
 * week has no pulse yet (a planned post whose answer was lost counts as not yet known to exist:
 * sending looks it up before posting anything).
 */
export function pulseDue(schedule: PulseSchedule, working: WorkingHours, history: readonly PulseRecord[], now: number): PulseDue {
  const moment = scheduledMoment(schedule, working, now);
  const hourLater = now + HOUR;
  const sent = history.some((r) => r.week === weekKey(now) && r.ts !== undefined);
  if (moment === undefined || sent) return { due: false, checkAgainAt: hourLater };
  if (now < moment) return { due: false, checkAgainAt: Math.min(moment, hourLater) };
  return { due: isWorkingMoment(now, working), checkAgainAt: hourLater };
}
