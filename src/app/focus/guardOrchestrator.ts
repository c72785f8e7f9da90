// Drives every guard toward what the focus state asks for, persisting each step in shared storage
// before acting, so that any window (or a fresh start after a crash) can pick up where the last
// one stopped. A failing guard never stops the block: it records a warning and is retried with
// backoff. A failed restore is retried until it works or until the guard says it no longer matters.
//
// No editor and no network here: guards do the I/O, the clock and the storage are injected.
import { translated } from '../../core/inertText';
import type { Clock } from '../../core/clock';
import type { Logger } from '../../core/logger';
import { FocusStoreKey, guardRecordKey, type SharedStore } from '../../core/focus/sharedStore';
import type { GuardId } from '../../core/focus/guardCatalogue';
import { defaultRetryPolicy, nextAttemptAt, type RetryPolicy } from '../../core/focus/retryPolicy';
import type { GuardTarget } from '../../core/focus/types';
import type { Guard, GuardEntry, ReleaseOutcome } from '../../guards/guard';
import { asGuardError, GuardError } from '../../guards/guardError';
import { finalPhases, legacyRecordsLeft, liveForRelease, reviveGuardRecord, storedGuardRecord, type GuardRecord, type GuardRecords, type ReadRecord } from './guardRecords';
import { errorText } from '../../core/errorText';

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
  /**
   * Whether this window may change guard records now: only the lease holder may. Checked before
   * every write, because a slow guard call can outlast the lease. Without it, always.
   */
  readonly mayWrite?: () => boolean;
  /** Releases in flight, shared by every orchestrator in this extension host (tests pass their own). */
  readonly releases?: Map<string, Promise<void>>;
}

/**
 * A coordinator rebuilt while the old one is still restoring would otherwise restore again: the
 * second run finds the status already put back, takes it for the user's own change, and the view
 * says "left as you set it". So a release of a block that is already under way joins it.
 */
const releasesInFlight = new Map<string, Promise<void>>();

/** Without a block end to wait for, a guard that lacks a scope waits this long before trying again. */
const noScopeWaitMs = 24 * 3600_000;

type Action = 'none' | 'engage' | 'reengage' | 'retarget' | 'release' | 'forget';

/** This window lost the lease during a step: the step stops, and the holder takes over from the record. */
class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
}

export class GuardOrchestrator {
  private latest: GuardTarget | undefined;
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly dirty = new Set<string>();
  private readonly callTimeoutMs: number;
  private readonly retry: RetryPolicy;
  private readonly retargetMs: number;
  /** Damaged records already reported, so a record that stays damaged is reported once. */
  private readonly warned = new Set<string>();
  private readonly releases: Map<string, Promise<void>>;
  /** The record this window last wrote per guard, while it holds the lease (see read). */
  private readonly written = new Map<GuardId, GuardRecord>();

  constructor(private readonly options: GuardOrchestratorOptions) {
    this.releases = options.releases ?? releasesInFlight;
    this.retry = options.retry ?? defaultRetryPolicy;
    this.retargetMs = options.retargetMs ?? 60_000;
    this.callTimeoutMs = options.callTimeoutMs ?? 60_000;
  }

  /** Every known guard's record, checked (see guardRecords.ts). */
  records(): GuardRecords {
    const out: Record<string, GuardRecord> = {};
    for (const { guard } of this.options.guards()) {
      const { record } = this.read(guard);
      if (record) out[guard.id] = record;
    }
    return out;
  }

  private read(guard: Guard): ReadRecord & { readonly behind?: true } {
    const raw = storedGuardRecord(this.options.store, guard.id);
    const read = reviveGuardRecord(raw, guard);
    // What this window wrote counts only while it holds the lease; once it lost it, it is forgotten.
    if (!this.mayWrite()) this.written.clear();
    const mine = this.written.get(guard.id);
    // While this window holds the lease no other window writes guard records, so a stored record
    // older than the one this window last wrote (or none) was put back over ours by a store that
    // writes whole copies (VS Code's globalState, kept when the focus folder cannot be made): ours
    // stands, and is written again.
    if (mine && (!read.record || read.record.updatedAt < mine.updatedAt)) return { record: mine, behind: true };
    if (read.damage) {
      const key = `${guard.id}\n${JSON.stringify(raw)}`;
      if (!this.warned.has(key)) {
        this.warned.add(key);
        this.options.log.warn(`${guard.label}: the stored record was damaged (${read.damage}), so it was ${read.record ? 'repaired' : 'dropped'}.`);
      }
    }
    return read;
  }

  /** The latest request to retry at once; see retryNow. */
  private retryRequest(): number {
    const value = this.options.store.get<unknown>(FocusStoreKey.guardRetry);
    return typeof value === 'number' && Number.isFinite(value) ? value : 0;
  }

  /** Whether the user asked to retry after this record's last failure. */
  private retryRequested(rec: GuardRecord): boolean {
    return (rec.retrySeen ?? 0) !== this.retryRequest();
  }

