import * as vscode from 'vscode';
import { pick } from '../../../core/inertText';
import { pickOne, type InertPickItem } from '../../ui/quickPick';
import { isPaused } from '../../../core/focus/focusMachine';
import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import type { BlockEndNotices } from '../blockEndNotices';
import type { FocusModel } from '../focusModel';
import { t } from '../../l10n';

/**
 * What clicking the status bar while a block runs opens: pause/resume, extend +15, stop, switch type;
 * after a block, what it left behind the "after focus" item.
 */
export function showFocusMenuCommand(model: FocusModel, notices: Pick<BlockEndNotices, 'hasParked' | 'items'>): LeadDeskCommand {
  return {
    id: CommandId.showFocusMenu,
    doing: 'show the focus actions',
    async run() {
      const { block, break: brk } = model.state;
      let items: Array<InertPickItem<string | (() => void)>>;
      if (block) {
        items = [
          // A break suggested while Do Not Disturb is on waits here, behind the status-bar item.
          ...notices.items(),
          isPaused(block) ? { label: pick`$(debug-start) Resume`, value: CommandId.resumeFocusBlock } : { label: pick`$(debug-pause) Pause`, value: CommandId.pauseFocusBlock },
          { label: pick`$(add) Extend by 15 minutes`, value: CommandId.extendFocusBlock },
          { label: pick`$(debug-stop) Stop`, value: CommandId.stopFocusBlock },
          { label: pick`$(symbol-enum) Switch type…`, value: CommandId.switchFocusType },
        ];
      } else if (brk) {
        items = [
          { label: pick`$(debug-stop) End break`, value: CommandId.endBreak },
          { label: pick`$(target) Start a focus block`, value: CommandId.startFocusBlock },
        ];
      } else if (notices.hasParked()) {
        // What the last block left while Do Not Disturb may be on: the status-bar item opens it here.
        const run = await pickOne([...notices.items(), { label: pick`$(target) Start a focus block`, value: () => void vscode.commands.executeCommand(CommandId.startFocusBlock) }], {
          title: t('After Your Focus Block'),
          placeHolder: t('Pick one to act on it'),
        });
        run?.();
        return;
      } else {
        await vscode.commands.executeCommand(CommandId.startFocusBlock);
        return;
      }
      const picked = await pickOne(items, { title: t('Focus Block'), placeHolder: t('What now?') });
      if (typeof picked === 'function') picked();
      else if (picked) await vscode.commands.executeCommand(picked);
    },
  };
}
