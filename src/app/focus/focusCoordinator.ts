// Ties the focus block to the guards across windows. Every window runs one coordinator over the
// same shared storage. Any window may change the block (the user clicks where they are); only the
// lease holder ends blocks that ran out, starts scheduled blocks and performs guard actions, so
// each transition reaches GitHub and Slack exactly once however many windows are open.
//
// Plain Node: the clock, the storage, the guards and the schedule are injected, and the caller
// drives it by calling pulse() from its timer.
import { randomUUID } from 'node:crypto';
import type { CalendarEvent, MeetingSource } from '../../core/calendar/calendarEvent';
import type { Clock } from '../../core/clock';
import type { Logger } from '../../core/logger';
import type { PullRequestRef } from '../../core/pullRequestRef';
import {
  acceptBreak,
  advance,
  cancelBlock,
  type Advanced,
  declineBreak,
  endBlockAt,
  endBreak,
  endDay,
  extendBlock,
  guardTarget,
  markOccurrencesHandled,
  pauseBlock,
  resumeBlock,
  resumeDay,
  startBlock,
  stopBlock,
  switchType,
  takeBreak,
  type StartBlockInput,
} from '../../core/focus/focusMachine';
import { defaultLeaseOptions, holdsLease, isLease, leaseStep, type Lease, type LeaseOptions } from '../../core/focus/lease';
import type { RetryPolicy } from '../../core/focus/retryPolicy';
import { decideSchedule, isRecentOccurrenceId, nextMeeting, nextOccurrenceStart, type Occurrence, type ScheduleEntry } from '../../core/focus/schedule';
import { livePlanned, planBlock, plannedOccurrence, unplanBlock } from '../../core/focus/plannedBlocks';
import { FocusStoreKey, type SharedStore } from '../../core/focus/sharedStore';
import { onceEach, reviveFocusState } from '../../core/focus/storedFocusState';
import type { ActiveBlock, FinishedBlock, FocusState, FocusType, PlannedBlock } from '../../core/focus/types';
import type { GuardEntry } from '../../guards/guard';
import { GuardOrchestrator, type GuardEvent } from './guardOrchestrator';
import { hasLiveGuardRecords, type GuardRecords } from './guardRecords';
import { errorText } from '../../core/errorText';

export type CoordinatorEvent =
  /** A block ran to its end (reported by the window that recorded it). */
  | { readonly kind: 'blockEnded'; readonly block: FinishedBlock; readonly state: FocusState }
  /** The schedule started a block (reported by the window that started it); `after` is the meeting it waited for. */
  | { readonly kind: 'scheduledStart'; readonly block: ActiveBlock; readonly occurrence: Occurrence; readonly after?: CalendarEvent }
  /** A scheduled block's time began in a meeting: it starts when the meeting ends (reported once). */
  | { readonly kind: 'scheduledDelayed'; readonly occurrence: Occurrence; readonly meeting: CalendarEvent; readonly until: number }
  /** Meetings left too little of a scheduled block, so it was skipped. */
  | { readonly kind: 'scheduledSkipped'; readonly occurrence: Occurrence; readonly meeting: CalendarEvent; readonly leftMs: number }
  /** The running block will run into a meeting that starts soon (reported once per block and meeting). */
  | { readonly kind: 'meetingSoon'; readonly block: ActiveBlock; readonly meeting: CalendarEvent }
  | { readonly kind: 'breakEnded'; readonly state: FocusState }
  | { readonly kind: 'guard'; readonly event: GuardEvent };

export interface FocusCoordinatorOptions {
  readonly store: SharedStore;
  readonly clock: Clock;
  readonly log: Logger;
  /** Unique per window (per extension host run). */
  readonly windowId: string;
  readonly guards: () => readonly GuardEntry[];
  readonly schedule: () => readonly ScheduleEntry[];
  /** The lead's calendar, when one is configured: scheduled blocks avoid meetings and warn before them. */
  readonly meetings?: () => MeetingSource | undefined;
  readonly lease?: LeaseOptions;
  readonly retry?: RetryPolicy;
  readonly newId?: () => string;
}

type Listener<T> = (value: T) => void;

/** How long before a meeting a running block says so. */
export const meetingWarningMs = 5 * 60_000;
/** How far around now meetings are looked at. */
const meetingHorizonMs = 12 * 3600_000;

export class FocusCoordinator {
  readonly orchestrator: GuardOrchestrator;
  private readonly leaseOptions: LeaseOptions;
  private readonly newId: () => string;
  private readonly eventListeners = new Set<Listener<CoordinatorEvent>>();
  private readonly changeListeners = new Set<Listener<void>>();
  private pulsing: Promise<void> | undefined;
  private pulseAgain = false;
  private eagerAgain = false;
  private holding = false;
  private seen = '';
  private disposed = false;
  /** Delays and meeting warnings already reported by this window, so each is said once. */
  private readonly announced = new Set<string>();

