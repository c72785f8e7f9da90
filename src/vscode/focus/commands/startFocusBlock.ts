import * as vscode from 'vscode';
import { message } from '../../../core/inertText';
import { showInfo } from '../../ui/notify';
import { formatClock } from '../../../core/focus/format';
import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import type { FocusModel } from '../focusModel';
import { formatOccurrenceTimes } from '../../../core/focus/upcoming';
import { pickMinutes, pickType, readFocusArgs, type FocusCommandArgs } from './focusPickers';
import { t } from '../../l10n';

/**
 * Lead Desk: Start Focus Block. Presets 25/50/90 or custom minutes, then a type; `{minutes, type}`
 * skips the pickers, and `startsAt` (a later time) saves the block for then instead of starting it.
 */
export function startFocusBlockCommand(model: FocusModel): LeadDeskCommand {
  return {
    id: CommandId.startFocusBlock,
    doing: 'start a focus block',
    async run(arg?: unknown) {
      const args = readFocusArgs(arg);
      if (args.startsAt !== undefined && args.startsAt > model.clock.now()) return planLater(model, args, args.startsAt);
      const running = model.block;
      if (running) {
        const choice = await showInfo(message`A focus block is already running until ${formatClock(running.endsAt)}.`, 'Show Actions');
        if (choice) await vscode.commands.executeCommand(CommandId.showFocusMenu);
        return;
      }
      const minutes = args.minutes ?? (await pickMinutes());
      if (minutes === undefined) return;
      const type = args.type ?? (await pickType(t('Start a Focus Block (2/2): What for?')));
      if (type === undefined) return;
      await model.coordinator.start({ type, minutes, label: args.label });
    },
  };
}

async function planLater(model: FocusModel, args: FocusCommandArgs, start: number): Promise<void> {
  const minutes = args.minutes ?? (await pickMinutes());
  if (minutes === undefined) return;
  const type = args.type ?? (await pickType(t('Schedule a Focus Block: What for?')));
  if (type === undefined) return;
  const label = args.label ?? t('Focus time');
  await model.coordinator.plan({ type, label, start, end: start + minutes * 60_000 });
  const edit = 'Edit Focus Schedule';
  // Not awaited: the command is done once the block is saved, whether or not the toast is answered.
  void showInfo(message`${label} is scheduled for ${formatOccurrenceTimes({ start, end: start + minutes * 60_000 })}. It starts then in any window, after a meeting if one runs late.`, edit).then((choice) => {
    if (choice === edit) void vscode.commands.executeCommand(CommandId.editFocusSchedule);
  });
}
