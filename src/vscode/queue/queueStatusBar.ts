import * as vscode from 'vscode';
import { quietText } from '../../core/boundaries/quietTime';
import { tree } from '../../core/inertText';
import type { WorkingHours } from '../../core/workingHours';
import type { InterruptionGate } from '../interruptions';
import type { QueueModel } from './queueModel';
import { queueFaceCommand } from '../entry/startupFace';
import type { QueueStartupFace } from './queueStartupFace';

/** The optional "needs my review" count in the status bar; clicking it opens the queue. */
export class QueueStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly model: QueueModel,
    private readonly gate: InterruptionGate,
    private readonly workingHours: () => WorkingHours,
    private readonly face?: QueueStartupFace,
  ) {
    this.item = vscode.window.createStatusBarItem('leadDesk.queueCount', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'Lead Desk: Review Queue';
    this.item.command = queueFaceCommand;
    this.subscriptions = [model.onDidChange(() => this.update()), gate.onDidChange(() => this.update())];
    this.update();
  }

  private update(): void {
    const shown = this.shown();
    if (shown) {
      this.item.text = shown.text;
      this.item.tooltip = shown.tooltip;
      this.item.accessibilityInformation = { label: shown.label };
      this.item.show();
    } else {
      this.item.hide();
    }
    // What is shown now is what the next start-up shows before the features load.
    this.face?.showStatusBar(shown && { ...shown, command: queueFaceCommand }, this.model.settings.statusBarCount);
  }

  /** The item's words now, or undefined when it is hidden. */
  private shown(): { text: string; tooltip: string; label: string } | undefined {
    const view = this.model.view;
    if (!this.model.settings.statusBarCount || !view) return undefined;
    const quiet = this.gate.quiet;
    if (quiet) {
      // No count to nag with out of hours: the queue is there when the lead looks.
      const line = quietText(quiet, this.workingHours());
      return {
        text: `$(git-pull-request) ${line}`,
        tooltip: tree`Review Queue: ${line}; review-request notifications wait until then. Click to open the Review Queue.`.value,
        label: tree`Review Queue, ${line}`.value,
      };
    }
    const count = view.needsReviewCount;
    const failure = this.model.state.failure;
    const needs = count === 1 ? tree`1 pull request needs your review` : tree`${count} pull requests need your review`;
    return {
      text: `$(git-pull-request) ${count}${failure ? ' $(warning)' : ''}`,
      tooltip: (failure ? tree`${needs} · ${failure.summary}. Click to open the Review Queue.` : tree`${needs}. Click to open the Review Queue.`).value,
      label: tree`${count} pull requests need your review`.value,
    };
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
