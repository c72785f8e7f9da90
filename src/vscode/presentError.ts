import * as vscode from 'vscode';
import { format } from 'date-fns';
import { GitHubError } from '../github/errors';
import type { Logger } from '../core/logger';
import { NotSignedInError } from './auth/authService';
import { CommandId } from './ids';

interface Presentation {
  readonly message: string;
  readonly actions: ReadonlyArray<{ title: string; command: string }>;
  readonly severity: 'error' | 'warning';
}

const signInActions = [
  { title: 'Sign In', command: CommandId.signIn },
  { title: 'Use a Token', command: CommandId.signInWithToken },
];
const showLog = { title: 'Show Log', command: CommandId.showLog };

/** What to tell the user about a failure: what happened and what to do, in one line. */
export function describeError(err: unknown, doing: string): Presentation {
  if (NotSignedInError.is(err)) {
    return { message: `Sign in to GitHub to ${doing}.`, actions: signInActions, severity: 'warning' };
  }
  if (GitHubError.is(err)) {
    const retry = err.retryAt ? ` Lead Desk will try again at ${format(err.retryAt, 'HH:mm')}.` : '';
    switch (err.kind) {
      case 'unauthorized':
        return { message: `GitHub did not accept your sign-in while trying to ${doing}. Sign in again or use another token.`, actions: signInActions, severity: 'error' };
      case 'missingScope':
        return { message: `Could not ${doing}: your GitHub sign-in lacks the ${(err.scopes ?? []).map((s) => `'${s}'`).join(' or ') || 'required'} scope. Sign in again to grant it.`, actions: signInActions, severity: 'error' };
      case 'rateLimited':
      case 'secondaryRateLimited':
        return { message: `Could not ${doing}: ${err.message}${retry}`, actions: [], severity: 'warning' };
      case 'offline':
      case 'timeout':
      case 'server':
      case 'malformed':
        return { message: `Could not ${doing}: ${err.message} Check your connection or ${'leadDesk.github.apiUrl'}.${retry}`, actions: [showLog], severity: 'warning' };
      default:
        return { message: `Could not ${doing}: ${err.detail ?? err.message}`, actions: [showLog], severity: 'error' };
    }
  }
  const text = err instanceof Error ? err.message : String(err);
  return { message: `Could not ${doing}: ${text}`, actions: [showLog], severity: 'error' };
}

/** Logs a failure with its scope and shows one short, actionable message. Cancellations stay quiet. */
export function presentError(err: unknown, doing: string, log: Logger): void {
  if (err instanceof vscode.CancellationError) return;
  log.error(`${doing}: ${err instanceof Error ? `${err.name}: ${err.message}${GitHubError.is(err) && err.detail ? ` (${err.detail})` : ''}` : String(err)}`);
  const { message, actions, severity } = describeError(err, doing);
  const show = severity === 'error' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
  void show(message, ...actions.map((a) => a.title)).then((picked) => {
    const action = actions.find((a) => a.title === picked);
    if (action) void vscode.commands.executeCommand(action.command);
  });
}
