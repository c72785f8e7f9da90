import * as vscode from 'vscode';
import type { QueueModel } from './queueModel';
import { ViewId } from '../ids';

/** The optional "needs my review" count in the status bar; clicking it opens the queue. */
export class QueueStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly model: QueueModel) {
    this.item = vscode.window.createStatusBarItem('leadDesk.queueCount', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'Lead Desk: Review Queue';
    this.item.command = `${ViewId.queue}.focus`;
    this.subscription = model.onDidChange(() => this.update());
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
    this.item.text = `$(git-pull-request) ${count}${failure ? ' $(warning)' : ''}`;
    this.item.tooltip = `${count === 1 ? '1 pull request needs' : `${count} pull requests need`} your review${failure ? ` · ${failure.summary}` : ''}. Click to open the Review Queue.`;
    this.item.accessibilityInformation = { label: `${count} pull requests need your review` };
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
