// Turns a week's summary into what the webview shows: labels, figures in words, what is missing.
import { formatHours, type WeekSummary } from './aggregateWeek';
import { parseWeekKey, weeksBetween, type WeekKey } from './weekCalendar';
import type { WeekViewData } from './weekMessages';

/** Weeks kept on disk; the view browses all of them. */
export const keptWeeks = 26;

export interface WeekViewContext {
  readonly currentWeek: WeekKey;
  readonly targetPercent: number;
  readonly notes: readonly string[];
}

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function dayLabel(date: string, weekday: number): string {
  return `${weekdays[weekday]} ${Number(date.slice(8, 10))}`;
}

export function weekTitle(week: WeekKey, current: WeekKey): string {
  const ago = weeksBetween(week, current);
  if (ago === 0) return 'This week';
  if (ago === 1) return 'Last week';
  const monday = parseWeekKey(week);
  return monday ? `Week of ${monday.getDate()} ${months[monday.getMonth()]} ${monday.getFullYear()}` : week;
}

export function weekViewData(summary: WeekSummary, context: WeekViewContext): WeekViewData {
  const f = summary.figures;
  const ago = weeksBetween(summary.week, context.currentWeek);
  const figures = [
    { label: 'Deep work', value: `${formatHours(f.deepWorkHours)} of ${formatHours(f.targetHours)} target (${context.targetPercent} % of working hours)` },
    { label: 'All focus blocks', value: formatHours(f.focusedHours) },
    { label: 'Meetings', value: formatHours(f.meetingHours) },
    { label: 'Reviews given', value: f.reviewsGiven === undefined ? 'not known' : String(f.reviewsGiven) },
    { label: 'Handed off', value: String(f.handedOff) },
    { label: 'Breaks taken', value: String(f.breaks) },
    { label: 'Outside working hours', value: `${formatHours(f.afterHoursHours)} (${f.eveningsWorked} ${f.eveningsWorked === 1 ? 'day' : 'days'})` },
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
