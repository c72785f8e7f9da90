import * as vscode from 'vscode';
import { asPullRequestRef, type PullRequestRef } from '../../../core/pullRequestRef';
import { failureError } from '../../../core/queue/refreshScheduler';
import type { QueueModel } from '../queueModel';

/**
 * The pull request a queue command acts on: the tree item it was invoked on (or any
 * `{ pullRequest }` argument), else one the user picks from the queue. Undefined when they cancel.
 */
export async function pullRequestArgument(model: QueueModel, arg: unknown, placeHolder: string, filter: (key: string) => boolean = () => true): Promise<PullRequestRef | undefined> {
  const given = asPullRequestRef(arg);
  if (given) return given;
  model.start();
  if (!model.snapshot) {
    const outcome = await model.refresh('manual');
    if (!outcome.ok) throw failureError(outcome.failure);
  }
  const items = model.items().filter((i) => filter(i.key));
  if (items.length === 0) {
    void vscode.window.showInformationMessage('The review queue has no pull requests for this action.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    items.map((item) => ({ label: `${item.pr.repo}#${item.pr.number} ${item.pr.title}`, description: `${item.pr.owner} · ${item.pr.author ?? 'ghost'}`, detail: item.placement, item })),
    { placeHolder, matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.item.pullRequest;
}
