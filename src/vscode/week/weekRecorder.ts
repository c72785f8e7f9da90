import * as vscode from 'vscode';
import { FocusStoreKey, type SharedStore } from '../../core/focus/sharedStore';
import { reviveFocusState } from '../../core/focus/storedFocusState';
import type { Logger } from '../../core/logger';
import { weekKeyOf } from '../../core/week/weekCalendar';
import { keptWeeks } from '../../core/week/weekView';
import { recordFocus, recordHandoff } from '../../app/week/recordActivity';
import type { WeekRecords } from '../../app/week/weekRecords';
import { errorText } from '../../core/errorText';

/** Often enough to see every accepted break while it runs; reading the focus state is a memory read. */
const recordEveryMs = 60_000;

/**
 * Keeps the week records up to date in the background. The focus state lives in global storage,
 * which every window shares, so it is read from there rather than from this window's focus model:
 * any window's recorder sees every block, and records are keyed, so several windows agree.
 */
export class WeekRecorder implements vscode.Disposable {
  private timer: ReturnType<typeof setInterval> | undefined;
  private pruned = false;
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires after a handoff or focus record may have changed a week. */
  readonly onDidRecord = this.emitter.event;

  constructor(
    private readonly records: WeekRecords,
    private readonly focusStore: Pick<SharedStore, 'get'>,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.recordNow(), recordEveryMs);
  }

  /** Records the focus state now; the view calls it before it draws, so it shows the latest block. */
  async recordNow(): Promise<void> {
    try {
      const now = this.now();
      if (!this.pruned) {
        this.pruned = true;
        const removed = await this.records.prune(weekKeyOf(now), keptWeeks);
        if (removed > 0) this.log.info(`Deleted the records of ${removed} week(s) older than ${keptWeeks} weeks.`);
      }
      const state = reviveFocusState(this.focusStore.get(FocusStoreKey.state), { now });
      await recordFocus(this.records, state, now);
    } catch (err) {
      this.log.warn(`Could not record this week's focus blocks: ${errorText(err)}`);
    }
  }

  /** A review the lead handed to someone else with Delegation. */
  async handoff(pullRequest: string, login: string): Promise<void> {
    try {
      await recordHandoff(this.records, pullRequest, login, this.now());
      this.emitter.fire();
    } catch (err) {
      this.log.warn(`Could not record the handoff of ${pullRequest}: ${errorText(err)}`);
    }
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    this.emitter.dispose();
  }
}
