import * as vscode from 'vscode';
import { message, pick } from '../../../core/inertText';
import { t } from '../../l10n';
import type { Logger } from '../../../core/logger';
import { asPullRequestRef, parsePullRequestText, pullRequestKey, type PullRequestRef } from '../../../core/pullRequestRef';
import { failureError } from '../../../core/queue/refreshScheduler';
import { showInfo, showWarning } from '../../ui/notify';
import { pickOne, type InertPickItem } from '../../ui/quickPick';
import type { QueueModel } from '../queueModel';

/** How a command narrows the one picker. */
export interface PickerOptions {
  /** Which of the queue's pull requests the action applies to (e.g. only pinned ones for Unpin). */
  readonly filter?: (key: string) => boolean;
  /**
   * Offers "Paste a pull request URL…" too, for actions that work on any pull request, with the
   * configured GitHub's web address to complete `owner/repo#123`. Left out for actions on the
   * queue's own rows (pin, snooze).
   */
  readonly paste?: { readonly webUrl: () => string };
}

/** Asks for a pull request the way every queue command does; handed to other features' commands. */
export type ChoosePullRequest = (arg: unknown, placeHolder: string) => Promise<PullRequestRef | undefined>;

const pasteChoice = Symbol('paste');

/**
 * The pull request a command acts on: the tree item it was invoked on (or any `{ pullRequest }`
 * argument), else one the user picks from the queue in the one picker every such command shows
 * (palette or menu alike), with "Paste a pull request URL…" where the action fits any pull request.
 * Undefined when they cancel.
 *
 * Any link the user clicks can run a command with arguments of its choosing, so an argument only
 * names a pull request: it must be one the queue shows right now, and what the command uses (the
 * title, the web address) comes from the queue, never from the argument. A pull request the user
 * pastes is theirs to choose.
 */
export async function pullRequestArgument(model: QueueModel, arg: unknown, placeHolder: string, log: Logger, options: PickerOptions = {}): Promise<PullRequestRef | undefined> {
  if (arg !== undefined) return shownPullRequest(model, arg, log);
  await loaded(model);
  const filter = options.filter ?? (() => true);
  const items = model.items().filter((i) => filter(i.key));
  if (items.length === 0 && !options.paste) {
    void showInfo(message`The review queue has no pull requests for this action.`);
    return undefined;
  }
  const choices: Array<InertPickItem<PullRequestRef | typeof pasteChoice>> = items.map((item) => ({
    label: pick`${item.pr.repo}#${item.pr.number} ${item.pr.title}`,
    description: pick`${item.pr.owner} · ${item.pr.author ?? 'ghost'}`,
    detail: pick`${item.placement}`,
    value: item.pullRequest,
  }));
  if (options.paste) choices.push({ label: pick`Paste a pull request URL…`, description: pick`or owner/repo#123`, detail: pick`Any pull request, also one the queue does not show`, value: pasteChoice });
  const chosen = await pickOne(choices, { placeHolder, matchOnDescription: true, matchOnDetail: true });
  if (chosen !== pasteChoice) return chosen;
  const pasted = await askForPullRequest(placeHolder);
  if (!pasted) return undefined;
  // The queue's record has the real title; a pasted short form gets the configured GitHub's address.
  const shown = model.items().find((i) => i.key === pullRequestKey(pasted));
  if (shown) return shown.pullRequest;
  return pasted.url ? pasted : { ...pasted, url: `${options.paste!.webUrl().replace(/\/+$/, '')}/${pasted.owner}/${pasted.repo}/pull/${pasted.number}` };
}

async function askForPullRequest(title: string): Promise<PullRequestRef | undefined> {
  const typed = await vscode.window.showInputBox({
    title,
    prompt: t('A pull request URL, or owner/repo#123'),
    placeHolder: t('https://github.com/owner/repo/pull/123'),
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' || parsePullRequestText(value) ? undefined : t('Paste a pull request URL such as https://github.com/owner/repo/pull/123, or type owner/repo#123.')),
  });
  return typed ? parsePullRequestText(typed) : undefined;
}

async function loaded(model: QueueModel): Promise<void> {
  model.start();
  if (!model.snapshot) {
    const outcome = await model.refresh('manual');
    if (!outcome.ok) throw failureError(outcome.failure);
  }
}

/** The queue's own record of the pull request an argument names; undefined (with a warning) when the queue does not show it. */
export async function shownPullRequest(model: QueueModel, arg: unknown, log: Logger): Promise<PullRequestRef | undefined> {
  const given = asPullRequestRef(arg);
  if (!given) {
    log.warn(`refused a queue command: its argument is not a pull request from the queue (${describeArgument(arg)})`);
    void showWarning(message`Lead Desk did not run that command: it was not given a pull request from the review queue. Run it from the queue or the Command Palette.`);
    return undefined;
  }
  await loaded(model);
  const key = pullRequestKey(given);
  const shown = model.items().find((i) => i.key === key);
  if (!shown) {
    log.warn(`refused a queue command for ${key}: the queue does not show it`);
    void showWarning(message`Lead Desk did not act on ${given.owner}/${given.repo}#${given.number}: it is not in your review queue. Refresh the queue, then run the command from it.`);
    return undefined;
  }
  return shown.pullRequest;
}

// Not translated: the argument is described only in the log.
function describeArgument(arg: unknown): string {
  if (arg === null || typeof arg !== 'object') return typeof arg;
  return `object with ${Object.keys(arg).slice(0, 5).join(', ') || 'no keys'}`;
}
