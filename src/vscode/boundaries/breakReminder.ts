import * as vscode from 'vscode';
import { focusStretch } from '../../core/focus/focusMachine';
import { formatDuration } from '../../core/focus/format';
import { message } from '../../core/inertText';
import type { FocusModel } from '../focus/focusModel';
import { showInfo } from '../ui/notify';

const minuteMs = 60_000;

/**
 * Suggests a break after `leadDesk.focus.breakAfterMinutes` of focus without one. Only the window
 * that holds the focus lease asks, once per stretch; a break taken here is recorded for the week.
 */
export function registerBreakReminder(focus: FocusModel): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let askedFor: number | undefined;
  const check = () => {
    clearTimeout(timer);
    const afterMs = focus.settings.breakAfterMinutes * minuteMs;
    if (afterMs <= 0) return;
    const now = focus.clock.now();
    const breakMs = Math.max(1, focus.settings.breakMinutes) * minuteMs;
    const stretch = focusStretch(focus.state, now, breakMs);
    if (!stretch) return;
    if (stretch.focusedMs < afterMs) {
      timer = setTimeout(check, afterMs - stretch.focusedMs);
      return;
    }
    if (askedFor === stretch.since || !focus.coordinator.isHolder()) return;
    askedFor = stretch.since;
    void suggest(focus, stretch.focusedMs);
  };
  const subscription = focus.onDidChange(check);
  check();
  return new vscode.Disposable(() => {
    clearTimeout(timer);
    subscription.dispose();
  });
}

async function suggest(focus: FocusModel, focusedMs: number): Promise<void> {
  const minutes = Math.max(1, focus.settings.breakMinutes || 5);
  const take = `Take a ${minutes}-Minute Break`;
  const choice = await showInfo(message`You have focused for ${formatDuration(focusedMs)} without a break. A short one now keeps the rest of the day sharp.`, take, 'Not Now');
  if (choice !== take) return;
  try {
    await focus.coordinator.takeBreak(minutes);
  } catch (err) {
    focus.log.debug(`break not taken: ${err instanceof Error ? err.message : String(err)}`);
  }
}
