import * as vscode from 'vscode';
import { quietText } from '../../core/boundaries/quietTime';
import type { WorkingHours } from '../../core/workingHours';
import type { InterruptionGate } from '../interruptions';
import type { QueueModel } from './queueModel';
import { ViewId } from '../ids';

/** The optional "needs my review" count in the status bar; clicking it opens the queue. */
export class QueueStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly model: QueueModel,
    private readonly gate: InterruptionGate,
    private readonly workingHours: () => WorkingHours,
  ) {
    this.item = vscode.window.createStatusBarItem('leadDesk.queueCount', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'Lead Desk: Review Queue';
    this.item.command = `${ViewId.queue}.focus`;
    this.subscriptions = [model.onDidChange(() => this.update()), gate.onDidChange(() => this.update())];
    this.update();
  }

  private update(): void {
    const view = this.model.view;
    if (!this.model.settings.statusBarCount || !view) {
      this.item.hide();
      return;
    }
    const count = view.needsReviewCount;
    const failure = this.model.state.failure;
    const quiet = this.gate.quiet;
    if (quiet) {
      // No count to nag with out of hours: the queue is there when the lead looks.
      const line = quietText(quiet, this.workingHours());
      this.item.text = `$(git-pull-request) ${line}`;
      this.item.tooltip = `Review Queue: ${line}; review-request notifications wait until then. Click to open the Review Queue.`;
      this.item.accessibilityInformation = { label: `Review Queue, ${line}` };
      this.item.show();
      return;
    }
    this.item.text = `$(git-pull-request) ${count}${failure ? ' $(warning)' : ''}`;
    this.item.tooltip = `${count === 1 ? '1 pull request needs' : `${count} pull requests need`} your review${failure ? ` · ${failure.summary}` : ''}. Click to open the Review Queue.`;
    this.item.accessibilityInformation = { label: `${count} pull requests need your review` };
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
