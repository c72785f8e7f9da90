import * as vscode from 'vscode';
import { registerCommands } from '../commands/command';
import { refreshCommand } from '../commands/refresh';
import { showLogCommand } from '../commands/showLog';
import { signInCommand } from '../commands/signIn';
import { signInWithTokenCommand } from '../commands/signInWithToken';
import { signOutCommand } from '../commands/signOut';
import type { Services } from '../services';
import { registerAccountRefresher } from './accountRefresher';

/**
 * The GitHub account and what every feature shares: sign in and out, Refresh, Show Log, and the
 * scope check that runs with each refresh. Registering talks to nobody.
 */
export function registerAccountFeature({ auth, github, log, refresh }: Services): vscode.Disposable {
  return vscode.Disposable.from(
    ...registerCommands(
      [signInCommand(auth, refresh), signInWithTokenCommand(auth, log, refresh), signOutCommand(auth), refreshCommand(auth, refresh), showLogCommand(log)],
      log,
    ),
    registerAccountRefresher({ auth, github, log, refresh }),
  );
}
