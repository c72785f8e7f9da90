// The This Week view's arithmetic: aggregating twelve weeks (2,000 calendar events, 300 focus
// blocks, a review count per week) as browsing every kept week back to back would. Target ≤ 20 ms.
import type { CalendarEvent } from '../../src/core/calendar/calendarEvent';
import { defaultWorkingHours } from '../../src/core/workingHours';
import { aggregateWeek } from '../../src/core/week/aggregateWeek';
import { daysOfWeek, shiftWeek, weekKeyOf } from '../../src/core/week/weekCalendar';
import { emptyWeekRecord, type WeekBlock, type WeekRecord } from '../../src/core/week/weekRecord';
import type { BenchResult } from './bench';

const weeks = 12;
const eventCount = 2000;
const blockCount = 300;
const runs = 25;
const hour = 3_600_000;

/** A fixed pseudo-random sequence, so every run measures the same week. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export default function weekAggregateBench(): Promise<BenchResult> {
  const now = new Date(2026, 2, 13, 18).getTime();
  const current = weekKeyOf(now);
  const keys = Array.from({ length: weeks }, (_, i) => shiftWeek(current, -i));
  const first = daysOfWeek(keys[weeks - 1])[0].start;
  const span = now - first;
  const random = lcg(42);
  const events: CalendarEvent[] = Array.from({ length: eventCount }, (_, i) => {
    const start = first + Math.floor(random() * span);
    return { id: `e${i}`, feedId: 'work', title: `Meeting ${i % 40}`, start, end: start + (1 + Math.floor(random() * 4)) * 15 * 60_000, allDay: false, busy: random() > 0.1, declined: random() > 0.95 };
  });
  const records = new Map<string, WeekRecord>(keys.map((k) => [k, emptyWeekRecord(k)]));
  for (let i = 0; i < blockCount; i++) {
    const startedAt = first + Math.floor(random() * span);
    const endedAt = startedAt + (0.5 + random() * 2) * hour;
    const block: WeekBlock = { id: `b${i}`, type: (['deepWork', 'review', 'planning'] as const)[i % 3], startedAt, endedAt: Math.round(endedAt), focusedMs: Math.round((endedAt - startedAt) * 0.9), label: `Block ${i % 20}` };
    const key = weekKeyOf(startedAt);
    const r = records.get(key)!;
    records.set(key, { ...r, blocks: [...r.blocks, block], reviews: { fetchedAt: now, total: 30, times: Array.from({ length: 30 }, () => daysOfWeek(key)[0].start + Math.floor(random() * 5 * 86_400_000)) } });
  }
  // What the calendar source does for each week: the events that overlap it.
  const meetingsBetween = (from: number, to: number) => events.filter((e) => e.end > from && e.start < to);
  const once = () => {
    for (const key of keys) {
      const days = daysOfWeek(key);
      aggregateWeek({ record: records.get(key)!, meetings: meetingsBetween(days[0].start, days[6].end), workingTime: defaultWorkingHours, targetPercent: 50, now });
    }
  };
  for (let i = 0; i < 5; i++) once();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    once();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const ms = Math.round(median(times) * 100) / 100;
  return Promise.resolve({
    figures: { weekAggregateMs12Weeks: ms },
    lines: [`aggregate 12 weeks (${eventCount} events, ${blockCount} blocks): ${ms} ms median of ${runs} (target ≤ 20 ms)`],
  });
}