  constructor(private readonly options: FocusCoordinatorOptions) {
    this.leaseOptions = options.lease ?? defaultLeaseOptions;
    this.newId = options.newId ?? (() => randomUUID());
    this.orchestrator = new GuardOrchestrator({
      store: options.store,
      clock: options.clock,
      log: options.log,
      windowId: options.windowId,
      guards: options.guards,
      retry: options.retry,
      // A guard call can outlast the lease; a window that lost it must not write over the new holder.
      mayWrite: () => !this.disposed && this.isHolder(),
      onEvent: (event) => {
        this.emit({ kind: 'guard', event });
        this.changed();
      },
    });
  }

  get windowId(): string {
    return this.options.windowId;
  }

  onEvent(listener: Listener<CoordinatorEvent>): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** Fires when the block, a guard record or this window's lease changes. */
  onDidChange(listener: Listener<void>): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private emit(event: CoordinatorEvent): void {
    for (const listener of [...this.eventListeners]) listener(event);
  }

  /** Damage in the stored state is repaired on every read, but logged once. */
  private readonly warnDamage = onceEach((problem) => this.options.log.warn(problem));

  private readState(): FocusState {
    return reviveFocusState(this.options.store.get(FocusStoreKey.state), { now: this.options.clock.now(), warn: this.warnDamage });
  }

  /** The state as of now: a block whose time is up shows as ended even before the holder records it. */
  state(): FocusState {
    return advance(this.readState(), this.options.clock.now()).state;
  }

  guardRecords(): GuardRecords {
    return this.orchestrator.records();
  }

  lease(): Lease | undefined {
    const raw = this.options.store.get<unknown>(FocusStoreKey.lease);
    return isLease(raw) ? raw : undefined;
  }

  /** Whether this window performs the guard actions right now. */
  isHolder(): boolean {
    return holdsLease(this.lease(), this.options.windowId, this.options.clock.now(), this.leaseOptions);
  }

  private changed(): void {
    const state = this.readState();
    const records = this.orchestrator.records();
    const signature = `${state.revision}|${this.holding}|${Object.values(records).map((r) => `${r.guardId}:${r.phase}:${r.updatedAt}`).join(',')}`;
    if (signature === this.seen) return;
    this.seen = signature;
    for (const listener of [...this.changeListeners]) listener();
  }

  private wantsLease(state: FocusState): boolean {
    return !!state.block || !!state.break || !!state.off || hasLiveGuardRecords(this.orchestrator.records()) || this.options.schedule().length > 0 || livePlanned(state, this.options.clock.now()).length > 0;
  }

  /**
   * One heartbeat: renew or take the lease, and if this window holds it, record blocks that ran
   * out, start scheduled blocks and bring the guards in line. Overlapping calls share one run.
   */
  pulse(): Promise<void> {
    return this.run(false);
  }

  /** One run of heartbeats at a time; a request made during a run gets one more run after it. */
  private run(eager: boolean): Promise<void> {
    if (this.disposed) return Promise.resolve();
    if (this.pulsing) {
      this.pulseAgain = true;
      this.eagerAgain ||= eager;
      return this.pulsing;
    }
    this.pulsing = (async () => {
      try {
        let first = eager;
        do {
          this.pulseAgain = false;
          this.eagerAgain = false;
          await this.pulseOnce(first);
          first = this.eagerAgain;
        } while (this.pulseAgain && !this.disposed);
      } catch (err) {
        this.options.log.error(`focus heartbeat failed: ${errorText(err)}`);
      } finally {
        this.pulsing = undefined;
      }
    })();
    return this.pulsing;
  }

  private async updateLease(eager: boolean): Promise<void> {
    const now = this.options.clock.now();
    const current = this.lease();
    const wanted = this.wantsLease(this.state());
    // The window the user acts in may take a lease nobody holds at once; background takeovers wait
    // for the settle time, so that windows racing for it agree first.
    const options = eager && (!current || current.expiresAt <= now) ? { ...this.leaseOptions, settleMs: 0 } : this.leaseOptions;
    const decision = leaseStep(current, this.options.windowId, now, wanted, options);
    if (decision.step.kind === 'write') {
      const lease = decision.step.lease && options.settleMs === 0 && this.leaseOptions.settleMs > 0
        ? { ...decision.step.lease, acquiredAt: decision.step.lease.acquiredAt - this.leaseOptions.settleMs }
        : decision.step.lease;
      await this.options.store.update(FocusStoreKey.lease, lease);
      if (decision.step.lease?.holder === this.options.windowId && current?.holder !== this.options.windowId) {
        this.options.log.debug(`window ${this.options.windowId} took the focus lease${current ? ` from ${current.holder}` : ''}`);
      }
    }
    this.holding = decision.holding;
  }

