import * as vscode from 'vscode';
import { parsePullRequestText, type PullRequestRef } from '../../../core/pullRequestRef';
import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import type { DelegationFeatureContext } from '../delegationFeatureContext';

/**
 * "Delegate…": the queue passes `{ pullRequest }`; from the palette it asks for a URL. Resolves
 * with the view's state once the suggestion is ready, so callers can act on it.
 *
 * Any link can run a command with arguments of its choosing, so an argument is taken only when it
 * names a pull request the queue shows, and the queue's own record of it is used. A pull request
 * the user types is theirs to choose.
 */
export function delegatePullRequestCommand({ shownInQueue, delegate }: DelegationFeatureContext): LeadDeskCommand {
  return {
    id: CommandId.delegatePullRequest,
    doing: 'suggest who could take this pull request',
    async run(arg?: unknown) {
      const pull = arg === undefined ? await askForPullRequest() : await shownInQueue(arg);
      if (!pull) return undefined;
      return delegate(pull);
    },
  };
}

async function askForPullRequest(): Promise<PullRequestRef | undefined> {
  const text = await vscode.window.showInputBox({
    title: 'Delegate a Pull Request',
    prompt: 'A pull request URL, or owner/repo#123',
    placeHolder: 'https://github.com/owner/repo/pull/123',
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' || parsePullRequestText(value) ? undefined : 'Paste a pull request URL, or type owner/repo#123.'),
  });
  return text ? parsePullRequestText(text) : undefined;
}
