import * as vscode from 'vscode';
import { joinInert, message } from '../../core/inertText';
import { showInfo } from '../ui/notify';
import type { PullRequestRef } from '../../core/pullRequestRef';
import type { Interruption, InterruptionGate } from '../interruptions';
import { ViewId } from '../ids';
import type { QueueModel } from './queueModel';

/**
 * Tells the user about new review requests, if they want that. Every notice passes through the
 * interruption gate, so a focus block can hold them and show one digest when it ends.
 */
export function registerReviewRequestNotifier(interruptions: InterruptionGate, model: QueueModel): vscode.Disposable {
  return model.onDidReceiveReviewRequests((pullRequests) => {
    if (!model.settings.notifyNewReviewRequests) return;
    const offered: Interruption[] = pullRequests.map((pullRequest) => ({ kind: 'reviewRequest', pullRequest }));
    interruptions.offer(offered, (items) => void showReviewRequests(items.map((i) => i.pullRequest)));
  });
}

/** One pop-up for new review requests, or for the digest of those that waited. */
export async function showReviewRequests(pullRequests: readonly PullRequestRef[]): Promise<void> {
  const openQueue = 'Open Queue';
  if (pullRequests.length === 1) {
    const pr = pullRequests[0];
    const open = 'Open on GitHub';
    const choice = await showInfo(pr.author ? message`${pr.author} asked for your review: ${pr.repo}#${pr.number} ${pr.title}` : message`Someone asked for your review: ${pr.repo}#${pr.number} ${pr.title}`, open, openQueue);
    if (choice === open && pr.url) await vscode.env.openExternal(vscode.Uri.parse(pr.url));
    if (choice === openQueue) await vscode.commands.executeCommand(`${ViewId.queue}.focus`);
    return;
  }
  const names = joinInert('message', pullRequests.slice(0, 3).map((pr) => message`${pr.repo}#${pr.number}`), ', ');
  const choice = await showInfo(message`${pullRequests.length} new review requests: ${names}${pullRequests.length > 3 ? ', …' : ''}`, openQueue);
  if (choice === openQueue) await vscode.commands.executeCommand(`${ViewId.queue}.focus`);
}
