import * as vscode from 'vscode';
import { formatDuration } from '../../core/focus/format';
import { message, pick, tree } from '../../core/inertText';
import { t } from '../l10n';
import type { FocusModel } from '../focus/focusModel';
import { showInfo } from '../ui/notify';
import { watchForBreaks } from './breakSuggestion';
import { errorText } from '../../core/errorText';

/**
 * Suggests a break after `leadDesk.focus.breakAfterMinutes` of focus without one. Only the window
 * that holds the focus lease asks, once per stretch; a break taken here is recorded for the week.
 * While Lead Desk's own Do Not Disturb is on, the suggestion waits behind the "after focus"
 * status-bar item, since a toast would land unseen in the notification centre.
 */
export function registerBreakReminder(focus: FocusModel): vscode.Disposable {
  const watch = watchForBreaks({
    clock: focus.clock,
    settings: () => focus.settings,
    state: () => focus.state,
    onDidChange: (listener) => focus.onDidChange(listener),
    isHolder: () => focus.coordinator.isHolder(),
    guards: () => focus.guards(),
    toast: (focusedMs) => void suggest(focus, focusedMs),
    park: (focusedMs, blockId) => {
      const take = takeLabel(focus);
      const inbox = focus.afterFocus;
      if (!inbox) {
        void suggest(focus, focusedMs);
        return;
      }
      inbox.park({
        show: () => void suggest(focus, focusedMs),
        label: pick`$(coffee) ${take}: you have focused for ${formatDuration(focusedMs)} without a break`,
        pick: () => void takeBreak(focus),
        duringBlock: blockId,
        row: tree`Break suggested: you have focused for ${formatDuration(focusedMs)} without a break`,
      });
    },
    setTimer: (run, ms) => {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    },
  });
  return new vscode.Disposable(() => watch.dispose());
}

function breakMinutes(focus: FocusModel): number {
  return Math.max(1, focus.settings.breakMinutes || 5);
}

function takeLabel(focus: FocusModel): string {
  return t('Take a {0}-Minute Break', breakMinutes(focus));
}

async function suggest(focus: FocusModel, focusedMs: number): Promise<void> {
  const take = takeLabel(focus);
  const choice = await showInfo(message`You have focused for ${formatDuration(focusedMs)} without a break. A short one now keeps the rest of the day sharp.`, take, 'Not Now');
  if (choice === take) await takeBreak(focus);
}

async function takeBreak(focus: FocusModel): Promise<void> {
  try {
    await focus.coordinator.takeBreak(breakMinutes(focus));
  } catch (err) {
    focus.log.debug(`break not taken: ${errorText(err)}`);
  }
}
