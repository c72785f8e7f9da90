import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { MeetingSource } from '../../core/calendar/calendarEvent';
import { systemClock, type Clock } from '../../core/clock';
import { todaysFocusMs } from '../../core/focus/focusMachine';
import type { FocusSettings } from '../../core/focus/focusSettings';
import { upcomingRows, type UpcomingRow } from '../../core/focus/upcoming';
import type { ActiveBlock, FinishedBlock, FocusState } from '../../core/focus/types';
import type { SharedStore } from '../../core/focus/sharedStore';
import type { Logger } from '../../core/logger';
import { tree } from '../../core/inertText';
import { formatDuration } from '../../core/focus/format';
import { format } from 'date-fns';
import { FocusCoordinator, type CoordinatorEvent } from '../../app/focus/focusCoordinator';
import type { Guard, GuardEntry } from '../../guards/guard';
import { GuardError } from '../../guards/guardError';
import type { GuardRecord, GuardRecords } from '../../app/focus/guardRecords';
import { GitHubStatusGuard } from '../../guards/githubStatusGuard';
import { SlackGuard } from '../../guards/slackGuard';
import { NotSignedInError } from '../../github/notSignedInError';
import type { GitHubClient } from '../../github/client';
import { ContextKey } from '../ids';
import type { Interruption, InterruptionGate } from '../interruptions';
import type { BlockEndNotice } from './blockEndNotice';
import { NotificationsGuard } from './notificationsGuard';
import type { SlackConnection } from '../slack/slackConnection';
import { setContextKey } from '../walkthrough/contextKeys';
import { t } from '../l10n';

/** What the focus model needs from the editor and the account, and nothing more. */
export interface FocusModelDeps {
  /** Shared by every window of this profile: the block, the lease and the guards' records. */
  readonly store: SharedStore;
  readonly settings: () => FocusSettings;
  readonly onDidChangeSettings: vscode.Event<unknown>;
  /** The client of the signed-in account; throws NotSignedInError when there is none. */
  readonly githubClient: () => Promise<GitHubClient>;
  /** New credentials may fix a guard that failed for want of them. */
  readonly onDidChangeCredentials: vscode.Event<unknown>;
  readonly slack: SlackConnection;
  /** Review-request pop-ups wait here while a block runs. */
  readonly interruptions: InterruptionGate;
  /** Scoped to focus already. */
  readonly log: Logger;
  readonly clock?: Clock;
  /** The lead's meetings, from the calendar feeds (none configured: an empty calendar). */
  readonly meetings?: MeetingSource;
}

/** One guard as the status bar and the view show it. */
export interface GuardView {
  readonly id: string;
  readonly label: string;
  readonly enabled: boolean;
  readonly record?: GuardRecord;
  /** What the guard does now, or did last, in a few words. */
  readonly summary: string;
  /** Set when the guard has a problem the user should see. */
  readonly warning?: string;
}

export type FocusModelEvent =
  | CoordinatorEvent
  /** This window held review requests during a block that is over now. */
  | { readonly kind: 'digest'; readonly held: readonly Interruption[] };

/**
 * The focus feature's model for this window: the shared block state, the guards and this window's
 * part in them. Views and the status bar only render what it says; commands act through it.
 */
export class FocusModel implements vscode.Disposable {
  private current: FocusCoordinator;
  private coordinatorSubscriptions: Array<() => void> = [];
  readonly slack: SlackConnection;
  /** New for every activation, so a reloaded window is a new participant in the lease. */
  private id = randomUUID();
  readonly log: Logger;
  private readonly guardList: readonly Guard[];
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly scheduleNotes = new Map<string, string>();
  private readonly eventEmitter = new vscode.EventEmitter<FocusModelEvent>();
  private readonly disposables: vscode.Disposable[] = [];
  private holdingFor: string | undefined;
  private contextKeys = '';
  private day = '';
  readonly onDidChange = this.changeEmitter.event;
  readonly onEvent = this.eventEmitter.event;
  /** The "after focus" status-bar item, once it exists: messages Lead Desk's own Do Not Disturb would hide wait there. */
  afterFocus: { park(notice: BlockEndNotice): void } | undefined;

  readonly clock: Clock;

