// Drives every guard toward what the focus state asks for, persisting each step in shared storage
// before acting, so that any window (or a fresh start after a crash) can pick up where the last
// one stopped. A failing guard never stops the block: it records a warning and is retried with
// backoff. A failed restore is retried until it works or until the guard says it no longer matters.
//
// No editor and no network here: guards do the I/O, the clock and the storage are injected.
import type { Clock } from '../core/focus/clock';
import type { Logger } from '../core/logger';
import { FocusStoreKey, type SharedStore } from '../core/focus/sharedStore';
import { defaultRetryPolicy, nextAttemptAt, type RetryPolicy } from '../core/focus/retryPolicy';
import type { GuardTarget } from '../core/focus/types';
import type { Guard, GuardEntry, ReleaseOutcome } from './guard';
import { asGuardError, GuardError, type GuardFailureKind } from './guardError';

export type GuardPhase =
  /** Wanted, but the snapshot could not be read yet: nothing has been set. */
  | 'pending'
  /** Snapshot and plan stored; engage not confirmed (it may have happened). */
  | 'engaging'
  | 'engaged'
  /** The user changed the state during the block; it is theirs now. */
  | 'userChanged'
  /** Restoring; retried until it works or the deadline passes. */
  | 'releasing'
  | 'released'
  /** The restore failed for good and the user was told. */
  | 'gaveUp';

export interface GuardFailure {
  readonly kind: GuardFailureKind;
  readonly message: string;
  readonly at: number;
  readonly scopes?: readonly string[];
}

export interface GuardRecord {
  readonly guardId: string;
  readonly blockId: string;
  readonly phase: GuardPhase;
  readonly snapshot?: unknown;
  readonly plan?: unknown;
  /** The block end the plan was made for; a later end (extend, resume) re-engages. */
  readonly planEndsAt?: number;
  /** Failures in a row. */
  readonly attempts: number;
  readonly nextAttemptAt?: number;
  readonly failure?: GuardFailure;
  readonly releaseStartedAt?: number;
  readonly outcome?: ReleaseOutcome | 'expired';
  readonly updatedAt: number;
  /** The window that wrote the record last. */
  readonly by: string;
}

export type GuardRecords = Readonly<Record<string, GuardRecord>>;

export type GuardEvent =
  | { readonly kind: 'engaged'; readonly guard: Guard; readonly record: GuardRecord }
  | { readonly kind: 'released'; readonly guard: Guard; readonly record: GuardRecord }
  /** The first failure of a streak (later ones are retries of the same problem). */
  | { readonly kind: 'failed'; readonly guard: Guard; readonly record: GuardRecord; readonly error: GuardError }
  | { readonly kind: 'gaveUp'; readonly guard: Guard; readonly record: GuardRecord };

export interface GuardOrchestratorOptions {
  readonly store: SharedStore;
  readonly clock: Clock;
  readonly log: Logger;
  /** Identifies this window in the records. */
  readonly windowId: string;
  /** Every guard this window knows, with whether the settings enable it now. */
  readonly guards: () => readonly GuardEntry[];
  readonly retry?: RetryPolicy;
  /** A new end at least this far from the planned one re-engages (the message shows minutes). */
  readonly retargetMs?: number;
  readonly onEvent?: (event: GuardEvent) => void;
  /** How long one guard call may take before it counts as failed. */
  readonly callTimeoutMs?: number;
}

/** Phases in which something of ours may be set, so the block's end must release it. */
type Action = 'none' | 'engage' | 'reengage' | 'retarget' | 'release' | 'forget';

const liveForRelease: ReadonlySet<GuardPhase> = new Set(['engaging', 'engaged', 'releasing']);
const finalPhases: ReadonlySet<GuardPhase> = new Set(['released', 'gaveUp']);

export function readGuardRecords(store: SharedStore): GuardRecords {
  const raw = store.get<Record<string, GuardRecord>>(FocusStoreKey.guards);
  return raw && typeof raw === 'object' ? raw : {};
}

