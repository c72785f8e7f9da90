import * as vscode from 'vscode';
import { message } from '../../../core/inertText';
import { t } from '../../l10n';
import type { PostResult } from '../../../app/update/postWeeklyUpdate';
import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import { showInfo, showWarning } from '../../ui/notify';
import type { UpdateDrafts } from '../updateDrafts';
import { noDraftMessage } from './copyWeeklyUpdate';

export interface PostCommandDependencies {
  readonly drafts: UpdateDrafts;
  readonly channel: () => string;
  readonly post: (channel: string, markdown: string) => Promise<PostResult>;
}

/** Posts the open draft as it reads now (the lead's edits included); a failure leaves it open. */
export function postWeeklyUpdateCommand(deps: PostCommandDependencies): LeadDeskCommand {
  return {
    id: CommandId.postWeeklyUpdate,
    doing: 'post the weekly update to Slack',
    async run() {
      const document = deps.drafts.current();
      if (!document) {
        void showInfo(noDraftMessage);
        return undefined;
      }
      const channel = deps.channel();
      const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('Posting the weekly update to Slack…') }, () => deps.post(channel, document.getText()));
      if (result.ok) {
        void showInfo(message`Posted the weekly update to ${channel}.`);
        return result;
      }
      const settings = t('Open Settings');
      void showWarning(message`${result.message}`, ...(result.failure === 'notConfigured' || result.failure === 'channelNotFound' ? [settings] : [])).then((picked) => {
        if (picked === settings) void vscode.commands.executeCommand('workbench.action.openSettings', 'leadDesk.update.slackChannel');
      });
      return result;
    },
  };
}
