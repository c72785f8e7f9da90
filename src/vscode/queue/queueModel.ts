import * as vscode from 'vscode';
import { classifyRefreshFailure, refreshQueue, searchSettingsKey, type RefreshQueueDeps } from '../../app/queue/refreshQueue';
import { queueViewOf } from '../../app/queue/queueDisplay';
import type { Logger } from '../../core/logger';
import type { SharedStore } from '../../core/focus/sharedStore';
import { pullRequestKey, type PullRequestRef } from '../../core/pullRequestRef';
import { snapshotKeys, type QueueItem, type QueueView } from '../../core/queue/grouping';
import { asLocalState, pin, pruneLocalState, snooze, unpin, unsnooze, type QueueLocalState, type SnoozeKind } from '../../core/queue/localState';
import { newReviewRequests } from '../../core/queue/newRequests';
import { stillPending, withChanges, type PendingChange } from '../../core/queue/pendingChanges';
import type { QueueSettings } from '../../core/queue/queueSettings';
import type { QueueSnapshot } from '../../core/queue/queueTypes';
import { RefreshScheduler, systemTimerClock, type RefreshOutcome, type RefreshState, type TimerClock } from '../../core/queue/refreshScheduler';
import { asStoredSnapshot } from '../../core/queue/storedSnapshot';
import type { GitHubClient } from '../../github/client';
import { StateKey } from '../ids';
import type { WorkspaceRepos } from './workspaceRepos';
import { errorText } from '../../core/errorText';

/** What the queue model needs from the editor and the account, and nothing more. */
export interface QueueModelDeps {
  /** Where the last good snapshot is kept between sessions. */
  readonly globalState: vscode.Memento;
  /** Where the pins and snoozes are kept, as every window changes them (vscode/entry/sharedState.ts). */
  readonly shared: SharedStore;
  readonly settings: () => QueueSettings;
  readonly onDidChangeSettings: vscode.Event<unknown>;
  /** The client of the signed-in account; throws NotSignedInError when there is none. */
  readonly client: () => Promise<GitHubClient>;
  /** The configured API root, to tell whether the cached snapshot belongs to it. */
  readonly apiUrl: () => string;
  /** The credentials in use now, without a lookup. */
  readonly credentials: () => { readonly token: string; readonly endpoints: { readonly apiUrl: string } } | undefined;
  /** The account or API root changed: data of the old one must go. */
  readonly onDidChangeAccount: vscode.Event<void>;
  readonly repos: Pick<WorkspaceRepos, 'repoNames' | 'onDidChange'>;
  /** Scoped to the queue already. */
  readonly log: Logger;
  readonly clock?: TimerClock;
}

/** globalState (the snapshot) or the shared state (pins and snoozes). */
interface StoredValues {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

/**
 * Reads a stored value through its checker. A damaged value is logged once and saved back as
 * repaired (or removed), so the same warning does not come back at every start.
 */
function readStored<T>(state: StoredValues, key: string, check: (value: unknown, report: (problem: string) => void) => T, log: Logger): T {
  let damaged = false;
  const value = check(state.get(key), (problem) => {
    damaged = true;
    log.warn(problem);
  });
  if (damaged) state.update(key, value).then(undefined, (err: unknown) => log.warn(`could not save the repaired ${key}: ${errorText(err)}`));
  return value;
}

/**
 * The review queue's state: fetches through the GitHub adapter on the scheduler's cue, keeps the
 * last good snapshot (also in globalState, so it shows at once after a restart or while offline),
 * applies local pins and snoozes, and fires events. Views and commands read from here only.
 */
export class QueueModel implements vscode.Disposable {
  private readonly log: Logger;
  private readonly clock: TimerClock;
  private readonly scheduler: RefreshScheduler<QueueSnapshot>;
  private local: QueueLocalState;
  private cachedView: { key: string; view: QueueView } | undefined;
  /** The lead's changes that GitHub's answer may not show yet, applied over the fetched data. */
  private pending: readonly PendingChange[] = [];
  private shown: { data: QueueSnapshot; pending: readonly PendingChange[]; snapshot: QueueSnapshot } | undefined;
  /** The settings that shape the searches, to refresh only when one of them changes. */
  private searchSettings: string;
  /** apiUrl and token of the credentials last seen, to tell a new account from the first sign-in lookup. */
  private account: string | undefined;
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly requestsEmitter = new vscode.EventEmitter<readonly PullRequestRef[]>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Data, state (loading, failure) or local pins/snoozes changed. */
  readonly onDidChange = this.changeEmitter.event;
  /** Review requests that appeared since the previous refresh (never on the first load of an account). */
  readonly onDidReceiveReviewRequests = this.requestsEmitter.event;

