import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import type { Logger } from '../../../core/logger';
import type { QueueModel } from '../queueModel';
import { pullRequestArgument } from './pullRequestArgument';
import { t } from '../../l10n';

export function unsnoozePullRequestCommand(model: QueueModel, log: Logger): LeadDeskCommand {
  return {
    id: CommandId.unsnoozePullRequest,
    doing: 'bring back the snoozed pull request',
    async run(arg?: unknown) {
      const snoozed = new Set(model.localState.snoozes.map((s) => s.key));
      const pr = await pullRequestArgument(model, arg, t('Snoozed pull request to bring back'), log, { filter: (key) => snoozed.has(key) });
      if (pr) await model.unsnooze(pr);
    },
  };
}
