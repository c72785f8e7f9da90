// The features bundle (dist/features.js): every feature and its dependencies, loaded by the entry
// (src/extension.ts) on first use. One bundle on purpose: the features share one set of services
// (sign-in, the Slack connection, the focus lease, event emitters), which separate bundles would
// each build again.
import type * as vscode from 'vscode';
import { createServices } from '../services';
import { registerAccountFeature } from '../auth/accountFeature';
import { registerFocusFeature } from '../focus/focusFeature';
import { registerDelegationFeature } from '../delegation/delegationFeature';
import { registerQueueFeature } from '../queue/queueFeature';
import { migrateSettings } from '../settingsMigration';
import { registerUpdateFeature } from '../update/updateFeature';
import { registerPulseFeature } from '../pulse/pulseFeature';
import { registerWeekFeature } from '../week/weekFeature';
import { registerCalendarFeature } from '../calendar/calendarFeature';
import { registerWalkthroughFeature } from '../walkthrough/walkthroughFeature';
import { installTranslator } from '../l10n';
import { useFeatureHost, type FeatureHost } from './featureHost';
import { rememberSignedIn } from './signedInMemo';

/** Builds the services and registers every feature, through the host the entry lends. No network, no git. */
export function activateFeatures(context: vscode.ExtensionContext, host: FeatureHost): void {
  useFeatureHost(host);
  // First, so that every text the features show is in the display language.
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
    onWillWithdrawMyRequest: (pullRequest) => queue.reviewHandingOff(pullRequest),
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
  // The outcome is remembered, so that the next start-up shows the right welcome before this loads.
  context.subscriptions.push(rememberSignedIn(services.auth, context.globalState));
}
