import type { Clock } from '../../core/clock';
import { focusStretch } from '../../core/focus/focusMachine';
import type { FocusState } from '../../core/focus/types';
import { leadDeskHoldsDoNotDisturb, type HeldGuard } from '../focus/guardHold';

const minuteMs = 60_000;

/** What the break watch reads and where its suggestion goes; free of the editor so it runs on a fake clock. */
export interface BreakWatchDeps {
  readonly clock: Clock;
  readonly settings: () => { readonly breakAfterMinutes: number; readonly breakMinutes: number };
  readonly state: () => FocusState;
  readonly onDidChange: (listener: () => void) => { dispose(): void };
  /** Only the window holding the focus lease asks, so several windows do not ask at once. */
  readonly isHolder: () => boolean;
  readonly guards: () => readonly HeldGuard[];
  /** The lead sees notifications now: a toast. */
  readonly toast: (focusedMs: number) => void;
  /** Lead Desk's own Do Not Disturb would hide a toast: the status-bar item carries the offer instead. */
  readonly park: (focusedMs: number, blockId: string) => void;
  readonly setTimer: (run: () => void, ms: number) => () => void;
}

/**
 * Suggests a break after `breakAfterMinutes` of focus without one, once per stretch. While Lead
 * Desk's Do Not Disturb is on a toast would land silently in the notification centre, so the
 * suggestion is parked where the lead looks instead.
 */
export function watchForBreaks(deps: BreakWatchDeps): { dispose(): void } {
  let cancel: (() => void) | undefined;
  let askedFor: number | undefined;
  const check = () => {
    cancel?.();
    cancel = undefined;
    const { breakAfterMinutes, breakMinutes } = deps.settings();
    const afterMs = breakAfterMinutes * minuteMs;
    if (afterMs <= 0) return;
    const state = deps.state();
    const stretch = focusStretch(state, deps.clock.now(), Math.max(1, breakMinutes) * minuteMs);
    if (!stretch || !state.block) return;
    if (stretch.focusedMs < afterMs) {
      cancel = deps.setTimer(check, afterMs - stretch.focusedMs);
      return;
    }
    if (askedFor === stretch.since || !deps.isHolder()) return;
    askedFor = stretch.since;
    if (leadDeskHoldsDoNotDisturb(deps.guards())) deps.park(stretch.focusedMs, state.block.id);
    else deps.toast(stretch.focusedMs);
  };
  const subscription = deps.onDidChange(check);
  check();
  return {
    dispose: () => {
      cancel?.();
      subscription.dispose();
    },
  };
}
