import * as vscode from 'vscode';
import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import type { Logger } from '../../../core/logger';
import type { QueueModel } from '../queueModel';
import { pullRequestArgument } from './pullRequestArgument';

export function openPullRequestCommand(model: QueueModel, log: Logger): LeadDeskCommand {
  return {
    id: CommandId.openPullRequest,
    doing: 'open the pull request on GitHub',
    async run(arg?: unknown) {
      const pr = await pullRequestArgument(model, arg, 'Pull request to open on GitHub', log);
      if (!pr) return;
      if (!/^https?:\/\//.test(pr.url)) throw new Error(`${pr.owner}/${pr.repo}#${pr.number} has no web address.`);
      await vscode.env.openExternal(vscode.Uri.parse(pr.url));
    },
  };
}
