import * as vscode from 'vscode';
import { isPaused } from '../../../core/focus/focusMachine';
import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import type { FocusModel } from '../focusModel';

/** What clicking the status bar while a block runs opens: pause/resume, extend +15, stop, switch type. */
export function showFocusMenuCommand(model: FocusModel): LeadDeskCommand {
  return {
    id: CommandId.showFocusMenu,
    doing: 'show the focus actions',
    async run() {
      const { block, break: brk } = model.state;
      let items: Array<vscode.QuickPickItem & { command: string }>;
      if (block) {
        items = [
          isPaused(block) ? { label: '$(debug-start) Resume', command: CommandId.resumeFocusBlock } : { label: '$(debug-pause) Pause', command: CommandId.pauseFocusBlock },
          { label: '$(add) Extend by 15 minutes', command: CommandId.extendFocusBlock },
          { label: '$(debug-stop) Stop', command: CommandId.stopFocusBlock },
          { label: '$(symbol-enum) Switch type…', command: CommandId.switchFocusType },
        ];
      } else if (brk) {
        items = [
          { label: '$(debug-stop) End break', command: CommandId.endBreak },
          { label: '$(target) Start a focus block', command: CommandId.startFocusBlock },
        ];
      } else {
        await vscode.commands.executeCommand(CommandId.startFocusBlock);
        return;
      }
      const picked = await vscode.window.showQuickPick(items, { title: 'Focus Block', placeHolder: 'What now?' });
      if (picked) await vscode.commands.executeCommand(picked.command);
    },
  };
}