  private async pulseOnce(eager: boolean): Promise<void> {
    await this.updateLease(eager);
    if (!this.holding || this.disposed) {
      this.changed();
      return;
    }
    const now = this.options.clock.now();
    // Read, decide and write without an await in between, so this window never writes over a
    // change it has not seen.
    const raw = this.readState();
    const { state: advanced, events } = advance(raw, now);
    let state = advanced;
    const schedule = this.options.schedule();
    const meetings = this.meetingsAround(now);
    const planned = livePlanned(state, now).map(plannedOccurrence);
    const decision = decideSchedule(schedule, { blockRunning: !!state.block, onBreak: !!state.break, handled: state.handledOccurrences, meetings, planned }, now);
    let scheduled: { block: ActiveBlock; occurrence: Occurrence; after?: CalendarEvent } | undefined;
    const notices: CoordinatorEvent[] = [];
    if (decision.kind === 'start') {
      const { occurrence } = decision;
      state = startBlock(state, { id: this.newId(), type: occurrence.type, minutes: 0, endsAt: occurrence.end, label: occurrence.label, source: 'schedule', occurrenceId: occurrence.id }, now);
      scheduled = { block: state.block!, occurrence, ...(decision.after ? { after: decision.after } : {}) };
    } else if (decision.kind === 'cover') {
      state = markOccurrencesHandled(state, [decision.occurrence.id], (id) => isRecentOccurrenceId(id, now));
    } else if (decision.kind === 'skip') {
      state = markOccurrencesHandled(state, [decision.occurrence.id], (id) => isRecentOccurrenceId(id, now));
      notices.push({ kind: 'scheduledSkipped', occurrence: decision.occurrence, meeting: decision.meeting, leftMs: decision.leftMs });
    } else if (decision.kind === 'delay' && this.announce(/* Not translated: a key, never shown. */ `delay ${decision.occurrence.id}`)) {
      notices.push({ kind: 'scheduledDelayed', occurrence: decision.occurrence, meeting: decision.meeting, until: decision.until });
    }
    const running = state.block;
    const soon = running && running.pausedAt === undefined ? nextMeeting(meetings, now, running.endsAt) : undefined;
    if (running && soon && soon.start - now <= meetingWarningMs && this.announce(/* Not translated: a key, never shown. */ `soon ${running.id} ${soon.id}`)) notices.push({ kind: 'meetingSoon', block: running, meeting: soon });
    if (state !== raw) await this.options.store.update(FocusStoreKey.state, state);
    for (const event of events) if (event.kind === 'breakEnded') this.emit({ kind: 'breakEnded', state });
    if (scheduled) {
      this.options.log.info(`started the scheduled block "${scheduled.occurrence.label}"`);
      this.emit({ kind: 'scheduledStart', ...scheduled });
    }
    for (const notice of notices) this.emit(notice);
    this.changed();
    const target = guardTarget(state);
    if (this.orchestrator.hasWork(target)) {
      await this.orchestrator.reconcile(target);
      this.changed();
    }
    // Said only now, with the guards released: a break offer shown while Lead Desk's own Do Not
    // Disturb is still on would land unseen in the notification centre.
    this.emitEnded(events, state);
  }

  private emitEnded(events: Advanced['events'], state: FocusState): void {
    for (const event of events) if (event.kind === 'blockEnded') this.emit({ kind: 'blockEnded', block: event.block, state });
  }

  private meetingsAround(now: number): readonly CalendarEvent[] {
    return this.options.meetings?.()?.meetingsBetween(now - meetingHorizonMs, now + meetingHorizonMs) ?? [];
  }

  /** True the first time a notice is given; the set is trimmed so a long session does not grow it. */
  private announce(key: string): boolean {
    if (this.announced.has(key)) return false;
    if (this.announced.size > 200) this.announced.clear();
    this.announced.add(key);
    return true;
  }

