// Edits of the weekly schedule setting made by Edit Focus Schedule. They work on the raw JSON, so
// anything the lead wrote by hand (fields Lead Desk does not know, entries it rejects) stays as it
// was; only the edited entry changes, and an edit that would clash with another block is refused.
import { weekdayName } from '../dateWords';
import { translated } from '../inertText';
import { formatMinuteOfDay, parseSchedule, weekdays, type MinuteOfDay, type Weekday } from './schedule';
import { focusTypeLabel, type FocusType } from './types';

export interface BlockFields {
  readonly days: readonly Weekday[];
  readonly start: MinuteOfDay;
  readonly end: MinuteOfDay;
  readonly label: string;
  readonly type: FocusType;
}

export type ScheduleEdit = { readonly ok: true; readonly value: unknown[] } | { readonly ok: false; readonly problem: string };

const weekOrder: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** "Mon–Fri", "Tue, Thu", "Every day": how a block's days read in a picker. */
export function describeDays(days: readonly Weekday[]): string {
  const sorted = weekOrder.filter((d) => days.includes(d));
  if (sorted.length === 7) return translated`Every day`;
  if (sorted.join() === 'mon,tue,wed,thu,fri') return 'Mon–Fri';
  return sorted.map((d) => weekdayName(weekdays.indexOf(d))).join(', ');
}

/** "Mon–Fri 09:00–11:00 · Heads-down (Deep work)". */
export function describeBlock(fields: BlockFields): string {
  return `${describeDays(fields.days)} ${formatMinuteOfDay(fields.start)}–${formatMinuteOfDay(fields.end)} · ${fields.label} (${focusTypeLabel[fields.type]})`;
}

function written(fields: BlockFields): Record<string, unknown> {
  return {
    days: weekOrder.filter((d) => fields.days.includes(d)),
    start: formatMinuteOfDay(fields.start),
    end: formatMinuteOfDay(fields.end),
    label: fields.label.trim() || translated`Focus`,
    type: fields.type,
  };
}

function asList(raw: unknown): unknown[] | string {
  if (raw === undefined || raw === null) return [];
  if (Array.isArray(raw)) return [...(raw as unknown[])];
  return translated`leadDesk.focus.schedule is not a list of blocks, so it cannot be edited here; open it in settings.json and fix it by hand.`;
}

/** Refuses fields that do not make a block, or that overlap another working entry. */
function check(list: readonly unknown[], index: number, fields: BlockFields): string | undefined {
  if (fields.days.length === 0) return translated`Pick at least one day.`;
  if (fields.end <= fields.start) return translated`A block must end after it starts, on the same day.`;
  const others = parseSchedule(list.map((item, i) => (i === index ? null : item))).entries;
  const clash = others.find((e) => e.days.some((d) => fields.days.includes(d)) && fields.start < e.end && e.start < fields.end);
  if (!clash) return undefined;
  return translated`It would overlap ${describeBlock(clash)}; pick another time or edit that block.`;
}

export function addScheduleEntry(raw: unknown, fields: BlockFields): ScheduleEdit {
  const list = asList(raw);
  if (typeof list === 'string') return { ok: false, problem: list };
  const problem = check(list, -1, fields);
  return problem ? { ok: false, problem } : { ok: true, value: [...list, written(fields)] };
}

/** Changes entry `index`; its other fields (a note, anything hand-written) are kept. */
export function updateScheduleEntry(raw: unknown, index: number, fields: BlockFields): ScheduleEdit {
  const list = asList(raw);
  if (typeof list === 'string') return { ok: false, problem: list };
  if (index < 0 || index >= list.length) return { ok: false, problem: translated`That block is no longer in the schedule; it was changed meanwhile.` };
  const problem = check(list, index, fields);
  if (problem) return { ok: false, problem };
  const before = list[index];
  const kept = before && typeof before === 'object' && !Array.isArray(before) ? (before as Record<string, unknown>) : {};
  list[index] = { ...kept, ...written(fields) };
  return { ok: true, value: list };
}

export function removeScheduleEntry(raw: unknown, index: number): ScheduleEdit {
  const list = asList(raw);
  if (typeof list === 'string') return { ok: false, problem: list };
  if (index < 0 || index >= list.length) return { ok: false, problem: translated`That block is no longer in the schedule; it was changed meanwhile.` };
  list.splice(index, 1);
  return { ok: true, value: list };
}
