import type { PullRequestRef } from '../../core/pullRequestRef';
import type { Services } from '../services';
import type { DelegationModel, DelegationState } from './delegationModel';

/** What the delegation commands share: the services and the one model the view renders. */
export interface DelegationFeatureContext {
  readonly services: Services;
  readonly model: DelegationModel;
  /**
   * The Review Queue's record of the pull request a command argument names, or undefined (refused,
   * with a warning) when the queue does not show it: a link can pass any argument to a command.
   */
  readonly shownInQueue: (arg: unknown) => Promise<PullRequestRef | undefined>;
  /** Shows the Delegation view for a pull request Lead Desk itself chose (not a command argument). */
  readonly delegate: (pull: PullRequestRef) => Promise<DelegationState>;
  /** Told of each review asked of someone else (`owner/repo#123`, their login), e.g. to count handoffs in the week. */
  readonly onDidRequestReview?: (pullRequest: string, login: string) => void;
}
