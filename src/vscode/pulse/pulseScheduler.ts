import type * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import type { PulseRecord } from '../../core/pulse/pulseHistory';
import type { PulseSettings } from '../../core/pulse/pulseSettings';
import { pulseDue } from '../../core/pulse/pulseSchedule';
import { weekKey } from '../../core/pulse/pulseWeek';
import type { WorkingHours } from '../../core/workingHours';
import { errorText } from '../../core/errorText';

export interface PulseSchedulerDeps {
  readonly settings: () => PulseSettings;
  readonly working: () => WorkingHours;
  readonly records: () => readonly PulseRecord[];
  readonly send: () => Promise<unknown>;
  /** Shows a failed scheduled send; called at most once a week. */
  readonly failed: (err: unknown) => void;
  readonly now: () => number;
  readonly log: Logger;
}

/** Nothing is posted while VS Code is starting: the first look at the schedule waits this long. */
const FIRST_CHECK_MS = 60_000;

/**
 * Sends the scheduled pulse when it is due. Only a timer runs between checks; each check reads
 * the settings and history afresh, and sending itself looks in the channel first, so two windows
 * that check at once still leave one post.
 */
export class PulseScheduler implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failedWeek: string | undefined;
  private disposed = false;

  constructor(private readonly deps: PulseSchedulerDeps) {}

  start(): void {
    this.arm(FIRST_CHECK_MS);
  }

  private arm(ms: number): void {
    if (this.disposed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.check(), Math.max(1_000, ms));
  }

  private async check(): Promise<void> {
    const schedule = this.deps.settings().schedule;
    const now = this.deps.now();
    if (!schedule || !this.deps.settings().slackChannel) return this.arm(60 * 60_000);
    const due = pulseDue(schedule, this.deps.working(), this.deps.records(), now);
    if (due.due && this.failedWeek !== weekKey(now)) {
      try {
        await this.deps.send();
      } catch (err) {
        this.failedWeek = weekKey(now);
        this.deps.log.warn(`the scheduled pulse was not sent: ${errorText(err)}`);
        this.deps.failed(err);
      }
    }
    this.arm(due.checkAgainAt - this.deps.now());
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
  }
}
