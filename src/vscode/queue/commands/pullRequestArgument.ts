import { message, pick } from '../../../core/inertText';
import type { Logger } from '../../../core/logger';
import { asPullRequestRef, pullRequestKey, type PullRequestRef } from '../../../core/pullRequestRef';
import { failureError } from '../../../core/queue/refreshScheduler';
import { showInfo, showWarning } from '../../ui/notify';
import { pickOne } from '../../ui/quickPick';
import type { QueueModel } from '../queueModel';

/**
 * The pull request a queue command acts on: the tree item it was invoked on (or any
 * `{ pullRequest }` argument), else one the user picks from the queue. Undefined when they cancel.
 *
 * Any link the user clicks can run a command with arguments of its choosing, so an argument only
 * names a pull request: it must be one the queue shows right now, and what the command uses (the
 * title, the web address) comes from the queue, never from the argument.
 */
export async function pullRequestArgument(model: QueueModel, arg: unknown, placeHolder: string, log: Logger, filter: (key: string) => boolean = () => true): Promise<PullRequestRef | undefined> {
  if (arg !== undefined) return shownPullRequest(model, arg, log);
  await loaded(model);
  const items = model.items().filter((i) => filter(i.key));
  if (items.length === 0) {
    void showInfo(message`The review queue has no pull requests for this action.`);
    return undefined;
  }
  return pickOne(
    items.map((item) => ({ label: pick`${item.pr.repo}#${item.pr.number} ${item.pr.title}`, description: pick`${item.pr.owner} · ${item.pr.author ?? 'ghost'}`, detail: pick`${item.placement}`, value: item.pullRequest })),
    { placeHolder, matchOnDescription: true, matchOnDetail: true },
  );
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

function describeArgument(arg: unknown): string {
  if (arg === null || typeof arg !== 'object') return typeof arg;
  return `object with ${Object.keys(arg).slice(0, 5).join(', ') || 'no keys'}`;
}