  /** The earliest time a retry is due, for the caller's timer. */
  nextDueAt(): number | undefined {
    const now = this.options.clock.now();
    const due = Object.values(this.records())
      .filter((r) => !finalPhases.has(r.phase) && r.nextAttemptAt !== undefined)
      .map((r) => (this.retryRequested(r) ? Math.min(now, r.nextAttemptAt!) : r.nextAttemptAt!));
    return due.length ? Math.min(...due) : undefined;
  }

  /**
   * Drops the wait before the next retry of every failing guard, e.g. after the user signed in or
   * connected Slack. Any window may ask, holder or not: it writes a request of its own, never a guard
   * record, which only the lease holder changes. Does nothing when no guard is waiting.
   */
  async retryNow(): Promise<void> {
    const waiting = Object.values(this.records()).some((r) => r.nextAttemptAt !== undefined && !finalPhases.has(r.phase));
    if (!waiting) return;
    await this.options.store.update(FocusStoreKey.guardRetry, this.retryRequest() + 1);
  }

  /** Whether reconcile(target) would do anything now; lets the heartbeat stay cheap. */
  hasWork(target: GuardTarget | undefined): boolean {
    const now = this.options.clock.now();
    for (const { guard, enabled } of this.options.guards()) {
      const rec = this.read(guard).record;
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
    if (!rec || rec.nextAttemptAt === undefined || rec.nextAttemptAt <= now || this.retryRequested(rec)) return false;
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
          await this.safeStep(entry.guard, entry.enabled ? this.latest : undefined);
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
      timer = setTimeout(() => reject(new GuardError('offline', translated`${guard.label} did not finish ${what} within ${Math.round(ms / 1000)} s.`)), ms);
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

  /** A step that fails in an unforeseen way is logged, never thrown into the heartbeat. */
  private async safeStep(guard: Guard, target: GuardTarget | undefined): Promise<void> {
    try {
      await this.step(guard, target);
    } catch (err) {
      if (err instanceof LeaseLostError) this.options.log.debug(`${guard.label}: ${err.message}`);
      else this.options.log.error(`${guard.label}: ${errorText(err)}`);
    }
  }

  private async step(guard: Guard, target: GuardTarget | undefined): Promise<void> {
    const { record: rec, damage, behind } = this.read(guard);
    // Heal the stored record, so that it is not read damaged (or behind) again.
    if (damage || behind) await this.store(guard.id, rec ?? null);
    const now = this.options.clock.now();
    const action = this.actionFor(rec, target);
    if (action === 'none' || this.isBackingOff(rec, action, target, now)) return;
    switch (action) {
      case 'engage':
        return this.engageFresh(guard, target!, rec?.blockId === target!.blockId ? rec : undefined);
      // Every action below comes from a record (see actionFor).
      case 'reengage':
        return this.engageAgain(guard, rec!, target!);
      case 'retarget':
        return this.retarget(guard, rec!, target!);
      case 'release':
        return this.release(guard, rec!);
      case 'forget':
        return this.finish(guard, rec!, rec!.phase === 'userChanged' ? 'userChanged' : 'nothingToRestore');
    }
  }

  private async engageFresh(guard: Guard, target: GuardTarget, pending: GuardRecord | undefined): Promise<void> {
    const base = { guardId: guard.id, blockId: target.blockId, attempts: pending?.attempts ?? 0 };
    let snapshot: unknown;
    try {
      snapshot = await this.within(guard, translated`reading what is there`, () => guard.snapshot());
    } catch (err) {
      await this.fail(guard, { ...base, phase: 'pending', updatedAt: 0, by: this.options.windowId }, err);
      return;
    }
    const plan = guard.plan(target, snapshot);
    const engaging: GuardRecord = { ...base, phase: 'engaging', snapshot, plan, planEndsAt: target.endsAt, updatedAt: this.options.clock.now(), by: this.options.windowId };
    // Stored before engaging: if this window dies mid-call, the next one knows what to undo.
    await this.write(engaging);
    await this.engage(guard, engaging, false);
  }

  /** An engage or update that may have happened: the guard reads before it writes again. */
  private async engageAgain(guard: Guard, rec: GuardRecord, target: GuardTarget): Promise<void> {
    // The block may have moved since the plan was made (extended while engaging kept failing). The
    // plan that may have landed is still recognised as ours by its content.
    const moved = Math.abs((rec.planEndsAt ?? target.endsAt) - target.endsAt) >= this.retargetMs;
    const updated: GuardRecord = moved ? { ...rec, plan: guard.plan(target, rec.snapshot), planEndsAt: target.endsAt, updatedAt: this.options.clock.now(), by: this.options.windowId } : rec;
    if (moved) await this.write(updated);
    await this.engage(guard, updated, true);
  }

  private async retarget(guard: Guard, rec: GuardRecord, target: GuardTarget): Promise<void> {
    // Stored before the update is sent: if its answer is lost or this window dies, the next try
    // knows both plans, and either one found in place counts as ours.
    const updating: GuardRecord = {
      ...rec,
      phase: 'engaging',
      plan: guard.plan(target, rec.snapshot),
      planEndsAt: target.endsAt,
      previousPlan: rec.plan,
      updatedAt: this.options.clock.now(),
      by: this.options.windowId,
    };
    await this.write(updating);
    await this.engage(guard, updating, false);
  }

  private async engage(guard: Guard, rec: GuardRecord, retry: boolean): Promise<void> {
    const previous = rec.previousPlan;
    try {
      const outcome = await this.within(guard, translated`setting busy`, () => guard.engage(rec.plan, previous, { retry }));
      const next: GuardRecord = {
        ...rec,
        phase: outcome === 'userChanged' ? 'userChanged' : 'engaged',
        previousPlan: undefined,
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

  /** One release per guard and block at a time; a second request waits for the first one's result. */
  private release(guard: Guard, rec: GuardRecord): Promise<void> {
    const key = `${guard.id}\n${rec.blockId}`;
    const running = this.releases.get(key);
    if (running) {
      this.options.log.debug(`${guard.label}: a restore for this block is already under way; waiting for it`);
      return running;
    }
    const run = this.releaseOnce(guard, rec).finally(() => this.releases.delete(key));
    this.releases.set(key, run);
    return run;
  }

  private async releaseOnce(guard: Guard, rec: GuardRecord): Promise<void> {
    const startedAt = rec.releaseStartedAt ?? this.options.clock.now();
    const releasing: GuardRecord = { ...rec, phase: 'releasing', releaseStartedAt: startedAt, updatedAt: this.options.clock.now(), by: this.options.windowId };
    if (rec.phase !== 'releasing') await this.write(releasing);
    try {
      const outcome = await this.within(guard, translated`restoring`, () => guard.release(rec.snapshot, rec.plan, this.options.clock.now(), rec.previousPlan));
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
    const stored = this.read(guard).record;
    if (stored?.phase === 'released' && stored.blockId === rec.blockId) {
      // Another run (another window) finished this block's restore while this one was under way:
      // what it did is what happened, and this run only found its result.
      this.options.log.debug(`${guard.label}: already ${stored.outcome ?? 'released'} for this block; keeping that`);
      return;
    }
    const done: GuardRecord = { ...rec, phase: 'released', outcome, previousPlan: undefined, attempts: 0, nextAttemptAt: undefined, failure: undefined, updatedAt: this.options.clock.now(), by: this.options.windowId };
    await this.write(done);
    this.options.log.info(`${guard.label}: ${outcome === 'userChanged' ? 'left as you set it' : outcome}`);
    this.options.onEvent?.({ kind: 'released', guard, record: done });
  }

  private async fail(guard: Guard, rec: GuardRecord, err: unknown, deadline?: number): Promise<void> {
    const error = asGuardError(err);
    const now = this.options.clock.now();
    const attempts = rec.attempts + 1;
    let at = nextAttemptAt(attempts, now, error.retryAt, this.retry);
    // A scope the sign-in lacks never appears by waiting: the guard stays off for this block until
    // the lead signs in again (retryNow), instead of asking GitHub every few minutes in vain.
    if (error.kind === 'missingScope' && deadline === undefined) at = Math.max(at, rec.planEndsAt ?? now + noScopeWaitMs);
    if (deadline !== undefined) at = Math.min(at, deadline);
    const failed: GuardRecord = {
      ...rec,
      attempts,
      nextAttemptAt: at,
      failure: { kind: error.kind, message: error.message, at: now, scopes: error.options.scopes },
      retrySeen: this.retryRequest(),
      updatedAt: now,
      by: this.options.windowId,
    };
    await this.write(failed);
    this.options.log.warn(`${guard.label}: ${error.message} (attempt ${attempts}; next try in ${Math.round((at - now) / 1000)} s)`);
    if (rec.attempts === 0 || rec.failure?.kind !== error.kind) this.options.onEvent?.({ kind: 'failed', guard, record: failed, error });
  }

  private async write(rec: GuardRecord): Promise<void> {
    await this.store(rec.guardId, rec);
    this.written.set(rec.guardId, rec);
  }

  private mayWrite(): boolean {
    return !this.options.mayWrite || this.options.mayWrite();
  }

  /** Writes one guard's record under its own key (null: no record), if this window may. */
  private async store(guardId: GuardId, value: GuardRecord | null): Promise<void> {
    if (!this.mayWrite()) throw new LeaseLostError(translated`this window no longer holds the focus lease; the holder carries on from the stored record`);
    await this.options.store.update(guardRecordKey(guardId), value);
    // The old combined map goes once every record in it has a key of its own.
    if (this.options.store.get(FocusStoreKey.legacyGuards) !== undefined && !legacyRecordsLeft(this.options.store)) await this.options.store.update(FocusStoreKey.legacyGuards, undefined);
  }
}
