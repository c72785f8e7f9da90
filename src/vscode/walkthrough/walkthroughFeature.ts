import * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import { registerCommands } from '../commands/command';
import { getStartedCommand } from './commands/getStarted';
import { inspectWalkthroughCommand } from './commands/inspectWalkthrough';
import { openFocusScheduleCommand } from './commands/openFocusSchedule';

/** Get Started and the walkthrough's own buttons. Registering talks to nobody. */
export function registerWalkthroughFeature(log: Logger): vscode.Disposable {
  return vscode.Disposable.from(...registerCommands([getStartedCommand(), openFocusScheduleCommand(), inspectWalkthroughCommand()], log));
}
