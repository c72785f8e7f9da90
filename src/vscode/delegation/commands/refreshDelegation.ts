import * as vscode from 'vscode';
import { message } from '../../../core/inertText';
import { showInfo } from '../../ui/notify';
import type { LeadDeskCommand } from '../../commands/command';
import { CommandId, ViewId } from '../../ids';
import type { DelegationFeatureContext } from '../delegationFeatureContext';

export function refreshDelegationCommand({ model }: DelegationFeatureContext): LeadDeskCommand {
  return {
    id: CommandId.refreshDelegation,
    doing: 'refresh the delegation suggestions',
    async run() {
      if (!model.currentSubject) {
        void showInfo(message`Select a pull request in the Review Queue, or run "Who Knows This File?" on a file, to get suggestions.`);
        return undefined;
      }
      await vscode.window.withProgress({ location: { viewId: ViewId.delegation } }, () => model.update());
      return model.state;
    },
  };
}
