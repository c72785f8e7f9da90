import type { DelegationSettings } from '../../core/delegation/delegationSettings';
import type { Logger } from '../../core/logger';
import type { PullRequestRef } from '../../core/pullRequestRef';
import type { GitHubClient } from '../../github/client';
import type { DelegationModel, DelegationState } from './delegationModel';

/** What the delegation commands share: the one model the view renders, and what they ask of the account. */
export interface DelegationFeatureContext {
  readonly model: DelegationModel;
  readonly settings: () => DelegationSettings;
  /** The client of the signed-in account; throws NotSignedInError when there is none. */
  readonly client: () => Promise<GitHubClient>;
  /** Scoped to delegation already. */
  readonly log: Logger;
  /**
   * The Review Queue's record of the pull request a command argument names, or undefined (refused,
   * with a warning) when the queue does not show it: a link can pass any argument to a command.
   */
  readonly shownInQueue: (arg: unknown) => Promise<PullRequestRef | undefined>;
  /** Shows the Delegation view for a pull request Lead Desk itself chose (not a command argument). */
  readonly delegate: (pull: PullRequestRef) => Promise<DelegationState>;
  /** The review queue's picker: the argument's pull request, else one picked from the queue or pasted. */
  readonly choosePullRequest?: (arg: unknown, placeHolder: string) => Promise<PullRequestRef | undefined>;
  /** Told of each review asked of someone else (`owner/repo#123`, their login, whether the lead's own request was withdrawn), e.g. to count handoffs in the week and move the queue. */
  readonly onDidRequestReview?: (pullRequest: string, login: string, removedMyRequest?: boolean) => void;
  /** Told just before a handoff withdraws the lead's own request, so the queue can move at once; `undo()` when it was not withdrawn. */
  readonly onWillWithdrawMyRequest?: (pullRequest: string) => { undo(): void };
}
