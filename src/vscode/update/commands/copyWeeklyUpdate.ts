import * as vscode from 'vscode';
import { message } from '../../../core/inertText';
import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import { showInfo } from '../../ui/notify';
import type { UpdateDrafts } from '../updateDrafts';

export const noDraftMessage = message`There is no weekly update open. Run "Lead Desk: Draft Weekly Update" first.`;

export function copyWeeklyUpdateCommand(drafts: UpdateDrafts): LeadDeskCommand {
  return {
    id: CommandId.copyWeeklyUpdate,
    doing: 'copy the weekly update',
    async run() {
      const document = drafts.current();
      if (!document) {
        void showInfo(noDraftMessage);
        return undefined;
      }
      await vscode.env.clipboard.writeText(document.getText());
      void showInfo(message`Copied the weekly update as Markdown.`);
      return document.getText();
    },
  };
}
