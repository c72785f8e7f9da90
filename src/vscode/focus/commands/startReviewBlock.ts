import type { PullRequestRef } from '../../../core/pullRequestRef';
import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import { openForReview, type OpenedForReview, type ReviewToolHost } from '../../queue/reviewTool';
import type { FocusModel } from '../focusModel';
import { t } from '../../l10n';

/** What Start Review Block resolves with: the pull request, and where it was opened for review. */
export interface ReviewBlockStarted {
  readonly pullRequest: PullRequestRef;
  readonly opened: OpenedForReview;
}

/**
 * Lead Desk: Start Review Block. From the queue's row it takes that pull request; from the palette
 * it offers the queue's pull requests (or a pasted one) in the queue's picker. A running block
 * becomes a review block of that pull request. Then the pull request opens where it is reviewed:
 * the GitHub Pull Requests extension when installed, else the browser.
 *
 * The picker accepts an argument only when the queue shows that pull request and uses the queue's
 * record of it, so a link cannot make this command open an address of its choosing.
 */
export function startReviewBlockCommand(model: FocusModel, choosePullRequest: (arg: unknown, placeHolder: string) => Promise<PullRequestRef | undefined>, host?: ReviewToolHost): LeadDeskCommand {
  return {
    id: CommandId.startReviewBlock,
    doing: 'start a review block',
    async run(arg?: unknown): Promise<ReviewBlockStarted | undefined> {
      const pullRequest = await choosePullRequest(arg, t('Pull request to review in a block'));
      if (!pullRequest) return undefined;
      const label = pullRequest.title;
      if (model.block) await model.coordinator.switchType('review', label, pullRequest);
      else await model.coordinator.start({ type: 'review', minutes: model.settings.reviewBlockMinutes, label, source: 'review', pullRequest });
      return { pullRequest, opened: openForReview(pullRequest, host) };
    },
  };
}
