import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import type { Logger } from '../../../core/logger';
import type { QueueModel } from '../queueModel';
import { pullRequestArgument } from './pullRequestArgument';
import { t } from '../../l10n';

export function unpinPullRequestCommand(model: QueueModel, log: Logger): LeadDeskCommand {
  return {
    id: CommandId.unpinPullRequest,
    doing: 'unpin the pull request',
    async run(arg?: unknown) {
      const pinned = new Set(model.localState.pins);
      const pr = await pullRequestArgument(model, arg, t('Pinned pull request to unpin'), log, { filter: (key) => pinned.has(key) });
      if (pr) await model.unpin(pr);
    },
  };
}
