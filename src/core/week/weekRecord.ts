// What Lead Desk remembers of one week, on this machine only: the focus blocks and breaks that
// ended in it, the reviews the lead handed off, and the reviews GitHub says they gave. The focus
// state keeps two weeks of history at most, so the week view keeps its own copy.
import { translated } from '../inertText';
import { isFocusType, type FocusType } from '../focus/types';
import { isWeekKey, type WeekKey } from './weekCalendar';

export interface WeekBlock {
  readonly id: string;
  readonly type: FocusType;
  /** The schedule's name or the pull request's title: other people's text, shown as text only. */
  readonly label?: string;
  readonly startedAt: number;
  readonly endedAt: number;
  /** Pauses excluded. */
  readonly focusedMs: number;
}

export interface WeekBreak {
  /** The block the break followed: one break per block. */
  readonly id: string;
  readonly startedAt: number;
  readonly endedAt: number;
}

export interface WeekHandoff {
  /** "owner/repo#123" plus the login asked, so asking the same person twice counts once. */
  readonly id: string;
  readonly at: number;
}

export interface WeekReviews {
  readonly fetchedAt: number;
  /** Reviews GitHub counts for the week; may exceed `times` when there were more than one page. */
  readonly total: number;
  /** When each review was submitted, epoch ms. */
  readonly times: readonly number[];
  /** Beside `times`: ms from each review's first pending comment to its submission, 0 when GitHub gave none. Older records lack it. */
  readonly spans?: readonly number[];
}

export interface WeekRecord {
  readonly version: 1;
  readonly week: WeekKey;
  readonly blocks: readonly WeekBlock[];
  readonly breaks: readonly WeekBreak[];
  readonly handoffs: readonly WeekHandoff[];
  readonly reviews?: WeekReviews;
}

export function emptyWeekRecord(week: WeekKey): WeekRecord {
  return { version: 1, week, blocks: [], breaks: [], handoffs: [] };
}

type Check = (value: Record<string, unknown>) => boolean;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 300;

const blockOk: Check = (b) =>
  isId(b.id) && isFocusType(b.type) && isTime(b.startedAt) && isTime(b.endedAt) && b.endedAt >= b.startedAt &&
  typeof b.focusedMs === 'number' && b.focusedMs >= 0 && b.focusedMs <= b.endedAt - b.startedAt &&
  (b.label === undefined || (typeof b.label === 'string' && b.label.length <= 1000));
const breakOk: Check = (b) => isId(b.id) && isTime(b.startedAt) && isTime(b.endedAt) && b.endedAt >= b.startedAt;
const handoffOk: Check = (h) => isId(h.id) && isTime(h.at);
const reviewsOk: Check = (r) =>
  isTime(r.fetchedAt) && typeof r.total === 'number' && Number.isSafeInteger(r.total) && r.total >= 0 &&
  Array.isArray(r.times) && r.times.length <= r.total && r.times.every(isTime) &&
  (r.spans === undefined || (Array.isArray(r.spans) && r.spans.length === r.times.length && r.spans.every((d) => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0)));

function listOk(value: unknown, check: Check): boolean {
  return Array.isArray(value) && value.every((item) => isRecord(item) && check(item));
}

/**
 * The stored record for `week`, checked whole: a record with any damaged part is not trusted at all
 * (half a week would show as a quiet week), so the caller drops it and says so once.
 */
export function reviveWeekRecord(raw: unknown, week: WeekKey): { record: WeekRecord } | { problem: string } {
  if (!isRecord(raw) || raw.version !== 1) return { problem: translated`it is not a week record this version of Lead Desk knows` };
  if (!isWeekKey(raw.week) || raw.week !== week) return { problem: translated`it names week ${String(raw.week)}` };
  if (!listOk(raw.blocks, blockOk)) return { problem: translated`its focus blocks are damaged` };
  if (!listOk(raw.breaks, breakOk)) return { problem: translated`its breaks are damaged` };
  if (!listOk(raw.handoffs, handoffOk)) return { problem: translated`its handoffs are damaged` };
  if (raw.reviews !== undefined && !(isRecord(raw.reviews) && reviewsOk(raw.reviews))) return { problem: translated`its reviews are damaged` };
  return { record: raw as unknown as WeekRecord };
}

/** Adds blocks not yet recorded (by id); the same record when nothing is new, so callers can skip a write. */
export function withBlocks(record: WeekRecord, blocks: readonly WeekBlock[]): WeekRecord {
  const known = new Set(record.blocks.map((b) => b.id));
  const fresh = blocks.filter((b) => !known.has(b.id));
  return fresh.length === 0 ? record : { ...record, blocks: [...record.blocks, ...fresh] };
}

/** Records a break, or moves its end later as it goes on. */
export function withBreak(record: WeekRecord, item: WeekBreak): WeekRecord {
  const old = record.breaks.find((b) => b.id === item.id);
  if (old && old.endedAt >= item.endedAt) return record;
  return { ...record, breaks: [...record.breaks.filter((b) => b.id !== item.id), old ? { ...old, endedAt: item.endedAt } : item] };
}

export function withHandoff(record: WeekRecord, handoff: WeekHandoff): WeekRecord {
  if (record.handoffs.some((h) => h.id === handoff.id)) return record;
  return { ...record, handoffs: [...record.handoffs, handoff] };
}

export function withReviews(record: WeekRecord, reviews: WeekReviews): WeekRecord {
  return { ...record, reviews };
}
