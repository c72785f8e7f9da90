// Every command id, context key and view id in one place; package.json declares the same names
// and a host test checks that the two lists match.

export const CommandId = {
  signIn: 'leadDesk.signIn',
  signInWithToken: 'leadDesk.signInWithToken',
  signOut: 'leadDesk.signOut',
  refresh: 'leadDesk.refresh',
  showLog: 'leadDesk.showLog',
  delegatePullRequest: 'leadDesk.delegatePullRequest',
  whoKnowsThisFile: 'leadDesk.whoKnowsThisFile',
  requestReviewFrom: 'leadDesk.requestReviewFrom',
  copyHandoffMessage: 'leadDesk.copyHandoffMessage',
  refreshDelegation: 'leadDesk.refreshDelegation',
  openPullRequest: 'leadDesk.openPullRequest',
  copyPullRequestLink: 'leadDesk.copyPullRequestLink',
  checkOutPullRequest: 'leadDesk.checkOutPullRequest',
  snoozeForAnHour: 'leadDesk.snoozeForAnHour',
  snoozeUntilTomorrow: 'leadDesk.snoozeUntilTomorrow',
  snoozeUntilActivity: 'leadDesk.snoozeUntilActivity',
  unsnoozePullRequest: 'leadDesk.unsnoozePullRequest',
  pinPullRequest: 'leadDesk.pinPullRequest',
  unpinPullRequest: 'leadDesk.unpinPullRequest',
  startFocusBlock: 'leadDesk.startFocusBlock',
  startReviewBlock: 'leadDesk.startReviewBlock',
  pauseFocusBlock: 'leadDesk.pauseFocusBlock',
  resumeFocusBlock: 'leadDesk.resumeFocusBlock',
  extendFocusBlock: 'leadDesk.extendFocusBlock',
  stopFocusBlock: 'leadDesk.stopFocusBlock',
  switchFocusType: 'leadDesk.switchFocusType',
  showFocusMenu: 'leadDesk.showFocusMenu',
  endBreak: 'leadDesk.endBreak',
  connectSlack: 'leadDesk.connectSlack',
  disconnectSlack: 'leadDesk.disconnectSlack',
  /** Hidden from the palette: what the focus status bar shows, for the host tests and bug reports. */
  inspectFocus: 'leadDesk.inspectFocus',
  addCalendarFeed: 'leadDesk.addCalendarFeed',
  removeCalendarFeed: 'leadDesk.removeCalendarFeed',
  refreshCalendar: 'leadDesk.refreshCalendar',
  findFocusTime: 'leadDesk.findFocusTime',
} as const;
export type CommandId = (typeof CommandId)[keyof typeof CommandId];

export const ContextKey = {
  signedIn: 'leadDesk.signedIn',
  focusRunning: 'leadDesk.focusRunning',
  focusPaused: 'leadDesk.focusPaused',
  onBreak: 'leadDesk.onBreak',
  slackConnected: 'leadDesk.slackConnected',
} as const;

export const ViewId = {
  container: 'leadDesk',
  queue: 'leadDesk.queue',
  focus: 'leadDesk.focus',
  delegation: 'leadDesk.delegation',
} as const;

export const SecretKey = {
  /** One personal access token per API root, so github.com and an Enterprise server can differ. */
  githubToken: (apiUrl: string) => `leadDesk.githubToken:${apiUrl}`,
  /** The Slack user token for the focus guard. */
  slackToken: 'leadDesk.slackToken',
  /** The calendar feeds' names and secret addresses, as one JSON list. */
  calendarFeeds: 'leadDesk.calendarFeeds',
} as const;

export const StateKey = {
  /** Set by Sign Out so that a VS Code session or an environment token is not picked up again silently. */
  signedOut: 'leadDesk.auth.signedOut',
  /** The review queue's last good snapshot, shown at once at start-up and while GitHub is unreachable. */
  queueSnapshot: 'leadDesk.queue.snapshot',
  /** Pins and snoozes of the review queue; they never leave this machine. */
  queueLocal: 'leadDesk.queue.local',
} as const;
