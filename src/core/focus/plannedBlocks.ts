// One-off blocks saved for a later slot (Find Focus Time). They live in the shared focus state and
// become schedule occurrences, so the scheduler starts them with the weekly blocks' meeting rules.
import { translated } from '../inertText';
import { dayMonthAndClock } from '../dateWords';
import { format } from 'date-fns';
import { maxBlockMinutes, minuteMs, next, FocusTransitionError } from './focusMachine';
import type { Occurrence } from './schedule';
import type { FocusState, PlannedBlock } from './types';

/** At most this many saved blocks; more is a runaway command, not a plan. */
const maxPlanned = 50;

/** The occurrence id starts with the day, so handled ids are pruned like the weekly schedule's. Not translated: an id. */
export function plannedOccurrence(p: PlannedBlock): Occurrence {
  return { id: `${format(p.start, 'yyyy-MM-dd')} planned ${p.id}`, entryIndex: -1, label: p.label, type: p.type, start: p.start, end: p.end };
}

/** Saved blocks that have not ended by `now`, soonest first. */
export function livePlanned(state: FocusState, now: number): PlannedBlock[] {
  return (state.planned ?? []).filter((p) => p.end > now).sort((a, b) => a.start - b.start);
}

/** Saves a block for later; refuses one in the past, too long, or overlapping another saved block. */
export function planBlock(state: FocusState, block: PlannedBlock, now: number): FocusState {
  if (block.end <= now) throw new FocusTransitionError('invalidMinutes', translated`That time is already over; pick a slot that has not ended.`);
  if (block.end <= block.start || block.end - block.start > maxBlockMinutes * minuteMs) {
    throw new FocusTransitionError('invalidMinutes', translated`A focus block must be between 1 and ${maxBlockMinutes} minutes.`);
  }
  const live = livePlanned(state, now);
  const clash = live.find((p) => p.start < block.end && block.start < p.end);
  if (clash) throw new FocusTransitionError('alreadyRunning', translated`A block is already saved for ${dayMonthAndClock(clash.start)}–${format(clash.end, 'HH:mm')}.`);
  return next(state, { planned: [...live, block].sort((a, b) => a.start - b.start).slice(0, maxPlanned) });
}

/** Removes a saved block (and drops ended ones); the same state when there is nothing to remove. */
export function unplanBlock(state: FocusState, id: string, now: number): FocusState {
  const all = state.planned ?? [];
  const kept = livePlanned(state, now).filter((p) => p.id !== id);
  return kept.length === all.length ? state : next(state, { planned: kept });
}