/** Whether any guard still has work to do (engaging, engaged, restoring) without a block. */
export function hasLiveGuardRecords(records: GuardRecords): boolean {
  return Object.values(records).some((r) => !finalPhases.has(r.phase));
}

export class GuardOrchestrator {
  private latest: GuardTarget | undefined;
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly dirty = new Set<string>();
  private readonly callTimeoutMs: number;
  private readonly retry: RetryPolicy;
  private readonly retargetMs: number;

  constructor(private readonly options: GuardOrchestratorOptions) {
    this.retry = options.retry ?? defaultRetryPolicy;
    this.retargetMs = options.retargetMs ?? 60_000;
    this.callTimeoutMs = options.callTimeoutMs ?? 60_000;
  }

  records(): GuardRecords {
    return readGuardRecords(this.options.store);
  }

  /** The earliest time a retry is due, for the caller's timer. */
  nextDueAt(): number | undefined {
    const due = Object.values(this.records())
      .filter((r) => !finalPhases.has(r.phase) && r.nextAttemptAt !== undefined)
      .map((r) => r.nextAttemptAt!);
    return due.length ? Math.min(...due) : undefined;
  }

  /**
   * Drops the wait before the next retry of every failing guard, e.g. after the user signed in or
   * connected Slack. Does nothing when no guard is waiting.
   */
  async retryNow(): Promise<void> {
    const records = this.records();
    const waiting = Object.values(records).filter((r) => r.nextAttemptAt !== undefined && !finalPhases.has(r.phase));
    if (waiting.length === 0) return;
    const next = { ...records };
    for (const r of waiting) next[r.guardId] = { ...r, nextAttemptAt: undefined };
    await this.options.store.update(FocusStoreKey.guards, next);
  }

  /** Whether reconcile(target) would do anything now; lets the heartbeat stay cheap. */
  hasWork(target: GuardTarget | undefined): boolean {
    const records = this.records();
    const now = this.options.clock.now();
    for (const { guard, enabled } of this.options.guards()) {
      const rec = records[guard.id];
      const action = this.actionFor(rec, target && enabled ? target : undefined);
      if (action !== 'none' && !this.isBackingOff(rec, action, target, now)) return true;
    }
    return false;
  }

  /**
   * A failed step waits for its backoff before it is tried again; a different step does not (the
   * block ending while engage keeps failing releases at once).
   */
  private isBackingOff(rec: GuardRecord | undefined, action: Action, target: GuardTarget | undefined, now: number): boolean {
    if (!rec || rec.nextAttemptAt === undefined || rec.nextAttemptAt <= now) return false;
    switch (action) {
      case 'engage':
        return rec.blockId === target?.blockId;
      case 'reengage':
      case 'retarget':
        return true;
      case 'release':
        return rec.phase === 'releasing';
      default:
        return false;
    }
  }

  /**
   * Brings every guard toward `target` (undefined: no block). Each guard runs on its own, so a slow
   * or failing service never holds up another guard. A call made while a guard is still busy is
   * folded into one more run of that guard with the newest target.
   */
  reconcile(target: GuardTarget | undefined): Promise<void> {
    this.latest = target;
    return Promise.all(this.options.guards().map(({ guard }) => this.runGuard(guard.id))).then(() => undefined);
  }

  private runGuard(id: string): Promise<void> {
    const busy = this.inFlight.get(id);
    if (busy) {
      this.dirty.add(id);
      return busy;
    }
    const run = (async () => {
      try {
        do {
          this.dirty.delete(id);
          const entry = this.options.guards().find((e) => e.guard.id === id);
          if (!entry) return;
          await this.step(entry.guard, entry.enabled ? this.latest : undefined);
        } while (this.dirty.has(id));
      } finally {
        this.inFlight.delete(id);
      }
    })();
    this.inFlight.set(id, run);
    return run;
  }

