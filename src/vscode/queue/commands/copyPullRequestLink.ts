import * as vscode from 'vscode';
import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import type { Logger } from '../../../core/logger';
import type { QueueModel } from '../queueModel';
import { pullRequestArgument, type PickerOptions } from './pullRequestArgument';
import { t } from '../../l10n';

export function copyPullRequestLinkCommand(model: QueueModel, paste: PickerOptions['paste'], log: Logger): LeadDeskCommand {
  return {
    id: CommandId.copyPullRequestLink,
    doing: 'copy the link to the pull request',
    async run(arg?: unknown) {
      const pr = await pullRequestArgument(model, arg, t('Pull request whose link to copy'), log, { paste });
      if (!pr) return;
      if (!pr.url) throw new Error(t('{0}/{1}#{2} has no web address.', pr.owner, pr.repo, pr.number));
      await vscode.env.clipboard.writeText(pr.url);
      vscode.window.setStatusBarMessage(t('Copied {0}', pr.url), 3000);
    },
  };
}
