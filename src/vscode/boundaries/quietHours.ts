import type * as vscode from 'vscode';
import { quietAt, recheckAt, type Quiet } from '../../core/boundaries/quietTime';
import type { Clock } from '../../core/clock';
import type { Logger } from '../../core/logger';
import type { SharedStore } from '../../core/focus/sharedStore';
import type { WorkingHours } from '../../core/workingHours';
import { StateKey } from '../ids';
import type { InterruptionGate } from '../interruptions';
import { showReviewRequests } from '../queue/reviewRequestNotifier';

/**
 * Looked at again at least this often. End My Day in another window is seen at once where the
 * shared state can be watched (and when this window gains focus), and within this where it cannot.
 */
const maxWaitMs = 10 * 60_000;

/**
 * Keeps the interruption gate quiet outside working hours and after End My Day, and shows what
 * waited as one digest when the working morning comes.
 */
export class QuietHours implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;

  private readonly watching: { dispose(): void } | undefined;

  constructor(
    private readonly gate: InterruptionGate,
    private readonly shared: SharedStore,
    private readonly workingHours: () => WorkingHours,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {
    this.watching = shared.watch?.(StateKey.dayEndedUntil, () => this.check());
  }

  get dayEndedUntil(): number | undefined {
    const value = this.shared.get<unknown>(StateKey.dayEndedUntil);
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  }

  /** End My Day: quiet until `until` in every window. */
  async endDay(until: number): Promise<void> {
    await this.shared.update(StateKey.dayEndedUntil, until);
    this.check();
  }

  /** Looks again now (at start, on a settings change, and from the timer). */
  check(): Quiet | undefined {
    clearTimeout(this.timer);
    const now = this.clock.now();
    const ended = this.dayEndedUntil;
    const quiet = quietAt(now, this.workingHours(), ended);
    const was = this.gate.quiet;
    if (was?.reason !== quiet?.reason || was?.until !== quiet?.until) this.log.info(`review-request pop-ups: ${quiet ? `held, ${quiet.reason === 'dayEnded' ? 'day ended' : 'after hours'}, until ${new Date(quiet.until).toISOString()}` : 'shown'}`);
    const waited = this.gate.setQuiet(quiet);
    if (waited.length > 0) void showReviewRequests(waited.map((i) => i.pullRequest));
    // A failed write only leaves an expired time behind, which reads as no quiet time and is dropped at the next look.
    if (ended !== undefined && ended <= now) void this.shared.update(StateKey.dayEndedUntil, undefined).catch(() => undefined);
    const wait = Math.min(maxWaitMs, Math.max(1_000, recheckAt(now, this.workingHours(), ended) - now));
    this.timer = setTimeout(() => this.check(), wait);
    return quiet;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.watching?.dispose();
  }
}
