// Texts the focus UI shows, kept pure so the countdown's cost and format can be tested.
import { format } from 'date-fns';
import { translated } from '../inertText';
import { isPaused, remainingMs } from './focusMachine';
import { focusTypeLabel, type ActiveBlock, type BreakPeriod, type FocusState } from './types';

/** 47:12, or 1:05:00 past an hour. Rounds up, so a block shows 25:00 at its start and 0:00 only at its end. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

/** 1 h 05 min, 25 min, 0 min. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(Math.max(0, ms) / 60_000);
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? translated`${hours} h ${String(minutes % 60).padStart(2, '0')} min` : translated`${minutes} min`;
}

export function formatClock(time: number): string {
  return format(time, 'HH:mm');
}

export function blockTitle(block: Pick<ActiveBlock, 'type' | 'label'>): string {
  return block.label ? `${focusTypeLabel[block.type]}: ${block.label}` : focusTypeLabel[block.type];
}

/** The status bar text while a block runs: `$(clock) 47:12 · Deep work`. */
export function blockStatusText(block: ActiveBlock, now: number): string {
  const icon = isPaused(block) ? '$(debug-pause)' : '$(clock)';
  return `${icon} ${formatCountdown(remainingMs(block, now))} · ${focusTypeLabel[block.type]}`;
}

export function breakStatusText(brk: BreakPeriod, now: number): string {
  return translated`$(coffee) ${formatCountdown(brk.endsAt - now)} · Break`;
}

/** The idle item's text; a function, so it is read in the display language of the moment. */
export function idleStatusText(): string {
  return translated`$(target) Focus`;
}

/** What the status bar item says at `now`. */
export function focusStatusText(state: FocusState, now: number): string {
  if (state.block) return blockStatusText(state.block, now);
  if (state.break) return breakStatusText(state.break, now);
  return idleStatusText();
}

/**
 * The busy message guards publish, e.g. "Focusing until 11:00". Not translated: teammates read it on
 * GitHub and Slack, and isBusyMessageFor recognises it by these words, from any machine.
 */
export function busyMessage(endsAt: number): string {
  return `Focusing until ${formatClock(endsAt)}`;
}

/** What guards publish for a target: busy for a block, off for the evening after End My Day. Not translated: as busyMessage. */
export function statusMessage(target: { readonly kind?: 'focus' | 'off'; readonly endsAt: number }): string {
  return target.kind === 'off' ? `Off until ${format(target.endsAt, 'EEE HH:mm')}` : busyMessage(target.endsAt);
}

const busyPattern = /^(?:Focusing until|Off until (?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)) (\d\d):(\d\d)$/;
const minutesPerDay = 24 * 60;

/**
 * Whether `message` is what busyMessage (or statusMessage) made for a block ending at `endsAt`, on this machine or on
 * another one in any time zone (a second Lead Desk that shares no storage with this one). Zones
 * differ from UTC by whole quarter hours, so the clock in the text and the end agree modulo 15 min.
 */
export function isBusyMessageFor(message: string | null | undefined, endsAt: number): boolean {
  const m = busyPattern.exec(message ?? '');
  if (!m || !Number.isFinite(endsAt)) return false;
  const shown = Number(m[1]) * 60 + Number(m[2]);
  if (shown >= minutesPerDay) return false;
  const utc = Math.floor(endsAt / 60_000) % minutesPerDay;
  return (((shown - utc) % minutesPerDay) + minutesPerDay) % 15 === 0;
}

/** How long until the text changes again: the countdown ticks on whole seconds of the remaining time. */
export function msUntilNextSecond(remaining: number): number {
  const rest = remaining % 1000;
  return rest === 0 ? 1000 : rest;
}

/** What Stop says: a block stopped within its first minute did not take "0 min". */
export function stoppedText(focusedMs: number, type: string): string {
  return focusedMs < 60_000 ? translated`Stopped before a minute of ${type} passed.` : translated`Stopped after ${formatDuration(focusedMs)} of ${type}.`;
}

/** The Focus view's Today line: only blocks that ran to their end count as done; stopped ones apart. */
export function todaySummary(blocks: ReadonlyArray<{ readonly outcome: 'completed' | 'stopped' }>, totalMs: number): string {
  const done = blocks.filter((b) => b.outcome === 'completed').length;
  const stopped = blocks.length - done;
  const focused = formatDuration(totalMs);
  const summary = done === 1 ? translated`${focused} of focus · ${done} block done` : translated`${focused} of focus · ${done} blocks done`;
  return stopped ? translated`${summary} · ${stopped} stopped early` : summary;
}
