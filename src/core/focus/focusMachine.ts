// The focus block's state machine. Every transition is a pure function of the state and `now`
// (epoch ms): no timers, no storage. The caller persists the result in shared storage.
import { translated } from '../inertText';
import { startOfDay } from 'date-fns';
import type { PullRequestRef } from '../pullRequestRef';
import type { ActiveBlock, BlockSource, FinishedBlock, FocusState, FocusType, GuardTarget, TakenBreak } from './types';

export const minuteMs = 60_000;
/** Longest block or extension a user can ask for; anything longer is a typo. */
export const maxBlockMinutes = 8 * 60;
/** Finished blocks and handled schedule occurrences are kept this long (the view shows today only). */
const keepHistoryMs = 14 * 24 * 60 * minuteMs;
const maxHistory = 400;

export type FocusTransitionErrorCode = 'noBlock' | 'alreadyRunning' | 'notPaused' | 'alreadyPaused' | 'invalidMinutes' | 'noBreakOffer';

/** A transition that does not apply to the current state, e.g. pausing when nothing runs. */
export class FocusTransitionError extends Error {
  override readonly name = 'FocusTransitionError';
  constructor(readonly code: FocusTransitionErrorCode, message: string) {
    super(message);
  }
  static is(err: unknown, code?: FocusTransitionErrorCode): err is FocusTransitionError {
    return err instanceof FocusTransitionError && (code === undefined || err.code === code);
  }
}

export interface StartBlockInput {
  readonly id: string;
  readonly type: FocusType;
  readonly minutes: number;
  readonly label?: string;
  readonly source?: BlockSource;
  readonly occurrenceId?: string;
  readonly pullRequest?: PullRequestRef;
  /** A scheduled block ends at the schedule's end rather than after `minutes`. */
  readonly endsAt?: number;
}

export type FocusEvent =
  | { readonly kind: 'blockEnded'; readonly block: FinishedBlock }
  | { readonly kind: 'breakEnded'; readonly afterBlockId: string };

export interface Advanced {
  readonly state: FocusState;
  readonly events: readonly FocusEvent[];
}

function checkMinutes(minutes: number, what: string): void {
  if (!Number.isFinite(minutes) || minutes <= 0 || minutes > maxBlockMinutes) {
    throw new FocusTransitionError('invalidMinutes', translated`${what} must be between 1 and ${maxBlockMinutes} minutes.`);
  }
}

/** A new state with `changes`, one revision later, so other windows notice it. */
export function next(state: FocusState, changes: Partial<FocusState>): FocusState {
  return { ...state, ...changes, revision: state.revision + 1 };
}

function requireBlock(state: FocusState): ActiveBlock {
  if (!state.block) throw new FocusTransitionError('noBlock', translated`No focus block is running.`);
  return state.block;
}

export function isPaused(block: ActiveBlock): boolean {
  return block.pausedAt !== undefined;
}

/** Time left, frozen while paused; never negative. */
export function remainingMs(block: ActiveBlock, now: number): number {
  return Math.max(0, block.endsAt - (block.pausedAt ?? now));
}

/** Time spent focusing so far, pauses excluded. */
export function focusedMs(block: ActiveBlock, now: number): number {
  const until = Math.min(block.pausedAt ?? now, block.endsAt);
  return Math.max(0, until - block.startedAt - block.pausedMs);
}

export function startBlock(state: FocusState, input: StartBlockInput, now: number): FocusState {
  if (state.block) throw new FocusTransitionError('alreadyRunning', translated`A focus block is already running. Stop it first, or switch its type.`);
  const endsAt = input.endsAt ?? now + input.minutes * minuteMs;
  checkMinutes((endsAt - now) / minuteMs, translated`A focus block`);
  const block: ActiveBlock = {
    id: input.id,
    type: input.type,
    label: input.label,
    source: input.source ?? 'manual',
    occurrenceId: input.occurrenceId,
    pullRequest: input.pullRequest,
    startedAt: now,
    endsAt,
    pausedMs: 0,
  };
  const handled = input.occurrenceId && !state.handledOccurrences.includes(input.occurrenceId)
    ? [...state.handledOccurrences, input.occurrenceId]
    : state.handledOccurrences;
  // Starting to focus ends a break early and answers any open break offer.
  return next(state, { block, break: undefined, breakOffer: undefined, handledOccurrences: handled, breaks: endedEarly(state, now), off: undefined });
}

export function pauseBlock(state: FocusState, now: number): FocusState {
  const block = requireBlock(state);
  if (isPaused(block)) throw new FocusTransitionError('alreadyPaused', translated`The focus block is already paused.`);
  return next(state, { block: { ...block, pausedAt: Math.min(now, block.endsAt) } });
}