  /** A guard call that never settles (a hung connection, a command that never returns) counts as failed. */
  private within<T>(guard: Guard, what: string, work: () => Promise<T>): Promise<T> {
    const ms = this.callTimeoutMs;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new GuardError('offline', `${guard.label} did not finish ${what} within ${Math.round(ms / 1000)} s.`)), ms);
    });
    return Promise.race([work(), timeout]).finally(() => clearTimeout(timer));
  }

  private actionFor(rec: GuardRecord | undefined, target: GuardTarget | undefined): Action {
    if (target) {
      if (rec && rec.blockId !== target.blockId && liveForRelease.has(rec.phase)) return 'release';
      if (!rec || rec.blockId !== target.blockId || rec.phase === 'pending' || finalPhases.has(rec.phase)) return 'engage';
      if (rec.phase === 'engaging') return 'reengage';
      if (rec.phase === 'releasing') return 'release';
      if (rec.phase === 'engaged' && Math.abs((rec.planEndsAt ?? target.endsAt) - target.endsAt) >= this.retargetMs) return 'retarget';
      return 'none';
    }
    if (!rec) return 'none';
    if (liveForRelease.has(rec.phase)) return 'release';
    if (rec.phase === 'pending' || rec.phase === 'userChanged') return 'forget';
    return 'none';
  }

  private async step(guard: Guard, target: GuardTarget | undefined): Promise<void> {
    const rec = this.records()[guard.id];
    const now = this.options.clock.now();
    const action = this.actionFor(rec, target);
    if (action === 'none' || this.isBackingOff(rec, action, target, now)) return;
    switch (action) {
      case 'engage':
        return this.engageFresh(guard, target!, rec?.blockId === target!.blockId ? rec : undefined);
      case 'reengage':
        return this.engageAgain(guard, rec, target!);
      case 'retarget':
        return this.retarget(guard, rec, target!);
      case 'release':
        return this.release(guard, rec);
      case 'forget':
        return this.finish(guard, rec, rec.phase === 'userChanged' ? 'userChanged' : 'nothingToRestore');
    }
  }

  private async engageFresh(guard: Guard, target: GuardTarget, pending: GuardRecord | undefined): Promise<void> {
    const base = { guardId: guard.id, blockId: target.blockId, attempts: pending?.attempts ?? 0 };
    let snapshot: unknown;
    try {
      snapshot = await this.within(guard, 'reading what is there', () => guard.snapshot());
    } catch (err) {
      await this.fail(guard, { ...base, phase: 'pending', updatedAt: 0, by: this.options.windowId }, err);
      return;
    }
    const plan = guard.plan(target, snapshot);
    const engaging: GuardRecord = { ...base, phase: 'engaging', snapshot, plan, planEndsAt: target.endsAt, updatedAt: this.options.clock.now(), by: this.options.windowId };
    // Stored before engaging: if this window dies mid-call, the next one knows what to undo.
    await this.write(engaging);
    await this.engage(guard, engaging, plan, undefined);
  }

  private async engageAgain(guard: Guard, rec: GuardRecord, target: GuardTarget): Promise<void> {
    // The block may have moved since the plan was made (extended while engaging kept failing).
    const plan = Math.abs((rec.planEndsAt ?? target.endsAt) - target.endsAt) >= this.retargetMs ? guard.plan(target, rec.snapshot) : rec.plan;
    const updated: GuardRecord = plan === rec.plan ? rec : { ...rec, plan, planEndsAt: target.endsAt };
    if (updated !== rec) await this.write(updated);
    await this.engage(guard, updated, plan, undefined);
  }

  private async retarget(guard: Guard, rec: GuardRecord, target: GuardTarget): Promise<void> {
    const plan = guard.plan(target, rec.snapshot);
    await this.engage(guard, rec, plan, rec.plan, target.endsAt);
  }

  private async engage(guard: Guard, rec: GuardRecord, plan: unknown, previous: unknown, newEndsAt?: number): Promise<void> {
    try {
      const outcome = await this.within(guard, 'setting busy', () => guard.engage(plan, previous));
      const next: GuardRecord = {
        ...rec,
        phase: outcome === 'userChanged' ? 'userChanged' : 'engaged',
        plan,
        planEndsAt: newEndsAt ?? rec.planEndsAt,
        attempts: 0,
        nextAttemptAt: undefined,
        failure: undefined,
        updatedAt: this.options.clock.now(),
        by: this.options.windowId,
      };
      await this.write(next);
      this.options.log.info(`${guard.label}: ${outcome === 'userChanged' ? 'you changed it during the block, so it is left alone' : previous ? 'updated' : 'on'}`);
      if (outcome === 'engaged' && !previous) this.options.onEvent?.({ kind: 'engaged', guard, record: next });
    } catch (err) {
      await this.fail(guard, rec, err);
    }
  }

  private async release(guard: Guard, rec: GuardRecord): Promise<void> {
    const startedAt = rec.releaseStartedAt ?? this.options.clock.now();
    const releasing: GuardRecord = { ...rec, phase: 'releasing', releaseStartedAt: startedAt, updatedAt: this.options.clock.now(), by: this.options.windowId };
    if (rec.phase !== 'releasing') await this.write(releasing);
    try {
      const outcome = await this.within(guard, 'restoring', () => guard.release(rec.snapshot, rec.plan, this.options.clock.now()));
      await this.finish(guard, releasing, outcome);
    } catch (err) {
      const now = this.options.clock.now();
      const deadline = guard.restoreDeadline(rec.snapshot, rec.plan, startedAt);
      if (now >= deadline) {
        if (guard.expiredAnyway(rec.snapshot, rec.plan, now)) {
          this.options.log.info(`${guard.label}: could not restore (${asGuardError(err).message}), but what was set has expired by itself`);
          await this.finish(guard, releasing, 'expired');
          return;
        }
        const error = asGuardError(err);
        const gaveUp: GuardRecord = { ...releasing, phase: 'gaveUp', nextAttemptAt: undefined, failure: { kind: error.kind, message: error.message, at: now }, updatedAt: now };
        await this.write(gaveUp);
        this.options.log.error(`${guard.label}: giving up restoring after ${releasing.attempts + 1} attempts: ${error.message}`);
        this.options.onEvent?.({ kind: 'gaveUp', guard, record: gaveUp });
        return;
      }
      await this.fail(guard, releasing, err, deadline);
    }
  }

  private async finish(guard: Guard, rec: GuardRecord, outcome: ReleaseOutcome | 'expired'): Promise<void> {
    const done: GuardRecord = { ...rec, phase: 'released', outcome, attempts: 0, nextAttemptAt: undefined, failure: undefined, updatedAt: this.options.clock.now(), by: this.options.windowId };
    await this.write(done);
    this.options.log.info(`${guard.label}: ${outcome === 'userChanged' ? 'left as you set it' : outcome}`);
    this.options.onEvent?.({ kind: 'released', guard, record: done });
  }

  private async fail(guard: Guard, rec: GuardRecord, err: unknown, deadline?: number): Promise<void> {
    const error = asGuardError(err);
    const now = this.options.clock.now();
    const attempts = rec.attempts + 1;
    let at = nextAttemptAt(attempts, now, error.retryAt, this.retry);
    if (deadline !== undefined) at = Math.min(at, deadline);
    const failed: GuardRecord = {
      ...rec,
      attempts,
      nextAttemptAt: at,
      failure: { kind: error.kind, message: error.message, at: now, scopes: error.options.scopes },
      updatedAt: now,
      by: this.options.windowId,
    };
    await this.write(failed);
    this.options.log.warn(`${guard.label}: ${error.message} (attempt ${attempts}; next try in ${Math.round((at - now) / 1000)} s)`);
    if (rec.attempts === 0 || rec.failure?.kind !== error.kind) this.options.onEvent?.({ kind: 'failed', guard, record: failed, error });
  }

  private write(rec: GuardRecord): Promise<void> {
    // Read and write without an await in between: guards run in parallel and share one map.
    const all = { ...readGuardRecords(this.options.store), [rec.guardId]: rec };
    return this.options.store.update(FocusStoreKey.guards, all);
  }
}
