// Turns a week's summary into what the webview shows: labels, figures in words, what is missing.
import { monthName, weekdayName } from '../dateWords';
import { translated } from '../inertText';
import { formatHours, type WeekFigures, type WeekSummary } from './aggregateWeek';
import { reviewCapMs, reviewEstimateMs } from './reviewTime';
import { parseWeekKey, weeksBetween, type WeekKey } from './weekCalendar';
import type { WeekViewData } from './weekMessages';

/** Weeks kept on disk; the view browses all of them. */
export const keptWeeks = 26;

export interface WeekViewContext {
  readonly currentWeek: WeekKey;
  readonly targetPercent: number;
  readonly notes: readonly string[];
}


function dayLabel(date: string, weekday: number): string {
  return `${weekdayName(weekday)} ${Number(date.slice(8, 10))}`;
}

export function weekTitle(week: WeekKey, current: WeekKey): string {
  const ago = weeksBetween(week, current);
  if (ago === 0) return translated`This week`;
  if (ago === 1) return translated`Last week`;
  const monday = parseWeekKey(week);
  return monday ? translated`Week of ${monday.getDate()} ${monthName(monday.getMonth())} ${monday.getFullYear()}` : week;
}

/** Time reviewing outside review blocks, and how it was reckoned: GitHub does not record time spent. */
export function reviewTimeText(t: WeekFigures['reviewTime']): string {
  const estimate = translated`${reviewEstimateMs / 60_000} min`;
  if (t.timed + t.estimated === 0) return translated`none outside review blocks`;
  if (t.timed === 0) return translated`${formatHours(t.hours)}, estimated ${estimate} per review (GitHub does not record how long a review took)`;
  const timed = translated`${t.timed} timed from the first pending comment to submitting (at most ${reviewCapMs / 3_600_000} h each)`;
  return `${formatHours(t.hours)}: ${t.estimated === 0 ? timed : translated`${timed}, ${t.estimated} submitted in one step and estimated at ${estimate} each`}`;
}

export function weekViewData(summary: WeekSummary, context: WeekViewContext): WeekViewData {
  const f = summary.figures;
  const ago = weeksBetween(summary.week, context.currentWeek);
  const figures = [
    { label: translated`Deep work`, value: translated`${formatHours(f.deepWorkHours)} of ${formatHours(f.targetHours)} target (${context.targetPercent} % of working hours)` },
    { label: translated`All focus blocks`, value: formatHours(f.focusedHours) },
    { label: translated`Meetings`, value: formatHours(f.meetingHours) },
    { label: translated`Reviews given`, value: f.reviewsGiven === undefined ? translated`not known` : String(f.reviewsGiven) },
    { label: translated`Time reviewing`, value: reviewTimeText(f.reviewTime) },
    { label: translated`Handed off`, value: String(f.handedOff) },
    { label: translated`Breaks taken`, value: String(f.breaks) },
    { label: translated`Outside working hours`, value: f.eveningsWorked === 1 ? translated`${formatHours(f.afterHoursHours)} (${f.eveningsWorked} day)` : translated`${formatHours(f.afterHoursHours)} (${f.eveningsWorked} days)` },
  ];
  return {
    week: summary.week,
    title: weekTitle(summary.week, context.currentWeek),
    canGoBack: ago < keptWeeks - 1,
    canGoForward: ago > 0,
    days: summary.days.map((d) => ({ ...d, label: dayLabel(d.date, d.weekday) })),
    targetPercent: context.targetPercent,
    figures,
    line: summary.line,
    items: summary.items.map((i) => ({ title: i.title, category: i.category, hours: formatHours(i.hours) })),
    notes: context.notes,
  };
}