  constructor(private readonly deps: FocusModelDeps) {
    this.log = deps.log;
    this.clock = deps.clock ?? systemClock;
    this.slack = deps.slack;
    const clock = this.clock;
    const github = new GitHubStatusGuard({
      clock,
      client: async () => {
        try {
          return await deps.githubClient();
        } catch (err) {
          if (NotSignedInError.is(err)) throw new GuardError('notConnected', t('Sign in to GitHub to show you as Busy.'), { cause: err });
          throw err;
        }
      },
    });
    const notifications = new NotificationsGuard({
      windowId: () => this.windowId,
      zenMode: () => this.settings.notifications.zenMode,
      execute: (command) => vscode.commands.executeCommand(command),
      store: deps.store,
    });
    const slack = new SlackGuard({ clock, client: () => this.slack.require() });
    this.guardList = [github, notifications, slack];
    this.current = this.createCoordinator();
    this.disposables.push(
      this.changeEmitter,
      this.eventEmitter,
      deps.onDidChangeSettings(() => {
        this.changeEmitter.fire();
        void this.pulse();
      }),
      // New credentials may fix a guard that failed for want of them: try again now, not after the backoff.
      deps.onDidChangeCredentials(() => void this.retryGuardsNow()),
      this.slack.onDidChangeToken(() => void this.retryGuardsNow()),
    );
  }

  private createCoordinator(): FocusCoordinator {
    const coordinator = new FocusCoordinator({
      store: this.deps.store,
      clock: this.clock,
      log: this.log,
      windowId: this.id,
      guards: () => this.guardEntries(),
      schedule: () => this.settings.schedule,
      meetings: () => this.deps.meetings,
    });
    this.coordinatorSubscriptions = [
      coordinator.onDidChange(() => this.onCoordinatorChange()),
      coordinator.onEvent((e) => {
        this.noteSchedule(e);
        this.eventEmitter.fire(e);
      }),
    ];
    return coordinator;
  }

  /**
   * Why a scheduled block waits or was skipped, by occurrence id, for the Focus view. The window
   * that holds the lease decides this; another window shows the notification's words only there.
   */
  scheduleNote(occurrenceId: string): string | undefined {
    return this.scheduleNotes.get(occurrenceId);
  }

  private noteSchedule(event: CoordinatorEvent): void {
    if (event.kind === 'scheduledDelayed') this.scheduleNotes.set(event.occurrence.id, tree`waits for ${event.meeting.title} until ${format(event.until, 'HH:mm')}`.value);
    else if (event.kind === 'scheduledSkipped') this.scheduleNotes.set(event.occurrence.id, tree`skipped: ${event.meeting.title} leaves only ${formatDuration(event.leftMs)}`.value);
    else if (event.kind === 'scheduledStart') this.scheduleNotes.delete(event.occurrence.id);
    else return;
    this.changeEmitter.fire();
  }

  get coordinator(): FocusCoordinator {
    return this.current;
  }

  get windowId(): string {
    return this.id;
  }

  /**
   * Does what a window reload does to this feature: drops the coordinator (handing back the lease)
   * and builds a new one, under a new window id, from what is in global storage.
   */
  async restart(): Promise<void> {
    for (const off of this.coordinatorSubscriptions) off();
    await this.current.dispose();
    this.id = randomUUID();
    this.current = this.createCoordinator();
    this.start();
  }

  get settings(): FocusSettings {
    return this.deps.settings();
  }

  private guardEntries(): GuardEntry[] {
    const s = this.settings;
    const enabled: Record<string, boolean> = { githubStatus: s.githubStatus.enabled, notifications: s.notifications.enabled, slack: s.slack.enabled };
    return this.guardList.map((guard) => ({ guard, enabled: enabled[guard.id] ?? false }));
  }

  get state(): FocusState {
    return this.coordinator.state();
  }

  get block(): ActiveBlock | undefined {
    return this.state.block;
  }

  guardRecords(): GuardRecords {
    return this.coordinator.guardRecords();
  }

  todaysTotalMs(): number {
    return todaysFocusMs(this.state, this.clock.now());
  }

  /** Weekly and saved-for-later blocks to come, each once, with the running one marked. */
  upcoming(limit = 5): UpcomingRow[] {
    return upcomingRows(this.settings.schedule, this.state, this.clock.now(), limit);
  }

  /** Each guard's state for the view and tooltip. */
  guards(): GuardView[] {
    const records = this.guardRecords();
    const block = this.block;
    return this.guardEntries().map(({ guard, enabled }) => {
      const record = records[guard.id];
      // During a block, a record left from an earlier one matters only while it is still restoring.
      const current = record && (!block || record.blockId === block.id || record.phase === 'releasing' || record.phase === 'gaveUp') ? record : undefined;
      return { id: guard.id, label: guard.label, enabled, record: current, ...describeGuard(guard, enabled, current, !!block) };
    });
  }

  pulse(): Promise<void> {
    return this.coordinator.pulse();
  }

