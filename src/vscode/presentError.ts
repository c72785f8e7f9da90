import * as vscode from 'vscode';
import { GitHubError } from '../github/errors';
import type { Logger } from '../core/logger';
import { message, type InertText } from '../core/inertText';
import { retryAdvice } from '../core/retryAdvice';
import { NotSignedInError } from '../github/notSignedInError';
import { CommandId } from './ids';
import { notify } from './ui/notify';
import { t } from './l10n';
import { errorText } from '../core/errorText';

interface Presentation {
  /** Server errors are outside text: they are escaped here and redacted when shown. */
  readonly message: InertText<'message'>;
  readonly actions: ReadonlyArray<{ title: string; command: string }>;
  readonly severity: 'error' | 'warning';
}

const signInActions = [
  { title: 'Sign In', command: CommandId.signIn },
  { title: 'Use a Token', command: CommandId.signInWithToken },
];
const showLog = { title: t('Show Log'), command: CommandId.showLog };

/** A sign-in without the scope a command needs: one sentence whether GitHub named the scope or not. */
function missingScopeMessage(what: string, scopes: readonly string[]): InertText<'message'> {
  if (scopes.length === 0) return message`Could not ${what}: your GitHub sign-in lacks the required scope. Sign in again to grant it.`;
  return message`Could not ${what}: your GitHub sign-in lacks the ${scopes.map((s) => `'${s}'`).join(t(' or '))} scope. Sign in again to grant it.`;
}

/**
 * When to try again. Only a caller that really has a retry scheduled passes `retryScheduledAt`;
 * otherwise the message tells the person when running the command again can work.
 */
function whenAgain(err: GitHubError, retryScheduledAt: Date | undefined): InertText<'message'> {
  const reason = err.kind === 'rateLimited' ? 'rateLimited' : err.kind === 'secondaryRateLimited' ? 'slowDown' : 'other';
  return message`${retryAdvice(reason, err.retryAt, retryScheduledAt)}`;
}

/** What to tell the user about a failure: what happened and what to do, in one line. */
export function describeError(err: unknown, doing: string, retryScheduledAt?: Date): Presentation {
  // `doing` is the code's own English (the log keeps it so); the lead reads it in their language.
  const what = t(doing);
  if (NotSignedInError.is(err)) {
    return { message: message`Sign in to GitHub to ${what}.`, actions: signInActions, severity: 'warning' };
  }
  if (GitHubError.is(err)) {
    const again = whenAgain(err, retryScheduledAt);
    switch (err.kind) {
      case 'unauthorized':
        return { message: message`GitHub did not accept your sign-in while trying to ${what}. Sign in again or use another token.`, actions: signInActions, severity: 'error' };
      case 'missingScope':
        return { message: missingScopeMessage(what, err.scopes ?? []), actions: signInActions, severity: 'error' };
      case 'rateLimited':
      case 'secondaryRateLimited':
        return { message: message`Could not ${what}: ${err.message}${again}`, actions: [], severity: 'warning' };
      case 'offline':
      case 'timeout':
      case 'server':
      case 'malformed':
        return { message: message`Could not ${what}: ${err.message} Check your connection or leadDesk.github.apiUrl.${again}`, actions: [showLog], severity: 'warning' };
      default:
        return { message: message`Could not ${what}: ${err.detail ?? err.message}`, actions: [showLog], severity: 'error' };
    }
  }
  const text = errorText(err);
  return { message: message`Could not ${what}: ${text}`, actions: [showLog], severity: 'error' };
}

/** Logs a failure with its scope and shows one short, actionable message. Cancellations stay quiet. */
export function presentError(err: unknown, doing: string, log: Logger, retryScheduledAt?: Date): void {
  if (err instanceof vscode.CancellationError) return;
  log.error(`${doing}: ${err instanceof Error ? `${err.name}: ${err.message}${GitHubError.is(err) && err.detail ? ` (${err.detail})` : ''}` : String(err)}`);
  const { message: text, actions, severity } = describeError(err, doing, retryScheduledAt);
  void notify(severity, text, {}, ...actions.map((a) => a.title)).then((picked) => {
    const action = actions.find((a) => a.title === picked);
    if (action) void vscode.commands.executeCommand(action.command);
  });
}
