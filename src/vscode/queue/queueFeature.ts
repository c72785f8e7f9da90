import * as vscode from 'vscode';
import { describeQueueDisplay, needsSignInPrompt } from '../../app/queue/queueDisplay';
import { scopedLogger } from '../../core/logger';
import { quietText } from '../../core/boundaries/quietTime';
import { failureError, type RefreshFailureKind } from '../../core/queue/refreshScheduler';
import { registerCommands } from '../commands/command';
import { StateKey, ViewId } from '../ids';
import { presentError } from '../presentError';
import { message } from '../../core/inertText';
import { showWarning } from '../ui/notify';
import type { Services } from '../services';
import { checkOutPullRequestCommand } from './commands/checkOutPullRequest';
import { copyPullRequestLinkCommand } from './commands/copyPullRequestLink';
import { openPullRequestCommand } from './commands/openPullRequest';
import { parsePullRequestText, type PullRequestRef } from '../../core/pullRequestRef';
import { pullRequestArgument, shownPullRequest, type ChoosePullRequest } from './commands/pullRequestArgument';
import { pinPullRequestCommand } from './commands/pinPullRequest';
import { snoozeForAnHourCommand, snoozeUntilActivityCommand, snoozeUntilTomorrowCommand } from './commands/snoozePullRequest';
import { unpinPullRequestCommand } from './commands/unpinPullRequest';
import { unsnoozePullRequestCommand } from './commands/unsnoozePullRequest';
import { QueueModel } from './queueModel';
import { QueueStatusBar } from './queueStatusBar';
import { QueueStartupFace } from './queueStartupFace';
import { QueueTreeProvider } from './queueTreeProvider';
import { registerReviewRequestNotifier } from './reviewRequestNotifier';
import { WorkspaceRepos } from './workspaceRepos';
import { showQueueLegendCommand } from './commands/showQueueLegend';
import { nudgeReviewersCommand } from '../nudge/nudgeReviewersCommand';
import { parseNudgeLedger, type NudgeLedger } from '../../core/nudge/nudgeRules';
import { NudgeTurnaroundSource } from '../nudge/nudgeTurnaroundSource';
import { stepDone } from '../walkthrough/walkthroughProgress';

/** How long after activation the queue starts by itself when `leadDesk.queue.refreshInBackground` is on. */
const backgroundStartDelayMs = 15_000;

/**
 * The Review Queue: model, tree, badge, status line, status-bar count, notifications and the
 * queue's commands. Nothing here fetches at registration; the first fetch happens when the view
 * becomes visible, a command needs data, or, with background refreshes on, shortly after start-up.
 */
export interface QueueFeature extends vscode.Disposable {
  /** The queue's record of the pull request a command argument names, or undefined (refused, with a warning) if the queue does not show it. */
  shownPullRequest(arg: unknown): Promise<PullRequestRef | undefined>;
  /** The queue's one picker for other features' commands: the argument's pull request, else one picked from the queue or pasted. */
  readonly choosePullRequest: ChoosePullRequest;
  /**
   * A review of `pullRequest` ("owner/repo#123") was handed to someone else from Lead Desk. When the
   * lead's own request went with it, the pull request leaves Needs my review at once; a refresh
   * confirms it either way.
   */
  reviewHandedOff(pullRequest: string, removedMyRequest: boolean): Promise<void>;
  /** A handoff is withdrawing the lead's own request on `pullRequest`: it leaves Needs my review now; `undo()` brings it back if that fails. */
  reviewHandingOff(pullRequest: string): { undo(): void };
}

