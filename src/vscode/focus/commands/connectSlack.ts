import * as vscode from 'vscode';
import { message } from '../../../core/inertText';
import { t } from '../../l10n';
import { showInfo } from '../../ui/notify';
import { slackScopes } from '../../../guards/slackGuard';
import { pulseScopes } from '../../../app/pulse/pulseSlack';
import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import type { FocusModel } from '../focusModel';

/** Lead Desk: Connect Slack. Checks a user token with auth.test and keeps it in SecretStorage. */
export function connectSlackCommand(model: FocusModel): LeadDeskCommand {
  return {
    id: CommandId.connectSlack,
    doing: 'connect Slack',
    async run() {
      const token = await vscode.window.showInputBox({
        title: t('Connect Slack'),
        prompt: t("A Slack user token (xoxp-…). Focus blocks need {0}; posting the weekly update needs chat:write; the team pulse needs {1}. It is kept in VS Code's secret storage.", slackScopes.join(', '), pulseScopes.join(', ')),
        password: true,
        ignoreFocusOut: true,
        validateInput: (value) => (value.trim() === '' || /^xox[a-z]-/.test(value.trim()) ? undefined : t('A Slack user token starts with xoxp-.')),
      });
      if (!token?.trim()) return;
      const who = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('Checking the Slack token…') }, () => model.slack.connect(token.trim()));
      await model.slack.updateContext();
      if (model.settings.slack.enabled) {
        void showInfo(message`Slack connected as ${who.user} (${who.team}). Focus blocks will snooze Slack.`);
        return;
      }
      const turnOn = 'Snooze Slack During Blocks';
      const choice = await showInfo(message`Slack connected as ${who.user} (${who.team}).`, turnOn);
      if (choice === turnOn) await vscode.workspace.getConfiguration('leadDesk').update('focus.slack.enabled', true, vscode.ConfigurationTarget.Global);
    },
  };
}
