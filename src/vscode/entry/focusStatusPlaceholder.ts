import * as vscode from 'vscode';
import { markdown } from '../../core/inertText';
import { formatDuration, idleStatusText } from '../../core/focus/format';
import { CommandId } from '../ids';
import { inertMarkdown } from '../ui/markdown';

/**
 * The idle focus item, shown from start-up while the features are not loaded. It is shown only when
 * no block, break or evening is stored (otherwise the features load at start-up), so the idle item
 * with today's focus time (`focusedMs`, counted from the stored history) is all it ever needs to
 * look like. Same id, name, place and words as the Focus feature's own item, which replaces it.
 */
export function createFocusStatusPlaceholder(focusedMs: number): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('leadDesk.focusStatus', vscode.StatusBarAlignment.Left, 90);
  // vscode.l10n directly, not t(): this file is in the small start-up bundle.
  item.name = vscode.l10n.t('Lead Desk Focus');
  item.text = idleStatusText();
  item.command = CommandId.startFocusBlock;
  item.accessibilityInformation = { label: vscode.l10n.t('Start a focus block') };
  item.tooltip = inertMarkdown(markdown`**Start a focus block**  \n`, markdown`\nToday: ${formatDuration(focusedMs)} of focus`);
  item.show();
  return item;
}
