import * as vscode from 'vscode';
import type { QueueFace } from './startupFace';

/**
 * Shows the review queue's stored start-up face until the features load: the badge on the queue
 * view's stand-in and the status-bar count, with the same id, name, place and words as the queue's
 * own item, which replaces it. The texts were made by the queue feature, which escaped any outside
 * text in them, and validated as a whole by parseQueueFace.
 */
export function showQueueFace(face: QueueFace, queueView: vscode.TreeView<never> | undefined): vscode.Disposable {
  if (queueView && face.badge) queueView.badge = { value: face.badge.value, tooltip: face.badge.tooltip };
  const status = face.statusBar;
  if (!status) return new vscode.Disposable(() => undefined);
  const item = vscode.window.createStatusBarItem('leadDesk.queueCount', vscode.StatusBarAlignment.Left, 50);
  // vscode.l10n directly, not t(): this file is in the small start-up bundle.
  item.name = vscode.l10n.t('Lead Desk: Review Queue');
  item.text = status.text;
  item.tooltip = status.tooltip;
  item.command = status.command;
  item.accessibilityInformation = { label: status.label };
  item.show();
  return item;
}
