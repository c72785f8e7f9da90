import type * as vscode from 'vscode';
import { message } from './core/inertText';
import { showError } from './vscode/ui/notify';
import { createServices } from './vscode/services';
import { registerAccountFeature } from './vscode/auth/accountFeature';
import { registerFocusFeature } from './vscode/focus/focusFeature';
import { registerDelegationFeature } from './vscode/delegation/delegationFeature';
import { registerQueueFeature } from './vscode/queue/queueFeature';
import { migrateSettings } from './vscode/settingsMigration';
import { registerUpdateFeature } from './vscode/update/updateFeature';
import { registerPulseFeature } from './vscode/pulse/pulseFeature';
import { registerWeekFeature } from './vscode/week/weekFeature';
import { registerCalendarFeature } from './vscode/calendar/calendarFeature';
import { registerWalkthroughFeature } from './vscode/walkthrough/walkthroughFeature';
import { installTranslator } from './vscode/l10n';

/**
 * Builds the services and registers everything. No network and no git here: data is fetched when
 * a view becomes visible or a command runs.
 */
export function activate(context: vscode.ExtensionContext): void {
  try {
    // First, so that every text shown from here on is in the display language.
    context.subscriptions.push(installTranslator());
    const services = createServices(context);
    const calendar = registerCalendarFeature(services);
    const week = registerWeekFeature(services, {
      meetings: async () => ((await calendar.hasFeeds()) ? calendar.meetings : undefined),
      calendarProblems: () => calendar.feedProblems(),
      onDidChangeCalendar: calendar.onDidChange,
    });
    context.subscriptions.push(
      registerAccountFeature(services),
      registerWalkthroughFeature(services.log),
    );
    const queue = registerQueueFeature(services);
    // Delegation acts on a pull request a command argument names only if the queue shows it.
    const delegation = registerDelegationFeature(services, (arg) => queue.shownPullRequest(arg), {
      // Handoffs are counted in the week's figures.
      onDidRequestReview: (pullRequest, login, removedMyRequest) => {
        week.recordHandoff(pullRequest, login);
        // The queue moves the pull request at once and confirms it with a refresh.
        void queue.reviewHandedOff(pullRequest, removedMyRequest === true);
      },
      choosePullRequest: queue.choosePullRequest,
    });
    context.subscriptions.push(
      queue,
      registerFocusFeature(services, calendar.meetings, queue.choosePullRequest),
      delegation,
      registerUpdateFeature(services, (from, to) => week.handoffsBetween(from, to)),
      registerPulseFeature(services, delegation.delegate),
      week,
      calendar,
    );
    // Moves values of renamed and merged settings once; settings only, no network.
    void migrateSettings(services.log);
    // Sets the signed-in context key for the welcome views; reads secret storage only, no network.
    void services.auth.resolve();
  } catch (err) {
    void showError(message`Lead Desk could not start: ${err instanceof Error ? err.message : String(err)}`);
    throw err;
  }
}

export function deactivate(): void {
  // Everything is in context.subscriptions, which VS Code disposes.
}