  /** Called by the ticker: notices changes other windows made, and a new day (today's list starts over). */
  refreshFromStore(): void {
    this.coordinator.refreshFromStore();
    const day = new Date(this.clock.now()).toDateString();
    if (day !== this.day) {
      this.day = day;
      this.changeEmitter.fire();
    }
  }

  private async retryGuardsNow(): Promise<void> {
    await this.coordinator.orchestrator.retryNow();
    await this.pulse();
  }

  nextWakeAt(): number | undefined {
    return this.coordinator.nextWakeAt();
  }

  private onCoordinatorChange(): void {
    const state = this.state;
    this.holdInterruptions(state);
    const keys = `${!!state.block}|${state.block?.pausedAt !== undefined}|${!!state.break}`;
    if (keys !== this.contextKeys) {
      this.contextKeys = keys;
      void setContextKey(ContextKey.focusRunning, !!state.block);
      void vscode.commands.executeCommand('setContext', ContextKey.focusPaused, state.block?.pausedAt !== undefined);
      void vscode.commands.executeCommand('setContext', ContextKey.onBreak, !!state.break);
    }
    this.changeEmitter.fire();
  }

  /** Review-request pop-ups wait while a block runs (in every window); its end brings one digest. */
  private holdInterruptions(state: FocusState): void {
    const gate = this.deps.interruptions;
    const blockId = state.block && this.settings.holdReviewRequests ? state.block.id : undefined;
    if (blockId === this.holdingFor) return;
    if (this.holdingFor !== undefined) {
      const held = gate.release();
      if (held.length > 0) this.eventEmitter.fire({ kind: 'digest', held });
    }
    this.holdingFor = blockId;
    if (blockId !== undefined) gate.hold('focus');
  }

  /** Starts listening and picks up whatever the last session left (a running block, a pending restore). */
  start(): void {
    this.onCoordinatorChange();
    // Reads storage only; a network call happens only if a restore is pending.
    void this.pulse();
  }

  /** Today's finished blocks, newest first. */
  todaysBlocks(): FinishedBlock[] {
    const dayStart = new Date(this.clock.now()).setHours(0, 0, 0, 0);
    return this.state.history.filter((b) => b.endedAt >= dayStart).reverse();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    if (this.holdingFor !== undefined) this.deps.interruptions.release();
    for (const off of this.coordinatorSubscriptions) off();
    // Hands the lease to another window at once (best effort: storage may already be closing).
    void this.current.dispose();
  }
}

/** What the view says after a block, from what the restore actually did. */
const releasedSummary: Readonly<Record<NonNullable<GuardRecord['outcome']>, string>> = {
  restored: t('restored'),
  cleared: t('cleared'),
  userChanged: t('left as you set it'),
  nothingToRestore: t('nothing to restore'),
  expired: t('expired by itself'),
};

function describeGuard(guard: Guard, enabled: boolean, record: GuardRecord | undefined, blockActive: boolean): { summary: string; warning?: string } {
  const failure = record?.failure;
  const retryAt = record?.nextAttemptAt ? new Date(record.nextAttemptAt).toTimeString().slice(0, 5) : undefined;
  if (record?.phase === 'gaveUp') return { summary: t('could not restore'), warning: t('Could not put back what was there before the block: {0}', failure?.message ?? t('unknown error')) };
  if (record?.phase === 'releasing') {
    if (!failure) return { summary: t('restoring…') };
    return { summary: t('restoring…'), warning: retryAt ? t('Restoring failed: {0} Retrying at {1}.', failure.message, retryAt) : t('Restoring failed: {0}', failure.message) };
  }
  if (!enabled) return { summary: t('off in settings') };
  if (!blockActive) {
    if (record?.phase === 'released') return { summary: releasedSummary[record.outcome ?? 'restored'] };
    return { summary: t('ready') };
  }
  if (!record) return { summary: t('starting…') };
  if (failure?.kind === 'missingScope') {
    const scopes = (failure.scopes?.length ? failure.scopes : ['user']).map((s) => `'${s}'`).join(t(' or '));
    return { summary: t('off: needs the {0} scope', scopes), warning: t('{0} It stays off until you sign in again with the {1} scope.', failure.message, scopes) };
  }
  if (failure) return { summary: record.phase === 'engaged' ? t('on (update failed)') : t('not on yet'), warning: retryAt ? t('{0} Retrying at {1}.', failure.message, retryAt) : failure.message };
  switch (record.phase) {
    case 'engaged':
      return { summary: t('on: {0}', guard.describe(record.plan)) };
    case 'userChanged':
      return { summary: t('you changed it; left alone') };
    default:
      return { summary: t('starting…') };
  }
}
