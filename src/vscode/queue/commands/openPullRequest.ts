import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import type { Logger } from '../../../core/logger';
import type { QueueModel } from '../queueModel';
import { openForReview, type ReviewToolHost } from '../reviewTool';
import { pullRequestArgument, type PickerOptions } from './pullRequestArgument';
import { t } from '../../l10n';

/** Opens the pull request in the GitHub Pull Requests extension when installed, else on the web; resolves with where. */
export function openPullRequestCommand(model: QueueModel, paste: PickerOptions['paste'], log: Logger, host?: ReviewToolHost): LeadDeskCommand {
  return {
    id: CommandId.openPullRequest,
    doing: 'open the pull request',
    async run(arg?: unknown) {
      const pr = await pullRequestArgument(model, arg, t('Pull request to open'), log, { paste });
      if (!pr) return undefined;
      const opened = openForReview(pr, host);
      log.info(`opened ${pr.owner}/${pr.repo}#${pr.number} in ${opened.tool === 'browser' ? 'the browser' : 'GitHub Pull Requests'}`);
      return opened;
    },
  };
}
