import * as vscode from 'vscode';
import { nudgeReviewers, NudgeRefused, type NudgeDeps, type NudgeKind } from '../../app/nudge/nudgeReviewers';
import { message, pick } from '../../core/inertText';
import { t } from '../l10n';
import type { Logger } from '../../core/logger';
import { alreadyNudgedMessage, isNudgeable, nudgedToday, nudgeVerdict } from '../../core/nudge/nudgeRules';
import type { NudgeTurnaround } from '../../core/nudge/nudgeTurnaround';
import type { QueueItem, QueueView } from '../../core/queue/grouping';
import type { WorkingHours } from '../../core/workingHours';
import type { LeadDeskCommand } from '../commands/command';
import { CommandId } from '../ids';
import { pullRequestArgument } from '../queue/commands/pullRequestArgument';
import type { QueueModel } from '../queue/queueModel';
import { showInfo } from '../ui/notify';
import { pickOne } from '../ui/quickPick';

export interface NudgeCommandDeps extends NudgeDeps {
  readonly model: QueueModel;
  readonly log: Logger;
  readonly template: () => string;
  /** The team's usual turnaround, measured once a day (app/nudge/nudgeTurnaround.ts); never throws. */
  readonly turnaround: () => Promise<NudgeTurnaround>;
  readonly time: () => WorkingHours;
}

/** My pull request's row, wherever it is shown (My PRs or Snoozed): the one that knows its state. */
function ownItem(view: QueueView | undefined, key: string): QueueItem | undefined {
  const walk = (groups: QueueView['groups']): QueueItem | undefined => {
    for (const g of groups) {
      const found = g.items.find((i) => i.key === key && i.mineState !== undefined) ?? walk(g.groups);
      if (found) return found;
    }
    return undefined;
  };
  return view ? walk(view.groups) : undefined;
}

export function nudgeReviewersCommand(deps: NudgeCommandDeps): LeadDeskCommand {
  return {
    id: CommandId.nudgeReviewers,
    doing: 'nudge the reviewers',
    async run(arg?: unknown) {
      const { model } = deps;
      const turnaround = await deps.turnaround();
      const eligible = (key: string) => {
        const item = ownItem(model.view, key);
        return item !== undefined && isNudgeable(item, turnaround.hours);
      };
      const pr = await pullRequestArgument(model, arg, t('Pull request whose reviewers to nudge'), deps.log, { filter: eligible });
      if (!pr) return;
      const item = ownItem(model.view, `${pr.owner}/${pr.repo}#${pr.number}`.toLowerCase());
      if (!item) {
        void showInfo(message`${pr.repo}#${pr.number} is not one of your pull requests, so its reviewers are not yours to nudge.`);
        return;
      }
      // Said before asking how, so the lead is not asked for something that will be refused.
      const verdict = nudgeVerdict(item, turnaround, deps.time());
      const last = nudgedToday(deps.ledger.get(), item.key, deps.now());
      if (!verdict.ok || last) {
        void showInfo(message`${verdict.ok ? alreadyNudgedMessage(`${item.pr.repo}#${item.pr.number}`, last ?? deps.now()) : verdict.reason}`);
        return;
      }
      const kind = await pickOne<NudgeKind>(
        [
          { label: pick`Post a comment`, detail: pick`A short, polite comment from leadDesk.queue.nudgeTemplate that mentions the reviewers it still waits for`, value: 'comment' },
          { label: pick`Ask for review again`, detail: pick`GitHub notifies the reviewers it still waits for, with no comment`, value: 'reRequest' },
        ],
        { title: t('Nudge the reviewers of {0}#{1}', item.pr.repo, item.pr.number), placeHolder: t('How to nudge (once a day per pull request)'), matchOnDetail: true },
      );
      if (!kind) return;
      try {
        const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('Nudging the reviewers…') }, () =>
          nudgeReviewers(deps, { item, kind, template: deps.template(), turnaround, time: deps.time() }),
        );
        const who = outcome.reviewers.length > 0 ? outcome.reviewers.join(', ') : t('the reviewers');
        void showInfo(outcome.kind === 'comment' ? message`Posted a nudge for ${who} on ${item.pr.repo}#${item.pr.number}.` : message`Asked ${who} again to review ${item.pr.repo}#${item.pr.number}.`);
      } catch (err) {
        if (!NudgeRefused.is(err)) throw err;
        void showInfo(message`${err.message}`);
      }
    },
  };
}
