import * as vscode from 'vscode';
import { markdown } from '../../core/inertText';
import { formatDuration, idleStatusText } from '../../core/focus/format';
import { CommandId } from '../ids';
import { inertMarkdown } from '../ui/markdown';

/**
 * The idle focus item, shown from start-up while the features are not loaded. It is shown only when
 * no block, break or evening is stored and nothing was focused today (otherwise the features load
 * at start-up), so the idle item, with no focus today, is all it ever needs to look like. Same id,
 * name, place and words as the Focus feature's own item, which replaces it.
 */
export function createFocusStatusPlaceholder(): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('leadDesk.focusStatus', vscode.StatusBarAlignment.Left, 90);
  item.name = 'Lead Desk Focus';
  item.text = idleStatusText;
  item.command = CommandId.startFocusBlock;
  item.accessibilityInformation = { label: 'Start a focus block' };
  item.tooltip = inertMarkdown(markdown`**Start a focus block**  \n`, markdown`\nToday: ${formatDuration(0)} of focus`);
  item.show();
  return item;
}
