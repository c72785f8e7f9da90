import * as vscode from 'vscode';
import { message } from '../../../core/inertText';
import { dayMonthAndClock } from '../../../core/dateWords';
import { t } from '../../l10n';
import type { SendPulseOutcome } from '../../../app/pulse/sendPulse';
import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import { showInfo } from '../../ui/notify';
import type { PulseFeatureContext } from '../pulseFeatureContext';

export function describeSent(outcome: SendPulseOutcome) {
  const where = outcome.channelName;
  switch (outcome.kind) {
    case 'posted':
      return message`Team pulse posted in #${where}. The Team view counts the reactions as they come in.`;
    case 'found':
      return message`This week's pulse was already in #${where} (sent from another window or computer), so it was not posted again.`;
    case 'alreadySent':
      return message`This week's pulse already went out on ${dayMonthAndClock(outcome.record.plannedAt)}. Its answers are in the Team view.`;
  }
}

/** Lead Desk: Send Team Pulse. Posts this week's question once; see app/pulse/sendPulse.ts. */
export function sendTeamPulseCommand({ send }: PulseFeatureContext): LeadDeskCommand {
  return {
    id: CommandId.sendTeamPulse,
    doing: 'send the team pulse',
    async run() {
      const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('Sending the team pulse…') }, () => send());
      void showInfo(describeSent(outcome));
      return outcome.kind;
    },
  };
}
