// The do-not-disturb guard interface. A guard snapshots what is there, engages (sets "busy"), and
// releases (puts the snapshot back). A new guard, e.g. Microsoft Teams, is one more file that
// implements this interface; the orchestrator persists its snapshot and plan and retries it.
import type { GuardId } from '../core/focus/guardCatalogue';
import type { GuardTarget } from '../core/focus/types';

export type { GuardTarget };

/** What engaging did: set our busy state, or found that the user had changed it during the block. */
export type EngageOutcome = 'engaged' | 'userChanged';

/**
 * What releasing did: `restored` the snapshot, `cleared` (there was nothing before), left the user's
 * own change alone (`userChanged`), or found nothing of ours left to undo (`nothingToRestore`).
 */
export type ReleaseOutcome = 'restored' | 'cleared' | 'userChanged' | 'nothingToRestore';

/** How the orchestrator calls engage. */
export interface EngageOptions {
  /**
   * An earlier attempt with this plan may have been applied with its answer lost (a timeout, a
   * reset, a 5xx, a crash): read what is there first and do not write what is already set.
   */
  readonly retry?: boolean;
}

/**
 * `S` is the snapshot and `P` the plan (what engage sets). Both are plain JSON: they are stored in
 * shared storage before engage runs, so that a window started after a crash can finish the restore.
 */
export interface Guard<S = unknown, P = unknown> {
  /** Stable id, used as the storage key: `githubStatus`, `notifications`, `slack`. */
  readonly id: GuardId;
  /** For the view and messages: "GitHub Busy status". */
  readonly label: string;
  /**
   * Reads what is there now, to put it back later. A state Lead Desk itself set (this window, an
   * earlier run, or another profile or machine that shares no storage) is never taken for the
   * user's own.
   */
  snapshot(): Promise<S>;
  /** What engage will set for this block. Pure. */
  plan(target: GuardTarget, snapshot: S): P;
  /**
   * Sets the busy state. With `previous` (the block was extended or resumed), updates it, unless the
   * user changed it since we set `previous`: then it leaves theirs alone and says `userChanged`.
   * Both `previous` and `plan` count as ours (the update may have landed before a crash).
   */
  engage(plan: P, previous: P | undefined, options?: EngageOptions): Promise<EngageOutcome>;
  /**
   * Puts `snapshot` back, unless the current state is no longer one we set. `previous` is an
   * earlier plan that may still be what is set (an update whose answer was lost).
   */
  release(snapshot: S, plan: P, now: number, previous?: P): Promise<ReleaseOutcome>;
  /** After this time a failed restore is not retried any more. */
  restoreDeadline(snapshot: S, plan: P, releaseStartedAt: number): number;
  /**
   * At the deadline: true when nothing is lost by giving up, because what we set and what was there
   * before have both expired by themselves. Otherwise the user is told the restore failed.
   */
  expiredAnyway(snapshot: S, plan: P, now: number): boolean;
  /** One line for the view about what is set, e.g. `Busy: "Focusing until 11:00"`. */
  describe(plan: P): string;
  /** Checks a stored snapshot's shape, so a damaged record is dropped rather than acted on. */
  isSnapshot?(value: unknown): value is S;
  /** Checks a stored plan's shape. */
  isPlan?(value: unknown): value is P;
}

/** A guard as the orchestrator sees it: whether the settings enable it right now. */
export interface GuardEntry {
  readonly guard: Guard;
  readonly enabled: boolean;
}
