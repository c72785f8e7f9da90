// The focus block's records. Everything here is plain JSON, because it lives in VS Code's global
// storage, which every window of the same user reads.
import { translated } from '../inertText';
import type { PullRequestRef } from '../pullRequestRef';

export type FocusType = 'deepWork' | 'review' | 'planning';

export const focusTypes: readonly FocusType[] = ['deepWork', 'review', 'planning'];

// Getters, so each read follows the display language of the moment it is shown.
export const focusTypeLabel: Readonly<Record<FocusType, string>> = {
  get deepWork() {
    return translated`Deep work`;
  },
  get review() {
    return translated`Review`;
  },
  get planning() {
    return translated`Planning`;
  },
};

export function isFocusType(value: unknown): value is FocusType {
  return typeof value === 'string' && (focusTypes as readonly string[]).includes(value);
}

/** Where a block came from: the start command, the weekly schedule, or "review this PR" from the queue. */
export type BlockSource = 'manual' | 'schedule' | 'review';

/** A block that is running or paused. Times are epoch milliseconds. */
export interface ActiveBlock {
  readonly id: string;
  readonly type: FocusType;
  /** "Heads-down" from the schedule, or the pull request's title for a review block. */
  readonly label?: string;
  readonly source: BlockSource;
  /** The schedule occurrence this block was started for. */
  readonly occurrenceId?: string;
  readonly pullRequest?: PullRequestRef;
  readonly startedAt: number;
  /**
   * The planned end. While paused it keeps the value it had when the pause began; resuming moves it
   * later by the length of the pause, so the remaining time never changes during a pause.
   */
  readonly endsAt: number;
  /** Set while paused. */
  readonly pausedAt?: number;
  /** Paused time of earlier, finished pauses. */
  readonly pausedMs: number;
}

export type BlockOutcome = 'completed' | 'stopped';

export interface FinishedBlock {
  readonly id: string;
  readonly type: FocusType;
  readonly label?: string;
  readonly source: BlockSource;
  readonly startedAt: number;
  readonly endedAt: number;
  /** Time spent focusing, pauses excluded. */
  readonly focusedMs: number;
  readonly outcome: BlockOutcome;
}

/** A break the user accepted after a block. */
export interface BreakPeriod {
  readonly startedAt: number;
  readonly endsAt: number;
  readonly afterBlockId: string;
}

/** A break the user took, kept for the week's figures; `endsAt` is moved earlier when it ends early. */
export interface TakenBreak {
  readonly startedAt: number;
  readonly endsAt: number;
}

/** Set by End My Day: the lead is off until the next working morning, and the guards may say so. */
export interface OffDuty {
  /** Stands in for a block id in the guard records. */
  readonly id: string;
  readonly since: number;
  readonly until: number;
}

/** A break offered when a block completed, not yet accepted or declined. */
export interface BreakOffer {
  readonly blockId: string;
  readonly offeredAt: number;
}

/**
 * A one-off block saved for later (Find Focus Time): the scheduler starts it at `start` with the
 * same meeting rules as a weekly block. Kept in the shared state so every window and a reload see it.
 */
export interface PlannedBlock {
  readonly id: string;
  readonly type: FocusType;
  readonly label: string;
  /** Epoch ms. */
  readonly start: number;
  readonly end: number;
}

export interface FocusState {
  readonly version: 1;
  /** Grows with every change, so a window can tell cheaply that another window changed the state. */
  readonly revision: number;
  readonly block?: ActiveBlock;
  readonly break?: BreakPeriod;
  readonly breakOffer?: BreakOffer;
  /** Finished blocks, newest last, pruned to the last few days. */
  readonly history: readonly FinishedBlock[];
  /**
   * Schedule occurrences that are taken care of: started, skipped, or covered by a block the user
   * started by hand. Pruned with the history.
   */
  readonly handledOccurrences: readonly string[];
  /** Breaks taken, newest last, pruned with the history (absent in states written before breaks were kept). */
  readonly breaks?: readonly TakenBreak[];
  /** The day is over (End My Day) until then; a block started meanwhile ends it. */
  readonly off?: OffDuty;
  /** One-off blocks saved for later, soonest first (absent in states written before they existed). */
  readonly planned?: readonly PlannedBlock[];
}

export const emptyFocusState: FocusState = { version: 1, revision: 0, history: [], handledOccurrences: [] };

/** What the guards are asked to protect: the running or paused block, or the evening after End My Day. */
export interface GuardTarget {
  /** 'off' publishes "Off until Mon 09:00" instead of "Focusing until 11:00"; absent means 'focus'. */
  readonly kind?: 'focus' | 'off';
  readonly blockId: string;
  readonly type: FocusType;
  readonly label?: string;
  /** Planned end, epoch ms. */
  readonly endsAt: number;
}
