import * as vscode from 'vscode';
import type { MeetingSource } from '../../core/calendar/calendarEvent';
import { registerBoundariesFeature } from '../boundaries/boundariesFeature';
import { scopedLogger } from '../../core/logger';
import { registerCommands } from '../commands/command';
import { CommandId, ViewId } from '../ids';
import { t } from '../l10n';
import type { Services } from '../services';
import { connectSlackCommand } from './commands/connectSlack';
import { disconnectSlackCommand } from './commands/disconnectSlack';
import { editFocusScheduleCommand } from './commands/editFocusSchedule';
import { dismissBreakSuggestionCommand, takeSuggestedBreakCommand } from './commands/breakSuggestion';
import { endBreakCommand } from './commands/endBreak';
import { extendFocusBlockCommand } from './commands/extendFocusBlock';
import { inspectFocusCommand } from './commands/inspectFocus';
import { pauseFocusBlockCommand } from './commands/pauseFocusBlock';
import { resumeFocusBlockCommand } from './commands/resumeFocusBlock';
import { showFocusMenuCommand } from './commands/showFocusMenu';
import { startFocusBlockCommand } from './commands/startFocusBlock';
import { startReviewBlockCommand } from './commands/startReviewBlock';
import { stopFocusBlockCommand } from './commands/stopFocusBlock';
import { switchFocusTypeCommand } from './commands/switchFocusType';
import { BlockEndNotices } from './blockEndNotices';
import { registerFocusMessages } from './focusMessages';
import { FocusModel } from './focusModel';
import { FocusStatusBar } from './focusStatusBar';
import { FocusTicker } from './focusTicker';
import { FocusTreeProvider } from './focusTreeProvider';
import { registerGitHubStatusScope } from './githubStatusScope';
import type { PullRequestRef } from '../../core/pullRequestRef';

/** Without the review queue there is no pull request to choose from. */
const refuseWithoutQueue = () => Promise.resolve(undefined);

/**
 * Focus blocks: the status-bar countdown, the Focus view, the commands, the schedule and the
 * guards. Registering reads global storage only; the network is used when a block starts, or at
 * once only if the last session left a restore unfinished.
 */
export function registerFocusFeature(services: Services, meetings?: MeetingSource, choosePullRequest: (arg: unknown, placeHolder: string) => Promise<PullRequestRef | undefined> = refuseWithoutQueue): vscode.Disposable {
  const { auth, config, github, interruptions, log, sharedState, slack } = services;
  const model = new FocusModel({
    store: sharedState,
    settings: () => config.settings.focus,
    onDidChangeSettings: config.onDidChange,
    githubClient: () => github.client(),
    onDidChangeCredentials: auth.onDidChange,
    slack,
    interruptions,
    log: scopedLogger(log, 'focus'),
    meetings,
  });
  const statusBar = new FocusStatusBar(model);
  const notices = new BlockEndNotices(model, CommandId.showFocusMenu);
  const ticker = new FocusTicker(model, statusBar);
  const provider = new FocusTreeProvider(model, notices);
  const view = vscode.window.createTreeView(ViewId.focus, { treeDataProvider: provider });
  const commands = registerCommands(
    [
      startFocusBlockCommand(model),
      startReviewBlockCommand(model, choosePullRequest),
      pauseFocusBlockCommand(model),
      resumeFocusBlockCommand(model),
      extendFocusBlockCommand(model),
      stopFocusBlockCommand(model),
      switchFocusTypeCommand(model),
      showFocusMenuCommand(model, notices),
      endBreakCommand(model),
      connectSlackCommand(model),
      disconnectSlackCommand(model),
      inspectFocusCommand(model, statusBar, ticker, notices, provider),
      editFocusScheduleCommand(model),
      takeSuggestedBreakCommand(notices),
      dismissBreakSuggestionCommand(notices),
    ],
    log,
  );
  const present = () => {
    const block = model.state.block;
    view.description = block ? (block.pausedAt !== undefined ? t('paused') : t('running')) : undefined;
  };
  const disposables: vscode.Disposable[] = [
    ...commands,
    registerGitHubStatusScope({ auth, github, config, log }),
    registerFocusMessages(model, notices),
    // End My Day and break suggestions act through this window's focus model.
    registerBoundariesFeature(services, model, meetings),
    model.onDidChange(() => {
      present();
      // A new block makes the last one's break offer stale.
      if (model.state.block) notices.clearParked();
      // A change (a command here, or another window) may start or stop the countdown.
      ticker.reschedule();
    }),
    provider,
    view,
    statusBar,
    notices,
    ticker,
    model,
  ];
  model.start();
  present();
  ticker.start();
  void model.slack.updateContext();
  return vscode.Disposable.from(...disposables);
}
