import * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import { registerCommands } from '../commands/command';
import { getStartedCommand } from './commands/getStarted';
import { inspectWalkthroughCommand } from './commands/inspectWalkthrough';
import { scheduleSetting } from './walkthroughIds';
import { stepDone } from './walkthroughProgress';

/** Get Started and the walkthrough's own buttons. Registering talks to nobody. */
export function registerWalkthroughFeature(log: Logger): vscode.Disposable {
  // The schedule step is done once a weekly block is set, by the editor or by hand.
  const checkSchedule = () => {
    const schedule = vscode.workspace.getConfiguration().get<unknown>(scheduleSetting);
    if (Array.isArray(schedule) && schedule.length > 0) stepDone('schedule');
  };
  checkSchedule();
  return vscode.Disposable.from(
    ...registerCommands([getStartedCommand(), inspectWalkthroughCommand()], log),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(scheduleSetting)) checkSchedule();
    }),
  );
}
