import * as vscode from 'vscode';
import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import { walkthroughRef } from '../walkthroughIds';
import { clearStepKeys, setStepKeys } from '../walkthroughProgress';

/** Opens the Lead Desk walkthrough on the Welcome page, at the first step not yet done. */
export function getStartedCommand(): LeadDeskCommand {
  return {
    id: CommandId.getStarted,
    doing: 'open the Lead Desk walkthrough',
    async run() {
      await clearStepKeys();
      await vscode.commands.executeCommand('workbench.action.openWalkthrough', walkthroughRef, false);
      await setStepKeys();
    },
  };
}
