import * as vscode from 'vscode';
import { message } from '../../../core/inertText';
import { showInfo } from '../../ui/notify';
import { formatHandoffMessage } from '../../../core/delegation/handoffMessage';
import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import type { DelegationFeatureContext } from '../delegationFeatureContext';
import { pickCandidate } from '../pickCandidate';
import { t } from '../../l10n';

export function copyHandoffMessageCommand({ model, settings }: DelegationFeatureContext): LeadDeskCommand {
  return {
    id: CommandId.copyHandoffMessage,
    doing: 'copy the handoff message',
    async run(arg?: unknown) {
      const picked = await pickCandidate(model, arg, t('Copy a Handoff Message for…'));
      if (!picked) return undefined;
      const { row, state } = picked;
      const text = formatHandoffMessage({ ...(row.login ? { login: row.login } : {}), name: row.name, area: state.area, template: settings().handoffTemplate });
      await vscode.env.clipboard.writeText(text);
      void showInfo(message`Copied: ${text}`);
      return text;
    },
  };
}
