// Where one week went, per day: hours of deep work, reviews, meetings and planning, split into
// time inside and outside working hours, with the lead's target and the week in figures. Pure: the
// record, the meetings, the working time and "now" come in; nothing is read from the machine
// except the local time zone, which defines what a day is.
import { translated } from '../inertText';
import { isMeeting, type CalendarEvent } from '../calendar/calendarEvent';
import { oneLine } from '../inertText';
import type { WorkingHours } from '../workingHours';
import { daysOfWeek, workingWindow, type DaySpan } from './weekCalendar';
import type { WeekRecord } from './weekRecord';
import { reviewDuration } from './reviewTime';

export type Category = 'deepWork' | 'review' | 'meetings' | 'planning';
export const categories: readonly Category[] = ['deepWork', 'review', 'meetings', 'planning'];
export type Hours = Record<Category, number>;

export interface DaySummary {
  /** "2026-03-09" */
  readonly date: string;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
  readonly working: boolean;
  /** Hours inside the working window. */
  readonly within: Hours;
  /** Hours before or after it, or on a day off. */
  readonly outside: Hours;
  /** Reviews submitted on GitHub that day. */
  readonly reviews: number;
  /** Deep-work hours the target asks of this day (0 on a day off). */
  readonly targetHours: number;
}

export interface WeekFigures {
  readonly deepWorkHours: number;
  readonly targetHours: number;
  readonly focusedHours: number;
  readonly meetingHours: number;
  /** Undefined when GitHub has not told us (signed out, or not fetched yet). */
  readonly reviewsGiven?: number;
  /** Time reviewing outside review blocks: reviews GitHub timed, and the others at the fixed estimate. */
  readonly reviewTime: { readonly hours: number; readonly timed: number; readonly estimated: number };
  readonly handedOff: number;
  readonly breaks: number;
  readonly afterHoursHours: number;
  readonly eveningsWorked: number;
}

/** Where the most time went: a meeting series or a labelled block, by its title. */
export interface WeekItem {
  readonly title: string;
  readonly category: Category;
  readonly hours: number;
}

export interface WeekSummary {
  readonly week: string;
  /** Working days, plus days off on which something happened. */
  readonly days: readonly DaySummary[];
  readonly figures: WeekFigures;
  /** "9 h deep work of 16 h target; 31 reviews; 4 handed off; 2 evenings worked" */
  readonly line: string;
  readonly items: readonly WeekItem[];
}

export interface WeekInputs {
  readonly record: WeekRecord;
  /** The week's calendar events; undefined when no calendar is set up. */
  readonly meetings?: readonly CalendarEvent[];
  readonly workingTime: WorkingHours;
  readonly targetPercent: number;
  /** Nothing after now counts: the rest of the week has not happened yet. */
  readonly now: number;
}

/** Less than this outside working hours on a day is a stray minute, not an evening worked. */
export const eveningThresholdHours = 0.25;
const itemCount = 5;
const hourMs = 3_600_000;

const zero = (): Hours => ({ deepWork: 0, review: 0, meetings: 0, planning: 0 });
const sum = (h: Hours): number => h.deepWork + h.review + h.meetings + h.planning;

interface DayBucket {
  readonly span: DaySpan;
  readonly working: boolean;
  readonly window: { start: number; end: number };
  readonly within: Hours;
  readonly outside: Hours;
  reviews: number;
}