export function registerQueueFeature(services: Services): QueueFeature {
  const log = scopedLogger(services.log, 'queue');
  const repos = new WorkspaceRepos(log, () => services.auth.endpoints().webUrl);
  const model = new QueueModel({
    globalState: services.context.globalState,
    shared: services.sharedState,
    settings: () => services.config.settings.queue,
    onDidChangeSettings: services.config.onDidChange,
    client: () => services.github.client(),
    apiUrl: () => services.auth.endpoints().apiUrl,
    credentials: () => services.auth.credentials,
    onDidChangeAccount: services.github.onDidChangeAccount,
    repos,
    log,
  });
  // Actions that work on any pull request also take a pasted one, completed with the configured GitHub's address.
  const paste = { webUrl: () => services.auth.endpoints().webUrl };
  const turnaround = new NudgeTurnaroundSource(
    {
      client: () => services.github.client(),
      teams: services.teams,
      inputs: () => {
        const s = services.config.settings;
        return { team: s.delegation.team, githubTeam: s.delegation.githubTeam, working: s.workingHours, settingHours: s.update.reviewTurnaroundHours };
      },
      now: () => Date.now(),
      log,
    },
    services.github.onDidChangeAccount,
  );
  const provider = new QueueTreeProvider(model, { nudgeAfterHours: () => turnaround.nudgeAfterHours(model.view), onDidChangeNudgeAfter: turnaround.onDidChange });
  const view = vscode.window.createTreeView(ViewId.queue, { treeDataProvider: provider, showCollapseAll: true });
  const face = new QueueStartupFace(services.context.globalState, services.sharedState, () => services.config.settings.workingHours);
  const disposables: vscode.Disposable[] = [repos, model, turnaround, provider, view, new QueueStatusBar(model, services.interruptions, () => services.config.settings.workingHours, face), registerReviewRequestNotifier(services.interruptions, model)];

  let manualRefresh = false;
  // Failures only the user can fix get one prompt (with Sign In) per kind, until a refresh succeeds.
  let prompted: RefreshFailureKind | undefined;
  const present = () => {
    const state = model.state;
    const shown = describeQueueDisplay(state, model.view, Date.now());
    // Outside working hours the queue says so rather than nag with a count.
    const quiet = services.interruptions.quiet;
    view.badge = quiet ? undefined : shown.badge;
    face.showBadge(view.badge);
    view.description = [quiet ? quietText(quiet, services.config.settings.workingHours) : '', shown.description ?? ''].filter(Boolean).join(' · ') || undefined;
    view.message = shown.message;
    const failure = state.failure;
    if (!failure) prompted = undefined;
    else if (needsSignInPrompt(failure) && prompted !== failure.kind && !manualRefresh) {
      prompted = failure.kind;
      presentError(failureError(failure), 'refresh the review queue', log, state.nextAttemptAt !== undefined ? new Date(state.nextAttemptAt) : undefined);
    }
  };

  // The first fetch waits until someone looks at the queue…
  const startIfVisible = () => {
    if (!view.visible) return;
    model.start();
    stepDone('queue');
  };
  // …unless the user asked for background refreshes, so that notifications and the status-bar
  // count stay current with the sidebar closed. Then it starts once start-up has settled, never
  // inside activate(), which stays free of network.
  let startupSettled = false;
  const startInBackground = () => {
    if (startupSettled && model.settings.refreshInBackground) model.start();
  };
  const backgroundStart = setTimeout(() => {
    startupSettled = true;
    startInBackground();
  }, backgroundStartDelayMs);
  // "updated 3 min ago" and waiting times move on even when nothing is fetched.
  const ticker = setInterval(() => {
    if (view.visible) present();
  }, 30_000);

  disposables.push(
    model.onDidChange(present),
    services.interruptions.onDidChange(present),
    view.onDidChangeVisibility(startIfVisible),
    // Turning background refreshes on takes effect at once, without a reload.
    services.config.onDidChangeSection('queue', startInBackground),
    new vscode.Disposable(() => {
      clearInterval(ticker);
      clearTimeout(backgroundStart);
    }),
    services.refresh.register('queue', async () => {
      model.start();
      manualRefresh = true;
      try {
        const outcome = await model.refresh('manual');
        if (!outcome.ok && outcome.failure.kind !== 'signedOut') throw failureError(outcome.failure);
      } finally {
        manualRefresh = false;
      }
    }),
    ...registerCommands(
      [
        openPullRequestCommand(model, paste, log),
        copyPullRequestLinkCommand(model, paste, log),
        checkOutPullRequestCommand(model, paste, repos, log),
        snoozeForAnHourCommand(model, log),
        snoozeUntilTomorrowCommand(model, log),
        snoozeUntilActivityCommand(model, log),
        unsnoozePullRequestCommand(model, log),
        pinPullRequestCommand(model, log),
        unpinPullRequestCommand(model, log),
        showQueueLegendCommand(services.context.extensionUri),
        nudgeReviewersCommand({
          model,
          log,
          client: () => services.github.client(),
          ledger: {
            get: () => parseNudgeLedger(services.sharedState.get(StateKey.queueNudges)),
            set: (ledger: NudgeLedger) => services.sharedState.update(StateKey.queueNudges, ledger),
          },
          now: () => new Date(),
          template: () => services.config.settings.nudge.template,
          turnaround: () => turnaround.get(),
          time: () => services.config.settings.workingHours,
        }),
      ],
      services.log,
    ),
  );
  present();
  startIfVisible();
  return Object.assign(vscode.Disposable.from(...disposables), {
    shownPullRequest: (arg: unknown) => shownPullRequest(model, arg, log),
    choosePullRequest: (arg: unknown, placeHolder: string) => pullRequestArgument(model, arg, placeHolder, log, { paste }),
    reviewHandingOff: (pullRequest: string) => {
      const ref = parsePullRequestText(pullRequest);
      return ref ? model.withdrawing(ref) : { undo: () => undefined };
    },
    reviewHandedOff: async (pullRequest: string, removedMyRequest: boolean) => {
      const ref = parsePullRequestText(pullRequest);
      if (!ref) return;
      const outcome = removedMyRequest ? await model.requestWithdrawn(ref) : model.started ? await model.refresh('manual') : { ok: true as const };
      if (outcome.ok) return;
      log.warn(`the refresh after handing off ${pullRequest} failed: ${outcome.failure.message}`);
      void showWarning(
        message`The review queue could not check the handoff of ${pullRequest} with GitHub: ${outcome.failure.message} It shows the last data it has until the next refresh; run Lead Desk: Refresh to try again.`,
      );
    },
  });
}
