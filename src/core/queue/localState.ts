// Pins and snoozes live only on this machine (globalState); no account or server is involved.
// The rules are pure so the same answers come out in tests, at start-up and after a refresh.
import { translated } from '../inertText';
import { addDays, addHours, set } from 'date-fns';
import { isDateText, isRecord, isString, optional } from '../storedValues';

export type SnoozeKind = 'hour' | 'tomorrow' | 'activity';

export interface Snooze {
  /** pullRequestKey(): owner/repo#n in lower case. */
  readonly key: string;
  readonly kind: SnoozeKind;
  readonly snoozedAt: string;
  /** For 'hour' and 'tomorrow': when the item comes back. */
  readonly until?: string;
  /** For 'activity': the pull request's updatedAt when snoozed; any later update brings it back. */
  readonly updatedAt?: string;
}

export interface QueueLocalState {
  /** Pinned keys, oldest pin first. */
  readonly pins: readonly string[];
  readonly snoozes: readonly Snooze[];
}

export const emptyLocalState: QueueLocalState = { pins: [], snoozes: [] };

/** When a time-based snooze ends: one hour from now, or tomorrow at the start of the working day. */
export function snoozeEnd(kind: Exclude<SnoozeKind, 'activity'>, now: Date, dayStartMinute = 9 * 60): Date {
  if (kind === 'hour') return addHours(now, 1);
  return set(addDays(now, 1), { hours: Math.floor(dayStartMinute / 60), minutes: dayStartMinute % 60, seconds: 0, milliseconds: 0 });
}

export function snooze(state: QueueLocalState, key: string, kind: SnoozeKind, now: Date, prUpdatedAt: string | undefined, dayStartMinute?: number): QueueLocalState {
  const entry: Snooze =
    kind === 'activity'
      ? { key, kind, snoozedAt: now.toISOString(), updatedAt: prUpdatedAt ?? now.toISOString() }
      : { key, kind, snoozedAt: now.toISOString(), until: snoozeEnd(kind, now, dayStartMinute).toISOString() };
  return { ...state, snoozes: [...state.snoozes.filter((s) => s.key !== key), entry] };
}

export function unsnooze(state: QueueLocalState, key: string): QueueLocalState {
  return { ...state, snoozes: state.snoozes.filter((s) => s.key !== key) };
}

export function pin(state: QueueLocalState, key: string): QueueLocalState {
  return state.pins.includes(key) ? state : { ...state, pins: [...state.pins, key] };
}

export function unpin(state: QueueLocalState, key: string): QueueLocalState {
  return { ...state, pins: state.pins.filter((k) => k !== key) };
}

/** Whether the snooze still hides its item; `prUpdatedAt` is the item's current updatedAt, if known. */
export function isSnoozeActive(s: Snooze, now: Date, prUpdatedAt: string | undefined): boolean {
  if (s.kind === 'activity') return prUpdatedAt === undefined || s.updatedAt === undefined || Date.parse(prUpdatedAt) <= Date.parse(s.updatedAt);
  return s.until !== undefined && now.getTime() < Date.parse(s.until);
}

/**
 * Drops snoozes that have ended, and pins and snoozes of pull requests that a complete refresh no
 * longer returned (merged or closed), so the stored state does not grow without bound.
 */
export function pruneLocalState(state: QueueLocalState, now: Date, current: ReadonlyMap<string, string> | undefined): QueueLocalState {
  const snoozes = state.snoozes.filter((s) => (current ? current.has(s.key) : true) && isSnoozeActive(s, now, current?.get(s.key)));
  const pins = current ? state.pins.filter((k) => current.has(k)) : state.pins;
  return snoozes.length === state.snoozes.length && pins.length === state.pins.length ? state : { pins, snoozes };
}

function isSnooze(v: unknown): v is Snooze {
  if (!isRecord(v) || !isString(v.key) || !isDateText(v.snoozedAt)) return false;
  // Each kind needs its own field to ever end: without it the item would stay hidden for good.
  if (v.kind === 'activity') return isDateText(v.updatedAt) && optional(v.until, isDateText);
  return (v.kind === 'hour' || v.kind === 'tomorrow') && isDateText(v.until) && optional(v.updatedAt, isDateText);
}

/**
 * Reads stored pins and snoozes: anything malformed is dropped rather than trusted, and `report`
 * hears one sentence saying what was dropped. Nothing stored (undefined) is not a problem.
 */
export function asLocalState(value: unknown, report: (problem: string) => void = () => undefined): QueueLocalState {
  if (value === undefined) return emptyLocalState;
  if (!isRecord(value)) {
    report(translated`The saved pins and snoozes were not readable and were dropped; pin or snooze the pull requests again.`);
    return emptyLocalState;
  }
  const rawPins: unknown[] = Array.isArray(value.pins) ? value.pins : value.pins === undefined ? [] : [value.pins];
  const rawSnoozes: unknown[] = Array.isArray(value.snoozes) ? value.snoozes : value.snoozes === undefined ? [] : [value.snoozes];
  const pins = [...new Set(rawPins.filter(isString))];
  const seen = new Set<string>();
  const snoozes: Snooze[] = [];
  // The last snooze of a key wins, as snooze() replaces an earlier one.
  for (const s of [...rawSnoozes].reverse()) {
    if (!isSnooze(s) || seen.has(s.key)) continue;
    seen.add(s.key);
    snoozes.unshift(s);
  }
  const droppedPins = rawPins.length - pins.length;
  const droppedSnoozes = rawSnoozes.length - snoozes.length;
  if (droppedPins > 0 || droppedSnoozes > 0) {
    const pinsText = droppedPins === 1 ? translated`${droppedPins} pin` : translated`${droppedPins} pins`;
    const snoozesText = droppedSnoozes === 1 ? translated`${droppedSnoozes} snooze` : translated`${droppedSnoozes} snoozes`;
    report(translated`Dropped ${pinsText} and ${snoozesText} that were saved damaged or twice; the other pins and snoozes still apply.`);
  }
  return { pins, snoozes };
}
