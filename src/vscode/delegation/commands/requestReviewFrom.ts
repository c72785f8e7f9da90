import * as vscode from 'vscode';
import type { AskOrNot } from '../../../core/handoff/delegationSettings';
import { formatHandoffMessage } from '../../../core/handoff/handoffMessage';
import { HandoffError, requestReview, type HandoffResult } from '../../../github/delegation/requestReview';
import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import type { DelegationFeatureContext } from '../delegationFeatureContext';
import { pickCandidate } from '../pickCandidate';

interface Choices {
  readonly comment: boolean;
  readonly removeMine: boolean;
}

/**
 * "Request Review from This Person": asks GitHub for the review, then, as the settings or the
 * person choose, posts the handoff message and withdraws the lead's own request.
 */
export function requestReviewFromCommand({ services, model }: DelegationFeatureContext): LeadDeskCommand {
  return {
    id: CommandId.requestReviewFrom,
    doing: 'request the review',
    async run(arg?: unknown): Promise<HandoffResult | undefined> {
      const picked = await pickCandidate(model, arg, 'Request a Review from…', (r) => r.login !== undefined && !r.alreadyRequested);
      if (!picked) return undefined;
      const { row, state } = picked;
      if (state.subject.kind !== 'pullRequest' || !state.pull) {
        void vscode.window.showInformationMessage('Reviews are requested on a pull request. Select one in the Review Queue, or copy the handoff message instead.');
        return undefined;
      }
      if (!row.login) {
        void vscode.window.showWarningMessage(`Cannot request a review from ${row.name}: ${row.notRequestable ?? 'no GitHub login is known.'}`, 'Open Setting').then((choice) => {
          if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'leadDesk.delegation.logins');
        });
        return undefined;
      }
      const settings = services.config.settings.delegation;
      const message = formatHandoffMessage({ login: row.login, name: row.name, area: state.area, template: settings.handoffTemplate });
      const iAmRequested = state.me !== undefined && state.pull.requestedReviewers.some((l) => l.toLowerCase() === state.me?.toLowerCase());
      const choices = await decide(settings.handoffComment, settings.removeMyRequest, message, iAmRequested, row.login);
      if (!choices) return undefined;

      const pull = state.subject.pull;
      const where = `${pull.owner}/${pull.repo}#${pull.number}`;
      const client = await services.github.client();
      let result: HandoffResult;
      try {
        result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Requesting a review of ${where} from @${row.login}…` }, () =>
          requestReview(client, {
            pull: { owner: pull.owner, repo: pull.repo, number: pull.number, ...(state.pull?.author ? { author: state.pull.author } : {}) },
            reviewer: row.login as string,
            ...(choices.comment ? { comment: message } : {}),
            ...(choices.removeMine && state.me ? { removeRequestFor: state.me } : {}),
          }),
        );
      } catch (err) {
        if (!HandoffError.is(err)) throw err;
        services.log.warn(`[delegation] review request for ${row.login} on ${where} refused: ${err.detail ?? err.message}`);
        void vscode.window.showWarningMessage(err.message, 'Copy Handoff Message').then((choice) => {
          if (choice) void vscode.commands.executeCommand(CommandId.copyHandoffMessage, { id: row.id });
        });
        return undefined;
      }
      report(result, row.login, where);
      await model.update();
      return result;
    },
  };
}

async function decide(comment: AskOrNot, removeMine: AskOrNot, message: string, iAmRequested: boolean, login: string): Promise<Choices | undefined> {
  const fixed: Choices = { comment: comment === 'always', removeMine: iAmRequested && removeMine === 'always' };
  const askComment = comment === 'ask';
  const askRemove = removeMine === 'ask' && iAmRequested;
  if (!askComment && !askRemove) return fixed;
  type Item = vscode.QuickPickItem & { key: keyof Choices };
  const items: Item[] = [];
  if (askComment) items.push({ key: 'comment', label: 'Post the handoff message as a comment', detail: message, picked: true });
  if (askRemove) items.push({ key: 'removeMine', label: 'Remove my own review request', picked: true });
  const picked = await vscode.window.showQuickPick(items, {
    title: `Request a review from @${login}`,
    placeHolder: 'Also… (Enter to confirm, Escape to cancel)',
    canPickMany: true,
    ignoreFocusOut: true,
  });
  if (!picked) return undefined;
  return {
    comment: askComment ? picked.some((p) => p.key === 'comment') : fixed.comment,
    removeMine: askRemove ? picked.some((p) => p.key === 'removeMine') : fixed.removeMine,
  };
}

function report(result: HandoffResult, login: string, where: string): void {
  const done = [`Asked @${login} to review ${where}.`];
  if (result.commented) done.push('Posted the handoff message.');
  if (result.removedOwnRequest) done.push('Removed your review request.');
  void vscode.window.showInformationMessage(done.join(' '));
  const problems: string[] = [];
  if (result.commentError) problems.push(`the comment was not posted (${result.commentError.message})`);
  if (result.removeError) problems.push(`your own request was not removed (${result.removeError.message})`);
  if (problems.length > 0) void vscode.window.showWarningMessage(`The review was requested, but ${problems.join(' and ')}.`);
}