  /** When the caller's timer should call pulse() next, at the latest. */
  nextWakeAt(): number | undefined {
    const now = this.options.clock.now();
    const state = this.state();
    const times: number[] = [];
    if (state.block && state.block.pausedAt === undefined) times.push(state.block.endsAt);
    if (state.break) times.push(state.break.endsAt);
    if (state.off) times.push(state.off.until);
    // A meeting's end may start a delayed block; a running block warns before the next one starts.
    const planned = livePlanned(state, now);
    for (const m of this.meetingsAround(now)) {
      if (m.end > now && (this.options.schedule().length > 0 || planned.length > 0)) times.push(m.end);
      if (state.block && m.start - meetingWarningMs > now && m.start < state.block.endsAt) times.push(m.start - meetingWarningMs);
    }
    const due = this.orchestrator.nextDueAt();
    if (due !== undefined) times.push(due);
    const start = nextOccurrenceStart(this.options.schedule(), now);
    if (start !== undefined) times.push(start);
    const plannedStart = planned.find((p) => p.start > now)?.start;
    if (plannedStart !== undefined) times.push(plannedStart);
    const lease = this.lease();
    if (lease?.holder === this.options.windowId) {
      times.push(lease.expiresAt - this.leaseOptions.renewBeforeMs);
      if (lease.acquiredAt + this.leaseOptions.settleMs > now) times.push(lease.acquiredAt + this.leaseOptions.settleMs);
    } else if (lease && lease.expiresAt > now) {
      times.push(lease.expiresAt);
    }
    const future = times.filter((t) => Number.isFinite(t));
    return future.length ? Math.max(now, Math.min(...future)) : undefined;
  }

  /** Applies a user's change and acts on it at once if this window may. */
  private async apply(change: (state: FocusState, now: number) => FocusState): Promise<FocusState> {
    const now = this.options.clock.now();
    const raw = this.readState();
    const { state: current, events } = advance(raw, now);
    const next = change(current, now);
    if (next !== raw) await this.options.store.update(FocusStoreKey.state, next);
    this.changed();
    await this.actNow();
    this.emitEnded(events, next);
    return next;
  }

  /** Acts on a change the user made here at once, taking a free lease without waiting to settle. */
  private actNow(): Promise<void> {
    return this.run(true);
  }

  start(input: Omit<StartBlockInput, 'id'> & { id?: string }): Promise<FocusState> {
    return this.apply((state, now) => startBlock(state, { ...input, id: input.id ?? this.newId() }, now));
  }

  pause(): Promise<FocusState> {
    return this.apply(pauseBlock);
  }

  resume(): Promise<FocusState> {
    return this.apply(resumeBlock);
  }

  extend(minutes: number): Promise<FocusState> {
    return this.apply((state, now) => extendBlock(state, minutes, now));
  }

  switchType(type: FocusType, label?: string, pullRequest?: PullRequestRef): Promise<FocusState> {
    return this.apply((state) => switchType(state, type, label, pullRequest));
  }

  /** Re-reads shared storage and tells listeners if another window changed something. */
  refreshFromStore(): void {
    this.changed();
  }

  /** Ends the block now; returns what was recorded. */
  async stop(): Promise<FinishedBlock> {
    let finished: FinishedBlock | undefined;
    await this.apply((state, now) => {
      const stopped = stopBlock(state, now);
      finished = stopped.finished;
      return stopped.state;
    });
    return finished!;
  }

  /** Drops a block without recording it (Skip on a scheduled start). */
  cancel(blockId: string): Promise<FocusState> {
    return this.apply((state) => cancelBlock(state, blockId));
  }

  acceptBreak(minutes: number): Promise<FocusState> {
    return this.apply((state, now) => acceptBreak(state, minutes, now));
  }

  declineBreak(): Promise<FocusState> {
    return this.apply(declineBreak);
  }

  endBreak(): Promise<FocusState> {
    return this.apply(endBreak);
  }

  /** Takes a break now, ending the running block first. */
  takeBreak(minutes: number): Promise<FocusState> {
    return this.apply((state, now) => takeBreak(state, minutes, now));
  }

  /** Ends the running block at `endsAt` (the next meeting's start) rather than at its planned end. */
  endAt(endsAt: number): Promise<FocusState> {
    return this.apply((state, now) => endBlockAt(state, endsAt, now));
  }

  /** End My Day: off until `until`; the enabled guards say so, and put back what was there in the morning. */
  endDay(until: number): Promise<FocusState> {
    return this.apply((state, now) => endDay(state, `off-${this.newId()}`, until, now));
  }

  /** Saves a one-off block for a later slot; the lease holder starts it at its time. */
  plan(block: Omit<PlannedBlock, 'id'>): Promise<FocusState> {
    return this.apply((state, now) => planBlock(state, { ...block, id: this.newId() }, now));
  }

  /** Removes a saved block before it starts. */
  unplan(id: string): Promise<FocusState> {
    return this.apply((state, now) => unplanBlock(state, id, now));
  }

  /** Back before the morning: the guards put back what was there. */
  resumeDay(): Promise<FocusState> {
    return this.apply(resumeDay);
  }

  /** Stops acting and hands the lease back, so another window takes over without waiting. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.pulsing?.catch(() => undefined);
    this.eventListeners.clear();
    this.changeListeners.clear();
    if (this.lease()?.holder === this.options.windowId) await this.options.store.update(FocusStoreKey.lease, undefined);
  }
}
