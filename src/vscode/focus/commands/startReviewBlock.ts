import * as vscode from 'vscode';
import { asPullRequestRef, parsePullRequestText, type PullRequestRef } from '../../../core/pullRequestRef';
import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import type { FocusModel } from '../focusModel';

async function askForPullRequest(): Promise<PullRequestRef | undefined> {
  const typed = await vscode.window.showInputBox({
    title: 'Start a Review Block',
    prompt: 'The pull request to review: its URL, or owner/repo#number',
    placeHolder: 'https://github.com/owner/repo/pull/123',
    validateInput: (value) => (value.trim() === '' || parsePullRequestText(value) ? undefined : 'Enter a pull request URL such as https://github.com/owner/repo/pull/123, or owner/repo#123.'),
  });
  return typed ? parsePullRequestText(typed) : undefined;
}

/**
 * Lead Desk: Start Review Block. The review queue calls it with `{ pullRequest }`; from the palette
 * it asks for the pull request. A running block becomes a review block of that pull request.
 */
export function startReviewBlockCommand(model: FocusModel): LeadDeskCommand {
  return {
    id: CommandId.startReviewBlock,
    doing: 'start a review block',
    async run(arg?: unknown) {
      const pullRequest = asPullRequestRef(arg) ?? (await askForPullRequest());
      if (!pullRequest) return;
      const label = pullRequest.title;
      if (model.block) {
        await model.coordinator.switchType('review', label, pullRequest);
        return;
      }
      await model.coordinator.start({ type: 'review', minutes: model.settings.reviewBlockMinutes, label, source: 'review', pullRequest });
    },
  };
}
