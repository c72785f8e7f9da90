import * as vscode from 'vscode';
import { message, pick } from '../../../core/inertText';
import { showInfo, showWarning } from '../../ui/notify';
import { pickOne } from '../../ui/quickPick';
import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import type { Logger } from '../../../core/logger';
import type { QueueModel } from '../queueModel';
import type { WorkspaceRepos } from '../workspaceRepos';
import { checkOutPullRequestBranch } from '../pullRequestCheckout';
import { checkoutSource } from '../../../core/queue/checkoutSource';
import { pullRequestArgument, type PickerOptions } from './pullRequestArgument';
import { t } from '../../l10n';

/**
 * Checks the pull request out as `pr/N` in the open folder whose remote is that repository, fetched
 * from that remote, or from the configured GitHub when the remote names another host.
 */
export function checkOutPullRequestCommand(model: QueueModel, paste: NonNullable<PickerOptions['paste']>, repos: WorkspaceRepos, log: Logger): LeadDeskCommand {
  return {
    id: CommandId.checkOutPullRequest,
    doing: 'check out the pull request',
    async run(arg?: unknown) {
      const pr = await pullRequestArgument(model, arg, t('Pull request to check out locally'), log, { paste });
      if (!pr) return;
      const name = `${pr.owner}/${pr.repo}#${pr.number}`;
      if (!vscode.workspace.isTrusted) {
        const manage = 'Manage Workspace Trust';
        const choice = await showWarning(
          message`Lead Desk does not run git in an untrusted workspace, because a repository's git config can run programs. Trust this workspace to check out ${name}.`,
          manage,
        );
        if (choice === manage) await vscode.commands.executeCommand('workbench.trust.manage');
        return;
      }
      const matches = (await repos.remotes()).filter((r) => r.owner.toLowerCase() === pr.owner.toLowerCase() && r.repo.toLowerCase() === pr.repo.toLowerCase());
      if (matches.length === 0) {
        void showInfo(message`No open folder has a GitHub remote for ${pr.owner}/${pr.repo}. Open a clone of ${pr.owner}/${pr.repo} to check out #${pr.number}.`);
        return;
      }
      let target = matches[0];
      if (matches.length > 1) {
        const picked = await pickOne(
          matches.map((m) => ({ label: pick`${m.folder.name}`, description: pick`${m.remote} → ${m.owner}/${m.repo}`, value: m })),
          { placeHolder: t('Folder to check out {0} in', name) },
        );
        if (!picked) return;
        target = picked;
      }
      const { branch } = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: message`Checking out ${name}…`.value }, () =>
        checkOutPullRequestBranch(target.folder.uri.fsPath, checkoutSource(target, target, paste.webUrl()), pr.number),
      );
      void showInfo(message`Checked out ${name} as branch ${branch} in ${target.folder.name}.`);
    },
  };
}