export function resumeBlock(state: FocusState, now: number): FocusState {
  const block = requireBlock(state);
  if (block.pausedAt === undefined) throw new FocusTransitionError('notPaused', translated`The focus block is not paused.`);
  const paused = Math.max(0, now - block.pausedAt);
  return next(state, { block: { ...block, pausedAt: undefined, pausedMs: block.pausedMs + paused, endsAt: block.endsAt + paused } });
}

export function extendBlock(state: FocusState, minutes: number, now: number): FocusState {
  const block = requireBlock(state);
  checkMinutes(minutes, translated`An extension`);
  const endsAt = block.endsAt + minutes * minuteMs;
  checkMinutes((endsAt - (block.pausedAt ?? now)) / minuteMs, translated`A focus block`);
  return next(state, { block: { ...block, endsAt } });
}

/** Changes what the block is for; a review block may name its pull request. The clock is kept. */
export function switchType(state: FocusState, type: FocusType, label?: string, pullRequest?: PullRequestRef): FocusState {
  const block = requireBlock(state);
  const same = type === block.type;
  return next(state, {
    block: {
      ...block,
      type,
      label: label ?? (same ? block.label : undefined),
      pullRequest: type === 'review' ? pullRequest ?? (same ? block.pullRequest : undefined) : undefined,
    },
  });
}

function finish(block: ActiveBlock, endedAt: number, outcome: FinishedBlock['outcome']): FinishedBlock {
  return {
    id: block.id,
    type: block.type,
    label: block.label,
    source: block.source,
    startedAt: block.startedAt,
    endedAt,
    focusedMs: focusedMs(block, endedAt),
    outcome,
  };
}

function withHistory(state: FocusState, finished: FinishedBlock, now: number): readonly FinishedBlock[] {
  return [...state.history, finished].filter((b) => b.endedAt >= now - keepHistoryMs).slice(-maxHistory);
}

/** Ends the block early, at the user's request. */
export function stopBlock(state: FocusState, now: number): { state: FocusState; finished: FinishedBlock } {
  const block = requireBlock(state);
  const finished = finish(block, Math.min(now, block.endsAt), 'stopped');
  return { state: next(state, { block: undefined, history: withHistory(state, finished, now) }), finished };
}

/** Drops the block without recording it: "Skip" on a scheduled block that just started. */
export function cancelBlock(state: FocusState, blockId: string): FocusState {
  if (state.block?.id !== blockId) return state;
  return next(state, { block: undefined });
}

/**
 * Moves time forward: a running block whose end has passed completes (at its planned end, even if
 * nobody was watching then), and an accepted break that is over ends. Returns the same object when
 * nothing changed, so callers can skip the write.
 */
export function advance(state: FocusState, now: number): Advanced {
  const events: FocusEvent[] = [];
  let current = state;
  const block = current.block;
  if (block && !isPaused(block) && block.endsAt <= now) {
    const finished = finish(block, block.endsAt, 'completed');
    current = next(current, { block: undefined, history: withHistory(current, finished, now), breakOffer: { blockId: block.id, offeredAt: now } });
    events.push({ kind: 'blockEnded', block: finished });
  }
  if (current.off && current.off.until <= now) current = next(current, { off: undefined });
  if (current.break && current.break.endsAt <= now) {
    events.push({ kind: 'breakEnded', afterBlockId: current.break.afterBlockId });
    current = next(current, { break: undefined });
  }
  return { state: current, events };
}

function withBreak(state: FocusState, taken: TakenBreak, now: number): readonly TakenBreak[] {
  return [...(state.breaks ?? []), taken].filter((b) => b.endsAt >= now - keepHistoryMs).slice(-maxHistory);
}

/** The recorded breaks, with the running one cut short at `now`. */
function endedEarly(state: FocusState, now: number): readonly TakenBreak[] | undefined {
  const running = state.break;
  const breaks = state.breaks;
  if (!running || !breaks?.length) return breaks;
  return breaks.map((b) => (b.startedAt === running.startedAt && b.endsAt > now ? { ...b, endsAt: Math.max(b.startedAt, now) } : b));
}

export function acceptBreak(state: FocusState, minutes: number, now: number): FocusState {
  const offer = state.breakOffer;
  if (!offer || state.block) throw new FocusTransitionError('noBreakOffer', translated`There is no break to take right now.`);
  checkMinutes(minutes, translated`A break`);
  const taken = { startedAt: now, endsAt: now + minutes * minuteMs };
  return next(state, { breakOffer: undefined, break: { ...taken, afterBlockId: offer.blockId }, breaks: withBreak(state, taken, now) });
}

/**
 * A break taken when suggested during a long stretch: the running block ends (recorded as
 * stopped) and the break starts. Without a block, it is a break all the same.
 */
