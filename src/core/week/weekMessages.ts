// The messages between the extension host and the This Week webview. Both sides check what they
// receive: the webview's messages are input from a page, and the host's are rendered as text only.
import { categories, type Category, type Hours } from './aggregateWeek';

export interface DayView {
  /** "Mon 9" */
  readonly label: string;
  readonly date: string;
  readonly working: boolean;
  readonly within: Hours;
  readonly outside: Hours;
  readonly reviews: number;
  readonly targetHours: number;
}

export interface FigureView {
  readonly label: string;
  readonly value: string;
}

export interface ItemView {
  readonly title: string;
  readonly category: Category;
  readonly hours: string;
}

export interface WeekViewData {
  readonly week: string;
  /** "This week", "Last week", "Week of 2 Mar 2026" */
  readonly title: string;
  readonly canGoBack: boolean;
  readonly canGoForward: boolean;
  readonly days: readonly DayView[];
  readonly targetPercent: number;
  readonly figures: readonly FigureView[];
  readonly line: string;
  readonly items: readonly ItemView[];
  /** What is missing and what to do about it ("No calendar: …"). */
  readonly notes: readonly string[];
}

export type HostMessage = { readonly type: 'week'; readonly data: WeekViewData } | { readonly type: 'error'; readonly text: string };

export type ViewMessage = { readonly type: 'ready' } | { readonly type: 'go'; readonly to: 'previous' | 'next' | 'current' };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= 2000;
const isHours = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 24 * 7;
const listOf = (v: unknown, check: (item: Record<string, unknown>) => boolean, max: number) =>
  Array.isArray(v) && v.length <= max && v.every((item) => isRecord(item) && check(item));

function isHoursRecord(v: unknown): v is Hours {
  return isRecord(v) && categories.every((c) => isHours(v[c]));
}

const dayOk = (d: Record<string, unknown>) =>
  isText(d.label) && isText(d.date) && typeof d.working === 'boolean' && isHoursRecord(d.within) && isHoursRecord(d.outside) &&
  typeof d.reviews === 'number' && Number.isSafeInteger(d.reviews) && d.reviews >= 0 && isHours(d.targetHours);
const figureOk = (f: Record<string, unknown>) => isText(f.label) && isText(f.value);
const itemOk = (i: Record<string, unknown>) => isText(i.title) && (categories as readonly unknown[]).includes(i.category) && isText(i.hours);

export function isWeekViewData(v: unknown): v is WeekViewData {
  return (
    isRecord(v) && isText(v.week) && isText(v.title) && typeof v.canGoBack === 'boolean' && typeof v.canGoForward === 'boolean' &&
    listOf(v.days, dayOk, 7) && typeof v.targetPercent === 'number' && listOf(v.figures, figureOk, 20) && isText(v.line) &&
    listOf(v.items, itemOk, 20) && Array.isArray(v.notes) && v.notes.length <= 10 && v.notes.every(isText)
  );
}

/** What the webview accepts from the host; anything else is ignored. */
export function asHostMessage(v: unknown): HostMessage | undefined {
  if (!isRecord(v)) return undefined;
  if (v.type === 'week' && isWeekViewData(v.data)) return { type: 'week', data: v.data };
  if (v.type === 'error' && isText(v.text)) return { type: 'error', text: v.text };
  return undefined;
}

/** What the host accepts from the webview; anything else is ignored. */
export function asViewMessage(v: unknown): ViewMessage | undefined {
  if (!isRecord(v)) return undefined;
  if (v.type === 'ready' && Object.keys(v).length === 1) return { type: 'ready' };
  if (v.type === 'go' && (v.to === 'previous' || v.to === 'next' || v.to === 'current')) return { type: 'go', to: v.to };
  return undefined;
}
