import * as vscode from 'vscode';
import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import { scheduleEditorCommand, scheduleSetting } from '../walkthroughIds';

/**
 * Hidden from the palette: the walkthrough's "add a schedule" button. It opens the schedule editor
 * when this build has it, and otherwise the setting itself, so the step always leads somewhere.
 */
export function openFocusScheduleCommand(): LeadDeskCommand {
  return {
    id: CommandId.openFocusSchedule,
    doing: 'open the focus schedule',
    async run() {
      const commands = await vscode.commands.getCommands(true);
      if (commands.includes(scheduleEditorCommand)) return vscode.commands.executeCommand(scheduleEditorCommand);
      return vscode.commands.executeCommand('workbench.action.openSettings', scheduleSetting);
    },
  };
}