export function takeBreak(state: FocusState, minutes: number, now: number): FocusState {
  checkMinutes(minutes, translated`A break`);
  const block = state.block;
  const stopped = block ? stopBlock(state, now).state : state;
  const taken = { startedAt: now, endsAt: now + minutes * minuteMs };
  return next(stopped, { breakOffer: undefined, break: { ...taken, afterBlockId: block?.id ?? '' }, breaks: withBreak(stopped, taken, now) });
}

/** Ends the running block at `endsAt` instead (e.g. when the next meeting starts); at once if that is past. */
export function endBlockAt(state: FocusState, endsAt: number, now: number): FocusState {
  const block = requireBlock(state);
  if (endsAt <= now) return stopBlock(state, now).state;
  if (isPaused(block)) return next(state, { block: { ...block, endsAt: Math.max(endsAt, block.pausedAt! + 1) } });
  return next(state, { block: { ...block, endsAt } });
}

/** End My Day: off until `until`. A running block is stopped and recorded first. */
export function endDay(state: FocusState, id: string, until: number, now: number): FocusState {
  if (until <= now) throw new FocusTransitionError('invalidMinutes', translated`The next working morning must be in the future.`);
  const stopped = state.block ? stopBlock(state, now).state : state;
  return next(stopped, { off: { id, since: now, until }, break: undefined, breakOffer: undefined, breaks: endedEarly(stopped, now) });
}

/** Back before the morning: the status goes back to what it was. */
export function resumeDay(state: FocusState): FocusState {
  if (!state.off) return state;
  return next(state, { off: undefined });
}

/**
 * The stretch of focus now without a break: the running block plus earlier blocks that ended less
 * than `gapMs` before the next one started, stopping at a recorded break. Undefined when no block
 * runs (paused counts as a break in the making, so nothing is suggested while paused).
 */
export function focusStretch(state: FocusState, now: number, gapMs: number): { readonly since: number; readonly focusedMs: number } | undefined {
  const block = state.block;
  if (!block || isPaused(block)) return undefined;
  const lastBreakEnd = Math.max(0, ...(state.breaks ?? []).map((b) => Math.min(b.endsAt, now)));
  let since = Math.max(block.startedAt, lastBreakEnd);
  let total = focusedMs(block, now) - Math.max(0, lastBreakEnd - block.startedAt);
  const earlier = [...state.history].sort((a, b) => b.endedAt - a.endedAt);
  for (const b of earlier) {
    if (b.endedAt <= lastBreakEnd || since - b.endedAt >= gapMs) break;
    total += b.focusedMs;
    since = b.startedAt;
  }
  return { since, focusedMs: Math.max(0, total) };
}

export function declineBreak(state: FocusState): FocusState {
  if (!state.breakOffer) return state;
  return next(state, { breakOffer: undefined });
}

/** Ends an accepted break early; the week counts it only up to now. */
export function endBreak(state: FocusState, now?: number): FocusState {
  if (!state.break) return state;
  return next(state, { break: undefined, breaks: now === undefined ? state.breaks : endedEarly(state, now) });
}

export function markOccurrencesHandled(state: FocusState, ids: readonly string[], keepSince: (id: string) => boolean = () => true): FocusState {
  const fresh = ids.filter((id) => !state.handledOccurrences.includes(id));
  if (fresh.length === 0) return state;
  return next(state, { handledOccurrences: [...state.handledOccurrences.filter(keepSince), ...fresh].slice(-maxHistory) });
}

/** Finished blocks that ended today (local calendar day of `now`). */
export function todaysBlocks(state: FocusState, now: number): FinishedBlock[] {
  const dayStart = startOfDay(now).getTime();
  return state.history.filter((b) => b.endedAt >= dayStart && b.endedAt <= now);
}

/** Today's focus time: finished blocks plus the running block's time so far (from today only). */
export function todaysFocusMs(state: FocusState, now: number): number {
  const dayStart = startOfDay(now).getTime();
  const finished = todaysBlocks(state, now).reduce((sum, b) => sum + b.focusedMs, 0);
  const block = state.block;
  if (!block) return finished;
  const counted = focusedMs(block, now) - (block.startedAt < dayStart ? Math.max(0, dayStart - block.startedAt) : 0);
  return finished + Math.max(0, counted);
}

/** What the guards should protect now; undefined when there is no block. Paused blocks stay protected. */
export function guardTarget(state: FocusState): GuardTarget | undefined {
  const block = state.block;
  if (block) return { blockId: block.id, type: block.type, label: block.label, endsAt: block.endsAt };
  if (state.off) return { kind: 'off', blockId: state.off.id, type: 'planning', endsAt: state.off.until };
  return undefined;
}