export function aggregateWeek(inputs: WeekInputs): WeekSummary {
  const { record, workingTime, now } = inputs;
  const workingDays = new Set(workingTime.days);
  const buckets: DayBucket[] = daysOfWeek(record.week).map((span) => ({
    span,
    working: workingDays.has(span.weekday),
    window: workingWindow(span, workingTime.startMinute, workingTime.endMinute),
    within: zero(),
    outside: zero(),
    reviews: 0,
  }));
  const weekStart = buckets[0].span.start;
  const weekEnd = buckets[6].span.end;
  const items = new Map<string, { title: string; category: Category; ms: number }>();

  // Spreads [from, to) over the days it touches; `share` scales it down for paused time.
  const add = (category: Category, from: number, to: number, share = 1): number => {
    const end = Math.min(to, now, weekEnd);
    let counted = 0;
    for (const day of buckets) {
      const a = Math.max(from, day.span.start);
      const b = Math.min(end, day.span.end);
      if (b <= a) continue;
      const inside = day.working ? Math.max(0, Math.min(b, day.window.end) - Math.max(a, day.window.start)) : 0;
      day.within[category] += (inside * share) / hourMs;
      day.outside[category] += ((b - a - inside) * share) / hourMs;
      counted += (b - a) * share;
    }
    return counted;
  };
  const note = (title: string | undefined, category: Category, ms: number) => {
    const clean = title === undefined ? '' : oneLine(title).trim().slice(0, 120);
    if (!clean || ms <= 0) return;
    const key = `${category}\u0000${clean.toLowerCase()}`;
    const item = items.get(key) ?? { title: clean, category, ms: 0 };
    item.ms += ms;
    items.set(key, item);
  };

  let focusedMs = 0;
  for (const block of record.blocks) {
    const span = block.endedAt - block.startedAt;
    const share = span > 0 ? block.focusedMs / span : 0;
    const category: Category = block.type === 'deepWork' ? 'deepWork' : block.type === 'review' ? 'review' : 'planning';
    const counted = add(category, block.startedAt, block.endedAt, share);
    focusedMs += counted;
    note(block.label, category, counted);
  }

  let meetingMs = 0;
  for (const event of inputs.meetings ?? []) {
    if (!isMeeting(event) || event.end <= weekStart || event.start >= weekEnd) continue;
    const counted = add('meetings', event.start, event.end);
    meetingMs += counted;
    note(event.title, 'meetings', counted);
  }

  const reviewBlocks = record.blocks.filter((b) => b.type === 'review');
  const reviewTime = { ms: 0, timed: 0, estimated: 0 };
  const times = record.reviews?.times ?? [];
  times.forEach((at, i) => {
    const day = buckets.find((d) => at >= d.span.start && at < d.span.end);
    if (!day) return;
    day.reviews += 1;
    // A review inside a review block is already counted as the block's time.
    if (reviewBlocks.some((b) => at >= b.startedAt && at <= b.endedAt)) return;
    const duration = reviewDuration(record.reviews?.spans?.[i]);
    reviewTime.ms += add('review', at - duration.ms, at);
    if (duration.timed) reviewTime.timed += 1;
    else reviewTime.estimated += 1;
  });

  const shown = buckets.filter((d) => d.working || sum(d.within) + sum(d.outside) > 0 || d.reviews > 0);
  const dayTarget = ((workingTime.endMinute - workingTime.startMinute) / 60) * (inputs.targetPercent / 100);
  const days: DaySummary[] = shown.map((d) => ({
    date: d.span.date,
    weekday: d.span.weekday,
    working: d.working,
    within: d.within,
    outside: d.outside,
    reviews: d.reviews,
    targetHours: d.working ? dayTarget : 0,
  }));

  const deepWorkHours = buckets.reduce((total, d) => total + d.within.deepWork + d.outside.deepWork, 0);
  const afterHoursHours = buckets.reduce((total, d) => total + sum(d.outside), 0);
  const recordedBreaks = record.breaks.filter((b) => b.startedAt < Math.min(now, weekEnd) && b.endedAt > weekStart).length;
  const figures: WeekFigures = {
    deepWorkHours,
    targetHours: buckets.filter((d) => d.working).length * dayTarget,
    focusedHours: focusedMs / hourMs,
    meetingHours: meetingMs / hourMs,
    ...(record.reviews ? { reviewsGiven: record.reviews.total } : {}),
    reviewTime: { hours: reviewTime.ms / hourMs, timed: reviewTime.timed, estimated: reviewTime.estimated },
    handedOff: record.handoffs.length,
    breaks: recordedBreaks,
    afterHoursHours,
    eveningsWorked: buckets.filter((d) => sum(d.outside) >= eveningThresholdHours).length,
  };
  const top = [...items.values()]
    .sort((a, b) => b.ms - a.ms || a.title.localeCompare(b.title))
    .slice(0, itemCount)
    .map((i) => ({ title: i.title, category: i.category, hours: i.ms / hourMs }));
  return { week: record.week, days, figures, line: weekLine(figures), items: top };
}

/** "9 h", "1.5 h", "12 h": one decimal below ten hours, where half an hour still matters. */
export function formatHours(hours: number): string {
  const rounded = hours >= 10 ? Math.round(hours) : Math.round(hours * 10) / 10;
  return translated`${rounded} h`;
}

export function weekLine(f: WeekFigures): string {
  const parts = [translated`${formatHours(f.deepWorkHours)} deep work of ${formatHours(f.targetHours)} target`];
  if (f.reviewsGiven !== undefined) parts.push(f.reviewsGiven === 1 ? translated`${f.reviewsGiven} review` : translated`${f.reviewsGiven} reviews`);
  parts.push(translated`${f.handedOff} handed off`, f.eveningsWorked === 1 ? translated`${f.eveningsWorked} evening worked` : translated`${f.eveningsWorked} evenings worked`);
  return parts.join('; ');
}
