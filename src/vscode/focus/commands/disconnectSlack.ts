import { message } from '../../../core/inertText';
import { notify, showInfo } from '../../ui/notify';
import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import type { FocusModel } from '../focusModel';

/** Lead Desk: Disconnect Slack. Forgets the token. */
export function disconnectSlackCommand(model: FocusModel): LeadDeskCommand {
  return {
    id: CommandId.disconnectSlack,
    doing: 'disconnect Slack',
    async run() {
      const live = model.guardRecords().slack;
      if (live && (live.phase === 'engaged' || live.phase === 'engaging' || live.phase === 'releasing')) {
        const go = 'Disconnect Anyway';
        const choice = await notify('warning', message`A focus block has snoozed Slack and set your status. Without the token Lead Desk cannot put them back.`, { modal: true }, go);
        if (choice !== go) return;
      }
      await model.slack.disconnect();
      await model.slack.updateContext();
      void showInfo(message`Slack disconnected. Lead Desk forgot the token.`);
    },
  };
}
