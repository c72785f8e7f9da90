// Every contextValue the tree views put on their rows, built from one set of tokens. package.json's
// menus match these with `viewItem == X` and `viewItem =~ /\bX\b/`, and a unit test checks every such
// clause against this file, so renaming a token here without the manifest (or the reverse) fails.
import { GroupId } from './queue/grouping';

/** The words a contextValue is made of; menus match single words with `\b…\b`. */
export const ViewItemToken = {
  // Review Queue
  pullRequest: 'pullRequest',
  pinned: 'pinned',
  unpinned: 'unpinned',
  snoozed: 'snoozed',
  awake: 'awake',
  /** One of my pull requests that has waited for review longer than the team's usual turnaround. */
  nudgeable: 'nudgeable',
  queueGroup: 'queueGroup',
  // Focus
  focusBreak: 'focusBreak',
  focusBlockPaused: 'focusBlockPaused',
  focusBlockRunning: 'focusBlockRunning',
  focusGuard: 'focusGuard',
  /** A break suggested during a block while Do Not Disturb held its toast back. */
  focusBreakSuggestion: 'focusBreakSuggestion',
  // Delegation
  delegationCandidate: 'delegationCandidate',
  canRequest: 'canRequest',
  cannotRequest: 'cannotRequest',
  onPullRequest: 'onPullRequest',
  onFile: 'onFile',
  delegationDetail: 'delegationDetail',
  delegationMessage: 'delegationMessage',
  // Team
  teammate: 'teammate',
  overloaded: 'overloaded',
  notOverloaded: 'notOverloaded',
  teamPull: 'teamPull',
} as const;
export type ViewItemToken = (typeof ViewItemToken)[keyof typeof ViewItemToken];

const T = ViewItemToken;
const words = (...tokens: string[]): string => tokens.join(' ');

/** The contextValue of each kind of row, per view. Rows without menus (queue messages, focus sections) have none. */
export const ViewItem = {
  queue: {
    /** A pull request; its menus depend on whether it is pinned and snoozed. */
    pullRequest: (state: { readonly pinned: boolean; readonly snoozed: boolean; readonly nudgeable?: boolean }): string =>
      words(T.pullRequest, state.pinned ? T.pinned : T.unpinned, state.snoozed ? T.snoozed : T.awake, ...(state.nudgeable ? [T.nudgeable] : [])),
    group: (groupId: string): string => words(T.queueGroup, groupId),
  },
  focus: {
    break: T.focusBreak,
    breakSuggestion: T.focusBreakSuggestion,
    block: (paused: boolean): string => (paused ? T.focusBlockPaused : T.focusBlockRunning),
    guard: (guardId: string): string => `${T.focusGuard}.${guardId}`,
  },
  delegation: {
    /** A suggested person: whether a review can be requested from them, and on what. */
    candidate: (state: { readonly canRequest: boolean; readonly onPullRequest: boolean }): string =>
      words(T.delegationCandidate, state.canRequest ? T.canRequest : T.cannotRequest, state.onPullRequest ? T.onPullRequest : T.onFile),
    detail: T.delegationDetail,
    message: T.delegationMessage,
  },
  team: {
    /** A teammate; one with far more open review requests than the others is marked overloaded. */
    teammate: (overloaded: boolean): string => words(T.teammate, overloaded ? T.overloaded : T.notOverloaded),
    /** A pull request waiting on a teammate. */
    waiting: T.teamPull,
  },
} as const;

export type ViewItemFeature = keyof typeof ViewItem;

const both = [false, true] as const;

/**
 * Every contextValue each view can show, from the builders above (guard ids are passed in: they
 * belong to the focus guards). Used to check that each menu clause can match a real row.
 */
export function viewItemValues(guardIds: readonly string[]): Record<ViewItemFeature, string[]> {
  const groups = [...Object.values(GroupId).flatMap((g) => (typeof g === 'string' ? [g] : [])), GroupId.custom(0), GroupId.mineState('waiting')];
  return {
    queue: [
      ...both.flatMap((pinned) => both.map((snoozed) => ViewItem.queue.pullRequest({ pinned, snoozed }))),
      // A snoozed pull request is never offered a nudge.
      ...both.map((pinned) => ViewItem.queue.pullRequest({ pinned, snoozed: false, nudgeable: true })),
      ...groups.map((g) => ViewItem.queue.group(g)),
    ],
    focus: [ViewItem.focus.break, ViewItem.focus.breakSuggestion, ...both.map(ViewItem.focus.block), ...guardIds.map(ViewItem.focus.guard)],
    delegation: [
      // A review can be requested only on a pull request.
      ...[[false, false], [false, true], [true, true]].map(([canRequest, onPullRequest]) => ViewItem.delegation.candidate({ canRequest, onPullRequest })),
      ViewItem.delegation.detail,
      ViewItem.delegation.message,
    ],
    team: [...both.map(ViewItem.team.teammate), ViewItem.team.waiting],
  };
}