  constructor(private readonly deps: QueueModelDeps) {
    this.log = deps.log;
    this.clock = deps.clock ?? systemTimerClock;
    const { globalState } = deps;
    this.local = this.readLocal();
    this.searchSettings = searchSettingsKey(this.settings);
    const cached = readStored(globalState, StateKey.queueSnapshot, asStoredSnapshot, this.log);
    const usable = cached && cached.apiUrl === deps.apiUrl() ? cached : undefined;
    const refresh: RefreshQueueDeps = { client: deps.client, settings: deps.settings, workspaceRepos: () => deps.repos.repoNames(), clock: this.clock, log: this.log };
    this.scheduler = new RefreshScheduler<QueueSnapshot>({
      load: () => refreshQueue(refresh),
      classify: (err) => classifyRefreshFailure(refresh, err),
      clock: this.clock,
      intervalMs: this.settings.autoRefreshMinutes * 60_000,
      initial: usable ? { data: usable, updatedAt: Date.parse(usable.fetchedAt) } : undefined,
      onChange: () => this.changed(),
      onData: (data, previous) => this.received(data, previous),
    });
    this.disposables.push(
      this.changeEmitter,
      this.requestsEmitter,
      new vscode.Disposable(() => this.scheduler.dispose()),
      vscode.window.onDidChangeWindowState((e) => {
        this.scheduler.setFocused(e.focused);
        // Where the store cannot tell of another window's change, coming back to this window shows it.
        if (e.focused) this.rereadLocal();
      }),
      deps.shared.watch?.(StateKey.queueLocal, () => this.rereadLocal()) ?? new vscode.Disposable(() => undefined),
      deps.onDidChangeSettings(() => this.settingsChanged()),
      deps.onDidChangeAccount(() => this.accountChanged()),
      deps.repos.onDidChange(() => {
        if (this.scheduler.isStarted) void this.scheduler.refresh();
      }),
    );
    this.scheduler.setFocused(vscode.window.state.focused);
  }

  get settings(): QueueSettings {
    return this.deps.settings();
  }

  get state(): RefreshState<QueueSnapshot> {
    return this.scheduler.state;
  }

  /** The fetched data with the lead's pending changes applied: what the queue shows. */
  get snapshot(): QueueSnapshot | undefined {
    const data = this.scheduler.state.data;
    if (!data || this.pending.length === 0) return data;
    if (this.shown?.data !== data || this.shown.pending !== this.pending) this.shown = { data, pending: this.pending, snapshot: withChanges(data, this.pending) };
    return this.shown.snapshot;
  }

  /** Whether refreshing has started (the view was shown or a command needed data). */
  get started(): boolean {
    return this.scheduler.isStarted;
  }

  get localState(): QueueLocalState {
    return this.local;
  }

  /** The groups to show, computed from the snapshot, settings, pins and snoozes; cached per minute. */
  get view(): QueueView | undefined {
    const snapshot = this.snapshot;
    if (!snapshot) return undefined;
    const now = new Date(this.clock.now());
    const key = `${snapshot.fetchedAt}|${Math.floor(now.getTime() / 60_000)}`;
    if (this.cachedView?.key !== key) this.cachedView = { key, view: queueViewOf(snapshot, this.settings, this.local, now) };
    return this.cachedView.view;
  }

  /** Every item currently shown, across groups, without duplicates (for pickers in the palette). */
  items(): QueueItem[] {
    const seen = new Map<string, QueueItem>();
    const walk = (groups: QueueView['groups']) => {
      for (const g of groups) {
        for (const item of g.items) if (!seen.has(item.key)) seen.set(item.key, item);
        walk(g.groups);
      }
    };
    walk(this.view?.groups ?? []);
    return [...seen.values()];
  }

  /** The view became visible or a command needs data: starts automatic refreshing (no-op when started). */
  start(): void {
    this.scheduler.start();
  }

  /** Loads now (or joins the running load). Manual refreshes inside a rate-limit window send nothing. */
  refresh(trigger: 'auto' | 'manual' = 'manual'): Promise<RefreshOutcome> {
    // Said in the log so that a refresh nobody asked for (one started by showing the view) shows up.
    if (trigger === 'manual' && this.scheduler.state.loading) this.log.info('manual refresh joins the refresh already running');
    return this.scheduler.refresh(trigger);
  }

  /**
   * The lead's own review request on `ref` was withdrawn from Lead Desk: the pull request leaves
   * Needs my review at once, and a refresh right after confirms it. When that refresh fails, the
   * change is dropped, so the last good data shows again; the outcome says why.
   */
  async requestWithdrawn(ref: PullRequestRef): Promise<RefreshOutcome> {
    const key = pullRequestKey(ref);
    const change = this.showChange(key);
    this.log.info(`${key}: your review request was withdrawn; shown at once, confirming with a refresh`);
    this.logGroups();
    // A refresh already running was sent before the change: it cannot confirm it, so one more follows.
    const outcome = await this.scheduler.changed('manual');
    if (!outcome.ok && this.pending.includes(change)) {
      this.pending = this.pending.filter((c) => c !== change);
      this.changed();
    }
    return outcome;
  }

