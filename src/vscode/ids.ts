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
  showQueueLegend: 'leadDesk.showQueueLegend',
  nudgeReviewers: 'leadDesk.nudgeReviewers',
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
  draftWeeklyUpdate: 'leadDesk.draftWeeklyUpdate',
  copyWeeklyUpdate: 'leadDesk.copyWeeklyUpdate',
  postWeeklyUpdate: 'leadDesk.postWeeklyUpdate',
  rewriteWeeklyUpdate: 'leadDesk.rewriteWeeklyUpdate',
  /** Hidden from the palette: what the focus status bar shows, for the host tests and bug reports. */
  inspectFocus: 'leadDesk.inspectFocus',
  endMyDay: 'leadDesk.endMyDay',
  sendTeamPulse: 'leadDesk.sendTeamPulse',
  refreshTeam: 'leadDesk.refreshTeam',
  delegateForTeammate: 'leadDesk.delegateForTeammate',
  /** Hidden from the palette: what the Team view shows, for the host tests and bug reports. */
  inspectTeam: 'leadDesk.inspectTeam',
  refreshWeek: 'leadDesk.refreshWeek',
  /** Hidden from the palette: what the This Week view last showed, for the host tests and bug reports. */
  inspectWeek: 'leadDesk.inspectWeek',
  addCalendarFeed: 'leadDesk.addCalendarFeed',
  removeCalendarFeed: 'leadDesk.removeCalendarFeed',
  refreshCalendar: 'leadDesk.refreshCalendar',
  findFocusTime: 'leadDesk.findFocusTime',
  getStarted: 'leadDesk.getStarted',
  /** Hidden from the palette: the context keys the walkthrough's steps complete on, for the host tests. */
  inspectWalkthrough: 'leadDesk.inspectWalkthrough',
  editFocusSchedule: 'leadDesk.editFocusSchedule',
  /** Hidden from the palette: what start-up registered and whether the features are loaded, for the host tests and bug reports. */
  inspectStartup: 'leadDesk.inspectStartup',
  /** Hidden from the palette: the Time Blocks row of a break suggested during a block. */
  takeSuggestedBreak: 'leadDesk.takeSuggestedBreak',
  /** Hidden from the palette: the Time Blocks row of a break suggested during a block. */
  dismissBreakSuggestion: 'leadDesk.dismissBreakSuggestion',
} as const;
export type CommandId = (typeof CommandId)[keyof typeof CommandId];

export const ContextKey = {
  signedIn: 'leadDesk.signedIn',
  focusRunning: 'leadDesk.focusRunning',
  focusPaused: 'leadDesk.focusPaused',
  onBreak: 'leadDesk.onBreak',
  slackConnected: 'leadDesk.slackConnected',
  /** The Delegation view shows at least one suggested person. */
  delegationHasCandidates: 'leadDesk.delegation.hasCandidates',
  /** A review can be requested from one of the people suggested for a pull request. */
  delegationCanRequest: 'leadDesk.delegation.canRequest',
  /** The active editor holds a weekly update draft Lead Desk opened. */
  weeklyUpdateActive: 'leadDesk.weeklyUpdateActive',
} as const;

export const ViewId = {
  container: 'leadDesk',
  queue: 'leadDesk.queue',
  focus: 'leadDesk.focus',
  delegation: 'leadDesk.delegation',
  team: 'leadDesk.team',
  week: 'leadDesk.week',
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
  /** When each of my pull requests was last nudged, so a second nudge the same day is refused in every window. */
  queueNudges: 'leadDesk.queue.nudges',
  /** Until when End My Day quieted review-request pop-ups (epoch ms), shared by every window. */
  dayEndedUntil: 'leadDesk.boundaries.dayEndedUntil',
  /** Per week: where the team pulse was posted and its reaction counts; never who answered. */
  pulseHistory: 'leadDesk.pulse.history',
  /** Whether the last sign-in lookup found credentials: the welcome views and palette follow it from start-up. */
  signedInLastTime: 'leadDesk.auth.signedInLastTime',
  /** What the review queue shows at start-up (badge, status-bar count), so that start-up shows it without loading the features. */
  queueStartupFace: 'leadDesk.queue.startupFace',
} as const;

/**
 * The one log channel, made at start-up by the entry; the features' logger writes to it.
 * Not translated: it is the product's name, which the Output view lists as it is everywhere.
 */
export const LogChannelName = 'Lead Desk';
