import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import type { Logger } from '../../../core/logger';
import type { QueueModel } from '../queueModel';
import { pullRequestArgument } from './pullRequestArgument';
import { t } from '../../l10n';

export function pinPullRequestCommand(model: QueueModel, log: Logger): LeadDeskCommand {
  return {
    id: CommandId.pinPullRequest,
    doing: 'pin the pull request',
    async run(arg?: unknown) {
      const pinned = new Set(model.localState.pins);
      const pr = await pullRequestArgument(model, arg, t('Pull request to pin to the top of its group'), log, { filter: (key) => !pinned.has(key) });
      if (pr) await model.pin(pr);
    },
  };
}
