import * as vscode from 'vscode';
import { message } from '../../../core/inertText';
import { showInfo } from '../../ui/notify';
import { formatClock } from '../../../core/focus/format';
import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import type { FocusModel } from '../focusModel';
import { pickMinutes, pickType, readFocusArgs } from './focusPickers';

/** Lead Desk: Start Focus Block. Presets 25/50/90 or custom minutes, then a type; `{minutes, type}` skips the pickers. */
export function startFocusBlockCommand(model: FocusModel): LeadDeskCommand {
  return {
    id: CommandId.startFocusBlock,
    doing: 'start a focus block',
    async run(arg?: unknown) {
      const running = model.block;
      if (running) {
        const choice = await showInfo(message`A focus block is already running until ${formatClock(running.endsAt)}.`, 'Show Actions');
        if (choice) await vscode.commands.executeCommand(CommandId.showFocusMenu);
        return;
      }
      const args = readFocusArgs(arg);
      const minutes = args.minutes ?? (await pickMinutes());
      if (minutes === undefined) return;
      const type = args.type ?? (await pickType('Start a Focus Block (2/2): What for?'));
      if (type === undefined) return;
      await model.coordinator.start({ type, minutes, label: args.label });
    },
  };
}
