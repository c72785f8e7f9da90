import type * as vscode from 'vscode';
import { isPaused, remainingMs } from '../../core/focus/focusMachine';
import { msUntilNextSecond } from '../../core/focus/format';
import type { FocusModel } from './focusModel';
import type { FocusStatusBar } from './focusStatusBar';

/** How often the heartbeat runs while a block runs, and how often an idle window looks for changes. */
const runningPulseMs = 2_000;
const idlePollMs = 3_000;

/**
 * The focus feature's one timer. While a block or break counts down it fires on the whole seconds
 * of the remaining time (so the text changes exactly when it fires); otherwise it only looks every
 * few seconds for blocks started in other windows and for heartbeat work.
 */
export class FocusTicker implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private nextPulseAt = 0;
  private disposed = false;
  /** Timer callbacks so far, for the benchmark. */
  ticks = 0;

  constructor(
    private readonly model: FocusModel,
    private readonly statusBar: FocusStatusBar,
  ) {}

  start(): void {
    this.reschedule();
  }

  /** Runs a beat now, e.g. after a command changed the state. */
  reschedule(): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.tick(), 0);
  }

  private tick(): void {
    this.timer = undefined;
    if (this.disposed) return;
    this.ticks++;
    const now = this.model.clock.now();
    this.model.refreshFromStore();
    this.statusBar.renderText(now);
    const wake = this.model.nextWakeAt();
    if (now >= this.nextPulseAt || (wake !== undefined && wake <= now)) {
      this.nextPulseAt = now + (this.model.state.block ? runningPulseMs : idlePollMs);
      void this.model.pulse();
    }
    this.schedule(now);
  }

  private schedule(now: number): void {
    const state = this.model.state;
    let delay: number;
    if (state.block && !isPaused(state.block)) delay = msUntilNextSecond(remainingMs(state.block, now));
    else if (state.break) delay = msUntilNextSecond(Math.max(0, state.break.endsAt - now));
    else delay = Math.max(0, this.nextPulseAt - now) || idlePollMs;
    const wake = this.model.nextWakeAt();
    // Work that is already due (a retry while a call is still in flight) is looked at twice a second, not in a loop.
    if (wake !== undefined) delay = Math.min(delay, Math.max(500, wake - now));
    // A few ms late rather than early, so the new second has begun when the text is computed.
    this.timer = setTimeout(() => this.tick(), delay + 5);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
  }
}