  /**
   * A handoff is about to withdraw the lead's own request on `ref`: the pull request leaves Needs
   * my review before GitHub answers. `undo()` puts it back at once if the withdrawal fails; when it
   * succeeds, requestWithdrawn() takes over the change.
   */
  withdrawing(ref: PullRequestRef): { undo(): void } {
    const key = pullRequestKey(ref);
    const change = this.showChange(key);
    this.log.info(`${key}: withdrawing your review request; shown at once`);
    this.logGroups();
    return {
      undo: () => {
        if (!this.pending.includes(change)) return;
        this.pending = this.pending.filter((c) => c !== change);
        this.changed();
        this.log.info(`${key}: your review request was not withdrawn; back in the queue`);
        this.logGroups();
      },
    };
  }

  private showChange(key: string): PendingChange {
    const change: PendingChange = { kind: 'requestWithdrawn', key, at: this.clock.now() };
    this.pending = [...this.pending.filter((c) => c.key !== key), change];
    this.changed();
    return change;
  }

  async snooze(ref: PullRequestRef, kind: SnoozeKind): Promise<void> {
    const key = pullRequestKey(ref);
    const updatedAt = this.items().find((i) => i.key === key)?.pr.updatedAt;
    await this.updateLocal((local) => snooze(local, key, kind, new Date(this.clock.now()), updatedAt, this.settings.workingTime.startMinute));
  }

  async unsnooze(ref: PullRequestRef): Promise<void> {
    await this.updateLocal((local) => unsnooze(local, pullRequestKey(ref)));
  }

  async pin(ref: PullRequestRef): Promise<void> {
    await this.updateLocal((local) => pin(local, pullRequestKey(ref)));
  }

  async unpin(ref: PullRequestRef): Promise<void> {
    await this.updateLocal((local) => unpin(local, pullRequestKey(ref)));
  }

  private readLocal(): QueueLocalState {
    return readStored(this.deps.shared, StateKey.queueLocal, asLocalState, this.log);
  }

  /**
   * Applies a change to the pins and snoozes as stored now, not to this window's copy: another
   * window may have pinned or snoozed since, and its change must not be written over.
   */
  private async updateLocal(change: (local: QueueLocalState) => QueueLocalState): Promise<void> {
    const stored = this.readLocal();
    const next = change(stored);
    const shownChanges = JSON.stringify(next) !== JSON.stringify(this.local);
    this.local = next;
    if (shownChanges) this.changed();
    if (next !== stored) await this.deps.shared.update(StateKey.queueLocal, next);
  }

  /** Shows the pins and snoozes as stored, should another window have changed them. */
  private rereadLocal(): void {
    const stored = this.readLocal();
    if (JSON.stringify(stored) === JSON.stringify(this.local)) return;
    this.local = stored;
    this.log.info('pins or snoozes changed in another window');
    this.changed();
    this.logGroups();
  }

  private received(data: QueueSnapshot, previous: QueueSnapshot | undefined): void {
    void this.deps.globalState.update(StateKey.queueSnapshot, data);
    const pending = stillPending(this.pending, data, this.clock.now());
    if (pending.length !== this.pending.length) {
      this.pending = pending;
      this.changed();
    }
    this.updateLocal((local) => pruneLocalState(local, new Date(this.clock.now()), snapshotKeys(data))).catch((err: unknown) => this.log.warn(`could not save the pins and snoozes left after the refresh: ${errorText(err)}`));
    this.logGroups();
    const fresh = newReviewRequests(previous, data);
    if (fresh.length > 0) {
      this.log.info(`new review requests: ${fresh.map((r) => `${r.owner}/${r.repo}#${r.number}`).join(', ')}`);
      this.requestsEmitter.fire(fresh);
    }
  }

  private logGroups(): void {
    const view = this.view;
    if (view) this.log.info(`groups: ${view.groups.map((g) => `${g.label} (${g.count})`).join(', ')}`);
  }

  private settingsChanged(): void {
    this.scheduler.setIntervalMs(this.settings.autoRefreshMinutes * 60_000);
    this.changed();
    const key = searchSettingsKey(this.settings);
    if (key === this.searchSettings) return;
    this.searchSettings = key;
    if (this.scheduler.isStarted) void this.scheduler.changed();
  }

  private accountChanged(): void {
    const credentials = this.deps.credentials();
    const next = credentials ? `${credentials.endpoints.apiUrl}\n${credentials.token}` : undefined;
    const previous = this.account;
    this.account = next;
    if (next === previous) return;
    // The first lookup after start-up finds the account the cache was most likely fetched with; the
    // next refresh confirms it. Any later change, or signing out, drops data of the old account.
    const firstLookup = previous === undefined && credentials !== undefined && this.snapshot?.apiUrl === credentials.endpoints.apiUrl;
    if (firstLookup) return;
    this.pending = [];
    this.scheduler.reset();
    void this.deps.globalState.update(StateKey.queueSnapshot, undefined);
    if (!this.scheduler.isStarted) return;
    // A load running now asked as the account before (or as nobody): what it brings back must
    // not show. Where this is the first account found, the running load is the one that found it.
    if (previous !== undefined && this.scheduler.state.loading) void this.scheduler.changed();
    else if (credentials) void this.scheduler.refresh();
  }

  private changed(): void {
    this.cachedView = undefined;
    this.changeEmitter.fire();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
