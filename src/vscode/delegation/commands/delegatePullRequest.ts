import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import type { DelegationFeatureContext } from '../delegationFeatureContext';
import { t } from '../../l10n';

/**
 * "Delegate…": the queue passes `{ pullRequest }`; from the palette it offers the queue's pull
 * requests (or a pasted one) in the queue's own picker. Resolves with the view's state once the
 * suggestion is ready, so callers can act on it.
 *
 * Any link can run a command with arguments of its choosing, so an argument is taken only when it
 * names a pull request the queue shows, and the queue's own record of it is used. A pull request
 * the user pastes is theirs to choose.
 */
export function delegatePullRequestCommand({ shownInQueue, choosePullRequest, delegate }: DelegationFeatureContext): LeadDeskCommand {
  return {
    id: CommandId.delegatePullRequest,
    doing: 'suggest who could take this pull request',
    async run(arg?: unknown) {
      // Without the queue's picker (the queue is not registered) only a queue row's argument works.
      const pull = choosePullRequest ? await choosePullRequest(arg, t('Pull request to delegate')) : arg === undefined ? undefined : await shownInQueue(arg);
      if (!pull) return undefined;
      return delegate(pull);
    },
  };
}
