import * as vscode from 'vscode';
import { message } from '../../../core/inertText';
import { showInfo } from '../../ui/notify';
import type { LeadDeskCommand } from '../../commands/command';
import { CommandId, ViewId } from '../../ids';
import type { DelegationFeatureContext } from '../delegationFeatureContext';

/** "Who Knows This File?": the file from the explorer or editor menu, else the active editor's. */
export function whoKnowsThisFileCommand({ model }: DelegationFeatureContext): LeadDeskCommand {
  return {
    id: CommandId.whoKnowsThisFile,
    doing: 'find who knows this file',
    async run(arg?: unknown) {
      const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
      if (!uri || uri.scheme !== 'file') {
        void showInfo(message`Open a file from a git repository first, then ask who knows it.`);
        return undefined;
      }
      // Selecting pull requests one after another in the queue should not pull focus away from it.
      if (!model.isVisible) void vscode.commands.executeCommand(`${ViewId.delegation}.focus`);
      return model.show({ kind: 'file', uri });
    },
  };
}
