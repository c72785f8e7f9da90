import * as vscode from 'vscode';
import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import { walkthroughRef } from '../walkthroughIds';

/** Opens the Lead Desk walkthrough on the Welcome page, at the first step not yet done. */
export function getStartedCommand(): LeadDeskCommand {
  return {
    id: CommandId.getStarted,
    doing: 'open the Lead Desk walkthrough',
    run: () => vscode.commands.executeCommand('workbench.action.openWalkthrough', walkthroughRef, false),
  };
}
