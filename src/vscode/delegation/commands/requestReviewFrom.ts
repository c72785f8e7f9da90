import * as vscode from 'vscode';
import { joinInert, message, oneLine, pick, type InertText } from '../../../core/inertText';
import { showInfo, showWarning } from '../../ui/notify';
import { pickMany, type InertPickItem } from '../../ui/quickPick';
import type { AskOrNot } from '../../../core/delegation/delegationSettings';
import { formatHandoffComment, formatHandoffMessage } from '../../../core/delegation/handoffMessage';
import { HandoffError, requestReview, type HandoffResult } from '../../../github/delegation/requestReview';
import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import type { DelegationFeatureContext } from '../delegationFeatureContext';
import { noAccessText } from '../delegationNodes';
import { pickCandidate } from '../pickCandidate';
import { t } from '../../l10n';

interface Choices {
  readonly comment: boolean;
  readonly removeMine: boolean;
}

/**
 * "Request Review from This Person": asks GitHub for the review, then, as the settings or the
 * person choose, posts the handoff message and withdraws the lead's own request.
 */
export function requestReviewFromCommand({ model, settings: currentSettings, client: githubClient, log, onDidRequestReview, onWillWithdrawMyRequest }: DelegationFeatureContext): LeadDeskCommand {
  return {
    id: CommandId.requestReviewFrom,
    doing: 'request the review',
    async run(arg?: unknown): Promise<HandoffResult | undefined> {
      const picked = await pickCandidate(model, arg, t('Request a Review from…'), (r) => r.login !== undefined && !r.alreadyRequested && r.canReview !== false);
      if (!picked) return undefined;
      const { row, state } = picked;
      if (state.subject.kind !== 'pullRequest' || !state.pull) {
        void showInfo(message`Reviews are requested on a pull request. Select one in the Review Queue, or copy the handoff message instead.`);
        return undefined;
      }
      if (!row.login) {
        void showWarning(row.notRequestable ? message`Cannot request a review from ${row.name}: ${row.notRequestable}` : message`Cannot request a review from ${row.name}: no GitHub login is known.`, 'Open Setting').then((choice) => {
          if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'leadDesk.delegation.logins');
        });
        return undefined;
      }
      if (row.canReview === false) {
        void showWarning(message`Cannot request a review from ${row.name}: ${noAccessText()}`);
        return undefined;
      }
      const settings = currentSettings();
      const parts = { login: row.login, name: row.name, area: state.area, template: settings.handoffTemplate };
      const handoff = formatHandoffMessage(parts);
      const iAmRequested = state.me !== undefined && state.pull.requestedReviewers.some((l) => l.toLowerCase() === state.me?.toLowerCase());
      const choices = await decide(settings.handoffComment, settings.removeMyRequest, handoff, iAmRequested, row.login);
      if (!choices) return undefined;

      const pull = state.subject.pull;
      const where = `${pull.owner}/${pull.repo}#${pull.number}`;
      const client = await githubClient();
      // The queue moves the pull request out of Needs my review now, and back if the withdrawal fails.
      const withdrawing = choices.removeMine && state.me ? onWillWithdrawMyRequest?.(where) : undefined;
      let result: HandoffResult;
      try {
        result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: message`Requesting a review of ${where} from @${row.login}…`.value }, () =>
          requestReview(client, {
            pull: { owner: pull.owner, repo: pull.repo, number: pull.number, ...(state.pull?.author ? { author: state.pull.author } : {}) },
            reviewer: row.login as string,
            // The comment is posted under the lead's name: names and paths in it cannot mention, link or format.
            ...(choices.comment ? { comment: formatHandoffComment(parts) } : {}),
            ...(choices.removeMine && state.me ? { removeRequestFor: state.me } : {}),
          }),
        );
      } catch (err) {
        withdrawing?.undo();
        if (!HandoffError.is(err)) throw err;
        log.warn(`review request for ${row.login} on ${where} refused: ${err.detail ?? err.message}`);
        void showWarning(message`${err.message}`, 'Copy Handoff Message').then((choice) => {
          if (choice) void vscode.commands.executeCommand(CommandId.copyHandoffMessage, { id: row.id });
        });
        return undefined;
      }
      if (!result.removedOwnRequest) withdrawing?.undo();
      report(result, row.login, where);
      onDidRequestReview?.(where, row.login, result.removedOwnRequest === true);
      await model.update();
      return result;
    },
  };
}

async function decide(comment: AskOrNot, removeMine: AskOrNot, handoff: string, iAmRequested: boolean, login: string): Promise<Choices | undefined> {
  const fixed: Choices = { comment: comment === 'always', removeMine: iAmRequested && removeMine === 'always' };
  const askComment = comment === 'ask';
  const askRemove = removeMine === 'ask' && iAmRequested;
  if (!askComment && !askRemove) return fixed;
  const items: Array<InertPickItem<keyof Choices>> = [];
  if (askComment) items.push({ value: 'comment', label: pick`Post the handoff message as a comment`, detail: pick`${handoff}`, picked: true });
  if (askRemove) items.push({ value: 'removeMine', label: pick`Remove my own review request`, picked: true });
  const picked = await pickMany(items, {
    title: t('Request a review from @{0}', oneLine(login)),
    placeHolder: t('Also… (Enter to confirm, Escape to cancel)'),
    ignoreFocusOut: true,
  });
  if (!picked) return undefined;
  return {
    comment: askComment ? picked.includes('comment') : fixed.comment,
    removeMine: askRemove ? picked.includes('removeMine') : fixed.removeMine,
  };
}

/** One message per handoff: what was done, or, when part of it failed, one warning that also says what was done. */
function report(result: HandoffResult, login: string, where: string): void {
  const problems: Array<InertText<'message'>> = [];
  if (result.commentError) problems.push(message`the comment was not posted (${result.commentError.message})`);
  if (result.removeError) problems.push(message`your own request was not removed (${result.removeError.message})`);
  if (problems.length === 0) {
    const done = [message`Asked @${login} to review ${where}.`];
    if (result.commented) done.push(message`Posted the handoff message.`);
    if (result.removedOwnRequest) done.push(message`Removed your review request.`);
    void showInfo(joinInert('message', done, ' '));
    return;
  }
  const failed = joinInert('message', problems, t(' and '));
  const done = [result.commented ? message`Asked @${login} to review ${where} and posted the handoff message, but ${failed}.` : message`Asked @${login} to review ${where}, but ${failed}.`];
  if (result.removeError) done.push(message`It stays in Needs my review; remove your request on GitHub, or hand it over again.`);
  void showWarning(joinInert('message', done, ' '));
}

